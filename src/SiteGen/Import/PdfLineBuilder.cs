using System.Text;

namespace SiteGen.Import;

/// <summary>Puts a PDF page's characters in reading order: its bordered tables as whole items, the other characters as lines top to bottom, each left to right.</summary>
internal static class PdfLineBuilder
{
    /// <summary>A gap wider than the line's usual gap by this share of the type size is a space (PDFs rarely print space characters).</summary>
    private const double SpaceGap = 0.2;

    public static List<PdfLine> Lines(PdfPageContent page)
    {
        var (tables, rest) = PdfTableFinder.Find(page.Number, page.Rules, page.Glyphs);
        var lines = Group(rest).Select(g => new PdfLine(page.Number, Text(g), g[0].Left, g[^1].Right, g[0].Baseline, Size(g))).ToList();
        lines.AddRange(tables);
        return lines.OrderByDescending(l => l.Baseline).ThenBy(l => l.Left).ToList();
    }

    /// <summary>Groups characters into lines: a character whose baseline is within a fraction of the type size of the line's belongs to it; each line is sorted left to right.</summary>
    public static List<List<PdfGlyph>> Group(IEnumerable<PdfGlyph> glyphs)
    {
        var lines = new List<List<PdfGlyph>>();
        List<PdfGlyph>? current = null;
        var top = 0.0;
        foreach (var g in glyphs.OrderByDescending(g => g.Baseline).ThenBy(g => g.Left))
        {
            if (current is null || top - g.Baseline > 0.4 * Math.Max(g.Size, current[0].Size))
            {
                current = [];
                lines.Add(current);
                top = g.Baseline;
            }
            current.Add(g);
        }
        foreach (var line in lines) line.Sort((a, b) => a.Left.CompareTo(b.Left));
        return lines;
    }

    /// <summary>The text of one line: a space where the gap between two characters is wider than the line's usual gap (which justified
    /// text widens) by a share of the type size, between two Chinese characters only by a whole character; overprinted characters once.</summary>
    public static string Text(IReadOnlyList<PdfGlyph> line)
    {
        var kept = new List<PdfGlyph>(line.Count);
        foreach (var g in line)
        {
            // Word and WPS embolden by printing a character twice, a fraction of a point apart.
            if (kept.Count > 0 && kept[^1] is var p && g.Text == p.Text && Math.Abs(g.Left - p.Left) < 0.3 * g.Size) continue;
            kept.Add(g);
        }
        var gaps = kept.Zip(kept.Skip(1), (a, b) => b.Left - a.Right).ToList();
        var usual = gaps.Count == 0 ? 0 : Math.Max(0, gaps.Order().ElementAt(gaps.Count / 2));
        var sb = new StringBuilder(kept[0].Text);
        for (var i = 1; i < kept.Count; i++)
        {
            var (p, g) = (kept[i - 1], kept[i]);
            var extra = gaps[i - 1] - usual;
            var size = Math.Max(g.Size, p.Size);
            if (extra > SpaceGap * size && !(IsWide(p.Text) && IsWide(g.Text) && extra < size)) sb.Append(' ');
            sb.Append(g.Text);
        }
        return sb.ToString();
    }

    /// <summary>Joins two lines of one paragraph or table cell: without a space, except between two Latin words.</summary>
    public static string Join(string left, string right) =>
        left.Length > 0 && right.Length > 0 && char.IsAsciiLetter(left[^1]) && char.IsAsciiLetter(right[0]) ? left + " " + right : left + right;

    /// <summary>The type size most of the line is set in.</summary>
    private static double Size(List<PdfGlyph> line) =>
        line.GroupBy(g => Math.Round(g.Size, 1)).OrderByDescending(s => s.Count()).ThenByDescending(s => s.Key).First().Key;

    /// <summary>A Chinese character or full-width punctuation mark: Chinese text has no spaces between them.</summary>
    private static bool IsWide(string text) => text.Length > 0 && text[0] >= '\u2E80';
}
