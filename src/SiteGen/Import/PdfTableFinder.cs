namespace SiteGen.Import;

/// <summary>Finds bordered tables on a PDF page: border rules that touch form a grid, and each character inside goes to the cell its centre falls in.</summary>
internal static class PdfTableFinder
{
    /// <summary>Rule positions closer than this (points) are one grid line: a rule's thickness, or the two borders of cells set apart by cell spacing.</summary>
    private const double Tolerance = 4;

    /// <summary>The tables of a page, and the characters outside them.</summary>
    public static (List<PdfLine> Tables, List<PdfGlyph> Outside) Find(int page, IReadOnlyList<PdfRule> rules, IReadOnlyList<PdfGlyph> glyphs)
    {
        var rest = glyphs.ToList();
        var tables = new List<PdfLine>();
        foreach (var grid in Connected(rules))
        {
            var columns = Cluster(grid.Where(r => !r.IsHorizontal).Select(r => (r.Left + r.Right) / 2));
            var rows = Cluster(grid.Where(r => r.IsHorizontal).Select(r => (r.Bottom + r.Top) / 2));
            if (columns.Count < 3 || rows.Count < 2) continue;
            rows.Reverse(); // top to bottom

            var (left, right, top, bottom) = (columns[0] - Tolerance, columns[^1] + Tolerance, rows[0] + Tolerance, rows[^1] - Tolerance);
            var inside = rest.Where(g => g.Center > left && g.Center < right && Middle(g) > bottom && Middle(g) < top).ToList();
            var cells = new Dictionary<(int Row, int Column), List<PdfGlyph>>();
            foreach (var g in inside)
            {
                var key = (Row: Math.Max(0, rows.Count(y => y > Middle(g)) - 1), Column: Math.Max(0, columns.Count(x => x < g.Center) - 1));
                if (!cells.TryGetValue(key, out var list)) cells[key] = list = [];
                list.Add(g);
            }
            var usedRows = cells.Keys.Select(k => k.Row).Distinct().Order().ToList();
            var usedColumns = cells.Keys.Select(k => k.Column).Distinct().Order().ToList();
            // A box around a paragraph or a one-column list is not a table: its text stays text.
            if (usedColumns.Count < 2) continue;

            var table = usedRows.Select(r => (IReadOnlyList<string>)usedColumns
                .Select(c => cells.TryGetValue((r, c), out var list) ? CellText(list) : "").ToList()).ToList();
            var sizes = inside.Select(g => g.Size).Order().ToList();
            tables.Add(new PdfLine(page, "", left, right, top, sizes[sizes.Count / 2]) { Cells = table });
            var taken = inside.ToHashSet();
            rest.RemoveAll(taken.Contains);
        }
        return (tables, rest);
    }

    /// <summary>The height at which a character counts as inside a cell: a little above its baseline.</summary>
    private static double Middle(PdfGlyph g) => g.Baseline + 0.3 * g.Size;

    private static string CellText(List<PdfGlyph> glyphs) =>
        PdfLineBuilder.Group(glyphs).Select(PdfLineBuilder.Text).Aggregate("", PdfLineBuilder.Join).Trim();

    /// <summary>Groups rules that touch or cross (within <see cref="Tolerance"/>) into candidate grids.</summary>
    private static IEnumerable<List<PdfRule>> Connected(IReadOnlyList<PdfRule> rules)
    {
        var parent = Enumerable.Range(0, rules.Count).ToArray();
        int Root(int i)
        {
            while (parent[i] != i) i = parent[i] = parent[parent[i]];
            return i;
        }
        var byLeft = Enumerable.Range(0, rules.Count).OrderBy(i => rules[i].Left).ToArray();
        for (var a = 0; a < byLeft.Length; a++)
        {
            var r = rules[byLeft[a]];
            // Sorted by left edge: once a rule starts right of this one's end, no later one can touch it.
            for (var b = a + 1; b < byLeft.Length && rules[byLeft[b]].Left <= r.Right + Tolerance; b++)
            {
                var s = rules[byLeft[b]];
                if (s.Bottom <= r.Top + Tolerance && r.Bottom <= s.Top + Tolerance) parent[Root(byLeft[a])] = Root(byLeft[b]);
            }
        }
        return Enumerable.Range(0, rules.Count).GroupBy(Root).Select(g => g.Select(i => rules[i]).ToList());
    }

    /// <summary>Sorted positions with those closer than <see cref="Tolerance"/> to their neighbour merged into one.</summary>
    private static List<double> Cluster(IEnumerable<double> values)
    {
        var result = new List<double>();
        var last = double.NegativeInfinity;
        foreach (var v in values.Order())
        {
            if (v - last > Tolerance) result.Add(v);
            last = v;
        }
        return result;
    }
}
