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
        // Given names whose pinyin follows their characters (红塔区) and some that do not (重庆市: 重 is chong there)
        var json = NamesFile.Write(Collect(("玉溪市红塔区司法局", ["云南省", "玉溪市", "红塔区"]), ("重庆市司法局", ["重庆市"])));

        // When the file is read
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var regions = root.GetProperty("regions").EnumerateArray().ToDictionary(n => n[0].GetString()!, n => n);

        // Then characters' readings are grouped by syllable, and only the names with 重庆 spell their syllables out
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        var readings = root.GetProperty("readings").GetString()!.Split('|').ToDictionary(g => g.Split(':')[0], g => g.Split(':')[1]);
        Assert.Contains('红', readings["hong"]);
        Assert.Contains('重', readings["zhong"]);
        Assert.Equal(3, regions["红塔区"].GetArrayLength());
        Assert.Equal("d", regions["红塔区"][1].GetString());
        Assert.Equal("chong qing shi", regions["重庆市"][3].GetString());
        var chongqing = root.GetProperty("agencies").EnumerateArray().Single(a => a.GetArrayLength() == 3);
        Assert.Equal("chong qing shi si fa ju", chongqing[2].GetString());
    }

    [Fact]
    public void An_agency_name_is_written_as_its_regions_names_and_a_shared_ending()
    {
        // Given two agencies named after their city and district with the same ending, and one named otherwise
        var names = Collect(
            ("玉溪市红塔区司法局", ["云南省", "玉溪市", "红塔区"]),
            ("玉溪市江川区司法局", ["云南省", "玉溪市", "江川区"]),
            ("云南省人民政府办公厅", ["云南省"]),
            ("某单位", []));

        // When the file is written
        using var doc = JsonDocument.Parse(NamesFile.Write(names));
        var root = doc.RootElement;
        var regions = root.GetProperty("regions").EnumerateArray().Select(r => r[0].GetString()!).ToList();
        var suffixes = root.GetProperty("suffixes").EnumerateArray().Select(s => s.GetString()!).ToList();
        string Spell(JsonElement pieces) => string.Concat(pieces.EnumerateArray().Select(p =>
            p.ValueKind == JsonValueKind.String ? p.GetString() : p.GetInt32() >= 0 ? regions[p.GetInt32()] : suffixes[-p.GetInt32() - 1]));
        var agencies = root.GetProperty("agencies").EnumerateArray().ToList();

        // Then each agency's pieces spell its name, the shared ending is written once, and the first piece names a region
        Assert.Equal(names.Where(n => n.Kind == NameKind.Agency).Select(n => n.Name).Order(StringComparer.Ordinal),
            agencies.Select(a => Spell(a[0])).Order(StringComparer.Ordinal));
        Assert.Equal(["司法局"], suffixes);
        var hongta = agencies.Single(a => Spell(a[0]) == "玉溪市红塔区司法局");
        Assert.Equal([regions.IndexOf("玉溪市"), regions.IndexOf("红塔区"), -1], hongta[0].EnumerateArray().Select(p => p.GetInt32()));
        Assert.Equal(-1, agencies.Single(a => Spell(a[0]) == "某单位")[1].GetInt32());
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
        Assert.Contains("[\"红塔区\",\"d\",", first);
        Assert.Contains("[\"岳麓区\",\"d\",", first);
        Assert.Contains("\"suffixes\":[\"司法局\"]", first);
        Assert.Equal(first, site.Read(NamesFile.Path));
        Assert.Contains("[\"卫健委\",\"卫生健康委员会\"", site.Read(SynonymsFile.Path));
    }
}
