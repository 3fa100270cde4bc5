using SiteGen.Load;

namespace SiteGen.Model;

/// <summary>The whole site as data: settings, reports, taxonomies and every page, built once and never mutated by later stages.</summary>
public sealed record Site
{
    public required SiteConfig Config { get; init; }
    public required SiteUrls Urls { get; init; }

    /// <summary>Published reports, newest first (publication date, then year, then agency).</summary>
    public required IReadOnlyList<Report> Reports { get; init; }

    public required Taxonomy Agencies { get; init; }
    public required Taxonomy Years { get; init; }
    public required Taxonomy Regions { get; init; }
    public required Taxonomy Series { get; init; }

    public IEnumerable<Taxonomy> Taxonomies => [Agencies, Years, Regions, Series];

    public required IReadOnlyList<Page> Pages { get; init; }

    public Term AgencyOf(Report report) => _agencyByName[report.Agency];
    public Term YearOf(Report report) => _yearByValue[report.Year];
    public Term SeriesOf(Report report) => _seriesByName[report.Series];

    /// <summary>The deepest region term of a report, or null when its front matter names no region.</summary>
    public Term? RegionOf(Report report) =>
        report.Region.Count == 0 ? null : _regionByKey[string.Join('/', report.Region)];

    /// <summary>The region term of a key of the regions taxonomy (<c>省/市/县</c>), or null.</summary>
    public Term? RegionByKey(string key) => _regionByKey.GetValueOrDefault(key);

    private Dictionary<string, Term> _agencyByName = [];
    private Dictionary<int, Term> _yearByValue = [];
    private Dictionary<string, Term> _regionByKey = [];
    private Dictionary<string, Term> _seriesByName = [];

    internal Site WithLookups()
    {
        _agencyByName = Agencies.Terms.ToDictionary(t => t.Key, StringComparer.Ordinal);
        _yearByValue = Years.Terms.ToDictionary(t => int.Parse(t.Key, System.Globalization.CultureInfo.InvariantCulture));
        _regionByKey = Regions.Terms.ToDictionary(t => t.Key, StringComparer.Ordinal);
        _seriesByName = Series.Terms.ToDictionary(t => t.Key, StringComparer.Ordinal);
        return this;
    }
}
