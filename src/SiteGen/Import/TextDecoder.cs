using System.Text;

namespace SiteGen.Import;

/// <summary>Turns the bytes of a report into text: BOM, declared charset, strict UTF-8, then GB18030; refuses binary files and mojibake.</summary>
internal static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>GB18030 with an exception on invalid bytes: a superset of GB2312 and GBK.</summary>
    public static Encoding Gb18030 { get; } = RegisterCodePages().GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

    /// <summary>.NET ships only Unicode encodings; GB18030 and the other code pages come from this provider.</summary>
    private static EncodingProvider RegisterCodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return CodePagesEncodingProvider.Instance;
    }

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="declaredCharset"/> is the charset a web page states, if any.</summary>
    public static DecodedText Decode(byte[] bytes, string? declaredCharset = null)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return Checked(Strict(StrictUtf8, bytes.AsSpan(3), "UTF-8 (with BOM)"), "utf-8-bom");
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            return Checked(Strict(new UnicodeEncoding(false, false, true), bytes.AsSpan(2), "UTF-16"), "utf-16le");
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return Checked(Strict(new UnicodeEncoding(true, false, true), bytes.AsSpan(2), "UTF-16"), "utf-16be");
        if (Array.IndexOf(bytes, (byte)0) >= 0)
            throw new ImportException("the file contains NUL bytes: it is binary, not text",
                "import the original .txt, .html or .docx file; other formats (PDF, .doc) must be saved as one of these first");

        var declared = Resolve(declaredCharset);
        if (declared is not null)
        {
            var text = TryStrict(declared, bytes);
            if (text is not null) return Checked(text, declared.WebName);
        }
        var utf8 = TryStrict(StrictUtf8, bytes);
        if (utf8 is not null) return Checked(utf8, "utf-8");
        var gb = TryStrict(Gb18030, bytes);
        if (gb is not null) return Checked(gb, "gb18030");
        throw new ImportException("the file is neither UTF-8 nor GB18030/GBK text",
            "open it in an editor that detects its encoding and save it as UTF-8");
    }

    private static Encoding? Resolve(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return null;
        var name = charset.Trim().Trim('"', '\'').ToLowerInvariant();
        if (name is "gb2312" or "gbk" or "gb18030" or "x-gbk" or "cp936" or "windows-936" or "euc-cn") return Gb18030;
        if (name is "utf-8" or "utf8") return StrictUtf8;
        try
        {
            var e = Encoding.GetEncoding(name);
            return Encoding.GetEncoding(e.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ImportException($"the file starts with a {name} byte-order mark but is not valid {name}",
                "the file is damaged or was saved with a wrong encoding; save it again as UTF-8");
        }
    }

    private static string? TryStrict(Encoding encoding, byte[] bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Rejects text that was already garbled before it reached us: replacement-character runs and 锟斤拷 (UTF-8 replacement bytes read as GBK).</summary>
    private static DecodedText Checked(string text, string encoding)
    {
        var replacement = text.Count(c => c == '\uFFFD');
        if (replacement >= 3 || text.Contains("\uFFFD\uFFFD", StringComparison.Ordinal))
            throw new ImportException($"the text contains {replacement} replacement characters (\uFFFD): it was garbled when it was saved",
                "take the report again from its original page or document; the lost characters cannot be recovered from this file");
        if (text.Contains("锟斤拷", StringComparison.Ordinal) || text.Contains("烫烫烫", StringComparison.Ordinal))
            throw new ImportException("the text is garbled (锟斤拷/烫烫烫 mojibake): it was converted between encodings wrongly before it was saved",
                "take the report again from its original page or document");
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')))
            throw new ImportException("the text contains control characters: it is binary or damaged",
                "import the original .txt, .html or .docx file");
        return new DecodedText(text, encoding);
    }
}
