using System.Xml.Linq;
using SiteGen.Build;
using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.Search;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Site;

public sealed class OutputTests
{
    private static TestSite Sample() => new TestSite()
        .Report("a", "玉溪市红塔区卫生健康局", 2024, ["云南省", "玉溪市", "红塔区"], "2025-03-28", body: "## 一、举措\n\n文。\n")
        .Report("b", "新田县卫生健康局", 2024, ["湖南省", "永州市", "新田县"], "2025-01-10")
        .Report("c", "重庆市南岸区卫生健康委员会", 2023, ["重庆市", "南岸区"]);

    [Fact]
    public void Rebuilding_the_same_input_gives_byte_identical_output()
    {
        // Given a site
        using var site = Sample();

        // When it is built twice from scratch, into two new folders, so the second build can reuse nothing of the first
        var first = SiteBuilder.Run(new BuildOptions { SiteDir = site.Root, OutputDir = site.PathOf("first"), Clean = true });
        var second = SiteBuilder.Run(new BuildOptions { SiteDir = site.Root, OutputDir = site.PathOf("second"), Clean = true });

        // Then each build rendered every page and indexed every report itself
        foreach (var build in new[] { first, second })
        {
            Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics));
            Assert.Equal((build.PagesByKind.Values.Sum(), 0), (build.PagesRendered, build.PagesReused));
            Assert.Equal(3, build.Search!.Reindexed);
        }
        // And the two outputs hold the same files with the same bytes, report pages and search index included
        var files = TestSite.SnapshotOf(site.PathOf("first")).Keys;
        Assert.Contains(files, f => f.StartsWith("reports/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith(SearchIndexBuilder.Folder, StringComparison.Ordinal));
        TestSite.AssertSameFiles(site.PathOf("first"), site.PathOf("second"));
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_output_complete_and_untouched()
    {
        // Given a site built once
        using var site = Sample();
        site.BuildSucceeding();
        var before = site.Snapshot();

        // When a broken report is added and the site is built again
        site.Report("broken", "title: \"坏\"\nagency: \"局\"\nyear: 二〇二四");
        var result = site.Build();

        // Then the build fails and the previous output is exactly as it was
        Assert.False(result.Succeeded);
        var after = site.Snapshot();
        Assert.Equal(before.Keys, after.Keys);
        foreach (var key in before.Keys) Assert.True(before[key].AsSpan().SequenceEqual(after[key]), $"{key} changed");
    }

    [Fact]
    public void A_successful_rebuild_replaces_the_output_and_removes_pages_that_no_longer_exist()
    {
        // Given a site built twice (so the staging tree holds an earlier output, as it does on every later build), one of
        // whose reports is then deleted
        using var site = Sample();
        site.BuildSucceeding();
        site.BuildSucceeding();
        File.Delete(Path.Combine(site.Root, "content/reports/c.md"));

        // When it is built again
        site.BuildSucceeding();

        // Then the output is exactly what a clean build of the remaining reports gives: the report's page, its year's,
        // its agency's and its regions' pages are gone
        SiteBuilder.Run(new BuildOptions { SiteDir = site.Root, OutputDir = site.PathOf("fresh") });
        TestSite.AssertSameFiles(site.PathOf("fresh"), site.Output);
        Assert.False(site.Exists($"reports/2023/{SiteUrls.Segment("重庆市南岸区卫生健康委员会")}/index.html"));
        Assert.False(site.Exists("years/2023/index.html"));
        Assert.False(Directory.Exists(Path.Combine(site.Output, "years/2023")), "the emptied folder is removed too");
        Assert.Equal([".output.staging"], Directory.EnumerateDirectories(site.Root, ".output.*").Select(Path.GetFileName));
    }

    [Fact]
    public void The_build_refuses_to_replace_a_folder_it_did_not_make()
    {
        using var site = Sample();
        site.File("output/thesis.docx", "not a site");
        var ex = Assert.Throws<SiteGenException>(() => site.Build());
        Assert.Equal(DiagnosticCodes.OutputPath, ex.Code);
        Assert.True(File.Exists(Path.Combine(site.Output, "thesis.docx")));
    }

    [Fact]
    public void The_site_has_feeds_a_sitemap_robots_txt_and_a_404_page()
    {
        using var site = Sample();
        site.BuildSucceeding(baseUrl: "https://example.gov.cn/");

        var atom = XNamespace.Get("http://www.w3.org/2005/Atom");
        var feed = XDocument.Parse(site.Read("feed.xml"));
        Assert.Equal(3, feed.Root!.Elements(atom + "entry").Count());
        Assert.Equal("2025-03-28T00:00:00+08:00", feed.Root.Element(atom + "updated")!.Value);
        Assert.Single(site.Find("agencies/*/feed.xml"), f => site.Read(f).Contains("新田县卫生健康局", StringComparison.Ordinal));
        Assert.Equal(8, site.Find("regions/*/feed.xml").Count); // 云南省 玉溪市 红塔区 湖南省 永州市 新田县 重庆市 南岸区
        var sitemap = XDocument.Parse(site.Read("sitemap.xml"));
        var locs = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();
        Assert.Contains("https://example.gov.cn/", locs);
        Assert.Contains("https://example.gov.cn/years/2024/", locs);
        Assert.DoesNotContain("https://example.gov.cn/404.html", locs);
        Assert.StartsWith("User-agent: *", site.Read("robots.txt"));
        Assert.Contains("页面不存在", site.Read("404.html"));
    }

    [Fact]
    public void Whatever_an_interrupted_build_left_in_the_staging_tree_does_not_reach_the_output()
    {
        // Given a site built once, and a staging tree holding garbage as a killed build would leave it
        using var site = Sample();
        site.BuildSucceeding();
        site.File(".output.staging/index.html", "half-written");
        site.File(".output.staging/stray/page.html", "from an older build");

        // When the site is built again
        site.BuildSucceeding();

        // Then the output is exactly what a clean build into a new folder gives
        var fresh = SiteBuilder.Run(new BuildOptions { SiteDir = site.Root, OutputDir = Path.Combine(site.Root, "fresh") });
        Assert.True(fresh.Succeeded);
        TestSite.AssertSameFiles(Path.Combine(site.Root, "fresh"), site.Output);
    }

    [Fact]
    public void A_build_without_search_writes_no_index_and_a_later_build_with_search_does()
    {
        using var site = Sample();
        var without = SiteBuilder.Run(new BuildOptions { SiteDir = site.Root, Search = false });
        Assert.True(without.Succeeded);
        Assert.Null(without.Search);
        Assert.DoesNotContain(site.Snapshot().Keys, k => k.StartsWith(SearchIndexBuilder.Folder, StringComparison.Ordinal));

        var with = site.BuildSucceeding();
        Assert.Equal(3, with.Search!.Documents);
        Assert.Contains(site.Snapshot().Keys, k => k.StartsWith(SearchIndexBuilder.Folder, StringComparison.Ordinal));
    }
}
