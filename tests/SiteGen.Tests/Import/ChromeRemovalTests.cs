using SiteGen.Import;

namespace SiteGen.Tests.Import;

/// <summary>What scraped pages add around a report is dropped; every sentence of the report is kept.</summary>
public sealed class ChromeRemovalTests
{
    [Theory]
    [InlineData("发布时间:2025-01-28 来源: 本网 阅读人次: 123")]
    [InlineData("来源：江川区人民政府    发布时间：2025-01-28 10:30    浏览次数：57")]
    [InlineData("【字体:大 中 小】")]
    [InlineData("【字体：大 中 小】【打印】【关闭】")]
    [InlineData("[打印页面] [关闭页面]")]
    [InlineData("您当前位置: 首页>政务公开>法治政府建设")]
    [InlineData("滇公网安备 53040202000238号")]
    [InlineData("湘ICP备12345678号-1  湘公网安备 43112802000123号")]
    [InlineData("主办单位：新田县人民政府办公室  承办单位：新田县政务服务数据管理局")]
    [InlineData("网站标识码：4311280001")]
    [InlineData("查看详情》")]
    [InlineData("附件:")]
    [InlineData("无障碍 简体| 繁体")]
    [InlineData("本网站支持IPv6")]
    [InlineData("长者模式")]
    [InlineData("某某县人民政府网 | 注册 | 我要留言")]
    [InlineData("政务公开 > 法治政府建设 > 年度报告")]
    [InlineData("您现在的位置：首页 > 政务公开")]
    [InlineData("请输入关键字 搜索")]
    [InlineData("字号:")]
    [InlineData("分享：")]
    [InlineData("扫一扫在手机上查看")]
    [InlineData("打印整页 打印内容 分享")]
    [InlineData("某某县人民政府 2025年1月28日星期二")]
    public void A_page_chrome_line_is_dropped(string chrome)
    {
        var report = ImportTestSupport.ConvertText("某某县司法局2024年法治政府建设年度报告\n" + chrome + "\n2024年，我局扎实推进法治政府建设。\n");

        Assert.Equal([new ParagraphBlock("2024年，我局扎实推进法治政府建设。")], report.Blocks);
    }

    [Theory]
    [InlineData("关闭违规企业3家")]
    [InlineData("（三）每星期一例会制度")]
    [InlineData("特此报告")]
    [InlineData("扫一扫二维码即可查询办事指南，已覆盖120项事项。")]
    [InlineData("推动政务服务网上办、掌上办。")]
    public void Report_text_that_resembles_page_chrome_is_kept(string line)
    {
        var report = ImportTestSupport.ConvertText("某某县司法局2024年法治政府建设年度报告\n全年工作扎实推进。\n" + line + "\n");

        Assert.Contains(line, ImportTestSupport.Body(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Everything_above_the_title_is_page_chrome_and_leaves_the_body()
    {
        // Given a site header of words the chrome rules do not know, above the title
        var report = ImportTestSupport.ConvertText("某某县门户\n通知公告\n某某县司法局2024年法治政府建设年度报告\n2024年，我局扎实推进法治政府建设。\n");

        // Then the report starts at its title
        Assert.Equal("某某县司法局2024年法治政府建设年度报告", report.Title);
        Assert.Equal([new ParagraphBlock("2024年，我局扎实推进法治政府建设。")], report.Blocks);
    }

    [Fact]
    public void A_line_repeated_at_once_is_kept_once()
    {
        // Given a copy that printed a heading twice in a row
        var report = ImportTestSupport.ConvertText("某某县司法局2024年法治政府建设年度报告\n一、主要举措和成效\n一、主要举措和成效\n全年开展检查120次。\n");

        Assert.Single(report.TopHeadings);
    }

    [Fact]
    public void A_table_of_contents_repeating_the_headings_is_not_taken_for_a_repeated_body()
    {
        // Given a report that lists its sections before the body
        var report = ImportTestSupport.ConvertText("某某县司法局2024年法治政府建设年度报告\n一、主要举措和成效\n二、存在的不足\n一、主要举措和成效\n全年开展检查120次。\n二、存在的不足\n人员不足。\n");

        // Then the body is kept
        Assert.Equal(new ParagraphBlock("人员不足。"), report.Blocks[^1]);
    }

    [Fact]
    public void A_word_bookmark_artefact_is_removed_from_its_line()
    {
        var report = ImportTestSupport.ConvertText("[bookmark: _GoBack]2.强化行政权力监督制约。严格落实职责。\n");

        Assert.Equal([new HeadingBlock(4, "2.强化行政权力监督制约"), new ParagraphBlock("严格落实职责。")], report.Blocks);
    }

    [Fact]
    public void A_navigation_footer_after_the_report_is_dropped()
    {
        var report = ImportTestSupport.ConvertText("最后一段工作安排。\n首页\n走进红塔\n政务服务\n招商引资\n政府信息公开\n滇公网安备 53040202000238号\n");

        Assert.Equal([new ParagraphBlock("最后一段工作安排。")], report.Blocks);
    }

    [Fact]
    public void A_second_copy_of_the_body_after_attachment_lines_is_dropped()
    {
        // Given a page that repeats the body after 附件: lines, then shows a recommendation footer
        const string body = "为推进依法治国战略，制定本报告。\n\n一、主要举措和成效\n\n全年开展检查120次。\n\n二、存在的不足\n\n人员不足。\n";
        var text = "某某区卫生健康委员会2022年法治政府建设情况报告\n\n" + body + "\n附件:\n附件:\n\n" + body + "\n附件:\n附件:\n    \n查看详情》\n相关推荐\n \n\n招投标大数据\n\n收藏\n\n首页\n";

        // When converted
        var report = ImportTestSupport.ConvertText(text);

        // Then the body appears once and nothing of the footer remains
        Assert.Equal(["一、主要举措和成效", "二、存在的不足"], report.TopHeadings);
        Assert.Equal(5, report.Blocks.Count);
        Assert.Equal(new ParagraphBlock("人员不足。"), report.Blocks[^1]);
    }

    [Fact]
    public void A_sign_off_under_the_report_is_kept_as_its_own_paragraphs()
    {
        var report = ImportTestSupport.ConvertText("某某县司法局2024年法治政府建设年度报告\n全年工作扎实推进。\n\n某某县司法局\n2025年1月28日\n");

        Assert.Equal([new ParagraphBlock("全年工作扎实推进。"), new ParagraphBlock("某某县司法局"), new ParagraphBlock("2025年1月28日")], report.Blocks);
    }
}
