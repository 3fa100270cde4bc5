namespace SiteGen.Server;

/// <summary>Reads a <c>Range</c> header asking for one byte range (<c>bytes=a-b</c>, <c>bytes=a-</c>, <c>bytes=-n</c>) of a file of known length.</summary>
public static class ByteRange
{
    /// <summary>What the server should do with the request's <c>Range</c> header.</summary>
    public enum Outcome
    {
        /// <summary>No header, or one that is malformed, in another unit or asks for several ranges: send the whole file (RFC 9110 allows ignoring it).</summary>
        Whole,

        /// <summary>One range that overlaps the file: send 206 with <c>Content-Range</c>.</summary>
        Partial,

        /// <summary>A valid range that starts at or past the end of the file: send 416 with <c>Content-Range: bytes */length</c>.</summary>
        Unsatisfiable,
    }

    /// <summary>The decision for <paramref name="header"/> against a file of <paramref name="length"/> bytes; for <see cref="Outcome.Partial"/>, the first and last byte offsets (inclusive).</summary>
    public static (Outcome Outcome, long First, long Last) Parse(string? header, long length)
    {
        const string unit = "bytes=";
        if (string.IsNullOrEmpty(header)) return (Outcome.Whole, 0, 0);
        var value = header.Trim();
        if (!value.StartsWith(unit, StringComparison.OrdinalIgnoreCase)) return (Outcome.Whole, 0, 0);
        var spec = value[unit.Length..].Trim();
        // One range only: multipart/byteranges replies are not worth their complexity here, and a static host may ignore such requests.
        if (spec.Contains(',', StringComparison.Ordinal)) return (Outcome.Whole, 0, 0);
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0) return (Outcome.Whole, 0, 0);
        var firstText = spec[..dash];
        var lastText = spec[(dash + 1)..];

        if (firstText.Length == 0)
        {
            // Suffix range: the last n bytes.
            if (!TryDigits(lastText, out var suffix)) return (Outcome.Whole, 0, 0);
            if (suffix == 0 || length == 0) return (Outcome.Unsatisfiable, 0, 0);
            return (Outcome.Partial, Math.Max(0, length - suffix), length - 1);
        }

        if (!TryDigits(firstText, out var first)) return (Outcome.Whole, 0, 0);
        var last = long.MaxValue;
        if (lastText.Length > 0)
        {
            if (!TryDigits(lastText, out last)) return (Outcome.Whole, 0, 0);
            if (last < first) return (Outcome.Whole, 0, 0);
        }
        if (first >= length) return (Outcome.Unsatisfiable, 0, 0);
        return (Outcome.Partial, first, Math.Min(last, length - 1));
    }

    /// <summary>ASCII digits only (no sign, no spaces); a number too large for a long saturates, as it lies past any file's end anyway.</summary>
    private static bool TryDigits(string text, out long number)
    {
        number = 0;
        if (text.Length == 0) return false;
        foreach (var c in text)
        {
            if (c is < '0' or > '9') return false;
            number = number > (long.MaxValue - (c - '0')) / 10 ? long.MaxValue : number * 10 + (c - '0');
        }
        return true;
    }
}
