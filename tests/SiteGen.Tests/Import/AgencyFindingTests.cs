using SiteGen.Import;

namespace SiteGen.Tests.Import;

/// <summary>The agency comes from the most trusted place the page names it: title, the line under it, the catalogue, the 来源, the opening sentence, the sign-off;
/// short forms are expanded only where the page gives the full name, and a page that names no agency gets none.</summary>
public sealed class AgencyFindingTests
{
    [Fact]
    public void The_title_names_the_agency_before_any_other_source()
    {
        var report = ImportTestSupport.ConvertText("发布机构：南江县\n南江县统计局2024年法治政府建设工作报告\n来源：南江县人民政府办公室\n" + ImportTestSupport.SampleBody + "\n南江县人民政府\n2025年1月9日\n");

        Assert.Equal("南江县统计局", report.Agency);
    }

    [Fact]
    public void Without_one_in_the_title_the_catalogue_publisher_names_it()
    {
        var report = ImportTestSupport.ConvertText("发布机构：南江县统计局\n关于2024年度法治政府建设情况的报告\n" + ImportTestSupport.SampleBody);

        Assert.Equal("南江县统计局", report.Agency);
        Assert.Contains(report.Warnings, w => w.Contains("发布机构", StringComparison.Ordinal));
    }

    [Fact]
    public void A_source_line_naming_an_agency_names_it_but_a_website_does_not()
    {
        var agency = ImportTestSupport.ConvertText("关于2024年度法治政府建设情况的报告\n来源：南江县统计局 发布时间：2025-01-20\n" + ImportTestSupport.SampleBody);
        var website = ImportTestSupport.ConvertText("关于2024年度法治政府建设情况的报告\n来源：南江县人民政府网 发布时间：2025-01-20\n我局扎实推进法治政府建设。\n");

        Assert.Equal("南江县统计局", agency.Agency);
        Assert.Null(website.Agency);
    }

    [Theory]
    [InlineData("2024年，南江县统计局坚持依法统计，扎实推进法治政府建设。", "南江县统计局")]
    [InlineData("2024年，在县委、县政府的正确领导下，南江县统计局认真落实法治建设要求。", "南江县统计局")]
    [InlineData("2024年以来，赤溪镇围绕中心工作推进依法行政。", "赤溪镇")]
    [InlineData("2024年，南江县经济开发区（以下简称“开发区”）持续优化营商环境。", "南江县经济开发区")]
    [InlineData("本报告根据条例编制，结合2024年南江县统计局政府信息公开工作情况。", "南江县统计局")]
    public void The_opening_sentence_names_its_subject(string opening, string agency)
    {
        var report = ImportTestSupport.ConvertText(opening + "\n一、主要举措和成效\n全年开展检查120次。\n");

        Assert.Equal(agency, report.Agency);
    }

    [Theory]
    [InlineData("2024年，我局扎实推进法治政府建设。")]
    [InlineData("2024年，全县上下扎实推进法治政府建设。")]
    [InlineData("2024年，县委高度重视法治政府建设。")]
    public void A_pronoun_or_a_party_committee_in_the_opening_is_not_an_agency(string opening)
    {
        var report = ImportTestSupport.ConvertText(opening + "\n一、主要举措和成效\n全年开展检查120次。\n");

        Assert.Null(report.Agency);
        Assert.Contains("agency", report.MissingFields);
    }

    [Fact]
    public void A_short_form_is_expanded_to_the_full_name_the_page_gives()
    {
        // Given a title with 县卫健委 and a body that names the commission in full
        var report = ImportTestSupport.ConvertText("县卫健委2024年法治政府建设情况报告\n2024年，南江县卫生健康委员会深入推进依法行政。\n一、主要举措和成效\n全年开展检查120次。\n");

        Assert.Equal("南江县卫生健康委员会", report.Agency);
        Assert.Contains(report.Warnings, w => w.Contains("expanded to `南江县卫生健康委员会`", StringComparison.Ordinal));
    }

    [Fact]
    public void A_short_form_defined_by_the_page_expands_to_what_it_stands_for()
    {
        var report = ImportTestSupport.ConvertText("2024年，南江县统计局（以下简称“县统计局”）扎实推进法治建设。现将县统计局2024年法治政府建设情况报告如下：\n一、主要举措和成效\n全年开展检查120次。\n");

        Assert.Equal("南江县统计局", report.Agency);
    }

    [Fact]
    public void A_short_form_the_page_never_gives_in_full_leaves_the_agency_empty()
    {
        // Given a page that calls its agency only 区人社局
        var report = ImportTestSupport.ConvertText("现将区人社局2024年法治政府建设情况报告予以公开。\n一、主要举措和成效\n2024年，区人社局扎实推进依法行政。\n");

        // Then no agency is invented, the year is still read, and the report is a draft
        Assert.Null(report.Agency);
        Assert.Equal(2024, report.Year);
        Assert.Contains(report.Warnings, w => w.Contains("never gives the full name", StringComparison.Ordinal));
    }

    [Fact]
    public void A_department_name_without_a_place_is_a_short_form()
    {
        // Given a catalogue publisher without its county, and a title that names the county
        var report = ImportTestSupport.ConvertText("发布机构：统计局\n关于2024年度法治政府建设情况的报告\n2024年，南江县统计局扎实推进法治建设。\n");

        Assert.Equal("南江县统计局", report.Agency);
    }

    [Fact]
    public void A_report_of_a_party_committee_and_a_government_is_the_governments()
    {
        var report = ImportTestSupport.ConvertText("中共南江县委 南江县人民政府\n关于2024年法治政府建设情况的报告\n" + ImportTestSupport.SampleBody);

        Assert.Equal("中共南江县委南江县人民政府关于2024年法治政府建设情况的报告", report.Title);
        Assert.Equal("南江县人民政府", report.Agency);
    }

    [Fact]
    public void A_place_named_alone_stands_for_its_government()
    {
        var titled = ImportTestSupport.ConvertText("南江县2024年法治政府建设情况报告\n" + ImportTestSupport.SampleBody);
        var opened = ImportTestSupport.ConvertText("2024年，南江县坚持依法行政。\n一、主要举措和成效\n全年开展检查120次。\n");

        Assert.Equal("南江县", titled.Agency);
        Assert.Equal("南江县", opened.Agency);
        Assert.Equal(["四川省", "巴中市", "南江县"], opened.Region);
    }

    [Fact]
    public void A_county_with_a_two_character_name_is_read_from_the_opening()
    {
        // 涉县 (Hebei) is a county whose whole name is two characters
        var report = ImportTestSupport.ConvertText("2024年，涉县在市委、市政府的领导下扎实推进法治政府建设。\n一、主要举措和成效\n全年开展检查120次。\n");

        Assert.Equal("涉县", report.Agency);
        Assert.Equal(["河北省", "邯郸市", "涉县"], report.Region);
    }

    [Theory]
    [InlineData("玉溪市江川区司法局2024年法治政府建设工作情况报告", "玉溪市江川区司法局")]
    [InlineData("重庆市南岸区卫生健康委员会关于2024年度法治政府建设情况的报告", "重庆市南岸区卫生健康委员会")]
    [InlineData("2024年宁远县民政局法治政府建设工作年度报告", "宁远县民政局")]
    [InlineData("2024年宁远县民政局政府信息公开工作年度报告", "宁远县民政局")]
    [InlineData("新田县司法局法治政府建设工作报告", "新田县司法局")]
    [InlineData("关于报送2024年度法治政府建设情况报告的通知", null)]
    [InlineData("2024年度开展法治政府建设情况报告", null)]
    public void The_agency_is_read_from_any_of_the_usual_title_patterns(string title, string? agency)
    {
        Assert.Equal(agency, AgencyName.FromTitle(title));
    }
}
