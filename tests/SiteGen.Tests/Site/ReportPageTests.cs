using System.Text.Json;
using SiteGen.Model;
using SiteGen.Render;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Site;

/// <summary>What the engine puts on a report's page (its view model and rendered body); how the default theme marks it up is
/// <see cref="Themes.DefaultThemeReportPageTests"/>.</summary>
public sealed class ReportPageTests
{
    private const string Agency = "玉溪市红塔区卫生健康局";
    private static readonly string[] Hongta = ["云南省", "玉溪市", "红塔区"];

    private static string ReportPath(string agency, int year) => SiteUrls.ReportPath(year, SiteUrls.Segment(agency));
    private static string Href(string path) => "/" + path;

    [Fact]
    public void A_report_page_gives_its_layout_title_agency_region_breadcrumb_year_date_source_and_body()
    {
        // Given a report with every main field
        using var site = new TestSite().Report("a", Agency, 2024, Hongta, "2025-03-28",
            extra: "source_url: \"https://www.hongta.gov.cn/a.html\"\n",
            body: "2024年，我局依法行政。\n\n## 一、主要举措和成效\n\n### （一）强化行政执法保障\n\n执法人员64人。\n");

        // When its page's view is made
        var views = site.Views();
        var view = views.View(ReportPath(Agency, 2024));

        // Then the view holds each of them, the agency, region levels and year linked to their own pages
        var report = view.Report!;
        Assert.Equal("玉溪市红塔区卫生健康局2024年法治政府建设工作情况报告", report.Title);
        Assert.Equal((Agency, Href(SiteUrls.TermPath("agencies", SiteUrls.Segment(Agency)))), (report.Agency, report.AgencyHref));
        Assert.Equal(
        [
            new LinkView("云南省", Href(SiteUrls.TermPath("regions", SiteUrls.Segment("云南省")))),
            new LinkView("玉溪市", Href(SiteUrls.TermPath("regions", SiteUrls.Segment("云南省/玉溪市")))),
            new LinkView("红塔区", Href(SiteUrls.TermPath("regions", SiteUrls.Segment("云南省/玉溪市/红塔区")))),
        ], report.Region);
        Assert.Equal((2024, "/years/2024/"), (report.Year, report.YearHref));
        Assert.Equal("2025-03-28", report.Published);
        Assert.Equal("https://www.hongta.gov.cn/a.html", report.SourceUrl);
        // And the breadcrumb leads home › agencies › the agency › this report, only the last the current page
        Assert.Equal(
        [
            new CrumbView("首页", "/", Current: false, Content: false),
            new CrumbView("机构", "/agencies/", Current: false, Content: false),
            new CrumbView(Agency, report.AgencyHref, Current: false, Content: true),
            new CrumbView(report.Title, Href(ReportPath(Agency, 2024)), Current: true, Content: true),
        ], view.Page.Breadcrumbs);
        // And the body is rendered from the Markdown
        Assert.Contains("<p>执法人员64人。</p>", views.Body(ReportPath(Agency, 2024)).Html);
    }

    [Fact]
    public void Chinese_headings_get_readable_unique_ids_and_a_table_of_contents()
    {
        // Given headings in Chinese, two of them with the same words
        using var site = new TestSite().Report("a", Agency, 2024, Hongta, body:
            "## 一、主要举措和成效\n\n### （一）加强领导\n\n文。\n\n## 二、存在的不足\n\n### （一）加强领导\n\n文。\n");

        // When the report's body is rendered
        var body = site.Views().Body(ReportPath(Agency, 2024));

        // Then every heading id is made of its own words, not `section-1`, and repeats get a suffix
        Assert.Contains("<h2 id=\"一主要举措和成效\">一、主要举措和成效</h2>", body.Html);
        Assert.Contains("<h3 id=\"一加强领导\">（一）加强领导</h3>", body.Html);
        Assert.Contains("<h3 id=\"一加强领导-2\">（一）加强领导</h3>", body.Html);
        Assert.DoesNotContain("id=\"section", body.Html);
        // And the table of contents lists the headings in order, each by the id its heading carries
        Assert.Equal(
        [
            new TocEntry(2, "一主要举措和成效", "一、主要举措和成效"),
            new TocEntry(3, "一加强领导", "（一）加强领导"),
            new TocEntry(2, "二存在的不足", "二、存在的不足"),
            new TocEntry(3, "一加强领导-2", "（一）加强领导"),
        ], body.Toc);
    }

    [Fact]
    public void A_report_links_to_the_same_agencys_other_years_and_to_same_year_reports_of_its_region()
    {
        // Given one agency with three years and a neighbour agency in the same county
        using var site = new TestSite()
            .Report("a2023", Agency, 2023, Hongta)
            .Report("a2024", Agency, 2024, Hongta)
            .Report("a2022", Agency, 2022, Hongta)
            .Report("b2024", "玉溪市红塔区司法局", 2024, Hongta)
            .Report("c2024", "新田县卫生健康局", 2024, ["湖南省", "永州市", "新田县"]);

        // When the 2024 report's view is made
        var report = site.Views().View(ReportPath(Agency, 2024)).Report!;

        // Then it links to 2023 and 2022 of the same agency, newest first, and to the neighbour's 2024 report only:
        // not to a report of another region
        Assert.Equal([Href(ReportPath(Agency, 2023)), Href(ReportPath(Agency, 2022))], report.OtherYears.Select(r => r.Href));
        Assert.Equal([Href(ReportPath("玉溪市红塔区司法局", 2024))], report.SameYearRegion.Select(r => r.Href));
        Assert.True(report.HasRelated);
    }

    [Fact]
    public void A_report_page_gives_its_layout_the_government_meta_values_canonical_url_and_json_ld()
    {
        // Given a site published at an absolute URL
        using var site = new TestSite().Report("a", Agency, 2024, Hongta, "2025-03-28");

        // When the report page's view is made
        var view = site.Views(baseUrl: "https://example.gov.cn/reports/").View(ReportPath(Agency, 2024));

        // Then it holds what the meta tags Chinese government sites use say: site, column, title, date and source
        Assert.Equal("法治政府建设年度报告库", view.Site.Title);
        Assert.Equal("法治政府建设年度报告", view.Page.ColumnName);
        Assert.Equal($"{Agency}2024年法治政府建设工作情况报告", view.Report!.Title);
        Assert.Equal("2025-03-28", view.Page.PubDate);
        Assert.Equal(Agency, view.Report.Agency);
        // And the canonical URL is absolute under the base URL
        Assert.Equal($"https://example.gov.cn/reports/reports/2024/{SiteUrls.Segment(Agency)}/", view.Page.Canonical);
        // And the JSON-LD describes a schema.org Report published by a GovernmentOrganization
        var jsonLd = JsonDocument.Parse(view.Page.JsonLd!.Html).RootElement;
        Assert.Equal("Report", jsonLd.GetProperty("@type").GetString());
        Assert.Equal(view.Page.Canonical, jsonLd.GetProperty("url").GetString());
        var publisher = jsonLd.GetProperty("publisher");
        Assert.Equal(("GovernmentOrganization", Agency), (publisher.GetProperty("@type").GetString(), publisher.GetProperty("name").GetString()));
    }

    [Fact]
    public void Catalogue_fields_and_unknown_front_matter_fields_reach_the_template()
    {
        // Given a report with 政府信息公开 catalogue fields and a field SiteGen does not know
        using var site = new TestSite()
            .Report("a", Agency, 2024, Hongta, extra: "index_no: \"11500111MB15011811/2026-00005\"\ndoc_no: \"红卫〔2025〕3号\"\nreviewer: \"张三\"\n");

        // When its page's view is made
        var report = site.Views().View(ReportPath(Agency, 2024)).Report!;

        // Then the catalogue fields are in it, marked as a catalogue to show, and the unknown field is kept as written
        Assert.Equal(("11500111MB15011811/2026-00005", "红卫〔2025〕3号"), (report.IndexNo, report.DocNo));
        Assert.True(report.HasCatalogue);
        Assert.Equal("张三", report.Extra["reviewer"]);

        // And a layout of the site's own reads them by their template names
        site.File("themes/default/layouts/report.sbn-html", "<p>{{ report.index_no }}|{{ report.doc_no }}|{{ report.extra.reviewer }}</p>\n");
        site.BuildSucceeding();
        Assert.Equal("<p>11500111MB15011811/2026-00005|红卫〔2025〕3号|张三</p>\n", site.Read(SiteUrls.OutputFile(ReportPath(Agency, 2024))));
    }
}
