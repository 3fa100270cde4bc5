using SiteGen.Model;
using SiteGen.Reports;

namespace SiteGen.Views;

/// <summary>A report's text on an item in brief, as a compare page shows it: its first sentence and its sub-headings at their highest level.</summary>
/// <param name="OutlineCount">How many sub-headings the item has at that level (<c>Outline</c> holds the first of them).</param>
public sealed record ItemBrief(string Excerpt, IReadOnlyList<string> Outline, int OutlineCount);

/// <summary>A report on one required item as a compare page lists it: the headings of its sections on the item (usually one; item 1
/// is often spread over several themed sections) and their text in brief.</summary>
public sealed record ItemText(IReadOnlyList<string> Headings, ItemBrief Brief);

/// <summary>What the compare pages show of one report: its text on each required item in brief, by item number (1–5), null
/// where it lacks the item. Made once from the body, so a body the comparison of years has read is not read again for its compare page.</summary>
public sealed record ReportBrief(IReadOnlyList<ItemText?> Items)
{
    /// <summary>Sub-headings a compare entry lists of a report's item; the report page has the rest.</summary>
    public const int MaxOutline = 12;

    /// <summary>Characters of a report's opening sentence a compare entry shows.</summary>
    public const int MaxExcerpt = 120;

    public static ReportBrief Of(SectionedBody body) => new(RequiredSections.All.Select(item =>
        body.SectionsOf(item.Number) is { Count: > 0 } sections
            ? new ItemText(sections.Select(s => s.Heading).ToList(), SideBySide.Brief(sections, MaxOutline, MaxExcerpt))
            : null).ToList());

    /// <summary>The report's text on item <paramref name="number"/>, or null when it lacks it.</summary>
    public ItemText? Item(int number) => Items[number - 1];
}

/// <summary>A report's text on one required item of a compare page.</summary>
public sealed record ItemEntry(Report Report, ItemText Text);

/// <summary>One required item across the reports of a compare page: the reports that have it, in page order, and those that lack it.</summary>
public sealed record ItemComparison(RequiredItem Item, IReadOnlyList<ItemEntry> Present, IReadOnlyList<Report> Lacking);

/// <summary>The reports of one region, year and series (a <c>/compare/&lt;region&gt;/&lt;year&gt;/</c> page), before their text is read.</summary>
public sealed record ComparePage(string RegionKey, IReadOnlyList<string> Region, int Year, string Series, IReadOnlyList<Report> Reports);

/// <summary>What a compare page shows: for each of the five required items, every report's text on it, one after another.</summary>
public sealed record CompareView(ComparePage Page, IReadOnlyList<ItemComparison> Items);

/// <summary>Builds the sections-side-by-side view: the five required items, as the same recognition as `sitegen check` finds them, across the reports of a region and year.</summary>
public static class SideBySide
{
    /// <summary>The compare pages of a series: one per region and year with at least two reports. A page holds the agencies of
    /// that region itself (a county's government, its departments and its townships), or, with <paramref name="withSubregions"/>,
    /// also those of every region below it.</summary>
    public static IReadOnlyList<ComparePage> Pages(IReadOnlyList<Report> reports, string series, bool withSubregions = false)
    {
        var pages = new SortedDictionary<(string Region, int Year), List<Report>>(Comparer<(string Region, int Year)>.Create((x, y) =>
        {
            var c = string.CompareOrdinal(x.Region, y.Region);
            return c != 0 ? c : y.Year.CompareTo(x.Year);
        }));
        foreach (var report in reports)
        {
            if (report.Series != series || report.Region.Count == 0) continue;
            for (var depth = withSubregions ? 1 : report.Region.Count; depth <= report.Region.Count; depth++)
            {
                var key = (PublicationStatus.Key(report.Region.Take(depth).ToList()), report.Year);
                if (!pages.TryGetValue(key, out var list)) pages[key] = list = [];
                list.Add(report);
            }
        }
        return pages.Where(p => p.Value.Count >= 2)
            .Select(p => new ComparePage(p.Key.Region, p.Key.Region.Split('/'), p.Key.Year, series, p.Value.OrderBy(Order).ThenBy(r => r.Agency, StringComparer.Ordinal).ToList()))
            .ToList();
    }

    /// <summary>Governments first, then departments, then townships: the order in which a region's bodies are usually listed.</summary>
    private static int Order(Report report) => PublicationDeadlines.KindOf(report.Agency) switch
    {
        AgencyKind.Government => 0,
        AgencyKind.Department => 1,
        _ => 2,
    };

    /// <summary>The first sentence of <paramref name="sections"/>' text (cut to <paramref name="maxExcerpt"/> characters with …) and
    /// their first <paramref name="maxOutline"/> sub-headings of the highest level they use; one pass over their lines.</summary>
    public static ItemBrief Brief(IReadOnlyList<ReportSection> sections, int maxOutline, int maxExcerpt)
    {
        var outline = new List<(int Level, string Text)>();
        var paragraph = new System.Text.StringBuilder();
        string? excerpt = null;
        foreach (var section in sections)
        {
            var fence = "";
            foreach (var range in section.BodySpan.Split('\n'))
            {
                var line = section.BodySpan[range];
                if (MarkdownLines.IsFence(line, out var mark))
                {
                    fence = fence.Length == 0 ? mark.ToString() : mark.StartsWith(fence) ? "" : fence;
                    continue;
                }
                if (fence.Length > 0) continue;
                var heading = MarkdownLines.TryAtx(line, out var level, out var text);
                if (heading && text.Length > 0) outline.Add((level, MarkdownText.Inline(text.ToString())));
                if (excerpt is not null) continue;
                if (!heading && !line.IsWhiteSpace()) paragraph.Append(line).Append('\n');
                else if (paragraph.Length > 0) excerpt = FirstSentence(paragraph.ToString(), maxExcerpt);
            }
        }
        excerpt ??= FirstSentence(paragraph.ToString(), maxExcerpt);
        var top = outline.Count == 0 ? 0 : outline.Min(h => h.Level);
        var shown = outline.Where(h => h.Level == top).Select(h => h.Text).ToList();
        return new ItemBrief(excerpt, shown.Take(maxOutline).ToList(), shown.Count);
    }

    private static string FirstSentence(string markdown, int max)
    {
        var sentences = Sentences.Split(MarkdownText.ToPlain(markdown));
        if (sentences.Count == 0) return "";
        var first = sentences[0];
        if (first.Length <= max) return first;
        var cut = char.IsHighSurrogate(first[max - 2]) ? max - 2 : max - 1; // never half of a character beyond the BMP
        return first[..cut] + "…";
    }

    /// <summary>Lays out the five items of the page's reports from their briefs (<paramref name="brief"/>; by default made from their files).</summary>
    public static CompareView Build(ComparePage page, Func<Report, ReportBrief>? brief = null)
    {
        brief ??= r => ReportBrief.Of(ReportBodies.Read(r));
        var briefs = page.Reports.Select(r => (Report: r, Brief: brief(r))).ToList();
        var items = RequiredSections.All.Select(item => new ItemComparison(item,
            briefs.Where(b => b.Brief.Item(item.Number) is not null).Select(b => new ItemEntry(b.Report, b.Brief.Item(item.Number)!)).ToList(),
            briefs.Where(b => b.Brief.Item(item.Number) is null).Select(b => b.Report).ToList())).ToList();
        return new CompareView(page, items);
    }
}
