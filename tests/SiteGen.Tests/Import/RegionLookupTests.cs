using System.Text.RegularExpressions;
using SiteGen.Import;

namespace SiteGen.Tests.Import;

/// <summary>The region comes from the place names the agency's name starts with, using the divisions data file.</summary>
public sealed class RegionLookupTests
{
    [Theory]
    [InlineData("玉溪市红塔区卫生健康局", "云南省|玉溪市|红塔区", "530402")]
    [InlineData("新田县卫生健康局", "湖南省|永州市|新田县", "431128")]
    [InlineData("宁乡市教育局", "湖南省|长沙市|宁乡市", "430182")]
    [InlineData("重庆市南岸区卫生健康委员会", "重庆市|南岸区", "500108")]
    [InlineData("上海市浦东新区规划和自然资源局", "上海市|浦东新区", "310115")]
    [InlineData("北京市朝阳区教育委员会", "北京市|朝阳区", "110105")]
    [InlineData("玉溪市卫生健康委员会", "云南省|玉溪市", "530400")]
    [InlineData("云南省司法厅", "云南省", "530000")]
    public void An_agency_is_placed_by_the_place_names_it_starts_with(string agency, string region, string code)
    {
        var match = RegionLookup.Find(agency, "");

        Assert.NotNull(match);
        Assert.Equal(region.Split('|'), match.Names);
        Assert.Equal(code, match.Code);
        Assert.False(match.Ambiguous);
    }

    [Fact]
    public void A_place_name_shared_by_several_cities_is_settled_by_the_report_text()
    {
        // Given 市中区, a district of Jinan, Zaozhuang, Neijiang and Leshan, and a report that speaks of 乐山
        var match = RegionLookup.Find("市中区司法局", "按照乐山市委、市政府的部署，全区扎实推进。");

        Assert.NotNull(match);
        Assert.Equal(["四川省", "乐山市", "市中区"], match.Names);
        Assert.False(match.Ambiguous);
    }

    [Theory]
    [InlineData("焉耆回族自治县人民政府", "新疆维吾尔自治区|巴音郭楞蒙古自治州|焉耆回族自治县")]
    [InlineData("广西壮族自治区司法厅", "广西壮族自治区")]
    [InlineData("天津市滨海新区某某街道办事处", "天津市|滨海新区")]
    [InlineData("国家税务总局珠海市香洲区税务局", "广东省|珠海市|香洲区")]
    public void Autonomous_divisions_direct_city_districts_and_vertically_managed_offices_are_placed(string agency, string region)
    {
        Assert.Equal(region.Split('|'), RegionLookup.Find(agency, "")!.Names);
    }

    [Fact]
    public void A_town_gets_its_county_only_where_the_page_names_it()
    {
        // Given a town whose name says nothing of its county
        var named = RegionLookup.Find("清溪镇人民政府", "在巫山县委、县政府的领导下，镇党委落实巫山县法治建设部署。");
        var unnamed = RegionLookup.Find("清溪镇人民政府", "在县委、县政府的领导下，镇党委落实法治建设部署。");

        // Then the county the text names places it, and without one it has no region
        Assert.Equal(["重庆市", "巫山县"], named!.Names);
        Assert.Null(unnamed);
    }

    [Fact]
    public void A_town_whose_page_names_only_its_city_is_placed_in_the_city()
    {
        var match = RegionLookup.Find("某某镇", "按照芜湖市的部署，我镇扎实推进法治建设。");

        Assert.Equal(["安徽省", "芜湖市"], match!.Names);
    }

    [Fact]
    public void A_development_zone_named_by_its_province_is_placed_in_the_city_its_page_names()
    {
        // Given a zone named with the short name of its province and a text that names one of that province's cities
        var match = RegionLookup.Find("广西-某某经济技术开发区", "开发区认真落实南宁市重大行政决策程序规定。");

        Assert.Equal(["广西壮族自治区", "南宁市"], match!.Names);
    }

    [Fact]
    public void A_bureau_of_a_province_is_not_placed_in_a_city_its_text_mentions()
    {
        var match = RegionLookup.Find("四川省交通运输厅", "指导成都市、绵阳市推进交通运输法治建设。");

        Assert.Equal(["四川省"], match!.Names);
    }

    [Fact]
    public void An_agency_without_a_known_place_has_no_region()
    {
        Assert.Null(RegionLookup.Find("某某县司法局", ""));
    }

    [Fact]
    public void The_divisions_data_covers_every_county_of_the_corpus_generator()
    {
        // Given the region table of make_corpus.py (province city: counties …)
        var script = File.ReadAllText(RawCorpus.ScriptPath());
        var table = Regex.Match(script, "PLACES_TEXT = \"\"\"(.*?)\"\"\"", RegexOptions.Singleline).Groups[1].Value;
        var missing = new List<string>();
        foreach (var line in table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(':');
            var head = parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var county in parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                // When each county is looked up the way its agencies are named
                var agency = head.Length == 1 ? head[0] + county + "司法局" : county.EndsWith('区') ? head[1] + county + "司法局" : county + "司法局";
                var expected = head.Length == 1 ? [head[0], county] : new[] { head[0], head[1], county };
                var match = RegionLookup.Find(agency, "");
                if (match is null || !match.Names.SequenceEqual(expected) || match.Ambiguous) missing.Add(agency);
            }
        }

        // Then every one is found, unambiguously, at the right place
        Assert.Empty(missing);
    }
}
