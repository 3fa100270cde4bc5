using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>The report series (the content model's <c>type</c>) a page belongs to: 政府信息公开工作年度报告 when its title or opening says so, else 法治政府建设年度报告.</summary>
internal static partial class ReportSeries
{
    public const string RuleOfLaw = "法治政府建设年度报告";
    public const string InformationDisclosure = "政府信息公开工作年度报告";

    public static string Of(string? title, string? opening) =>
        title is not null ? (Disclosure().IsMatch(title) ? InformationDisclosure : RuleOfLaw)
        : opening is not null && DisclosureOpening().IsMatch(opening) ? InformationDisclosure : RuleOfLaw;

    [GeneratedRegex("政府信息公开(工作)?(年度)?(报告|年报)|政务公开(工作)?年度报告")]
    private static partial Regex Disclosure();

    // A report without a title that introduces itself: 本报告依据《中华人民共和国政府信息公开条例》…, 现公布…政府信息公开工作年度报告.
    [GeneratedRegex("本(年度)?报告.{0,20}政府信息公开条例|政府信息公开(工作)?年度报告")]
    private static partial Regex DisclosureOpening();
}
