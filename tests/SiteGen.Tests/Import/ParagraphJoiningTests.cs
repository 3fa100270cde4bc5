using SiteGen.Import;

namespace SiteGen.Tests.Import;

/// <summary>Paragraphs broken by page or copy breaks are re-joined; punctuation and marks stay as written.</summary>
public sealed class ParagraphJoiningTests
{
    [Theory]
    [InlineData("县人民医院积极探索“驻\n院联点”卫生健康服务型执法新模式。")]
    [InlineData("县人民医院积极探索“驻\n\n院联点”卫生健康服务型执法新模式。")]
    [InlineData("　　县人民医院积极探索“驻\r\n　　院联点”卫生健康服务型执法新模式。")]
    public void A_paragraph_broken_mid_sentence_is_joined_again(string text)
    {
        var report = ImportTestSupport.ConvertText("某某县司法局2024年法治政府建设年度报告\n" + text + "\n");

        Assert.Equal([new ParagraphBlock("县人民医院积极探索“驻院联点”卫生健康服务型执法新模式。")], report.Blocks);
    }

    [Fact]
    public void A_paragraph_ending_a_sentence_is_not_joined_to_the_next()
    {
        var report = ImportTestSupport.ConvertText("第一段结束。\n第二段开始，继续说明。\n");

        Assert.Equal([new ParagraphBlock("第一段结束。"), new ParagraphBlock("第二段开始，继续说明。")], report.Blocks);
    }

    [Fact]
    public void Original_punctuation_and_omission_marks_are_kept()
    {
        // Given half-width punctuation and a (略) mark hiding text in the source
        const string text = "在区委、 (略) 卫健委的领导下,按照《纲要(2021-2025 年)》部署要求;扎实推进!";

        // Then the paragraph is exactly as written
        Assert.Equal([new ParagraphBlock(text)], ImportTestSupport.ConvertText(text + "\n").Blocks);
    }

    [Fact]
    public void Markdown_characters_in_the_text_are_escaped_so_the_text_renders_as_written()
    {
        var body = ImportTestSupport.Body(ImportTestSupport.ConvertText("派出卫生监督员队*,开展[重点]检查_1。\n"));

        Assert.Equal("派出卫生监督员队\\*,开展\\[重点\\]检查\\_1。", body.Trim());
    }

    [Fact]
    public void A_very_long_run_of_broken_lines_is_joined_into_one_paragraph()
    {
        // Given a paragraph broken into 100,000 lines (a copy from a PDF with a break after every few characters)
        var fragments = Enumerable.Range(1, 100_000).Select(i => $"第{i}次检查").ToList();
        var report = ImportTestSupport.ConvertText("某某县司法局2024年法治政府建设年度报告\n" + string.Join("\n", fragments) + "。\n");

        // Then it is one paragraph holding every line
        var paragraph = Assert.IsType<ParagraphBlock>(Assert.Single(report.Blocks));
        Assert.Equal(string.Concat(fragments) + "。", paragraph.Text);
    }
}
