namespace SiteGen.Import;

/// <summary>Re-joins the printed lines of a PDF into the lines a reader hands to the converter: one per paragraph (across line and page breaks), one per row of a table.</summary>
/// <remarks>A line continues the one above when that one ran to the right margin and this one starts at the left margin with the
/// same type size and no extra space above. A paragraph starts with an indent, after a short line, after a gap, or, in a PDF
/// whose paragraphs are not indented, after a sentence end. A centred title set larger than the text continues over its lines.</remarks>
internal sealed class PdfParagraphs
{
    private readonly double _bodySize;
    private readonly double _left;
    private readonly double _right;
    private readonly double _pitch;
    private readonly bool _indents;

    private PdfParagraphs(List<PdfLine> text)
    {
        // The text's size is the one most characters are set in.
        _bodySize = text.GroupBy(l => Math.Round(l.Size * 2) / 2).OrderByDescending(g => g.Sum(l => l.Text.Length)).ThenBy(g => g.Key).First().Key;
        var body = text.Where(l => Math.Abs(l.Size - _bodySize) < 0.1 * _bodySize).ToList();
        // The margins are where nearly all lines start and end: a few lines in the margin (a note, an overlong URL) do not move them.
        var lefts = body.Select(l => l.Left).Order().ToList();
        _left = lefts[(int)(lefts.Count * 0.05)];
        var rights = body.Select(l => l.Right).Order().ToList();
        _right = rights[(int)(rights.Count * 0.95)];
        var steps = body.Zip(body.Skip(1), (a, b) => a.Page == b.Page ? a.Baseline - b.Baseline : 0)
            .Where(d => d > 0 && d < 3 * _bodySize).Order().ToList();
        _pitch = steps.Count > 0 ? steps[steps.Count / 2] : 1.5 * _bodySize;
        _indents = body.Count(l => l.Left - _left is var indent && indent > _bodySize && indent < 4 * _bodySize) >= 2;
    }

    /// <summary>The report's lines in reading order, pages concatenated, furniture already removed.</summary>
    public static List<SourceLine> Join(IReadOnlyList<PdfLine> lines)
    {
        var text = lines.Where(l => l.Cells is null).ToList();
        var layout = text.Count > 0 ? new PdfParagraphs(text) : null;
        var result = new List<SourceLine>();
        PdfLine? previous = null;
        string? paragraph = null;
        List<IReadOnlyList<string>>? table = null;
        void Flush()
        {
            if (paragraph is not null) result.Add(new SourceLine(paragraph));
            if (table is not null) result.AddRange(MarkdownTable.Rows(table).Select(r => new SourceLine(r, SourceLineKind.Verbatim)));
            (paragraph, table) = (null, null);
        }

        foreach (var line in lines)
        {
            if (line.Cells is { } cells)
            {
                // A table broken by a page break goes on under the same columns; a header row repeated on the new page is dropped.
                if (table is not null && previous is { Cells: not null } && previous.Page < line.Page && cells[0].Count == table[0].Count)
                    table.AddRange(cells.Skip(cells[0].SequenceEqual(table[0]) ? 1 : 0));
                else
                {
                    Flush();
                    table = [.. cells];
                }
            }
            else if (paragraph is not null && previous is { Cells: null } && layout!.Continues(previous, line))
                paragraph = PdfLineBuilder.Join(paragraph, line.Text);
            else
            {
                Flush();
                paragraph = line.Text;
            }
            previous = line;
        }
        Flush();
        return result;
    }

    private bool Continues(PdfLine above, PdfLine line)
    {
        if (line.Page == above.Page && above.Baseline - line.Baseline > 1.4 * _pitch * Math.Max(1, line.Size / _bodySize)) return false;
        if (Math.Abs(line.Size - above.Size) > 0.1 * above.Size) return false;
        if (line.Page == above.Page && line.Size > 1.1 * _bodySize && Centred(above) && Centred(line)) return !BlockBuilder.EndsSentence(above.Text);
        if (line.Left > _left + 0.8 * line.Size) return false;
        if (above.Right < _right - 2 * above.Size) return false;
        return _indents || !BlockBuilder.EndsSentence(above.Text);
    }

    private bool Centred(PdfLine line) => Math.Abs((line.Left + line.Right) / 2 - (_left + _right) / 2) < 1.5 * line.Size;
}
