using SiteGen.Model;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Site;

public sealed class TaxonomyTests
{
    private static TestSite ThreeRegions() => new TestSite()
        .Report("a", "玉溪市红塔区卫生健康局", 2024, ["云南省", "玉溪市", "红塔区"], "2025-03-01")
        .Report("b", "玉溪市江川区司法局", 2023, ["云南省", "玉溪市", "江川区"], "2024-03-01")
        .Report("c", "昆明市五华区教育局", 2024, ["云南省", "昆明市", "五华区"], "2025-02-01")
        .Report("d", "重庆市南岸区卫生健康委员会", 2024, ["重庆市", "南岸区"], "2025-01-15");

    [Fact]
    public void A_province_page_lists_its_cities_and_every_report_below_it()
    {
        using var site = ThreeRegions();
        site.BuildSucceeding();

        var html = site.Read($"regions/{SiteUrls.Segment("云南省")}/index.html");
        Assert.Contains($"<a href=\"/regions/{SiteUrls.Segment("云南省/玉溪市")}/\">玉溪市</a>", html);
        Assert.Contains($"<a href=\"/regions/{SiteUrls.Segment("云南省/昆明市")}/\">昆明市</a>", html);
        Assert.Contains("玉溪市红塔区卫生健康局2024年", html);
        Assert.Contains("玉溪市江川区司法局2023年", html);
        Assert.Contains("昆明市五华区教育局2024年", html);
        Assert.DoesNotContain("重庆市南岸区", html);
    }

    [Fact]
    public void A_city_page_lists_its_counties_and_a_municipality_has_two_levels()
    {
        using var site = ThreeRegions();
        site.BuildSucceeding();

        var city = site.Read($"regions/{SiteUrls.Segment("云南省/玉溪市")}/index.html");
        Assert.Contains(">红塔区</a>", city);
        Assert.Contains(">江川区</a>", city);
        Assert.DoesNotContain("昆明市五华区", city);
        var municipality = site.Read($"regions/{SiteUrls.Segment("重庆市")}/index.html");
        Assert.Contains($"<a href=\"/regions/{SiteUrls.Segment("重庆市/南岸区")}/\">南岸区</a>", municipality);
    }

    [Fact]
    public void The_regions_index_shows_the_whole_hierarchy()
    {
        using var site = ThreeRegions();
        site.BuildSucceeding();

        var html = site.Read("regions/index.html");
        var yunnan = html.IndexOf(">云南省</a>", StringComparison.Ordinal);
        var yuxi = html.IndexOf(">玉溪市</a>", StringComparison.Ordinal);
        var hongta = html.IndexOf(">红塔区</a>", StringComparison.Ordinal);
        Assert.True(yunnan > 0 && yuxi > yunnan && hongta > yuxi, "province › city › county appear nested in order");
    }

    [Fact]
    public void Agency_year_and_series_pages_list_their_reports_newest_first()
    {
        using var site = ThreeRegions().Report("e", "玉溪市红塔区卫生健康局", 2023, ["云南省", "玉溪市", "红塔区"], "2024-02-01");
        site.BuildSucceeding();

        var agency = site.Read($"agencies/{SiteUrls.Segment("玉溪市红塔区卫生健康局")}/index.html");
        var y2024 = agency.IndexOf("卫生健康局2024年", StringComparison.Ordinal);
        var y2023 = agency.IndexOf("卫生健康局2023年", StringComparison.Ordinal);
        Assert.True(y2024 > 0 && y2023 > y2024, "the 2024 report is listed before the 2023 one");

        var year = site.Read("years/2024/index.html");
        Assert.Contains("昆明市五华区教育局2024年", year);
        Assert.DoesNotContain("江川区司法局2023年", year);

        var series = site.Read($"series/{SiteUrls.Segment("法治政府建设年度报告")}/index.html");
        Assert.Contains("江川区司法局2023年", series);

        var agencies = site.Read("agencies/index.html");
        Assert.Contains("玉溪市红塔区卫生健康局</a>", agencies);
        Assert.Contains("2 篇", agencies);
    }

    [Fact]
    public void The_home_page_shows_latest_reports_counts_and_entry_points()
    {
        using var site = ThreeRegions();
        site.BuildSucceeding();

        var home = site.Read("index.html");
        Assert.Contains("<span class=\"stat-number\">4</span> 报告", home);
        Assert.Contains("<span class=\"stat-number\">4</span> 机构", home);
        Assert.Contains("href=\"/agencies/\"", home);
        Assert.Contains("href=\"/years/\"", home);
        Assert.Contains("href=\"/regions/\"", home);
        Assert.Contains("href=\"/series/\"", home);
        var newest = home.IndexOf("玉溪市红塔区卫生健康局2024年", StringComparison.Ordinal);
        var older = home.IndexOf("玉溪市江川区司法局2023年", StringComparison.Ordinal);
        Assert.True(newest > 0 && older > newest, "latest reports are newest first");
    }

    [Fact]
    public void Reports_of_another_series_get_their_own_series_page_and_url()
    {
        using var site = ThreeRegions()
            .Report("f", "title: \"红塔区卫健局2024年政府信息公开工作年度报告\"\nagency: \"玉溪市红塔区卫生健康局\"\nyear: 2024\ntype: \"政府信息公开工作年度报告\"");
        site.BuildSucceeding();

        Assert.True(site.Exists($"series/{SiteUrls.Segment("政府信息公开工作年度报告")}/index.html"));
        Assert.True(site.Exists($"reports/2024/{SiteUrls.Segment("玉溪市红塔区卫生健康局\u001f政府信息公开工作年度报告")}/index.html"));
        Assert.True(site.Exists($"reports/2024/{SiteUrls.Segment("玉溪市红塔区卫生健康局")}/index.html"));
    }
}
