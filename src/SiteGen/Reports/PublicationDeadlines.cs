using SiteGen.Load;
using SiteGen.Model;

namespace SiteGen.Reports;

/// <summary>The kind of body that publishes a report, as far as publication deadlines tell them apart.</summary>
public enum AgencyKind
{
    /// <summary>A department (部门) of a government, and every body that is neither of the two below.</summary>
    Department,

    /// <summary>A people's government at county level or above (…人民政府, …政府).</summary>
    Government,

    /// <summary>A township government or a sub-district office (乡/镇人民政府, 街道办事处).</summary>
    Township,
}

/// <summary>When a report must be public: built-in deadlines of the series the law sets, replaced per series by site.yml's
/// <c>deadlines:</c>; shared by `sitegen check` (late publication) and the publication status view.</summary>
/// <remarks>
/// Built in: 法治政府建设年度报告 by 1 April of the following year for every body (《法治政府建设与责任落实督察工作规定》 art. 24);
/// 政府信息公开工作年度报告 by 31 January for a department and by 31 March for a government (《政府信息公开条例》 art. 49:
/// 县级以上人民政府部门 report by 31 January, 县级以上地方人民政府 publish by 31 March). Article 49 names only bodies at county level
/// or above; townships and sub-districts get the later date, 31 March, so no body is called late under a rule that does not bind
/// it; a site that follows a stricter local rule sets it per kind in site.yml.
/// </remarks>
public sealed class PublicationDeadlines
{
    public const string RuleOfLawSeries = "法治政府建设年度报告";
    public const string InformationDisclosureSeries = "政府信息公开工作年度报告";

    private static readonly SeriesDeadline[] BuiltIn =
    [
        new(RuleOfLawSeries, new MonthDay(4, 1), new MonthDay(4, 1), new MonthDay(4, 1)),
        new(InformationDisclosureSeries, new MonthDay(1, 31), new MonthDay(3, 31), new MonthDay(3, 31)),
    ];

    private readonly Dictionary<string, SeriesDeadline> _bySeries = new(StringComparer.Ordinal);

    /// <param name="overrides">The site's deadlines; a kind a site leaves out keeps the built-in deadline of its series, if any.</param>
    public PublicationDeadlines(IReadOnlyList<SeriesDeadline> overrides)
    {
        foreach (var d in BuiltIn) _bySeries[d.Series] = d;
        foreach (var d in overrides)
        {
            var builtIn = _bySeries.GetValueOrDefault(d.Series);
            _bySeries[d.Series] = new SeriesDeadline(d.Series, d.Department ?? builtIn?.Department, d.Government ?? builtIn?.Government,
                d.Township ?? builtIn?.Township);
        }
    }

    public static PublicationDeadlines For(SiteConfig config) => new(config.Deadlines);

    /// <summary>The last day a report of <paramref name="year"/> may be published on time; null when its series has no known deadline.</summary>
    public DateOnly? Deadline(string series, string agency, int year)
    {
        return Deadline(series, KindOf(agency))?.In(year + 1);
    }

    /// <summary>The day of the following year by which a body of <paramref name="kind"/> must publish; null when the series has none.</summary>
    public MonthDay? Deadline(string series, AgencyKind kind) =>
        !_bySeries.TryGetValue(series, out var d) ? null : kind switch
        {
            AgencyKind.Government => d.Government,
            AgencyKind.Township => d.Township,
            _ => d.Department,
        };

    public DateOnly? Deadline(Report report) => Deadline(report.Series, report.Agency, report.Year);

    /// <summary>The kind of body an agency is, read from the end of its official name: 乡/镇/苏木 governments and 街道 offices are
    /// townships, other names ending in 政府 are governments (…人民政府办公室 ends otherwise and is a department).</summary>
    public static AgencyKind KindOf(string agency)
    {
        var name = agency.Trim();
        foreach (var government in (ReadOnlySpan<string>)["人民政府", "政府"])
        {
            if (!name.EndsWith(government, StringComparison.Ordinal)) continue;
            var place = name[..^government.Length];
            return place.EndsWith('乡') || place.EndsWith('镇') || place.EndsWith("苏木", StringComparison.Ordinal) ? AgencyKind.Township : AgencyKind.Government;
        }
        if (name.EndsWith("街道办事处", StringComparison.Ordinal) || name.EndsWith("街道办", StringComparison.Ordinal) || name.EndsWith("街道", StringComparison.Ordinal))
            return AgencyKind.Township;
        return name.EndsWith('乡') || name.EndsWith('镇') ? AgencyKind.Township : AgencyKind.Department;
    }
}
