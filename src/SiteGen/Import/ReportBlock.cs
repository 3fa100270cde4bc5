namespace SiteGen.Import;

/// <summary>A block of a converted report body, in reading order.</summary>
public abstract record ReportBlock;

/// <summary>A heading at Markdown level 2–6, its text as the report writes it (numbering included).</summary>
public sealed record HeadingBlock(int Level, string Text) : ReportBlock;

/// <summary>A paragraph of running text, re-joined where the source broke it mid-sentence.</summary>
public sealed record ParagraphBlock(string Text) : ReportBlock;

/// <summary>A table, already as Markdown rows (header, delimiter, body rows).</summary>
public sealed record TableBlock(IReadOnlyList<string> Rows) : ReportBlock;
