using SiteGen.Import;

namespace SiteGen.Tests.Import;

/// <summary>How printed characters become the text of a line: spaces from gaps, overprinting undone, lines by baseline.</summary>
public sealed class PdfLineBuilderTests
{
    /// <summary>Characters set from <paramref name="left"/> as the CJK font sets them (Chinese a whole size wide, Latin about half, a space
    /// three tenths and not printed), each followed by <paramref name="gap"/>.</summary>
    private static List<PdfGlyph> Set(string text, double left, double gap, double baseline = 700, double size = 16)
    {
        var glyphs = new List<PdfGlyph>();
        foreach (var c in text)
        {
            var width = c == ' ' ? 0 : c < '\u2E80' ? 0.55 * size : size;
            if (c != ' ') glyphs.Add(new PdfGlyph(c.ToString(), left, left + width, baseline, size));
            left += (c == ' ' ? 0.3 * size : width) + gap;
        }
        return glyphs;
    }

    [Fact]
    public void A_justified_line_keeps_chinese_together_and_the_spaces_between_latin_words()
    {
        // Given a line of Chinese with a number and two English words, every gap widened by justification
        var line = Set("开通 12345 热线和 Web site 在线咨询", 90, gap: 0.2 * 16);

        // Then only the spaces that were there come back
        Assert.Equal("开通 12345 热线和 Web site 在线咨询", PdfLineBuilder.Text(line));
    }

    [Fact]
    public void A_character_printed_twice_for_bold_is_read_once()
    {
        // Given a title Word made bold by printing it twice, a fraction of a point apart
        var line = Set("新田县司法局", 90, gap: 0).Concat(Set("新田县司法局", 90.4, gap: 0)).OrderBy(g => g.Left).ToList();

        Assert.Equal("新田县司法局", PdfLineBuilder.Text(line));
    }

    [Fact]
    public void Characters_are_grouped_into_lines_by_baseline_whatever_order_the_pdf_draws_them_in()
    {
        // Given a second line drawn before the first, and the first drawn right to left
        var first = Set("第一行", 90, 0, baseline: 700);
        var second = Set("第二行", 90, 0, baseline: 674);
        var drawn = second.Concat(Enumerable.Reverse(first));

        // Then the lines come top to bottom, each left to right
        Assert.Equal(["第一行", "第二行"], PdfLineBuilder.Group(drawn).Select(PdfLineBuilder.Text));
    }
}
