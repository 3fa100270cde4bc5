using System.Globalization;
using System.Text;

namespace SiteGen.Model;

/// <summary>Makes a file or folder name from content safe as a URL segment and as a file name on any static host, keeping its words
/// (Chinese included) so that the file people download is still called what the editor called it.</summary>
/// <remarks>Chinese names stay Chinese: they are published as UTF-8 and linked percent-encoded, which nginx, Apache, IIS, object
/// storage and GitHub Pages all serve, and browsers show and save them decoded. What is replaced (by <c>-</c>) is what breaks a URL or a
/// host: ASCII other than letters, digits, <c>-</c>, <c>_</c> and <c>.</c> (spaces, <c>#</c>, <c>?</c>, <c>%</c>, <c>+</c>, <c>&amp;</c>,
/// quotes, Windows' <c>\ : * " &lt; &gt; |</c>), and invisible characters (controls, format characters, any other space).</remarks>
public static class AttachmentNames
{
    private static readonly HashSet<string> WindowsDevices = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>The safe form of a file name (its extension lower-cased) or, with <paramref name="isFile"/> false, of a folder name.</summary>
    public static string Safe(string name, bool isFile)
    {
        var extension = isFile ? Path.GetExtension(name) : "";
        var stem = name[..^extension.Length];
        var safe = new StringBuilder(stem.Length);
        foreach (var rune in stem.EnumerateRunes())
        {
            var keep = rune.IsAscii
                ? Rune.IsLetterOrDigit(rune) || rune.Value is '-' or '_' or '.'
                : rune != Rune.ReplacementChar && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format
                    or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                    or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate);
            if (keep) safe.Append(rune.ToString());
            else if (safe.Length == 0 || safe[^1] != '-') safe.Append('-');
        }
        // Leading dots would hide the file; trailing dots and spaces are dropped by Windows.
        var result = safe.ToString().Trim('-', '.');
        // Nothing readable left (`###.pdf`): a stable name derived from the original one.
        if (result.Length == 0) result = "file-" + SiteUrls.Segment(name);
        if (WindowsDevices.Contains(result.Split('.')[0])) result = "_" + result;
        return result + extension.ToLowerInvariant();
    }
}
