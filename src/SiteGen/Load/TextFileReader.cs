using System.Text;
using SiteGen.Diagnostics;

namespace SiteGen.Load;

/// <summary>Reads a content file as strict UTF-8, refusing invalid bytes, NUL bytes and oversized files with a located diagnostic.</summary>
public static class TextFileReader
{
    /// <summary>Larger files are refused: a report of this size is a conversion accident, and it would stall every reader's browser.</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? ReadUtf8(string path, string display, DiagnosticBag diagnostics)
    {
        var bytes = ReadBytes(path, display, diagnostics);
        return bytes is null ? null : Decode(bytes, display, diagnostics);
    }

    /// <summary>The file's bytes, or null (with a diagnostic) when it is too large to be a report.</summary>
    public static byte[]? ReadBytes(string path, string display, DiagnosticBag diagnostics)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            diagnostics.Error(DiagnosticCodes.FileTooLarge, display, 0, 0,
                $"file is {length / (1024 * 1024)} MiB; reports larger than {MaxFileBytes / (1024 * 1024)} MiB are refused",
                "split the report or remove pasted binary content");
            return null;
        }
        // An empty file has nothing to read; named pipes and devices also report length 0, and opening one would wait forever.
        return length == 0 ? [] : File.ReadAllBytes(path);
    }

    public static string? Decode(byte[] bytes, string display, DiagnosticBag diagnostics)
    {
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            var (line, col) = Locate(bytes, nul);
            diagnostics.Error(DiagnosticCodes.InvalidEncoding, display, line, col, "file contains a NUL byte; it is binary or corrupted",
                "re-save the file as UTF-8 text, or convert it with `sitegen import`");
            return null;
        }
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var (line, col) = Locate(bytes, Math.Max(0, ex.Index));
            diagnostics.Error(DiagnosticCodes.InvalidEncoding, display, line, col, "file is not valid UTF-8",
                "re-save it as UTF-8; files in GB18030/GBK can be converted with `sitegen import`");
            return null;
        }
    }

    /// <summary>1-based line and column (in characters) of a byte offset, for diagnostics.</summary>
    private static (int Line, int Column) Locate(byte[] bytes, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < bytes.Length; i++)
            if (bytes[i] == '\n') { line++; lineStart = i + 1; }
        var col = 1;
        for (var i = lineStart; i < offset; i++)
            if ((bytes[i] & 0xC0) != 0x80) col++;
        return (line, col);
    }
}
