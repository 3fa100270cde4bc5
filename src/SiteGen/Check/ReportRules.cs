using System.Globalization;
using SiteGen.Diagnostics;
using SiteGen.Load;

namespace SiteGen.Check;

/// <summary>Checks one report's content against the publication rules: drafts that still lack required fields, its year against its publication date, late publication, and the five required sections.</summary>
public static class ReportRules
{
    /// <summary>Reports must be public by 1 April of the following year (厅字〔2019〕28号, art. 24).</summary>
    public static DateOnly Deadline(int year) => new(year + 1, 4, 1);

    public static void Check(ContentFile file, string body, DiagnosticBag diagnostics)
    {
        var meta = file.FrontMatter;
        if (meta.MissingFields.Count > 0)
        {
            diagnostics.Warning(DiagnosticCodes.IncompleteDraft, file.RelativePath, 1, 1,
                $"draft still lacks {string.Join(", ", meta.MissingFields)}: it stays out of the site",
                "fill in the missing fields from the original (the comment at the top says what the import could not find), then remove `draft: true`");
        }
        var publishedLine = meta.FieldLines.TryGetValue("published", out var pl) ? pl : 1;
        if (meta.Published is { } published && meta.Year != 0)
        {
            if (meta.Year > published.Year)
                diagnostics.Error(DiagnosticCodes.YearAfterPublication, file.RelativePath, publishedLine, 1,
                    $"the report covers {meta.Year} but was published on {Date(published)}, before that year began",
                    "`year` is the year the report covers, taken from its title; `published` is the date the source shows. Correct whichever is wrong");
            else if (published > Deadline(meta.Year) && !meta.Draft)
                diagnostics.Add(new Diagnostic(Severity.Info, DiagnosticCodes.LatePublication, file.RelativePath, publishedLine, 1,
                    $"published {Date(published)}, after the deadline of {Date(Deadline(meta.Year))} for a {meta.Year} report",
                    "nothing to fix if the date is right: the date is a legal fact and must stay as the source shows it"));
        }

        foreach (var section in RequiredSections.Missing(body))
            diagnostics.Warning(DiagnosticCodes.MissingSection, file.RelativePath, file.BodyLine, 1,
                $"no section on item {section.Number}, “{section.Name}”, found among the report's top-level headings",
                "the five required items are: 主要举措和成效; 存在的不足和原因; 党政主要负责人履行第一责任人职责情况; 下一年度主要安排; 其他需要报告的情况");
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
