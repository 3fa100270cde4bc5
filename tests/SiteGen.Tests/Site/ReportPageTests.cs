using SiteGen.Model;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Site;

public sealed class ReportPageTests
{
    private const string Agency = "玉溪市红塔区卫生健康局";
    private static readonly string[] Hongta = ["云南省", "玉溪市", "红塔区"];

    private static string ReportFile(string agency, int year) => $"reports/{year}/{SiteUrls.Segment(agency)}/index.html";

    [Fact]
    public void A_report_page_shows_title_agency_region_breadcrumb_year_date_source_and_body()
    {
        // Given a report with every main field
        using var site = new TestSite().Report("a", Agency, 2024, Hongta, "2025-03-28",
            extra: "source_url: \"https://www.hongta.gov.cn/a.html\"\n",
            body: "2024年，我局依法行政。\n\n## 一、主要举措和成效\n\n### （一）强化行政执法保障\n\n执法人员64人。\n");

        // When the site is built
        site.BuildSucceeding();

        // Then the report page shows each of them
        var html = site.Read(ReportFile(Agency, 2024));
        Assert.Contains("<h1 data-search-meta=\"title\">玉溪市红塔区卫生健康局2024年法治政府建设工作情况报告</h1>", html);
        Assert.Contains($"href=\"/agencies/{SiteUrls.Segment(Agency)}/\" data-search-filter=\"agency\">{Agency}</a>", html);
        Assert.Contains($"<a href=\"/regions/{SiteUrls.Segment("云南省")}/\">云南省</a> › <a href=\"/regions/{SiteUrls.Segment("云南省/玉溪市")}/\">玉溪市</a> › <a href=\"/regions/{SiteUrls.Segment("云南省/玉溪市/红塔区")}/\">红塔区</a>", html);
        Assert.Contains("href=\"/years/2024/\" data-search-filter=\"year\">2024</a>", html);
        Assert.Contains("<time datetime=\"2025-03-28\">2025-03-28</time>", html);
        Assert.Contains("href=\"https://www.hongta.gov.cn/a.html\"", html);
        Assert.Contains("<p>执法人员64人。</p>", html);
        // And the breadcrumb, a navigation landmark of its own, leads home › agencies › the agency › this report, the last not a link but the current page
        Assert.Equal(
        [
            new BuiltPages.Crumb("首页", "/", null),
            new BuiltPages.Crumb("机构", "/agencies/", null),
            new BuiltPages.Crumb(Agency, $"/agencies/{SiteUrls.Segment(Agency)}/", null),
            new BuiltPages.Crumb("玉溪市红塔区卫生健康局2024年法治政府建设工作情况报告", null, "page"),
        ], site.Page(ReportFile(Agency, 2024)).Breadcrumb("当前位置"));
    }

    [Fact]
    public void Chinese_headings_get_readable_unique_ids_and_a_table_of_contents()
    {
        // Given headings in Chinese, two of them with the same words
        using var site = new TestSite().Report("a", Agency, 2024, Hongta, body:
            "## 一、主要举措和成效\n\n### （一）加强领导\n\n文。\n\n## 二、存在的不足\n\n### （一）加强领导\n\n文。\n");

        // When the site is built
        site.BuildSucceeding();

        // Then every heading id is made of its own words, not `section-1`, and repeats get a suffix
        var html = site.Read(ReportFile(Agency, 2024));
        Assert.Contains("<h2 id=\"一主要举措和成效\">一、主要举措和成效</h2>", html);
        Assert.Contains("<h3 id=\"一加强领导\">（一）加强领导</h3>", html);
        Assert.Contains("<h3 id=\"一加强领导-2\">（一）加强领导</h3>", html);
        Assert.DoesNotContain("id=\"section", html);
        // And the table of contents links to them
        Assert.Contains("<a href=\"#一主要举措和成效\">一、主要举措和成效</a>", html);
        Assert.Contains("<a href=\"#二存在的不足\">二、存在的不足</a>", html);
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

        // When the site is built
        site.BuildSucceeding();

        // Then the 2024 report links to 2023 and 2022 of the same agency, and to the neighbour's 2024 report
        var html = site.Read(ReportFile(Agency, 2024));
        var related = html[html.IndexOf("<aside", StringComparison.Ordinal)..];
        Assert.Contains($"/reports/2023/{SiteUrls.Segment(Agency)}/", related);
        Assert.Contains($"/reports/2022/{SiteUrls.Segment(Agency)}/", related);
        Assert.Contains($"/reports/2024/{SiteUrls.Segment("玉溪市红塔区司法局")}/", related);
        // But not to a report of another region
        Assert.DoesNotContain(SiteUrls.Segment("新田县卫生健康局"), related);
    }

    [Fact]
    public void A_report_page_carries_government_meta_tags_canonical_url_and_json_ld()
    {
        // Given a site published at an absolute URL
        using var site = new TestSite().Report("a", Agency, 2024, Hongta, "2025-03-28");

        // When it is built
        site.BuildSucceeding(baseUrl: "https://example.gov.cn/reports/");

        // Then the report page has the meta tags Chinese government sites use, a canonical URL and schema.org JSON-LD
        var html = site.Read(ReportFile(Agency, 2024));
        Assert.Contains("<meta name=\"SiteName\" content=\"法治政府建设年度报告库\">", html);
        Assert.Contains("<meta name=\"ColumnName\" content=\"法治政府建设年度报告\">", html);
        Assert.Contains($"<meta name=\"ArticleTitle\" content=\"{Agency}2024年法治政府建设工作情况报告\">", html);
        Assert.Contains("<meta name=\"PubDate\" content=\"2025-03-28\">", html);
        Assert.Contains($"<meta name=\"ContentSource\" content=\"{Agency}\">", html);
        Assert.Contains($"<link rel=\"canonical\" href=\"https://example.gov.cn/reports/reports/2024/{SiteUrls.Segment(Agency)}/\">", html);
        Assert.Contains("\"@type\":\"Report\"", html);
        Assert.Contains($"\"publisher\":{{\"@type\":\"GovernmentOrganization\",\"name\":\"{Agency}\"", html);
    }

    [Fact]
    public void Catalogue_fields_and_unknown_front_matter_fields_reach_the_template()
    {
        // Given a report with 政府信息公开 catalogue fields and a field SiteGen does not know, used by an overriding layout
        using var site = new TestSite()
            .Report("a", Agency, 2024, Hongta, extra: "index_no: \"11500111MB15011811/2026-00005\"\ndoc_no: \"红卫〔2025〕3号\"\nreviewer: \"张三\"\n");
        var layout = new StreamReader(typeof(SiteGen.Render.Theme).Assembly.GetManifestResourceStream("theme/layouts/report.sbn-html")!).ReadToEnd();
        site.File("themes/default/layouts/report.sbn-html", layout.Replace("</article>", "<p class=\"reviewer\">{{ report.extra.reviewer }}</p></article>"));

        // When the site is built
        site.BuildSucceeding();

        // Then the catalogue is shown and the unknown field is available to the template
        var html = site.Read(ReportFile(Agency, 2024));
        Assert.Contains("11500111MB15011811/2026-00005", html);
        Assert.Contains("红卫〔2025〕3号", html);
        Assert.Contains("<p class=\"reviewer\">张三</p>", html);
    }
}
