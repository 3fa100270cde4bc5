namespace SiteGen.Import;

/// <summary>Reads a plain-text report (pasted or saved from a page): decodes it and splits it into lines.</summary>
internal static class PlainTextReader
{
    public static SourceDocument Read(byte[] bytes)
    {
        var decoded = TextDecoder.Decode(bytes);
        return new SourceDocument(SplitLines(decoded.Text).Select(l => new SourceLine(l)).ToList(), new SourceFacts(), decoded.Encoding);
    }

    /// <summary>Splits on CRLF, CR or LF.</summary>
    public static IEnumerable<string> SplitLines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
}
