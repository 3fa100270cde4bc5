using SiteGen.Import;

namespace SiteGen.Tests.Import;

/// <summary>Heading rules of GB/T 9704 numbering as the importer applies them.</summary>
public sealed class HeadingRecognitionTests
{
    [Theory]
    [InlineData("一、推进法治政府建设的主要举措和成效", "## 一、推进法治政府建设的主要举措和成效")]
    [InlineData("（一）依法履行政府职能", "### （一）依法履行政府职能")]
    [InlineData("(二)规范议事机制", "### (二)规范议事机制")]
    [InlineData("1.加强政务规范，优化营商环境", "#### 1.加强政务规范，优化营商环境")]
    [InlineData("2、创新监管模式", "#### 2、创新监管模式")]
    [InlineData("3．强化监督执法", "#### 3．强化监督执法")]
    [InlineData("4. 严格规范行政执法", "#### 4. 严格规范行政执法")]
    [InlineData("（1）健全医疗纠纷预防机制", "##### （1）健全医疗纠纷预防机制")]
    [InlineData("(2)做好行政复议应诉工作", "##### (2)做好行政复议应诉工作")]
    public void A_numbered_line_becomes_a_heading_of_its_level_with_the_numbering_kept(string line, string expected)
    {
        // Given a line with a heading number, when it is converted
        var body = ImportTestSupport.Body(ImportTestSupport.ConvertText(line + "\n"));

        // Then it is a heading of the matching level, written as the report writes it
        Assert.Equal(expected, body.Trim());
    }

    [Fact]
    public void A_heading_that_runs_into_its_body_is_split_into_heading_and_paragraph()
    {
        // Given a sub-heading and its first sentence on one line
        var body = ImportTestSupport.Body(ImportTestSupport.ConvertText("(一)强化行政执法保障。红塔区卫生健康局依照国家法律法规行使职责。\n"));

        // Then the heading stands alone and the text follows as a paragraph
        Assert.Equal("### (一)强化行政执法保障\n\n红塔区卫生健康局依照国家法律法规行使职责。\n", body.TrimStart('\n'));
    }

    [Theory]
    [InlineData("2023年，全县共办理行政许可4817件。")]
    [InlineData("1.5亿元资金用于基层医疗机构建设。")]
    [InlineData("12345政务服务便民热线办件206件，办理满意率达99%。")]
    public void A_line_that_only_looks_numbered_is_a_paragraph(string line)
    {
        var report = ImportTestSupport.ConvertText(line + "\n");

        Assert.Equal([new ParagraphBlock(line)], report.Blocks);
    }

    [Fact]
    public void Inline_enumerations_stay_inside_their_paragraph()
    {
        // Given a paragraph enumerating with 一是/二是
        const string text = "一是加大卫生行业综合监管执法力度。二是落实行政执法“三项制度”。三是落实“双随机”监管机制。";

        // When converted, then it is one paragraph and no heading
        Assert.Equal([new ParagraphBlock(text)], ImportTestSupport.ConvertText(text + "\n").Blocks);
    }

    [Fact]
    public void A_long_enumerated_paragraph_without_a_title_stays_a_paragraph()
    {
        // Given an enumerated paragraph whose first sentence is far too long to be a title
        const string text = "(一)我局坚持将学习贯彻习近平总书记重要讲话精神、党的二十大精神作为重要政治任务,全面纳入党组理论学习中心组学习安排,及时组织传达学习。";

        Assert.Equal([new ParagraphBlock(text)], ImportTestSupport.ConvertText(text + "\n").Blocks);
    }

    [Fact]
    public void A_top_level_heading_keeps_its_half_width_punctuation_and_digit_spacing()
    {
        var match = HeadingRecognizer.Match("三、2024 年度党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设的有关情况");

        Assert.Equal(new HeadingMatch(2, "三、2024 年度党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设的有关情况", ""), match);
    }
}
