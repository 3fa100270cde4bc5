using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

/// <summary>A site's own taxonomies (site.yml <c>taxonomies:</c>) are search facets: the catalogue carries each one's key, label and
/// values, and each document's value codes.</summary>
public sealed class SiteFacetCatalogueTests
{
    private const string SiteYml = "title: \"测试报告库\"\nlanguage: zh-CN\n";

    private static TestSite Site(string taxonomies) => new TestSite()
        .File("content/site.yml", SiteYml + taxonomies)
        .Report("a", "红塔区甲局", 2024, ["云南省", "玉溪市", "红塔区"], "2025-03-01", "甲", extra: "topic: \"行政执法\"\ntags: [\"执法\", \"复议\"]\n")
        .Report("b", "江川区乙局", 2023, ["云南省", "玉溪市", "江川区"], "2024-03-01", "乙", extra: "topic: \"行政执法\"\ntags: [\"复议\"]\n")
        .Report("c", "五华区丙局", 2024, ["云南省", "昆明市", "五华区"], "2025-02-01", "丙", extra: "topic: \"依法决策\"\n")
        .Report("d", "南岸区丁局", 2024, ["重庆市", "南岸区"], "2025-01-15", "丁");

    /// <summary>Each document's values of a facet, by title: the names its codes stand for.</summary>
    private static Dictionary<string, string[]> ValuesByTitle(IndexReader index, int facet)
    {
        var (definition, codes) = index.SiteFacets()[facet];
        return Enumerable.Range(0, index.Manifest.Docs).ToDictionary(d => index.Doc(d).Title, d => codes[d].Select(c => definition.Values[c]).ToArray());
    }

    [Fact]
    public void Each_site_taxonomy_is_a_facet_with_its_key_label_and_values_and_each_report_has_its_values()
    {
        // Given a site with a topics taxonomy (one value per report) and a tags taxonomy (several)
        using var site = Site("taxonomies:\n  - { key: topics, field: topic, label: \"主题\" }\n  - { key: tags, field: tags, label: \"标签\" }\n");

        // When it is built and its catalogue read
        site.BuildSucceeding();
        var index = new IndexReader(site.Index);
        var facets = index.SiteFacets();

        // Then the catalogue names both facets in site.yml's order, with their labels and their terms in the taxonomy's order
        Assert.Equal([("topics", "主题"), ("tags", "标签")], facets.Select(f => (f.Facet.Key, f.Facet.Label)));
        Assert.Equal(["依法决策", "行政执法"], facets[0].Facet.Values);
        Assert.Equal(["复议", "执法"], facets[1].Facet.Values);
        // And each report has its topic, all its tags, and a report without a value has none
        var topics = ValuesByTitle(index, 0);
        Assert.Equal(["行政执法"], topics["甲"]);
        Assert.Equal(["行政执法"], topics["乙"]);
        Assert.Equal(["依法决策"], topics["丙"]);
        Assert.Empty(topics["丁"]);
        var tags = ValuesByTitle(index, 1);
        Assert.Equal(["复议", "执法"], tags["甲"]);
        Assert.Equal(["复议"], tags["乙"]);
        Assert.Empty(tags["丙"]);
        Assert.Empty(tags["丁"]);
    }

    [Fact]
    public void A_report_of_a_hierarchical_site_taxonomy_has_the_values_of_its_term_and_of_the_terms_above_it()
    {
        // Given a hierarchical taxonomy over the region field
        using var site = Site("taxonomies:\n  - { key: places, field: region, label: \"属地\", hierarchical: true }\n");

        site.BuildSucceeding();
        var index = new IndexReader(site.Index);

        // Then the values are the terms' keys (paths), and a county's report has its province and city too, so choosing a
        // province finds the reports of its counties
        var places = ValuesByTitle(index, 0);
        Assert.Equal(["云南省", "云南省/玉溪市", "云南省/玉溪市/红塔区"], places["甲"].Order(StringComparer.Ordinal));
        Assert.Equal(["重庆市", "重庆市/南岸区"], places["丁"].Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_taxonomy_with_facet_false_and_a_site_without_taxonomies_of_its_own_have_no_site_facets()
    {
        // Given a site whose taxonomies turn their facets off (one keyed like a search page parameter, which only a facet may not
        // be), and a site without taxonomies of its own
        using var off = Site("taxonomies:\n  - { key: topics, field: topic, label: \"主题\", facet: false }\n  - { key: page, field: tags, facet: false }\n");
        using var plain = Site("");

        off.BuildSucceeding();
        plain.BuildSucceeding();

        // Then neither catalogue has site facets (the topics still have their pages), and the built-in facets are there as ever
        foreach (var site in new[] { off, plain })
        {
            var info = new IndexReader(site.Index).Catalogue().Info;
            Assert.Null(info.Facets);
            Assert.Equal(["2024", "2023"], info.Years.Select(y => y.Name));
        }
        Assert.True(off.Exists("topics/index.html") && off.Exists("page/index.html"));
        // And the catalogue of the site without site taxonomies is byte for byte the one of a site whose only one is not a facet
        Assert.Equal(CatalogueBytes(plain), CatalogueBytes(off));
    }

    private static byte[] CatalogueBytes(TestSite site)
    {
        var index = new IndexReader(site.Index);
        return IndexReader.Inflate(index.Read(index.Manifest.Catalogue));
    }
}
