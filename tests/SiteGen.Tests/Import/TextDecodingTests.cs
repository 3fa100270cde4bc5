using System.Text;
using SiteGen.Import;

namespace SiteGen.Tests.Import;

/// <summary>Inputs are decoded in the order BOM, declared charset, strict UTF-8, GB18030; garbled or binary files are refused with a reason.</summary>
public sealed class TextDecodingTests
{
    private const string Text = "玉溪市红塔区卫生健康局2024年法治政府建设工作情况报告";

    [Fact]
    public void A_gb18030_file_is_decoded()
    {
        var decoded = TextDecoder.Decode(TextDecoder.Gb18030.GetBytes(Text));

        Assert.Equal(Text, decoded.Text);
        Assert.Equal("gb18030", decoded.Encoding);
    }

    [Fact]
    public void A_utf8_file_with_a_byte_order_mark_is_decoded_without_it()
    {
        var decoded = TextDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Text)]);

        Assert.Equal(Text, decoded.Text);
    }

    [Fact]
    public void A_utf16_file_saved_by_notepad_is_decoded()
    {
        Assert.Equal(Text, TextDecoder.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Text)]).Text);
    }

    [Fact]
    public void A_declared_charset_is_honoured()
    {
        Assert.Equal(Text, TextDecoder.Decode(TextDecoder.Gb18030.GetBytes(Text), "gb2312").Text);
    }

    [Theory]
    [InlineData("红塔区\uFFFD\uFFFD卫生健康局")]
    [InlineData("红塔区锟斤拷卫生健康局")]
    public void Text_garbled_before_it_was_saved_is_refused(string garbled)
    {
        var ex = Assert.Throws<ImportException>(() => TextDecoder.Decode(Encoding.UTF8.GetBytes(garbled)));

        Assert.Contains("garbled", ex.Message + ex.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_is_refused()
    {
        var ex = Assert.Throws<ImportException>(() => TextDecoder.Decode([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));

        Assert.Contains("binary", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gb18030_report_converts_like_its_utf8_copy()
    {
        // Given the same report saved as UTF-8 and as GB18030 with CRLF line ends
        var text = "某某县司法局2024年法治政府建设年度报告\n" + ImportTestSupport.SampleBody;
        var utf8 = ReportConverter.Convert(PlainTextReader.Read(Encoding.UTF8.GetBytes(text)));
        var gb = ReportConverter.Convert(PlainTextReader.Read(TextDecoder.Gb18030.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal))));

        // Then both give the same Markdown
        Assert.Equal(MarkdownReportWriter.Render(utf8), MarkdownReportWriter.Render(gb));
    }
}
