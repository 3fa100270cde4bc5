namespace SiteGen.Load;

/// <summary>How the terms of a taxonomy are listed on its index page.</summary>
public enum TermOrder
{
    /// <summary>By name, in code-point order (the default).</summary>
    Name,

    /// <summary>By name, last first: years newest first.</summary>
    NameDescending,

    /// <summary>By the place (province › city › county) of the term's first report, then by name; each entry shows that place.</summary>
    Region,
}

/// <summary>One way of grouping reports, as data: the four built-in taxonomies and those a site adds under <c>taxonomies:</c>
/// in site.yml drive the model, the index and term pages, the feeds and the sitemap alike.</summary>
/// <remarks>The search index's facets (year, region, agency, series) are not yet drawn from this list.</remarks>
public sealed record TaxonomyDefinition
{
    /// <summary>Stable identifier and URL folder, e.g. <c>agencies</c> or <c>topics</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The front-matter field whose values are the terms, one of <see cref="Fields"/>.</summary>
    public required string Field { get; init; }

    /// <summary>The name shown for the taxonomy; null for a built-in one, whose name is the theme's UI string named <see cref="Key"/>.</summary>
    public string? Label { get; init; }

    /// <summary>The field's list is a path (province, city, county): each prefix is a term, nested under the one above it.</summary>
    public bool Hierarchical { get; init; }

    /// <summary>Every term has an Atom feed of its reports.</summary>
    public bool Feeds { get; init; } = true;

    public TermOrder Order { get; init; } = TermOrder.Name;

    /// <summary>One of the four taxonomies every site has.</summary>
    public bool BuiltIn { get; init; }

    public static readonly TaxonomyDefinition Agencies = new() { Key = "agencies", Field = "agency", Order = TermOrder.Region, BuiltIn = true };
    public static readonly TaxonomyDefinition Years = new() { Key = "years", Field = "year", Order = TermOrder.NameDescending, Feeds = false, BuiltIn = true };
    public static readonly TaxonomyDefinition Regions = new() { Key = "regions", Field = "region", Hierarchical = true, BuiltIn = true };
    public static readonly TaxonomyDefinition Series = new() { Key = "series", Field = "type", Feeds = false, BuiltIn = true };

    /// <summary>The built-in taxonomies, in the order the navigation, the home page and the sitemap list them.</summary>
    public static readonly IReadOnlyList<TaxonomyDefinition> BuiltIns = [Agencies, Years, Regions, Series];

    /// <summary>The front-matter fields that can group reports, and whether each holds a list (a report then has several terms, or a path).</summary>
    public static readonly IReadOnlyDictionary<string, bool> Fields = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        ["agency"] = false, ["year"] = false, ["type"] = false, ["region"] = true, ["topic"] = false, ["tags"] = true, ["publisher"] = false,
    };

    /// <summary>Output folders at the site root that SiteGen writes besides the taxonomies' own.</summary>
    public static readonly IReadOnlyList<string> ReservedFolders = ["reports", "assets", "search"];

    /// <summary>The site's taxonomies: the built-in ones, then the site's own in the order site.yml lists them.</summary>
    public static IReadOnlyList<TaxonomyDefinition> All(SiteConfig config) => [.. BuiltIns, .. config.Taxonomies];
}
