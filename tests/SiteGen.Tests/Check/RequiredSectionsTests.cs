using SiteGen.Check;

namespace SiteGen.Tests.Check;

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
}
