using System.Text.RegularExpressions;
using SiteGen.Check;
using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Check;

public sealed class SiteCheckerTests
{
    private static CheckResult Check(TestSite site) => SiteChecker.Run(new CheckOptions { SiteDir = site.Root });

    private static IReadOnlyList<Diagnostic> With(CheckResult result, string code) => result.Diagnostics.Where(d => d.Code == code).ToList();

    [Fact]
    public void A_complete_site_passes_without_errors_or_warnings_and_its_built_pages_are_checked()
    {
        using var site = new TestSite();
        site.Report("2024/a", "红塔区卫生健康局", 2024, region: SampleReports.Region, published: SampleReports.Published(2024), body: SampleReports.CompleteBody);
        site.Report("2024/b", "红塔区司法局", 2024, region: SampleReports.Region, published: SampleReports.Published(2024), body: SampleReports.CompleteBody);

        var result = Check(site);

        Assert.True(result.Passed);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity != Severity.Info);
        Assert.True(result.OutputChecked);
        site.BuildSucceeding();
        Assert.Equal(site.HtmlPages().Count, result.PagesChecked);
    }

    [Fact]
    public void Front_matter_errors_come_from_the_builds_own_validation_with_their_line()
    {
        using var site = new TestSite();
        site.File("content/reports/2024/bad.md", "---\ntitle: \"某局报告\"\nagency: \"某局\"\nyear: abc\n---\n\n正文\n");

        var result = Check(site);

        var error = Assert.Single(With(result, DiagnosticCodes.WrongType));
        Assert.Equal(("content/reports/2024/bad.md", 4), (error.File, error.Line));
        Assert.False(result.Passed);
        Assert.False(result.OutputChecked);
        Assert.Single(With(result, DiagnosticCodes.OutputChecksSkipped));
    }

    [Fact]
    public void Two_reports_of_one_agency_year_and_series_are_a_duplicate_error_reported_once()
    {
        using var site = new TestSite();
        site.Report("2024/a", "红塔区卫生健康局", 2024, region: SampleReports.Region, published: SampleReports.Published(2024), body: SampleReports.CompleteBody);
        site.Report("2024/b", "红塔区卫生健康局", 2024, region: SampleReports.Region, published: SampleReports.Published(2024), body: SampleReports.CompleteBody);

        var result = Check(site);

        var duplicate = Assert.Single(With(result, DiagnosticCodes.DuplicateReport));
        Assert.Equal("content/reports/2024/b.md", duplicate.File);
        Assert.False(result.Passed);
    }

    [Fact]
    public void A_report_whose_year_is_after_its_publication_date_is_an_error_at_the_published_line()
    {
        using var site = new TestSite();
        site.Report("2025/a", "红塔区卫生健康局", 2025, region: SampleReports.Region, body: SampleReports.CompleteBody, published: "2024-12-30");

        var result = Check(site);

        var error = Assert.Single(With(result, DiagnosticCodes.YearAfterPublication));
        Assert.Equal((Severity.Error, 6), (error.Severity, error.Line));
        Assert.False(result.Passed);
    }

    [Fact]
    public void Publication_after_1_April_of_the_following_year_is_information_and_does_not_fail()
    {
        using var site = new TestSite();
        site.Report("2024/late", "红塔区卫生健康局", 2024, region: SampleReports.Region, body: SampleReports.CompleteBody, published: "2025-04-02");
        site.Report("2024/deadline", "红塔区司法局", 2024, region: SampleReports.Region, body: SampleReports.CompleteBody, published: "2025-04-01");

        var result = Check(site);

        var info = Assert.Single(With(result, DiagnosticCodes.LatePublication));
        Assert.Equal((Severity.Info, "content/reports/2024/late.md"), (info.Severity, info.File));
        Assert.True(result.Passed);
    }

    [Fact]
    public void Missing_required_sections_are_warnings_that_leave_the_check_passing()
    {
        using var site = new TestSite();
        site.Report("2024/a", "红塔区卫生健康局", 2024, region: SampleReports.Region, published: SampleReports.Published(2024), body: "## 一、主要举措和成效\n\n内容。\n\n## 二、下一步工作打算\n\n内容。\n");

        var result = Check(site);

        // Items 2 (不足), 3 (第一责任人) and 5 (其他) are missing; 1 (举措) and 4 (下一步打算) are there
        var missing = With(result, DiagnosticCodes.MissingSection);
        Assert.All(missing, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.Equal(["item 2", "item 3", "item 5"], missing.Select(d => Regex.Match(d.Message, @"item \d").Value).Order(StringComparer.Ordinal));
        Assert.Contains(missing, d => d.Message.Contains("第一责任人", StringComparison.Ordinal));
        Assert.True(result.Passed);
    }

    [Fact]
    public void A_broken_internal_link_in_a_report_is_an_error_located_on_its_Markdown_line()
    {
        using var site = new TestSite();
        site.Report("2024/a", "红塔区卫生健康局", 2024, region: SampleReports.Region, published: SampleReports.Published(2024), body: SampleReports.CompleteBody + "\n见[另一份报告](/reports/2024/nothere/)。\n");

        var result = Check(site);

        var broken = Assert.Single(With(result, DiagnosticCodes.BrokenLink));
        Assert.Equal("content/reports/2024/a.md", broken.File);
        var lines = File.ReadAllLines(Path.Combine(site.Root, broken.File));
        Assert.Contains("/reports/2024/nothere/", lines[broken.Line - 1], StringComparison.Ordinal);
        Assert.False(result.Passed);
    }

    [Fact]
    public void Links_to_existing_pages_and_to_heading_anchors_pass_but_a_missing_anchor_is_an_error()
    {
        using var site = new TestSite();
        var body = SampleReports.CompleteBody + "\n[回到举措](#一推进法治政府建设的主要举措和成效)，[年度](/years/)，[错](#没有这个标题)\n";
        site.Report("2024/a", "红塔区卫生健康局", 2024, region: SampleReports.Region, published: SampleReports.Published(2024), body: body);

        var result = Check(site);

        Assert.Empty(With(result, DiagnosticCodes.BrokenLink));
        var anchor = Assert.Single(With(result, DiagnosticCodes.BrokenAnchor));
        Assert.Contains("没有这个标题", anchor.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_published_attachment_passes_but_a_linked_file_missing_from_the_content_is_an_error_on_its_Markdown_line()
    {
        // Given a report linking a table that is beside it and one that is not
        using var site = new TestSite();
        site.Report("2024/a", "红塔区卫生健康局", 2024, region: SampleReports.Region, published: SampleReports.Published(2024),
            body: SampleReports.CompleteBody + "\n附件：[统计表](统计表.xlsx)\n");
        site.File("content/reports/2024/统计表.xlsx", [1, 2, 3]);
        var passed = Check(site);
        site.File("content/reports/2024/a.md", File.ReadAllText(Path.Combine(site.Root, "content/reports/2024/a.md")) + "\n附件：[附表](files/附表.xlsx)\n");

        // When the site is checked, then the published one passes, and the missing one fails the build at its line (the output is not checked)
        var failed = Check(site);

        Assert.True(passed.Passed, string.Join("\n", passed.Diagnostics));
        Assert.Empty(With(passed, DiagnosticCodes.MissingAttachment));
        var missing = Assert.Single(With(failed, DiagnosticCodes.AttachmentMissing));
        Assert.Equal("content/reports/2024/a.md", missing.File);
        Assert.Contains("files/附表.xlsx", File.ReadAllLines(Path.Combine(site.Root, missing.File))[missing.Line - 1], StringComparison.Ordinal);
        Assert.Single(With(failed, DiagnosticCodes.OutputChecksSkipped));
    }

    [Fact]
    public void A_link_to_a_file_the_built_site_does_not_contain_is_a_missing_attachment()
    {
        // Given a report linking, by a site-absolute URL, a file that is not part of the site
        using var site = new TestSite();
        site.Report("2024/a", "红塔区卫生健康局", 2024, region: SampleReports.Region, published: SampleReports.Published(2024), body: SampleReports.CompleteBody + "\n附件：[统计表](/files/统计表.xlsx)\n");

        var result = Check(site);

        var missing = Assert.Single(With(result, DiagnosticCodes.MissingAttachment));
        Assert.Equal("content/reports/2024/a.md", missing.File);
        Assert.Empty(With(result, DiagnosticCodes.BrokenLink));
    }

    [Fact]
    public void An_image_with_empty_alt_text_is_reported()
    {
        using var site = new TestSite();
        site.Report("2024/a", "红塔区卫生健康局", 2024, region: SampleReports.Region, published: SampleReports.Published(2024), body: SampleReports.CompleteBody + "\n![](/assets/x.png)\n");

        var result = Check(site);

        var image = Assert.Single(With(result, DiagnosticCodes.ImageWithoutAlt));
        Assert.Equal("content/reports/2024/a.md", image.File);
    }

    [Fact]
    public void A_heading_that_skips_a_level_is_a_warning_on_its_Markdown_line()
    {
        using var site = new TestSite();
        site.Report("2024/a", "红塔区卫生健康局", 2024, region: SampleReports.Region, published: SampleReports.Published(2024), body: SampleReports.CompleteBody.Replace("### （一）强化行政执法保障", "#### 1. 强化行政执法保障", StringComparison.Ordinal));

        var result = Check(site);

        var skipped = Assert.Single(With(result, DiagnosticCodes.SkippedHeadingLevel));
        Assert.Equal(Severity.Warning, skipped.Severity);
        Assert.Equal("content/reports/2024/a.md", skipped.File);
        Assert.StartsWith("#### 1.", File.ReadAllLines(Path.Combine(site.Root, skipped.File))[skipped.Line - 1], StringComparison.Ordinal);
        Assert.True(result.Passed);
    }

    [Fact]
    public void A_theme_whose_pages_lack_a_lang_attribute_fails_on_every_page()
    {
        using var site = new TestSite();
        site.Report("2024/a", "红塔区卫生健康局", 2024, region: SampleReports.Region, published: SampleReports.Published(2024), body: SampleReports.CompleteBody);
        site.File("themes/default/partials/head.sbn-html", "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>{{ page.head_title }}</title>\n</head>\n");

        var result = Check(site);

        var missing = With(result, DiagnosticCodes.MissingLang);
        Assert.Equal(result.PagesChecked, missing.Count);
        Assert.All(missing, d => Assert.StartsWith("output/", d.File, StringComparison.Ordinal));
    }

    [Fact]
    public void An_index_page_that_lists_nothing_is_a_warning()
    {
        using var site = new TestSite();
        site.Report("2024/a", "红塔区卫生健康局", 2024, region: SampleReports.Region, published: SampleReports.Published(2024), body: SampleReports.CompleteBody);
        site.File("themes/default/partials/term-tree.sbn-html", "<p>（暂无）</p>\n");

        var result = Check(site);

        var empty = With(result, DiagnosticCodes.EmptyIndexPage);
        Assert.Contains(empty, d => d.File == "output/agencies/index.html");
        Assert.True(result.Passed);
    }

    [Fact]
    public void Checking_never_writes_the_published_output_folder()
    {
        using var site = new TestSite();
        site.Report("2024/a", "红塔区卫生健康局", 2024, region: SampleReports.Region, published: SampleReports.Published(2024), body: SampleReports.CompleteBody);

        Check(site);

        Assert.False(Directory.Exists(Path.Combine(site.Root, "output")));
    }

    internal static string FindRepoRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "SiteGen.sln"))) return dir;
        throw new InvalidOperationException("repository root not found");
    }
}
