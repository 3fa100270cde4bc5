using System.Text.RegularExpressions;
using AngleSharp.Dom;
using SiteGen.Model;
using SiteGen.Render;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Site;

public sealed class TaxonomyTests
{
    private static TestSite ThreeRegions() => new TestSite()
        .Report("a", "玉溪市红塔区卫生健康局", 2024, ["云南省", "玉溪市", "红塔区"], "2025-03-01")
        .Report("b", "玉溪市江川区司法局", 2023, ["云南省", "玉溪市", "江川区"], "2024-03-01")
        .Report("c", "昆明市五华区教育局", 2024, ["云南省", "昆明市", "五华区"], "2025-02-01")
        .Report("d", "重庆市南岸区卫生健康委员会", 2024, ["重庆市", "南岸区"], "2025-01-15");

    private static string RegionPath(string region) => SiteUrls.TermPath("regions", SiteUrls.Segment(region));

    /// <summary>The sub-regions a region page's view lists: (name, link) in order.</summary>
    private static IEnumerable<(string, string)> SubRegions(SiteViews views, string region) =>
        views.View(RegionPath(region)).Term!.Children.Select(c => (c.Name, c.Href));

    [Fact]
    public void A_province_page_lists_its_cities_and_every_report_below_it()
    {
        using var site = ThreeRegions();
        var views = site.Views();

        Assert.Equal([("昆明市", "/" + RegionPath("云南省/昆明市")), ("玉溪市", "/" + RegionPath("云南省/玉溪市"))], SubRegions(views, "云南省"));
        Assert.Equal(["玉溪市红塔区卫生健康局2024年法治政府建设工作情况报告", "昆明市五华区教育局2024年法治政府建设工作情况报告", "玉溪市江川区司法局2023年法治政府建设工作情况报告"],
            views.View(RegionPath("云南省")).Reports!.Select(r => r.Title));
    }

    [Fact]
    public void A_city_page_lists_its_counties_and_a_municipality_has_two_levels()
    {
        using var site = ThreeRegions();
        var views = site.Views();

        Assert.Equal([("江川区", "/" + RegionPath("云南省/玉溪市/江川区")), ("红塔区", "/" + RegionPath("云南省/玉溪市/红塔区"))], SubRegions(views, "云南省/玉溪市"));
        Assert.DoesNotContain(views.View(RegionPath("云南省/玉溪市")).Reports!, r => r.Agency == "昆明市五华区教育局");
        Assert.Equal([("南岸区", "/" + RegionPath("重庆市/南岸区"))], SubRegions(views, "重庆市"));
        Assert.Empty(SubRegions(views, "重庆市/南岸区"));
    }

    [Fact]
    public void The_regions_index_shows_the_whole_hierarchy()
    {
        // Given reports in two provinces, three cities and four counties; When the site is built
        using var site = ThreeRegions();
        site.BuildSucceeding();

        // Then every region is listed inside the list item of the region above it, each level in name order, each linking to its page
        static string PathOf(IElement item)
        {
            var names = new List<string>();
            for (var li = item; li is not null; li = li.ParentElement?.Closest("li"))
                names.Insert(0, li.QuerySelector("a")!.TextContent);
            return string.Join("/", names);
        }
        var listed = site.Page("regions/index.html").QuerySelectorAll("main li").Where(li => li.Closest("nav") is null)
            .Select(li => (PathOf(li), li.QuerySelector("a")!.GetAttribute("href"))).ToList();
        string[] hierarchy = ["云南省", "云南省/昆明市", "云南省/昆明市/五华区", "云南省/玉溪市", "云南省/玉溪市/江川区", "云南省/玉溪市/红塔区", "重庆市", "重庆市/南岸区"];
        Assert.Equal(hierarchy.Select(r => (r, (string?)$"/regions/{SiteUrls.Segment(r)}/")), listed);
    }

    [Fact]
    public void Agency_year_and_series_pages_list_their_reports_newest_first()
    {
        // Given five reports published on five different days, in an order unlike their file, title or agency order
        using var site = ThreeRegions().Report("e", "玉溪市红塔区卫生健康局", 2023, ["云南省", "玉溪市", "红塔区"], "2024-02-01");

        // When the site is built
        site.BuildSucceeding();

        // Then each agency, year and series page lists exactly its reports, the most recently published first
        const string hongta = "玉溪市红塔区卫生健康局";
        string[] Titles(params string[] agencyYears) => agencyYears.Select(a => a + "年法治政府建设工作情况报告").ToArray();
        Assert.Equal(Titles(hongta + "2024", hongta + "2023"), site.Page($"agencies/{SiteUrls.Segment(hongta)}/index.html").ListedReports());
        Assert.Equal(Titles(hongta + "2024", "昆明市五华区教育局2024", "重庆市南岸区卫生健康委员会2024"), site.Page("years/2024/index.html").ListedReports());
        Assert.Equal(Titles("玉溪市江川区司法局2023", hongta + "2023"), site.Page("years/2023/index.html").ListedReports());
        Assert.Equal(Titles(hongta + "2024", "昆明市五华区教育局2024", "重庆市南岸区卫生健康委员会2024", "玉溪市江川区司法局2023", hongta + "2023"),
            site.Page($"series/{SiteUrls.Segment("法治政府建设年度报告")}/index.html").ListedReports());

        // And the agencies index counts each agency's own reports on that agency's entry
        var agencies = site.Page("agencies/index.html");
        int CountOn(string agency) =>
            int.Parse(Assert.Single(Regex.Matches(agencies.ListItemLinkingTo($"/agencies/{SiteUrls.Segment(agency)}/").TextContent, @"(\d+) 篇")).Groups[1].Value);
        Assert.Equal(2, CountOn(hongta));
        Assert.All(new[] { "玉溪市江川区司法局", "昆明市五华区教育局", "重庆市南岸区卫生健康委员会" }, other => Assert.Equal(1, CountOn(other)));
    }

    [Fact]
    public void The_home_page_shows_latest_reports_counts_and_entry_points()
    {
        using var site = ThreeRegions();
        var home = site.Views().View("");

        // Four reports of four agencies in eight regions (云南省, its two cities and three counties; 重庆市 and one district) over two years
        Assert.Equal(new CountsView(Reports: 4, Agencies: 4, Regions: 8, Years: 2), home.Counts);
        Assert.Equal(["/agencies/", "/years/", "/regions/", "/series/"], home.Browse!.Select(b => b.Href));
        // And the latest reports, newest first
        Assert.Equal(["玉溪市红塔区卫生健康局2024年法治政府建设工作情况报告", "昆明市五华区教育局2024年法治政府建设工作情况报告",
            "重庆市南岸区卫生健康委员会2024年法治政府建设工作情况报告", "玉溪市江川区司法局2023年法治政府建设工作情况报告"],
            home.Reports!.Select(r => r.Title));
    }

    [Fact]
    public void Reports_of_another_series_get_their_own_series_page_and_url()
    {
        // Given an agency's 2024 annual report and its 2024 report of another series
        const string hongta = "玉溪市红塔区卫生健康局";
        const string other = "红塔区卫健局2024年政府信息公开工作年度报告";
        using var site = ThreeRegions()
            .Report("f", $"title: \"{other}\"\nagency: \"{hongta}\"\nyear: 2024\ntype: \"政府信息公开工作年度报告\"");

        // When the site is built
        site.BuildSucceeding();

        // Then the series index links to both series, and each series page lists only its own reports
        var seriesIndex = site.Page("series/index.html");
        var annualHref = $"/series/{SiteUrls.Segment("法治政府建设年度报告")}/";
        var otherHref = $"/series/{SiteUrls.Segment("政府信息公开工作年度报告")}/";
        seriesIndex.ListItemLinkingTo(annualHref);
        seriesIndex.ListItemLinkingTo(otherHref);
        var listedOther = Assert.Single(site.PageAt(otherHref).ListedReportLinks());
        Assert.Equal(other, listedOther.Title);
        var annual = site.PageAt(annualHref).ListedReportLinks();
        Assert.Equal(4, annual.Count);
        Assert.DoesNotContain(other, annual.Select(l => l.Title));

        // And the agency page lists both 2024 reports, each at its own URL, whose page shows that report and links to its series
        var annual2024 = Assert.Single(annual, l => l.Title.StartsWith(hongta + "2024年", StringComparison.Ordinal));
        Assert.Equal(new[] { annual2024, listedOther }.Order(), site.Page($"agencies/{SiteUrls.Segment(hongta)}/index.html").ListedReportLinks().Order());
        Assert.NotEqual(annual2024.Href, listedOther.Href);
        foreach (var (title, href, series) in new[] { (annual2024.Title, annual2024.Href, annualHref), (other, listedOther.Href, otherHref) })
        {
            var page = site.PageAt(href);
            Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
            Assert.NotNull(page.QuerySelector($"main a[href=\"{series}\"]"));
        }
    }
}
