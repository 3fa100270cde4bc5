namespace SiteGen.Import;

/// <summary>A numbered heading found at the start of a line: its Markdown level, its text (numbering kept) and the body text that ran on after it.</summary>
internal sealed record HeadingMatch(int Level, string Heading, string Rest);
