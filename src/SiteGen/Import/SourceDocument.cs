namespace SiteGen.Import;

/// <summary>How a reader saw a line: plain text, a heading whose level the source states (a Word heading style), or a verbatim Markdown line (a table row).</summary>
internal enum SourceLineKind
{
    Text,
    Heading,
    Verbatim,
}

/// <summary>One line of a report as a reader extracted it, before cleaning; <see cref="Level"/> is the Markdown level of a styled heading.</summary>
internal sealed record SourceLine(string Text, SourceLineKind Kind = SourceLineKind.Text, int Level = 0);

/// <summary>Facts a reader found outside the text lines: a web page's title, date, canonical URL and catalogue cells.</summary>
internal sealed record SourceFacts
{
    public string? Title { get; init; }
    public string? Published { get; init; }
    public string? SourceUrl { get; init; }

    /// <summary>Lines such as <c>索引号：…</c> taken from a catalogue table, parsed like catalogue lines of the text.</summary>
    public IReadOnlyList<string> CatalogueLines { get; init; } = [];
}

/// <summary>What a reader (text, HTML, Word) hands to the converter: the lines of the report and the facts found beside them.</summary>
internal sealed record SourceDocument(IReadOnlyList<SourceLine> Lines, SourceFacts Facts, string Encoding);
