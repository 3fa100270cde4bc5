using System.Text.RegularExpressions;
using System.Xml.Linq;
using SiteGen.Model;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Site;

/// <summary>Taxonomies a site defines in site.yml get what the built-in ones have: an index, term pages, feeds, sitemap entries.</summary>
public sealed class SiteTaxonomyTests
{
    private const string Topics = "taxonomies:\n  - { key: topics, field: topic, label: \"主题\" }\n";

    private static TestSite WithTopics(string settings = Topics) => new TestSite()
        .File("content/site.yml", settings)
        .Report("a", "玉溪市红塔区卫生健康局", 2024, ["云南省", "玉溪市", "红塔区"], "2025-03-01", extra: "topic: \"行政执法\"\ntags: [\"复议\", \"执法\"]\n")
        .Report("b", "玉溪市江川区司法局", 2023, ["云南省", "玉溪市", "江川区"], "2024-03-01", extra: "topic: \"行政执法\"\ntags: [\"复议\"]\n")
        .Report("c", "昆明市五华区教育局", 2024, ["云南省", "昆明市", "五华区"], "2025-02-01", extra: "topic: \"依法决策\"\n")
        .Report("d", "重庆市南岸区卫生健康委员会", 2024, ["重庆市", "南岸区"], "2025-01-15");

    private static string[] Titles(params string[] agencyYears) => agencyYears.Select(a => a + "年法治政府建设工作情况报告").ToArray();

    [Fact]
    public void A_site_taxonomy_has_a_term_page_per_value_listing_its_reports_newest_first()
    {
        // Given a site that defines a `topics` taxonomy over the `topic` field
        using var site = WithTopics();

        // When the site is built
        site.BuildSucceeding();

        // Then each topic's page lists exactly the reports with that topic, newest first, under the site's label
        var enforcement = site.Page($"topics/{SiteUrls.Segment("行政执法")}/index.html");
        Assert.Equal(Titles("玉溪市红塔区卫生健康局2024", "玉溪市江川区司法局2023"), enforcement.ListedReports());
        Assert.Equal("行政执法", enforcement.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("主题", enforcement.QuerySelector(".term-summary")!.TextContent);
        Assert.Equal(Titles("昆明市五华区教育局2024"), site.Page($"topics/{SiteUrls.Segment("依法决策")}/index.html").ListedReports());
        // And a report without a topic is on no topic page
        Assert.Equal(2, site.Find("topics/*/index.html").Count);
    }

    [Fact]
    public void A_site_taxonomy_has_an_index_with_counts_and_is_in_the_navigation_and_on_the_home_page()
    {
        using var site = WithTopics();
        site.BuildSucceeding();

        // Then its index lists each topic by name with its number of reports
        var index = site.Page("topics/index.html");
        Assert.Equal("主题", index.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal([("依法决策", $"/topics/{SiteUrls.Segment("依法决策")}/"), ("行政执法", $"/topics/{SiteUrls.Segment("行政执法")}/")], index.ListedLinks());
        Assert.Matches(@"\b2 篇", index.ListItemLinkingTo($"/topics/{SiteUrls.Segment("行政执法")}/").TextContent);
        // And every page's navigation and the home page's entry points link it after the built-in four
        var home = site.Page("index.html");
        var nav = home.QuerySelectorAll("header nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/", "/agencies/", "/years/", "/regions/", "/series/", "/topics/", "/search/"], nav);
        Assert.NotNull(home.QuerySelector("main a[href=\"/topics/\"]"));
    }

    [Fact]
    public void A_report_page_links_the_terms_of_the_site_taxonomies_it_is_filed_under()
    {
        using var site = WithTopics(Topics + "  - { key: tags, field: tags, label: \"标签\" }\n");
        site.BuildSucceeding();

        var report = site.PageAt(site.Page("index.html").ListedReportLinks().First(l => l.Title.StartsWith("玉溪市红塔区", StringComparison.Ordinal)).Href);
        var facts = report.QuerySelectorAll(".report-facts div").ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => d.QuerySelector("dd")!);
        Assert.Equal([$"/topics/{SiteUrls.Segment("行政执法")}/"], facts["主题"].QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["复议", "执法"], facts["标签"].QuerySelectorAll("a").Select(a => a.TextContent));
    }

    [Fact]
    public void A_list_field_files_a_report_under_each_of_its_values()
    {
        // Given a `tags` taxonomy, one report tagged 复议 and 执法, another 复议 only
        using var site = WithTopics("taxonomies:\n  - { key: tags, field: tags, label: \"标签\" }\n");
        site.BuildSucceeding();

        Assert.Equal(Titles("玉溪市红塔区卫生健康局2024", "玉溪市江川区司法局2023"), site.Page($"tags/{SiteUrls.Segment("复议")}/index.html").ListedReports());
        Assert.Equal(Titles("玉溪市红塔区卫生健康局2024"), site.Page($"tags/{SiteUrls.Segment("执法")}/index.html").ListedReports());
    }

    [Fact]
    public void A_hierarchical_site_taxonomy_nests_its_terms_like_the_regions()
    {
        // Given a second, hierarchical taxonomy over the region field
        using var site = WithTopics("taxonomies:\n  - { key: places, field: region, label: \"属地\", hierarchical: true }\n");
        site.BuildSucceeding();

        // Then a province's page lists its cities and every report below it
        var yunnan = site.Page($"places/{SiteUrls.Segment("云南省")}/index.html");
        Assert.NotNull(yunnan.QuerySelector($"a[href=\"/places/{SiteUrls.Segment("云南省/玉溪市")}/\"]"));
        Assert.Equal(3, yunnan.ListedReports().Count);
        // And its index nests the cities inside their province
        var city = site.Page("places/index.html").QuerySelector($"main a[href=\"/places/{SiteUrls.Segment("云南省/玉溪市")}/\"]")!;
        Assert.Equal("云南省", city.ParentElement!.ParentElement!.Closest("li")!.QuerySelector("a")!.TextContent);
    }

    [Fact]
    public void A_site_taxonomy_has_a_feed_per_term_unless_it_turns_feeds_off_and_its_pages_are_in_the_sitemap()
    {
        using var site = WithTopics();
        site.BuildSucceeding();

        var path = $"topics/{SiteUrls.Segment("行政执法")}/";
        var feed = XDocument.Parse(site.Read(path + "feed.xml"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(2, feed.Root!.Elements(atom + "entry").Count());
        Assert.Contains("行政执法", feed.Root.Element(atom + "title")!.Value);
        Assert.NotNull(site.Page(path + "index.html").QuerySelector($"a[href=\"/{path}feed.xml\"]"));
        var sitemap = site.Read("sitemap.xml");
        Assert.Contains($"<loc>/{path}</loc>", sitemap);
        Assert.Contains("<loc>/topics/</loc>", sitemap);

        using var quiet = WithTopics("taxonomies:\n  - { key: topics, field: topic, label: \"主题\", feeds: false }\n");
        quiet.BuildSucceeding();
        Assert.True(quiet.Exists(path + "index.html"));
        Assert.False(quiet.Exists(path + "feed.xml"));
    }

    [Fact]
    public void A_site_without_taxonomies_of_its_own_builds_the_same_files_as_before_taxonomies_were_settings()
    {
        // Given the same reports built without site taxonomies and with an empty list of them
        using var plain = WithTopics("title: \"法治政府建设年度报告库\"\n");
        using var empty = WithTopics("title: \"法治政府建设年度报告库\"\ntaxonomies: []\n");
        plain.BuildSucceeding();
        empty.BuildSucceeding();

        // Then the outputs are the same bytes, with no folder but the built-in four
        TestSite.AssertSameFiles(plain.Output, empty.Output);
        Assert.DoesNotContain(plain.Snapshot().Keys, k => k.StartsWith("topics/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("  - { key: topics, field: subject }", 2, "unknown front-matter field `subject`", "agency, year, type, region, topic, tags, publisher")]
    [InlineData("  - { key: topics, field: topic }\n  - { key: topics, field: tags }", 3, "`topics` is already defined on line 2", "choose another key")]
    [InlineData("  - { key: agencies, field: topic }", 2, "built-in taxonomy's URL (/agencies/)", "choose another key")]
    [InlineData("  - { key: reports, field: topic }", 2, "SiteGen's own pages (/reports/)", "choose another key")]
    [InlineData("  - { key: 主题, field: topic }", 2, "is not a URL folder name", "lower-case ASCII")]
    [InlineData("  - { field: topic }", 2, "needs a `key`", "key: topics")]
    [InlineData("  - { key: topics, field: topic, hierarchical: true }", 2, "cannot be hierarchical", "remove `hierarchical: true`")]
    [InlineData("  - { key: topics, field: topic, order: random }", 2, "unknown taxonomy order `random`", "name, name_desc, region")]
    [InlineData("  - { key: topics, field: topic, feed: true }", 2, "unknown taxonomy setting `feed`", "known settings: key, field, label, hierarchical, feeds, order")]
    [InlineData("  topics: topic", 2, "must be a list of taxonomy definitions", "one line per taxonomy")]
    public void A_bad_taxonomy_definition_stops_the_build_with_its_line_and_a_hint(string definitions, int line, string message, string hint)
    {
        // Given a site.yml whose taxonomies: list holds a bad definition
        using var site = WithTopics("taxonomies:\n" + definitions + "\n");

        // When the site is built
        var result = site.Build();

        // Then the build fails, naming site.yml, the definition's line, what is wrong and how to fix it, and publishes nothing
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(Path.Combine("content", "site.yml"), error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(hint, error.Hint, StringComparison.Ordinal);
        Assert.False(site.Exists("index.html"));
    }
}
