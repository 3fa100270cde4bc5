using AngleSharp.Dom;
using SiteGen.Model;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Themes;

/// <summary>The default theme's report page: each value of the view the engine gives (<see cref="Site.ReportPageTests"/>) appears
/// as the markup readers, screen readers and government site crawlers rely on. These are the tests a change of the theme's markup touches.</summary>
public sealed class DefaultThemeReportPageTests
{
    private const string Agency = "玉溪市红塔区卫生健康局";
    private static readonly string ReportPath = SiteUrls.ReportPath(2024, SiteUrls.Segment(Agency));

    /// <summary>A report with every field the layout shows, a neighbour and an earlier year (for the related links), built for an absolute base URL.</summary>
    private static TestSite FullReport() => new TestSite()
        .Report("a", Agency, 2024, ["云南省", "玉溪市", "红塔区"], "2025-03-28",
            extra: "source_url: \"https://www.hongta.gov.cn/a.html\"\nindex_no: \"11500111MB15011811/2026-00005\"\ndoc_no: \"红卫〔2025〕3号\"\n",
            body: "## 一、主要举措和成效\n\n### （一）强化行政执法保障\n\n执法人员64人。\n\n## 二、存在的不足\n\n文。\n")
        .Report("a2023", Agency, 2023, ["云南省", "玉溪市", "红塔区"])
        .Report("b", "玉溪市红塔区司法局", 2024, ["云南省", "玉溪市", "红塔区"]);

    private const string BaseUrl = "https://example.gov.cn/";

    private static (IDocument Page, SiteGen.Render.PageView View, SiteGen.Render.RenderedBody Body) Built(TestSite site)
    {
        site.BuildSucceeding(baseUrl: BaseUrl);
        var views = site.Views(baseUrl: BaseUrl);
        return (site.Page(SiteUrls.OutputFile(ReportPath)), views.View(ReportPath), views.Body(ReportPath));
    }

    [Fact]
    public void The_header_shows_the_title_and_each_fact_linked_to_its_page_and_the_date_machine_readable()
    {
        // Given a report with every main field; When the site is built with the default theme
        using var site = FullReport();
        var (page, view, _) = Built(site);
        var report = view.Report!;

        // Then the one h1 is the title, the agency, each region level and the year are links to their pages,
        // the date is a <time> element, and the source is an external link
        Assert.Equal(report.Title, Assert.Single(page.QuerySelectorAll("h1")).TextContent);
        var facts = page.QuerySelector("main .report-facts")!;
        static (string?, string?) Link(IElement? a) => (a?.TextContent, a?.GetAttribute("href"));
        Assert.Equal((report.Agency, report.AgencyHref), Link(facts.QuerySelector("a[data-search-filter=agency]")));
        Assert.Equal(report.Region.Select(r => ((string?)r.Name, (string?)r.Href)), facts.QuerySelectorAll("[data-search-filter=region] a").Select(Link));
        Assert.Equal((report.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), report.YearHref), Link(facts.QuerySelector("a[data-search-filter=year]")));
        Assert.Equal(report.Published, facts.QuerySelector("time")!.GetAttribute("datetime"));
        var source = facts.QuerySelector($"a[href=\"{report.SourceUrl}\"]")!;
        Assert.Contains("external", source.GetAttribute("rel")!.Split(' '));
    }

    [Fact]
    public void The_breadcrumb_is_a_labelled_navigation_landmark_whose_last_crumb_is_the_current_page_and_not_a_link()
    {
        // Given a report; When the site is built with the default theme
        using var site = FullReport();
        var (page, view, _) = Built(site);

        // Then the trail is a navigation landmark named 当前位置, with the view's crumbs in order, the current one marked aria-current="page"
        var expected = view.Page.Breadcrumbs.Select(c => new BuiltPages.Crumb(c.Name, c.Current ? null : c.Href, c.Current ? "page" : null));
        Assert.Equal(expected, page.Breadcrumb("当前位置"));
    }

    [Fact]
    public void The_table_of_contents_is_a_labelled_navigation_whose_links_lead_to_the_headings()
    {
        // Given a report with headings; When the site is built with the default theme
        using var site = FullReport();
        var (page, _, body) = Built(site);

        // Then the table of contents is a navigation landmark named by its heading, linking each entry, in order, to a heading of the body
        var toc = Assert.Single(page.QuerySelectorAll("nav"), n => n.GetAttribute("aria-labelledby") is { } id && page.GetElementById(id)?.TextContent == "目录");
        Assert.Equal(body.Toc.Select(e => ("#" + e.Id, e.Text)), toc.QuerySelectorAll("a").Select(a => (a.GetAttribute("href")!, a.TextContent)));
        Assert.All(body.Toc, e => Assert.Equal($"h{e.Level}", page.GetElementById(e.Id)?.LocalName));
    }

    [Fact]
    public void The_catalogue_lists_each_field_it_has_as_a_term_and_its_value()
    {
        // Given a report with an index number and a document number; When the site is built with the default theme
        using var site = FullReport();
        var (page, view, _) = Built(site);

        // Then a disclosure headed 政府信息公开目录 lists them as name/value pairs, and nothing for fields the report lacks
        var catalogue = page.QuerySelector("main details")!;
        Assert.Equal("政府信息公开目录", catalogue.QuerySelector("summary")!.TextContent);
        Assert.Equal([("索引号", view.Report!.IndexNo), ("发文字号", view.Report.DocNo)],
            catalogue.QuerySelectorAll("dt").Select(dt => (dt.TextContent, dt.NextElementSibling?.TextContent)));
    }

    [Fact]
    public void The_head_carries_the_government_meta_tags_the_canonical_link_and_the_json_ld()
    {
        // Given a report; When the site is built for an absolute URL with the default theme
        using var site = FullReport();
        var (page, view, _) = Built(site);

        // Then the meta tags government site crawlers read hold the view's values, and the canonical link and JSON-LD are in the head
        string? Meta(string name) => Assert.Single(page.Head!.QuerySelectorAll($"meta[name=\"{name}\"]")).GetAttribute("content");
        Assert.Equal(view.Site.Title, Meta("SiteName"));
        Assert.Equal(view.Page.ColumnName, Meta("ColumnName"));
        Assert.Equal(view.Report!.Title, Meta("ArticleTitle"));
        Assert.Equal(view.Page.PubDate, Meta("PubDate"));
        Assert.Equal(view.Report.Agency, Meta("ContentSource"));
        Assert.Equal(view.Page.Canonical, Assert.Single(page.Head!.QuerySelectorAll("link[rel=canonical]")).GetAttribute("href"));
        Assert.Equal(view.Page.JsonLd!.Html, Assert.Single(page.Head!.QuerySelectorAll("script[type=\"application/ld+json\"]")).TextContent);
    }

    [Fact]
    public void Related_reports_are_links_in_a_complementary_aside_after_the_article()
    {
        // Given a report with an earlier year and a neighbour; When the site is built with the default theme
        using var site = FullReport();
        var (page, view, _) = Built(site);

        // Then an aside after the article links the other years, then the same year's reports of the region
        var aside = Assert.Single(page.QuerySelectorAll("main aside"));
        Assert.Equal("article", aside.PreviousElementSibling?.LocalName);
        Assert.Equal(view.Report!.OtherYears.Concat(view.Report.SameYearRegion).Select(r => r.Href), aside.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")));
    }
}
