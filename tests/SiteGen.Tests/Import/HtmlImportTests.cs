using System.Text;
using SiteGen.Import;

namespace SiteGen.Tests.Import;

/// <summary>Saved web pages: the declared charset is honoured, the report body is found, chrome is left behind, catalogue and tables are kept.</summary>
public sealed class HtmlImportTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
        <title>紫金县卫生健康局2025年法治政府建设年度报告_紫金县人民政府</title>
        <link rel="canonical" href="https://www.zijin.gov.cn/zwgk/content/post_123.html">
        <script>var x = "一、不是正文";</script>
        </head><body>
        <div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/fzzf">法治政府</a></div>
        <div class="crumb">您当前位置：首页 &gt; 政务公开 &gt; 法治政府建设</div>
        <table class="xxgk">
          <tr><td>索引号：</td><td>007195678/2026-00012</td><td>主题分类：</td><td>卫生、体育</td></tr>
          <tr><td>发布机构：</td><td>紫金县卫生健康局</td><td>发布日期：</td><td>2026-01-28</td></tr>
          <tr><td>名称：</td><td colspan="3">紫金县卫生健康局2025年法治政府建设年度报告</td></tr>
          <tr><td>文号：</td><td></td><td>成文日期：</td><td>2026-01-26</td></tr>
        </table>
        <div class="article">
          <h1>紫金县卫生健康局2025年法治政府建设年度报告</h1>
          <div class="info">发布时间：2026-01-28 来源：本网 【字体：大 中 小】【打印】【关闭】</div>
          <div id="zoom" class="TRS_Editor">
            <p>　　2025年，紫金县卫生健康局在县委、县政府的坚强领导下，持续深化依法行政实践，着力提升卫生健康领域治理能力现代化水平。现将有关情况汇报如下：</p>
            <p>　　一、全面贯彻习近平法治思想</p>
            <p>　　（一）强化第一责任人职责履行。局党组主要负责人率先垂范，带头学习法律法规，切实增强依法履职能力。</p>
            <p>　　二、2026年工作计划</p>
            <table><tr><th>项目</th><th>数量</th></tr><tr><td>法治宣传</td><td>6场</td></tr><tr><td>宣传材料</td><td>5000余份</td></tr></table>
            <p>　　持续推进涉企检查规范化，营造稳定公平透明的营商环境。</p>
          </div>
        </div>
        <div class="footer">主办单位：紫金县人民政府办公室 粤ICP备05083456号 网站标识码：4416210001</div>
        </body></html>
        """;

    private static ImportedReport Convert() => ReportConverter.Convert(HtmlReportReader.Read(TextDecoder.Gb18030.GetBytes(Page)));

    [Fact]
    public void A_saved_page_in_its_declared_charset_converts_with_its_metadata()
    {
        var report = Convert();

        Assert.Equal("紫金县卫生健康局2025年法治政府建设年度报告", report.Title);
        Assert.Equal("紫金县卫生健康局", report.Agency);
        Assert.Equal(2025, report.Year);
        Assert.Equal(["广东省", "河源市", "紫金县"], report.Region);
        Assert.Equal(new DateOnly(2026, 1, 28), report.Published);
        Assert.Equal("https://www.zijin.gov.cn/zwgk/content/post_123.html", report.SourceUrl);
        Assert.Equal("gb18030", report.Encoding);
    }

    [Fact]
    public void The_catalogue_block_of_a_page_becomes_metadata()
    {
        var report = Convert();

        Assert.Equal("007195678/2026-00012", report.IndexNo);
        Assert.Equal("卫生、体育", report.Topic);
        Assert.Equal("紫金县卫生健康局", report.Publisher);
        Assert.Equal(new DateOnly(2026, 1, 26), report.Written);
        Assert.Null(report.DocNo);
    }

    [Fact]
    public void The_report_body_is_kept_without_the_site_chrome_and_with_its_table_in_markdown()
    {
        var body = ImportTestSupport.Body(Convert());

        Assert.Equal("""

            2025年，紫金县卫生健康局在县委、县政府的坚强领导下，持续深化依法行政实践，着力提升卫生健康领域治理能力现代化水平。现将有关情况汇报如下：

            ## 一、全面贯彻习近平法治思想

            ### （一）强化第一责任人职责履行

            局党组主要负责人率先垂范，带头学习法律法规，切实增强依法履职能力。

            ## 二、2026年工作计划

            | 项目 | 数量 |
            | --- | --- |
            | 法治宣传 | 6场 |
            | 宣传材料 | 5000余份 |

            持续推进涉企检查规范化，营造稳定公平透明的营商环境。

            """, body);
    }

    [Fact]
    public void A_page_without_a_declared_charset_is_read_as_utf8()
    {
        var page = Page.Replace("; charset=gb2312", "", StringComparison.Ordinal);
        var report = ReportConverter.Convert(HtmlReportReader.Read(Encoding.UTF8.GetBytes(page)));

        Assert.Equal("紫金县卫生健康局2025年法治政府建设年度报告", report.Title);
        Assert.Equal("utf-8", report.Encoding);
    }

    private const string Report = "<p>旺苍县司法局2024年法治政府建设年度报告</p><p>2024年，我局扎实推进法治政府建设。</p><p>一、主要举措和成效</p><p>全年开展检查120次。</p>";

    [Fact]
    public void A_page_nested_two_hundred_thousand_elements_deep_imports_its_report()
    {
        // Given a saved page whose CMS never closed its <div> tags, 200,000 of them deep
        var page = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 200_000)) + Report + "</body></html>";

        // When it is imported
        var report = ReportConverter.Convert(HtmlReportReader.Read(Encoding.UTF8.GetBytes(page)));

        // Then the report is read as if the page were well formed
        Assert.Equal("旺苍县司法局2024年法治政府建设年度报告", report.Title);
        Assert.Equal([new ParagraphBlock("2024年，我局扎实推进法治政府建设。"), new HeadingBlock(2, "一、主要举措和成效"), new ParagraphBlock("全年开展检查120次。")], report.Blocks);
    }

    [Fact]
    public void Paragraphs_inside_deeply_nested_unclosed_blocks_keep_their_own_lines()
    {
        // Given 5,000 paragraphs, each in a <div> that is never closed, under the report's opening in the page's content block
        var page = "<html><body><div class=\"nav\"><a href=\"/\">首页</a></div><div class=\"content\">" + Report
            + string.Concat(Enumerable.Range(1, 5_000).Select(i => $"<div>第{i}项工作已完成。")) + "</div></body></html>";

        var report = ReportConverter.Convert(HtmlReportReader.Read(Encoding.UTF8.GetBytes(page)));

        // Then every one is a paragraph of its own, in order
        var paragraphs = report.Blocks.OfType<ParagraphBlock>().Select(p => p.Text).Where(t => t.StartsWith('第')).ToList();
        Assert.Equal(Enumerable.Range(1, 5_000).Select(i => $"第{i}项工作已完成。"), paragraphs);
    }

    [Fact]
    public void Unclosed_formatting_tags_in_every_paragraph_keep_all_the_text()
    {
        // Given a page that opens a differently coloured <font> in each of 20,000 paragraphs and closes none (the parser reopens each in every later paragraph)
        var page = "<html><body>" + Report + string.Concat(Enumerable.Range(1, 20_000).Select(i => $"<p><font color=\"#{i:x6}\">第{i}段。")) + "</body></html>";

        var report = ReportConverter.Convert(HtmlReportReader.Read(Encoding.UTF8.GetBytes(page)));

        Assert.Equal(20_000, report.Blocks.OfType<ParagraphBlock>().Count(p => p.Text.StartsWith('第')));
        Assert.Equal(new ParagraphBlock("第20000段。"), report.Blocks[^1]);
    }

    [Fact]
    public void A_page_that_nests_no_deeper_than_the_limit_is_parsed_as_it_is()
    {
        var page = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", HtmlDepthLimiter.MaxDepth - 4)) + "<p>正文<b>加粗</b></p><script>if (a < b) x();</script><!-- <div> --></body></html>";

        Assert.Same(page, HtmlDepthLimiter.Limit(page));
    }

    [Fact]
    public void Elements_beyond_the_limit_are_flattened_into_line_breaks()
    {
        var page = string.Concat(Enumerable.Repeat("<div>", HtmlDepthLimiter.MaxDepth)) + "<div>甲</div><div>乙</div><span>丙</span>";

        var limited = HtmlDepthLimiter.Limit(page);

        Assert.EndsWith("<br>甲<br><br>乙<br>丙", limited, StringComparison.Ordinal);
    }
}
