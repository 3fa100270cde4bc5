using SiteGen.Render;

namespace SiteGen.Tests.Downloads;

/// <summary>The plain text of a report body as its page shows it (<see cref="MarkdownRenderer.PlainText"/>): the text of the
/// plain-text download, which the theme's script reads from the page by the same rules.</summary>
public sealed class PlainTextTests
{
    private static string Plain(string markdown) => new MarkdownRenderer(allowRawHtml: false).PlainText(markdown);

    [Fact]
    public void Blocks_are_separated_by_one_blank_line_whether_or_not_the_source_had_one_and_lines_stay_as_written()
    {
        Assert.Equal("一、主要举措\n\n第一行\n第二行\n\n第三段\n", Plain("## 一、主要举措 ##\n第一行  \r\n第二行\n\n\n\n第三段\n***\n"));
    }

    [Fact]
    public void Inline_markup_becomes_the_text_a_reader_sees_and_what_Markdown_does_not_read_as_markup_stays()
    {
        // **“…”**落 is no emphasis (the closing ** follows punctuation and precedes a letter), and ~~ is no strikethrough in SiteGen's Markdown
        var plain = Plain("**重点**推进*依法*行政，**“三项制度”**落实，~~原样~~，`代码*不变*`，[附件](a.pdf \"t\")，![图](c.png)，<https://example.gov.cn/>，\\*转义\\*，A&amp;B。\n");

        Assert.Equal("重点推进依法行政，**“三项制度”**落实，~~原样~~，代码*不变*，附件，图，https://example.gov.cn/，*转义*，A&B。\n", plain);
    }

    [Fact]
    public void Ordered_items_show_their_number_as_the_page_does_and_items_of_a_tight_list_take_one_line_each()
    {
        Assert.Equal("1. 甲\n2. 乙\n子项\n3. 丙\n\n5. 五\n6. 六\n\n无序\n[x] 不是任务\n", Plain("1. 甲\n1. 乙\n   - 子项\n1. 丙\n\n5) 五\n6) 六\n\n- 无序\n- [x] 不是任务\n"));
    }

    [Fact]
    public void A_loose_list_separates_its_items_and_their_paragraphs_by_blank_lines()
    {
        Assert.Equal("甲\n\n乙\n\n第二段\n", Plain("- 甲\n\n- 乙\n\n  第二段\n"));
    }

    [Fact]
    public void Table_rows_are_lines_with_tab_separated_cells_and_a_pipe_in_a_code_span_stays_in_its_cell()
    {
        Assert.Equal("项目\t数量\n复议 | 诉讼\ta|b\n", Plain("| 项目 | 数量 |\n|:---|---:|\n| 复议 \\| 诉讼 | `a|b` |\n"));
    }

    [Fact]
    public void Footnotes_follow_the_body_numbered_as_the_page_numbers_them()
    {
        Assert.Equal("注[1]与[2]。\n\n后文。\n\n[1] 乙注。\n[2] 甲注。\n", Plain("注[^b]与[^a]。\n\n[^a]: 甲注。\n[^b]: 乙注。\n\n后文。\n"));
    }

    [Fact]
    public void Code_keeps_its_lines_and_raw_HTML_shows_as_the_text_a_site_without_raw_html_shows()
    {
        Assert.Equal("## 不是标题\n  缩进\n\n<script>alert(1)</script>正文\n", Plain("```\n## 不是标题\n  缩进\n```\n\n<script>alert(1)</script>正文\n"));
    }

    [Fact]
    public void An_empty_body_has_no_text()
    {
        Assert.Equal("", Plain("\n\n"));
    }
}
