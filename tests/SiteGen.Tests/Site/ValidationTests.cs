using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Site;

public sealed class ValidationTests
{
    private static Diagnostic Single(TestSite site, string code)
    {
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.False(Directory.Exists(site.Output), "a failed build writes no output");
        return Assert.Single(result.Diagnostics, d => d.Code == code);
    }

    [Theory]
    [InlineData("agency: \"测试局\"\nyear: 2024", "title", 1)]
    [InlineData("title: \"报告\"\nyear: 2024", "agency", 1)]
    [InlineData("title: \"报告\"\nagency: \"测试局\"", "year", 1)]
    public void A_missing_required_field_is_an_error(string frontMatter, string field, int line)
    {
        using var site = new TestSite().Report("a", frontMatter);
        var d = Single(site, DiagnosticCodes.MissingField);
        Assert.Equal("content/reports/a.md", d.File);
        Assert.Equal(line, d.Line);
        Assert.Contains($"`{field}`", d.Message);
        Assert.NotNull(d.Hint);
    }

    [Fact]
    public void A_year_that_is_not_a_number_is_reported_at_its_line_and_column()
    {
        using var site = new TestSite().Report("a", "title: \"报告\"\nagency: \"测试局\"\nyear: 二〇二四");
        var d = Single(site, DiagnosticCodes.WrongType);
        Assert.Equal((4, 7), (d.Line, d.Column));
        Assert.Equal("content/reports/a.md:4:7: error SG1005: field `year` must be a whole number such as 2024, not `二〇二四`\n  hint: write the year the report covers with four digits: `year: 2024`", d.ToString());
    }

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("2025/03/01")]
    [InlineData("去年三月")]
    public void An_impossible_or_malformed_date_is_an_error(string date)
    {
        using var site = new TestSite().Report("a", $"title: \"报告\"\nagency: \"测试局\"\nyear: 2024\npublished: {date}");
        var d = Single(site, DiagnosticCodes.InvalidDate);
        Assert.Equal(5, d.Line);
        Assert.Contains("YYYY-MM-DD", d.Hint);
    }

    [Fact]
    public void A_region_deeper_than_province_city_county_is_an_error()
    {
        using var site = new TestSite().Report("a", "title: \"报告\"\nagency: \"测试局\"\nyear: 2024\nregion: [\"云南省\", \"玉溪市\", \"红塔区\", \"玉兴街道\"]");
        var d = Single(site, DiagnosticCodes.RegionDepth);
        Assert.Equal(5, d.Line);
    }

    [Fact]
    public void Front_matter_that_is_never_closed_is_an_error()
    {
        using var site = new TestSite().File("content/reports/a.md", "---\ntitle: \"报告\"\nagency: \"测试局\"\nyear: 2024\n\n正文\n");
        var d = Single(site, DiagnosticCodes.FrontMatterNotClosed);
        Assert.Equal(1, d.Line);
    }

    [Fact]
    public void A_file_without_front_matter_is_an_error()
    {
        using var site = new TestSite().File("content/reports/a.md", "# 报告\n\n正文\n");
        Single(site, DiagnosticCodes.NoFrontMatter);
    }

    [Fact]
    public void Malformed_yaml_is_reported_at_the_line_in_the_file()
    {
        using var site = new TestSite().Report("a", "title: \"报告\nagency: \"测试局\"\nyear: 2024");
        var d = Single(site, DiagnosticCodes.YamlSyntax);
        Assert.InRange(d.Line, 2, 4);
    }

    [Fact]
    public void Two_reports_of_the_same_agency_year_and_series_are_a_duplicate()
    {
        using var site = new TestSite().Report("a", "测试局", 2024).Report("b", "测试局", 2024);
        var d = Single(site, DiagnosticCodes.DuplicateReport);
        Assert.Equal("content/reports/b.md", d.File);
        Assert.Contains("content/reports/a.md", d.Message);
    }

    [Fact]
    public void Two_reports_with_the_same_slug_are_a_url_collision()
    {
        using var site = new TestSite()
            .Report("a", "测试局", 2024, extra: "slug: \"test-2024\"\n")
            .Report("b", "另一局", 2024, extra: "slug: \"test-2024\"\n");
        var d = Single(site, DiagnosticCodes.UrlCollision);
        Assert.Contains("/reports/test-2024/", d.Message);
    }

    [Theory]
    [InlineData("../../etc")]
    [InlineData("Hongta 2024")]
    [InlineData("红塔")]
    public void A_slug_that_is_not_a_safe_url_segment_is_refused(string slug)
    {
        using var site = new TestSite().Report("a", "测试局", 2024, extra: $"slug: \"{slug}\"\n");
        Single(site, DiagnosticCodes.InvalidSlug);
    }

    [Fact]
    public void Every_problem_of_every_file_is_reported_in_one_run()
    {
        using var site = new TestSite()
            .Report("a", "agency: \"测试局\"\nyear: 2024")
            .Report("b", "title: \"报告\"\nagency: \"测试局\"\nyear: 2024\npublished: 2025-13-01\nregion: \"云南\"")
            .Report("c", "测试县局", 2024);
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.Equal(
            ["content/reports/a.md SG1004", "content/reports/b.md SG1005", "content/reports/b.md SG1006"],
            result.Diagnostics.Select(d => $"{d.File} {d.Code}").Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void An_unknown_field_is_kept_and_a_misspelt_one_is_warned_about()
    {
        using var site = new TestSite().Report("a", "测试局", 2024, extra: "publshed: 2025-01-01\nreviewer: \"张三\"\n");
        var result = site.BuildSucceeding();
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(DiagnosticCodes.UnknownField, warning.Code);
        Assert.Contains("`published`", warning.Hint);
    }

    [Fact]
    public void Drafts_are_left_out_unless_asked_for()
    {
        // Given a draft and a published report
        using var site = new TestSite().Report("a", "测试局", 2024, extra: "draft: true\n").Report("b", "另一局", 2024);
        var draftPage = $"reports/2024/{SiteUrls.Segment("测试局")}/index.html";

        // When the site is built
        var result = site.BuildSucceeding();

        // Then the draft has no page, no agency and no mention in any list, feed, sitemap or search index
        Assert.Equal(1, result.PagesByKind[PageKind.Report]);
        Assert.False(site.Exists(draftPage));
        Assert.False(site.Exists($"agencies/{SiteUrls.Segment("测试局")}/index.html"));
        Assert.Equal(1, result.Search!.Documents);
        Assert.DoesNotContain(site.Snapshot(), f => System.Text.Encoding.UTF8.GetString(f.Value).Contains("测试局", StringComparison.Ordinal));

        // And when the site is built with drafts, the draft is published like any report
        site.BuildSucceeding(drafts: true);
        Assert.True(site.Exists(draftPage));
        Assert.Contains("测试局2024年法治政府建设工作情况报告", site.Page("years/2024/index.html").ListedReports());
    }
}
