namespace SiteGen.Import;

/// <summary>Writes table cells as Markdown table rows, the first row as the header, each cell escaped so it renders as written.</summary>
internal static class MarkdownTable
{
    public static List<string> Rows(IEnumerable<IReadOnlyList<string>> cells)
    {
        var rows = cells.Where(r => r.Count > 0).ToList();
        if (rows.Count == 0) return [];
        var width = rows.Max(r => r.Count);
        var result = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var padded = rows[i].Select(Cell).Concat(Enumerable.Repeat("", width - rows[i].Count));
            result.Add("| " + string.Join(" | ", padded) + " |");
            if (i == 0) result.Add("|" + string.Concat(Enumerable.Repeat(" --- |", width)));
        }
        return result;
    }

    private static string Cell(string text) => MarkdownReportWriter.EscapeInline(text).Replace("|", "\\|", StringComparison.Ordinal);
}
