using SiteGen.Build;
using SiteGen.Diagnostics;
using SiteGen.Reports;
using SiteGen.Tests.Check;
using SiteGen.Tests.Support;
using SiteGen.Views;

namespace SiteGen.Tests.Views;

/// <summary>The compare pages' briefs, made while the comparison of years reads each body and kept outside memory until the page.</summary>
public sealed class CompareBriefsTests
{
    [Fact]
    public void A_brief_kept_for_a_compare_page_comes_back_as_it_was_made_and_a_report_not_kept_has_none()
    {
        // Given a report with an item spread over two sections, sub-headings, a long first sentence, and one item missing
        using var site = new TestSite().Report("a24", "红塔区司法局", 2024, SampleReports.Region, "2025-03-01",
            body: "## 一、主要举措和成效\n\n" + new string('法', 130) + "。\n\n### （一）强化执法\n\n正文。\n\n### （二）优化<服务>\n\n正文。\n\n"
                + "## 二、推进依法行政\n\n开展培训5次。\n\n## 三、存在的不足和原因\n\n执法人员不足。\n\n## 四、下一年度工作安排\n\n继续推进。\n");
        var (model, _) = SiteBuilder.LoadModel(new BuildOptions { SiteDir = site.Root }, new DiagnosticBag());
        var report = model.Reports.Single();
        var made = ReportBrief.Of(ReportBodies.Read(report));
        Assert.Contains(made.Items, i => i is null);
        Assert.Contains(made.Items, i => i is { Headings.Count: 2 });

        // When it is kept and read back
        using var briefs = new CompareBriefs();
        briefs.Keep(report.Path, made);
        var restored = briefs.Restore(report.Path)!;

        // Then every item's headings, excerpt, outline and count are those made from the body, and a missing item is still missing
        Assert.Equal(Flat(made), Flat(restored));
        Assert.True(briefs.Holds(report.Path));
        Assert.Null(briefs.Restore("reports/2023/other/"));
    }

    [Fact]
    public void A_compare_page_is_laid_out_from_the_briefs_the_comparison_of_years_kept_without_reading_a_body_again()
    {
        // Given two agencies of one county with reports for two years each (so the comparison of years reads every body)
        using var site = new TestSite()
            .Report("a23", "红塔区司法局", 2023, SampleReports.Region, "2024-03-01", body: SampleReports.CompleteBody)
            .Report("a24", "红塔区司法局", 2024, SampleReports.Region, "2025-03-01", body: SampleReports.CompleteBody + "\n新增一句。\n")
            .Report("b23", "红塔区卫生健康局", 2023, SampleReports.Region, "2024-03-01", body: "## 一、主要举措和成效\n\n开展培训5次。\n")
            .Report("b24", "红塔区卫生健康局", 2024, SampleReports.Region, "2025-03-01", body: "## 一、主要举措和成效\n\n开展培训8次。\n");
        var (model, _) = SiteBuilder.LoadModel(new BuildOptions { SiteDir = site.Root }, new DiagnosticBag());

        using var views = SiteGen.Views.SiteViews.Compute(model);
        var page = views.Pages.First(p => p.Kind == ViewPageKind.Compare).Compare!;
        var fromBodies = SideBySide.Build(page);

        // When the report files are gone (so no body can be read again) and the compare page is laid out from the views
        foreach (var file in Directory.GetFiles(Path.Combine(site.Root, "content"), "*.md", SearchOption.AllDirectories)) File.Delete(file);
        var fromBriefs = SideBySide.Build(page, views.BriefOf);

        // Then it holds what laying it out from the report files gave, item by item and report by report
        Assert.Equal(2, page.Reports.Count);
        Assert.Equal(Flat(fromBodies), Flat(fromBriefs));
    }

    private static List<string> Flat(ReportBrief brief) => brief.Items.Select((item, n) => item is null ? $"{n}: none"
        : $"{n}: {string.Join('/', item.Headings)} | {item.Brief.Excerpt} | {string.Join('/', item.Brief.Outline)} | {item.Brief.OutlineCount}").ToList();

    private static List<string> Flat(CompareView view) => view.Items.SelectMany(i =>
        i.Present.Select(e => $"{i.Item.Number} {e.Report.Path}: {string.Join('/', e.Text.Headings)} | {e.Text.Brief.Excerpt} | {string.Join('/', e.Text.Brief.Outline)} | {e.Text.Brief.OutlineCount}")
            .Concat(i.Lacking.Select(r => $"{i.Item.Number} {r.Path}: lacking"))).ToList();
}
