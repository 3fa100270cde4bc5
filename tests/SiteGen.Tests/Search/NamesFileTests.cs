using System.Text.Json;
using SiteGen.Search;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

public sealed class NamesFileTests
{
    private static IReadOnlyList<NameEntry> Collect(params (string Agency, string[] Region)[] reports) =>
        NamesFile.Collect(reports.Select(r => (r.Agency, (IReadOnlyList<string>)r.Region)));

    [Fact]
    public void Regions_come_before_their_children_with_kinds_by_level()
    {
        // Given reports of a county-level agency, a 直辖市 district agency and a province-level one
        var names = Collect(
            ("玉溪市红塔区司法局", ["云南省", "玉溪市", "红塔区"]),
            ("重庆市南岸区卫生健康委员会", ["重庆市", "南岸区"]),
            ("云南省司法厅", ["云南省"]));

        // When the names are collected
        var byName = names.ToDictionary(n => n.Name);

        // Then each region follows its parent, and its kind says its level (a 直辖市 district is county-level)
        Assert.Equal(NameKind.Province, byName["云南省"].Kind);
        Assert.Equal(NameKind.City, byName["玉溪市"].Kind);
        Assert.Equal(NameKind.County, byName["红塔区"].Kind);
        Assert.Equal(NameKind.County, byName["南岸区"].Kind);
        Assert.Equal(NameKind.Agency, byName["云南省司法厅"].Kind);
        foreach (var name in names.Where(n => n.Parent >= 0)) Assert.True(names.ToList().IndexOf(name) > name.Parent);
        Assert.Equal("红塔区", names[byName["玉溪市红塔区司法局"].Parent].Name);
        Assert.Equal("云南省", names[byName["云南省司法厅"].Parent].Name);
    }

    [Fact]
    public void An_agency_belongs_to_the_region_most_of_its_reports_give()
    {
        var names = Collect(("某局", ["云南省", "玉溪市"]), ("某局", ["云南省", "玉溪市", "红塔区"]), ("某局", ["云南省", "玉溪市", "红塔区"]));

        var agency = Assert.Single(names, n => n.Kind == NameKind.Agency);
        Assert.Equal("红塔区", names[agency.Parent].Name);
    }

    [Fact]
    public void The_file_gives_readings_by_character_and_whole_syllables_only_where_a_name_reads_otherwise()
    {
        // Given names whose pinyin follows their characters (红塔区) and one that does not (重庆市: 重 is chong there)
        var json = NamesFile.Write(Collect(("玉溪市红塔区司法局", ["云南省", "玉溪市", "红塔区"]), ("重庆市司法局", ["重庆市"])));

        // When the file is read
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var names = root.GetProperty("names").EnumerateArray().ToDictionary(n => n[0].GetString()!, n => n);

        // Then characters' readings are grouped by syllable, and only 重庆市 and its agency spell their syllables out
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        var readings = root.GetProperty("readings").GetString()!.Split('|').ToDictionary(g => g.Split(':')[0], g => g.Split(':')[1]);
        Assert.Contains('红', readings["hong"]);
        Assert.Contains('重', readings["zhong"]);
        Assert.Equal(3, names["红塔区"].GetArrayLength());
        Assert.Equal("chong qing shi", names["重庆市"][3].GetString());
        Assert.Equal("chong qing shi si fa ju", names["重庆市司法局"][3].GetString());
        Assert.Equal("d", names["红塔区"][1].GetString());
        Assert.Equal("a", names["玉溪市红塔区司法局"][1].GetString());
    }

    [Fact]
    public void A_built_site_publishes_its_names_and_synonyms_beside_the_index_the_same_on_every_build()
    {
        // Given a site with two agencies
        using var site = new TestSite()
            .Report("a", "玉溪市红塔区司法局", 2024, ["云南省", "玉溪市", "红塔区"])
            .Report("b", "长沙市岳麓区司法局", 2023, ["湖南省", "长沙市", "岳麓区"]);

        // When it is built twice
        site.BuildSucceeding();
        var first = site.Read(NamesFile.Path);
        site.BuildSucceeding();

        // Then the names file lists them with their regions, byte for byte the same, and the synonyms file is there
        Assert.Contains("\"玉溪市红塔区司法局\",\"a\"", first);
        Assert.Contains("\"岳麓区\",\"d\"", first);
        Assert.Equal(first, site.Read(NamesFile.Path));
        Assert.Contains("[\"卫健委\",\"卫生健康委员会\"", site.Read(SynonymsFile.Path));
    }
}
