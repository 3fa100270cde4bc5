namespace SiteGen.Import;

/// <summary>One printed character of a PDF page: its text and where it sits, in PDF points (the y axis points up).</summary>
internal readonly record struct PdfGlyph(string Text, double Left, double Right, double Baseline, double Size)
{
    public double Center => (Left + Right) / 2;
}

/// <summary>A thin rectangle or line drawn on a PDF page (a table border), in PDF points.</summary>
internal readonly record struct PdfRule(double Left, double Bottom, double Right, double Top)
{
    public bool IsHorizontal => Top - Bottom < Right - Left;
}

/// <summary>What the PDF reader takes from one page: its characters, the rules drawn on it, and whether it shows images and no text (a scanned page).</summary>
internal sealed record PdfPageContent(int Number, IReadOnlyList<PdfGlyph> Glyphs, IReadOnlyList<PdfRule> Rules, bool ImagesOnly);

/// <summary>A line of a PDF page in reading order, or a whole table (<see cref="Cells"/>); <see cref="Baseline"/> is a table's top edge.</summary>
internal sealed record PdfLine(int Page, string Text, double Left, double Right, double Baseline, double Size)
{
    /// <summary>The table's cell texts, row by row, when this item is a table.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? Cells { get; init; }
}
