namespace SiteGen.Import;

/// <summary>The text of an input file and the encoding it was read with.</summary>
internal sealed record DecodedText(string Text, string Encoding);
