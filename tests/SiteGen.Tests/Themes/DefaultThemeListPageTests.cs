using SiteGen.Model;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Themes;

/// <summary>The default theme's list pages and navigation: the pagination, current-page and count values the engine decides
/// (<see cref="Site.PaginationTests"/>, <see cref="Site.TaxonomyTests"/>) appear as the markup readers and screen readers rely on.</summary>
public sealed class DefaultThemeListPageTests
{
    [Fact]
    public void Pagination_is_a_labelled_navigation_with_prev_and_next_links_and_the_current_page_marked()
    {
        // Given five reports of one year, two per page; When the site is built with the default theme
        using var site = new TestSite().File("content/site.yml", "page_size: 2\n");
        for (var i = 1; i <= 5; i++) site.Report($"r{i}", $"测试县第{i}局", 2024, published: $"2025-01-0{i}");
        site.BuildSucceeding();
        var bar = site.Views().View("years/2024/page/2/").Page.Pagination!;

        // Then the middle page has a navigation landmark named 分页 with rel=prev and rel=next links,
        // a link to each page named 第 N 页, and the page itself marked aria-current="page"
        var page = site.Page("years/2024/page/2/index.html");
        var nav = Assert.Single(page.QuerySelectorAll("nav"), n => n.GetAttribute("aria-label") == "分页");
        Assert.Equal(bar.PrevHref, Assert.Single(nav.QuerySelectorAll("a[rel=prev]")).GetAttribute("href"));
        Assert.Equal(bar.NextHref, Assert.Single(nav.QuerySelectorAll("a[rel=next]")).GetAttribute("href"));
        Assert.Equal(bar.Pages.Select(p => (p.Href, $"第 {p.Number} 页")),
            nav.QuerySelectorAll("a:not([rel])").Select(a => (a.GetAttribute("href")!, a.GetAttribute("aria-label")!)));
        var current = Assert.Single(nav.QuerySelectorAll("[aria-current]"));
        Assert.Equal(("page", bar.Pages.Single(p => p.Current).Href), (current.GetAttribute("aria-current"), current.GetAttribute("href")));
    }

    [Fact]
    public void The_main_navigation_marks_the_current_page_and_the_current_section_with_aria_current()
    {
        // Given a site with a report in a region; When it is built with the default theme
        using var site = new TestSite().Report("a", "测试局", 2024, ["云南省", "玉溪市"]);
        site.BuildSucceeding();
        var views = site.Views();

        // Then on the regions index and on a region's page, the main navigation (主导航) carries each entry's aria-current value from the view
        foreach (var path in new[] { "regions/", SiteUrls.TermPath("regions", SiteUrls.Segment("云南省")) })
        {
            var nav = Assert.Single(site.Page(SiteUrls.OutputFile(path)).QuerySelectorAll("nav"), n => n.GetAttribute("aria-label") == "主导航");
            Assert.Equal(views.View(path).Page.Nav.Select(l => (l.Name, l.Href, l.Current)),
                nav.QuerySelectorAll("a").Select(a => (a.TextContent, a.GetAttribute("href")!, a.GetAttribute("aria-current"))));
        }
    }

    [Fact]
    public void The_home_page_shows_each_count_with_its_label()
    {
        // Given reports of two agencies in two years; When the site is built with the default theme
        using var site = new TestSite()
            .Report("a", "甲县司法局", 2023, ["甲省", "甲县"])
            .Report("b", "甲县司法局", 2024, ["甲省", "甲县"])
            .Report("c", "乙县教育局", 2024, ["乙省", "乙县"]);
        site.BuildSucceeding();
        var counts = site.Views().View("").Counts!;

        // Then the statistics list reads each number of the view followed by what it counts
        Assert.Equal([$"{counts.Reports} 报告", $"{counts.Agencies} 机构", $"{counts.Regions} 地区", $"{counts.Years} 年度"],
            site.Page("index.html").QuerySelectorAll("main .stats li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public void A_region_page_links_its_sub_regions_and_lists_its_reports_by_title()
    {
        // Given a province with reports in two cities; When the site is built with the default theme
        using var site = new TestSite()
            .Report("a", "玉溪市司法局", 2024, ["云南省", "玉溪市"])
            .Report("b", "昆明市教育局", 2024, ["云南省", "昆明市"]);
        site.BuildSucceeding();
        var path = SiteUrls.TermPath("regions", SiteUrls.Segment("云南省"));
        var view = site.Views().View(path);

        // Then the province page has a section linking each sub-region, and lists each report as a link with its title
        var page = site.Page(SiteUrls.OutputFile(path));
        var subregions = page.QuerySelector("main section[aria-labelledby=subregions-heading]")!;
        Assert.Equal(view.Term!.Children.Select(c => (c.Name, c.Href)), subregions.QuerySelectorAll("li a").Select(a => (a.TextContent, a.GetAttribute("href")!)));
        Assert.Equal(view.Reports!.Select(r => (r.Title, r.Href)), page.ListedReportLinks());
    }
}
