using System.Globalization;
using System.Text;

namespace SiteGen.Render;

/// <summary>Makes readable, stable fragment ids from heading text: letters (Chinese included) and digits kept, everything else folded to single hyphens.</summary>
public static class HeadingId
{
    private const int MaxLength = 64;

    public static string From(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingHyphen = false;
        Span<char> utf16 = stackalloc char[2];
        foreach (var rune in text.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var keep = Rune.IsLetterOrDigit(rune) || category == UnicodeCategory.NonSpacingMark;
            if (!keep)
            {
                // Latin words are separated by hyphens; between Chinese characters punctuation simply disappears.
                pendingHyphen = sb.Length > 0 && rune.Value < 0x2E80;
                continue;
            }
            if (pendingHyphen && (rune.Value < 0x2E80 || sb[^1] < 0x2E80)) sb.Append('-');
            pendingHyphen = false;
            if (sb.Length + rune.Utf16SequenceLength > MaxLength) break;
            sb.Append(utf16[..Rune.ToLowerInvariant(rune).EncodeToUtf16(utf16)]);
        }
        return sb.Length == 0 ? "section" : sb.ToString();
    }
}
