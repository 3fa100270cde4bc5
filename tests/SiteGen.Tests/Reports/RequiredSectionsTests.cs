using SiteGen.Reports;

namespace SiteGen.Tests.Reports;

public sealed class RequiredSectionsTests
{
    private static IReadOnlyList<int> Missing(string body) => RequiredSections.Missing(body).Select(s => s.Number).ToList();

    [Fact]
    public void The_five_items_are_recognised_by_keywords_whatever_their_order_and_wording()
    {
        var body = """
            ## 一、党政主要领导履行法治建设第一责任人职责情况
            ## 二、2024年法治政府建设存在不足与成因分析
            ## 三、依法全面履行政府职能，综合提升治理效能
            ## 四、2025年推进法治政府建设的工作思路目标举措
            ## 五、其他需要报告的情况
            """;

        Assert.Empty(Missing(body));
    }

    [Fact]
    public void A_plan_heading_that_mentions_measures_does_not_count_as_the_measures_section()
    {
        var body = "## 一、2025年推进法治政府建设的工作思路目标举措\n## 二、存在的不足\n";

        Assert.Contains(1, Missing(body));
    }

    [Fact]
    public void Only_top_level_headings_count_so_a_subsection_does_not_stand_in_for_a_section()
    {
        var body = "## 一、主要举措和成效\n### （一）解决群众反映的问题\n### （二）完善工作计划\n";

        Assert.Equal([2, 3, 4, 5], Missing(body));
    }

    [Fact]
    public void A_body_without_Markdown_headings_is_read_from_its_numbered_lines()
    {
        var body = "一、主要举措和成效\n正文\n二、存在的不足和原因\n三、第一责任人职责情况\n四、下一年度工作安排\n五、其他需要报告的情况\n";

        Assert.Empty(Missing(body));
    }

    [Fact]
    public void Headings_inside_code_fences_are_ignored()
    {
        var body = "## 一、主要举措和成效\n```\n## 二、存在的不足\n```\n";

        Assert.Contains(2, Missing(body));
    }

    [Fact]
    public void A_single_title_heading_above_the_sections_is_not_taken_for_a_section()
    {
        var body = "# 某局2024年法治政府建设工作情况报告\n## 一、主要举措和成效\n## 二、存在的不足和原因\n## 三、第一责任人职责情况\n## 四、2025年工作安排\n## 五、其他需要报告的情况\n";

        Assert.Empty(Missing(body));
    }

    [Fact]
    public void Each_section_holds_its_heading_and_body_up_to_the_next_top_level_heading()
    {
        var body = "前言。\n\n## 一、主要举措和成效\n\n### （一）执法\n\n查处违法行为81起。\n\n## 二、存在的不足和原因\n\n人员不足。\n";

        var split = RequiredSections.Split(body);

        Assert.Equal("前言。\n\n", split.Preamble);
        var first = split.Sections[0];
        Assert.Equal(("一、主要举措和成效", 3), (first.Heading, first.Line));
        Assert.Equal([1], first.Items);
        Assert.Equal("## 一、主要举措和成效\n\n### （一）执法\n\n查处违法行为81起。\n\n", first.Markdown);
        Assert.Equal("\n### （一）执法\n\n查处违法行为81起。\n\n", first.Body);
        Assert.Equal("## 二、存在的不足和原因\n\n人员不足。\n", split.Sections[1].Markdown);
    }

    [Fact]
    public void A_report_lacking_an_item_has_no_section_for_it_and_says_so()
    {
        var split = RequiredSections.Split("## 一、主要举措和成效\n\n内容。\n\n## 二、下一步工作打算\n\n内容。\n");

        Assert.Empty(split.SectionsOf(2));
        Assert.False(split.Has(2));
        Assert.Equal([2, 3, 5], split.Missing.Select(i => i.Number));
        Assert.Equal("## 二、下一步工作打算\n\n内容。\n", Assert.Single(split.SectionsOf(4)).Markdown);
    }

    [Fact]
    public void Themed_sections_all_count_as_item_1_and_one_heading_can_name_two_items()
    {
        var split = RequiredSections.Split("## 一、依法全面履行政府职能\n甲\n## 二、完善依法行政制度体系\n乙\n## 三、存在的问题和下一步打算\n丙\n");

        Assert.Equal(["一、依法全面履行政府职能", "二、完善依法行政制度体系"], split.SectionsOf(1).Select(s => s.Heading));
        Assert.Equal([2, 4], split.Sections[2].Items);
        Assert.Same(split.SectionsOf(2)[0], split.SectionsOf(4)[0]);
    }

    [Fact]
    public void The_title_heading_and_the_text_before_the_first_section_are_the_preamble()
    {
        var split = RequiredSections.Split("# 某局2024年报告\n\n开头。\n\n## 一、主要举措和成效\n\n正文。\n");

        Assert.Equal("# 某局2024年报告\n\n开头。\n\n", split.Preamble);
        Assert.Equal(5, Assert.Single(split.Sections).Line);
    }

    [Fact]
    public void A_body_without_headings_is_all_preamble_and_lacks_every_item()
    {
        var split = RequiredSections.Split("全年开展执法检查。\n");

        Assert.Empty(split.Sections);
        Assert.Equal("全年开展执法检查。\n", split.Preamble);
        Assert.Equal(5, split.Missing.Count);
    }

    [Fact]
    public void Heading_markup_is_read_as_CommonMark_reads_it()
    {
        // Closing #s go, a # glued to the text stays, seven #s or no space make a paragraph, emphasis around the text goes.
        var headings = RequiredSections.TopLevelHeadings("## 一、主要举措 ##\n## 二、存在问题#\n####### 三、不是标题\n##四、不是标题\n## **五、其他情况**\n");

        Assert.Equal(["一、主要举措", "二、存在问题#", "五、其他情况"], headings);
    }
}
