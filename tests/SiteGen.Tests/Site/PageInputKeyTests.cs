using SiteGen.Build;
using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.Render;
using SiteGen.Tests.Check;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Site;

/// <summary>The input key a build reuses a page or feed by without building its view: the model hash covers every page's view but the
/// bodies each page (a feed: its entries) declares, so a page whose declared bodies did not change has the view, and the fingerprint, it had.</summary>
public sealed class PageInputKeyTests
{
    private static readonly string[] County = SampleReports.Region;

    private static string Body(string measures) =>
        $"## 一、主要举措和成效\n\n{measures}\n\n## 二、存在的不足和原因\n\n执法人员不足。\n\n## 三、第一责任人职责情况\n\n主要负责人带头学法。\n\n## 四、下一年度工作安排\n\n继续推进。\n";

    /// <summary>Every page's fingerprint, computed from its full view as a build without the input key would, with the bodies it declares.</summary>
    private static (byte[] Model, Dictionary<string, (string Fingerprint, HashSet<string> Bodies)> Pages) Fingerprints(TestSite testSite)
    {
        var diagnostics = new DiagnosticBag();
        var (site, theme) = SiteBuilder.LoadModel(new BuildOptions { SiteDir = testSite.Root }, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Sorted()));
        var views = SiteGen.Views.SiteViews.Compute(site);
        var renderer = new PageRenderer(site, theme, new MarkdownRenderer(site.Config.AllowRawHtml, AttachmentLabels.From(theme.Strings)), views);
        var global = new byte[32];
        var model = PageFingerprints.Model(global, site, "views=True");
        var fingerprints = new PageFingerprints(global, model);
        var pages = new Dictionary<string, (string, HashSet<string>)>(StringComparer.Ordinal);
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in site.Pages)
        {
            var view = renderer.View(page);
            pages[page.Path] = (fingerprints.Of(page, view), renderer.BodySources(page).Select(r => r.Path).ToHashSet());
            if (page.Report is { } report) summaries[page.Path] = report.Meta.Summary ?? renderer.Render(page, view).Body!.Summary;
        }
        // A feed is keyed by its entries' bodies (their summaries), and fingerprinted from everything it shows.
        foreach (var feed in FeedRenderer.All(site))
            pages[feed.Path] = (fingerprints.Of(FeedRenderer.Inputs(feed, summaries)), feed.Entries.Select(r => r.Path).ToHashSet());
        foreach (var page in views.Pages)
            pages[page.Path] = (fingerprints.Of(renderer.Shell(page), renderer.Sources(page)), renderer.Sources(page).Select(r => r.Path).ToHashSet());
        return (model, pages);
    }

    private static TestSite ThreeYearsOfTwoAgencies()
    {
        var site = new TestSite();
        foreach (var agency in new[] { "红塔区人民政府", "红塔区司法局" })
            for (var year = 2022; year <= 2024; year++)
                site.Report($"{agency}{year}", agency, year, County, SampleReports.Published(year), body: Body($"{agency}查处违法行为{year - 1900}起。"));
        return site;
    }

    [Fact]
    public void A_body_edit_changes_only_pages_that_declare_that_body_and_leaves_the_model_hash_alone()
    {
        // Given two agencies of one county with reports for 2022–2024, fingerprinted page by page
        using var site = ThreeYearsOfTwoAgencies();
        var (modelBefore, before) = Fingerprints(site);

        // When the text of one 2023 report's body changes (a sentence added, a figure changed), its front matter untouched
        var file = site.PathOf("content/reports/红塔区司法局2023.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("执法人员不足。", "执法人员不足，装备老旧。").Replace("123起", "95起")
            + "\n本年度还完成了整改。\n");
        var (modelAfter, after) = Fingerprints(site);

        // Then the model hash is the same, some pages' views did change, and every page whose view changed declares that body,
        // so reusing a page whose declared bodies are unchanged never publishes a stale page
        Assert.Equal(modelBefore, modelAfter);
        var edited = after.Values.SelectMany(p => p.Bodies).Distinct().Single(p => p.StartsWith("reports/2023/", StringComparison.Ordinal)
            && p.Contains(SiteUrls.Segment("红塔区司法局"), StringComparison.Ordinal));
        var changed = after.Where(p => p.Value.Fingerprint != before[p.Key].Fingerprint).Select(p => p.Key).ToList();
        Assert.NotEmpty(changed);
        Assert.All(changed, path => Assert.Contains(edited, after[path].Bodies));
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("title", "title: \"红塔区司法局2023年度法治政府建设工作报告\"")]
    [InlineData("published", "published: 2024-05-01")]
    public void A_front_matter_edit_changes_the_model_hash(string field, string changed)
    {
        // Given the same site
        using var site = ThreeYearsOfTwoAgencies();
        var file = site.PathOf("content/reports/红塔区司法局2023.md");
        var text = File.ReadAllText(file);
        var line = text.Split('\n').First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        var (modelBefore, _) = Fingerprints(site);

        // When a field that other pages show (the title in lists, the date in the status table) changes
        File.WriteAllText(file, text.Replace(line, changed));
        var (modelAfter, _) = Fingerprints(site);

        // Then the model hash changes, and with it every page's input key: every view is built again
        Assert.NotEqual(modelBefore, modelAfter);
    }
}
