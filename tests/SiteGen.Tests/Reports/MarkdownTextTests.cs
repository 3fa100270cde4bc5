using SiteGen.Reports;

namespace SiteGen.Tests.Reports;

public sealed class MarkdownTextTests
{
    [Fact]
    public void Prose_and_headings_keep_their_text_and_numbering_without_the_marks()
    {
        var plain = MarkdownText.ToPlain("## 一、主要举措和成效\n\n### （一）强化执法 ###\n\n全年查处违法行为81起。\n");

        Assert.Equal("一、主要举措和成效\n\n（一）强化执法\n\n全年查处违法行为81起。\n", plain);
    }

    [Fact]
    public void Emphasis_code_links_images_and_autolinks_become_the_text_a_reader_sees()
    {
        var plain = MarkdownText.ToPlain("**重点**推进*依法*行政，~~删除~~，`代码*不变*`，见[附件1](files/a.pdf \"统计\")和![图表](c.png)，<https://example.gov.cn/>。\n");

        Assert.Equal("重点推进依法行政，删除，代码*不变*，见附件1和图表，https://example.gov.cn/。\n", plain);
    }

    [Fact]
    public void Escaped_characters_and_entities_come_out_as_written_characters()
    {
        Assert.Equal("*不是强调* [不是链接] A&B ©\n", MarkdownText.ToPlain(@"\*不是强调\* \[不是链接\] A&amp;B &copy;" + "\n"));
    }

    [Fact]
    public void Underscores_inside_words_are_kept_and_around_words_are_emphasis()
    {
        Assert.Equal("file_name_v2 and strong\n", MarkdownText.ToPlain("file_name_v2 and __strong__\n"));
    }

    [Fact]
    public void A_table_becomes_one_line_per_row_with_tab_separated_cells()
    {
        var plain = MarkdownText.ToPlain("| 项目 | 数量 |\n|:---|---:|\n| 行政处罚 | 81 |\n| 复议 \\| 诉讼 | 3 |\n\n后文。\n");

        Assert.Equal("项目\t数量\n行政处罚\t81\n复议 | 诉讼\t3\n\n后文。\n", plain);
    }

    [Fact]
    public void Lists_quotes_and_rules_lose_their_marks_but_ordered_numbers_stay()
    {
        var plain = MarkdownText.ToPlain("- 第一项\n* [x] 已完成\n1. 第一步\n> 引用的话\n\n---\n\n结尾\n");

        Assert.Equal("第一项\n已完成\n1. 第一步\n引用的话\n\n结尾\n", plain);
    }

    [Fact]
    public void Fenced_code_is_kept_verbatim_and_its_markup_is_not_read()
    {
        Assert.Equal("## 不是标题\n**原样**\n\n后文\n", MarkdownText.ToPlain("```text\n## 不是标题\n**原样**\n```\n\n后文\n"));
    }

    [Fact]
    public void Reference_definitions_vanish_and_footnotes_keep_their_label()
    {
        var plain = MarkdownText.ToPlain("见[规定][r]和注释[^1]。\n\n[r]: https://example.gov.cn/\n[^1]: 注释内容\n");

        Assert.Equal("见规定和注释[1]。\n\n[1] 注释内容\n", plain);
    }

    [Fact]
    public void Blank_lines_collapse_to_one_and_hard_breaks_and_CRLF_leave_no_trace()
    {
        Assert.Equal("第一行\n第二行\n\n第三段\n", MarkdownText.ToPlain("第一行  \r\n第二行\\\r\n\r\n\r\n\r\n第三段\r\n"));
    }

    [Fact]
    public void Raw_HTML_stays_text_as_a_site_without_raw_html_shows_it()
    {
        Assert.Equal("<script>alert(1)</script>正文\n", MarkdownText.ToPlain("<script>alert(1)</script>正文\n"));
    }
}
