using System.Globalization;
using System.Text.RegularExpressions;
using SiteGen.Diagnostics;

namespace SiteGen.Load;

/// <summary>Reads the <c>deadlines:</c> mapping of site.yml (series → <c>MM-DD</c>, or series → a mapping per kind of body);
/// each bad entry is reported at its line and column and left out.</summary>
internal static partial class SiteConfigDeadlines
{
    public const string Hint = "write `series: \"MM-DD\"` for one deadline in the year after the reported one, or per kind of body: "
        + "`series: { department: \"01-31\", government: \"03-31\", township: \"03-31\" }`";

    private static readonly string[] Kinds = ["department", "government", "township"];

    public static IReadOnlyList<SeriesDeadline> Read(YamlDocument.Entry setting, string file, DiagnosticBag diagnostics)
    {
        if (YamlDocument.AsMapping(setting.Value) is not { } entries)
        {
            diagnostics.Error(DiagnosticCodes.SiteConfig, file, setting.Line, setting.Column, "setting `deadlines` must be a mapping of report series to deadlines", Hint);
            return [];
        }
        var result = new List<SeriesDeadline>();
        foreach (var e in entries)
        {
            var series = e.Key.Trim();
            if (series.Length == 0)
            {
                diagnostics.Error(DiagnosticCodes.SiteConfig, file, e.Line, e.Column, "a deadline needs the name of its report series", Hint);
                continue;
            }
            if (YamlDocument.AsMapping(e.Value) is { } perKind)
            {
                if (ReadPerKind(series, perKind, e, file, diagnostics) is { } deadline) result.Add(deadline);
            }
            else if (Date(series, e, file, diagnostics) is { } date)
            {
                result.Add(new SeriesDeadline(series, date, date, date));
            }
        }
        return result;
    }

    private static SeriesDeadline? ReadPerKind(string series, IReadOnlyList<YamlDocument.Entry> entries, YamlDocument.Entry owner, string file, DiagnosticBag diagnostics)
    {
        var dates = new MonthDay?[Kinds.Length];
        var ok = true;
        foreach (var e in entries)
        {
            var kind = Array.IndexOf(Kinds, e.Key);
            if (kind < 0)
            {
                diagnostics.Error(DiagnosticCodes.SiteConfig, file, e.Line, e.Column, $"deadline of {series}: unknown kind of body `{e.Key}`",
                    "the kinds are department (a 部门 of a government), government (县级以上人民政府) and township (乡镇人民政府, 街道办事处)");
                ok = false;
                continue;
            }
            var date = Date(series, e, file, diagnostics);
            if (date is null) ok = false;
            dates[kind] = date;
        }
        if (entries.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.SiteConfig, file, owner.Line, owner.Column, $"deadline of {series}: the mapping names no kind of body", Hint);
            return null;
        }
        return ok ? new SeriesDeadline(series, dates[0], dates[1], dates[2]) : null;
    }

    /// <summary>The <c>MM-DD</c> value of an entry; null (and reported) when it is not one.</summary>
    private static MonthDay? Date(string series, YamlDocument.Entry entry, string file, DiagnosticBag diagnostics)
    {
        var (line, column) = (entry.Line, entry.Column);
        if (!YamlDocument.IsScalar(entry.Value, out var text, out _) || text is null || MonthDayPattern().Match(text.Trim()) is not { Success: true } m)
        {
            diagnostics.Error(DiagnosticCodes.SiteConfig, file, line, column, $"deadline of {series} must be a month and day as MM-DD, e.g. \"04-01\"", Hint);
            return null;
        }
        var month = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2001, month))
        {
            var hint = month == 2 && day == 29 ? "29 February does not exist every year; use 02-28 or 03-01" : Hint;
            diagnostics.Error(DiagnosticCodes.SiteConfig, file, line, column, $"deadline of {series}: `{text.Trim()}` is not a day of the year", hint);
            return null;
        }
        return new MonthDay(month, day);
    }

    [GeneratedRegex(@"^(\d{2})-(\d{2})$")]
    private static partial Regex MonthDayPattern();
}
