namespace SiteGen.Import;

/// <summary>The title found above the body: the text, how many leading lines it and the page header used, and whether it was guessed.</summary>
internal sealed record TitleMatch(string? Title, int BodyStart, bool Guessed);
