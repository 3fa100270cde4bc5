using SiteGen.Import;

namespace SiteGen.Tests.Import;

/// <summary>Other report series published on the same columns keep their own series (<c>type</c>).</summary>
public sealed class ReportSeriesTests
{
    [Fact]
    public void A_government_information_disclosure_report_gets_its_own_series()
    {
        var report = ImportTestSupport.ConvertText("苍溪县民政局2024年政府信息公开工作年度报告\n一、总体情况\n2024年，我局依法做好政府信息公开工作。\n");

        Assert.Equal("政府信息公开工作年度报告", report.Type);
        Assert.Contains("type: \"政府信息公开工作年度报告\"", MarkdownReportWriter.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public void A_disclosure_report_without_a_title_is_known_by_its_opening()
    {
        var report = ImportTestSupport.ConvertText("本报告依据《中华人民共和国政府信息公开条例》编制，结合2024年苍溪县民政局政府信息公开工作情况。\n一、总体情况\n全年主动公开信息120条。\n");

        Assert.Equal("政府信息公开工作年度报告", report.Type);
        Assert.Equal("苍溪县民政局", report.Agency);
        Assert.Equal(2024, report.Year);
    }

    [Fact]
    public void A_rule_of_law_report_keeps_the_default_series()
    {
        var report = ImportTestSupport.ConvertText("苍溪县民政局2024年法治政府建设年度报告\n" + ImportTestSupport.SampleBody);

        Assert.Equal("法治政府建设年度报告", report.Type);
    }
}
