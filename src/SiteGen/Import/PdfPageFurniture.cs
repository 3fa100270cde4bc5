using System.Globalization;
using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>Drops what the printer put on every PDF page: running headers and footers (the same line at the top or bottom of several pages) and page numbers (<c>— 3 —</c>, <c>第 3 页 共 10 页</c>, <c>3/10</c>, a bare number).</summary>
internal static partial class PdfPageFurniture
{
    /// <summary>How many lines at each end of a page may be furniture.</summary>
    private const int Band = 3;

    public static List<List<PdfLine>> Remove(IReadOnlyList<List<PdfLine>> pages)
    {
        var headers = Repeated(pages.Select(p => p.Take(Band)));
        var footers = Repeated(pages.Select(p => p.AsEnumerable().Reverse().Take(Band)));
        var result = new List<List<PdfLine>>();
        foreach (var page in pages)
        {
            var lines = page.ToList();
            while (lines.Count > 0 && IsFurniture(lines[0], headers)) lines.RemoveAt(0);
            while (lines.Count > 0 && IsFurniture(lines[^1], footers)) lines.RemoveAt(lines.Count - 1);
            result.Add(lines);
        }
        return result;
    }

    private static bool IsFurniture(PdfLine line, HashSet<string> repeated) =>
        line.Cells is null && (repeated.Contains(Key(line)) || IsPageNumber(line.Text, line.Page));

    /// <summary>True for a page number as printers write it; a bare number only when it is close to the page's own number.</summary>
    public static bool IsPageNumber(string text, int page)
    {
        var t = text.Trim();
        if (BareNumber().IsMatch(t))
            return int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && Math.Abs(n - page) <= 10;
        return DecoratedNumber().IsMatch(t);
    }

    /// <summary>The lines (by <see cref="Key"/>) found at the same place at the same end of at least two pages and of two in five: running headers or
    /// footers (alternating ones included); a line of text that happens to recur at a page's top is not that regular.</summary>
    private static HashSet<string> Repeated(IEnumerable<IEnumerable<PdfLine>> ends)
    {
        var pages = 0;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var end in ends)
        {
            pages++;
            foreach (var key in end.Where(l => l.Cells is null).Select(Key).Distinct())
                counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts.Where(c => c.Value >= 2 && c.Value * 5 >= pages * 2).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A line's height on the page (to a few points) and its text with numbers and spaces taken out, so `— 3 —` and `— 4 —` or
    /// `2024年第3期` and `…第4期` in the same place compare equal.</summary>
    private static string Key(PdfLine line) =>
        Math.Round(line.Baseline / 4).ToString(CultureInfo.InvariantCulture) + ":" + NumbersAndSpaces().Replace(line.Text, m => char.IsWhiteSpace(m.Value[0]) ? "" : "#");

    [GeneratedRegex(@"\d+|\s+")]
    private static partial Regex NumbersAndSpaces();

    [GeneratedRegex(@"^\d{1,4}$")]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"^([-‐–—―－~·•]+\s*\d{1,4}\s*[-‐–—―－~·•]+|第\s*\d{1,4}\s*页\s*([,，、/／]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*[,，、]?\s*第\s*\d{1,4}\s*页|\d{1,4}\s*[/／]\s*\d{1,4}|(page|p\.)\s*\d{1,4}(\s*(of|/)\s*\d{1,4})?)$", RegexOptions.IgnoreCase)]
    private static partial Regex DecoratedNumber();
}
