using System.Text.Json;
using SiteGen.Search;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

public sealed class SynonymsFileTests
{
    private static Dictionary<string, string[]> Entries(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("synonyms").EnumerateArray()
            .ToDictionary(e => e[0].GetString()!, e => e.EnumerateArray().Skip(1).Select(a => a.GetString()!).ToArray());
    }

    [Fact]
    public void The_built_in_table_maps_short_forms_and_former_names_to_current_names()
    {
        // Given the built-in table; When it is written
        var entries = Entries(SynonymsFile.Write(SynonymsFile.Merge(SynonymsFile.BuiltIn, [])));

        // Then the common short forms and the bodies renamed in 2018 lead to the current names
        Assert.Contains("卫生健康委员会", entries["卫健委"]);
        Assert.Contains("市场监督管理局", entries["市监局"]);
        Assert.Contains("人力资源和社会保障局", entries["人社局"]);
        Assert.Contains("住房和城乡建设局", entries["住建局"]);
        Assert.Contains("发展和改革委员会", entries["发改委"]);
        Assert.Contains("卫生健康委员会", entries["卫生和计划生育委员会"]);
        Assert.Contains("生态环境局", entries["环保局"]);
        Assert.Contains("应急管理局", entries["安监局"]);
        Assert.Contains("市场监督管理局", entries["食药监局"]);
        Assert.Contains("自然资源局", entries["国土资源局"]);
        Assert.Contains("农业农村局", entries["农委"]);
        Assert.Contains("文化和旅游局", entries["文广新局"]);
        Assert.DoesNotContain("民政局", entries.Keys);
    }

    [Fact]
    public void The_table_format_refuses_a_line_without_alternatives()
    {
        var error = Assert.Throws<FormatException>(() => SynonymsFile.Parse("# comment\n卫健委 = 卫生健康委员会\n环保局 =\n"));
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void A_site_entry_adds_to_replaces_or_switches_off_built_in_ones_and_is_folded()
    {
        // Given site synonyms: a new one in traditional characters, one replacing a built-in entry, one switching one off
        var merged = SynonymsFile.Merge(SynonymsFile.BuiltIn, [
            new("紅河州", ["紅河哈尼族彝族自治州"]),
            new("城管局", ["城市管理和综合执法局"]),
            new("农委", []),
        ]);

        // When written
        var entries = Entries(SynonymsFile.Write(merged));

        // Then the site's entries win, folded to simplified, and the switched-off entry is gone
        Assert.Equal(["红河哈尼族彝族自治州"], entries["红河州"]);
        Assert.Equal(["城市管理和综合执法局"], entries["城管局"]);
        Assert.DoesNotContain("农委", entries.Keys);
        Assert.Contains("卫生健康委员会", entries["卫健委"]);
    }

    [Fact]
    public void Site_synonyms_from_site_yml_reach_the_synonyms_file()
    {
        using var site = new TestSite()
            .File("content/site.yml", "title: 测试\nsearch:\n  synonyms:\n    红河州: 红河哈尼族彝族自治州\n    城管局: [城市管理局, 城市管理和综合执法局]\n    农委: []\n")
            .Report("a", "测试县司法局", 2024);

        site.BuildSucceeding();

        var entries = Entries(site.Read(SynonymsFile.Path));
        Assert.Equal(["红河哈尼族彝族自治州"], entries["红河州"]);
        Assert.Equal(["城市管理局", "城市管理和综合执法局"], entries["城管局"]);
        Assert.DoesNotContain("农委", entries.Keys);
    }

    [Theory]
    [InlineData("search:\n  synonyms:\n    卫健委: 卫生 健康委员会\n", 3, 10, "one word without spaces")]
    [InlineData("search:\n  synonyms:\n    卫健委: [卫生健康委员会, 卫健委]\n", 3, 20, "must differ from the typed form")]
    [InlineData("search:\n  synonyms:\n    卫健委: 卫生健康委员会\n    衛健委: 卫生健康委\n", 4, 10, "same as `卫健委`")]
    [InlineData("search:\n  synonyms:\n    卫健委: [[卫生健康委员会]]\n", 3, 11, "one word without spaces")]
    [InlineData("search:\n  synonyms: [卫健委]\n", 2, 13, "must be a mapping")]
    [InlineData("search: 卫健委\n", 1, 9, "must be a mapping")]
    public void A_bad_synonym_is_an_error_at_its_line_and_column(string yaml, int line, int column, string message)
    {
        // Given a site.yml with a bad search synonym
        using var site = new TestSite().File("content/site.yml", yaml).Report("a", "测试县司法局", 2024);

        // When the site is built
        var result = site.Build();

        // Then the build fails, pointing at the entry, and says how to write one
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Diagnostics.Severity.Error);
        Assert.Equal(Path.Combine("content", "site.yml"), error.File);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message);
    }
}
