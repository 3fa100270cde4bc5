using SiteGen.Load;

namespace SiteGen.Model;

/// <summary>The whole site as data: settings, reports, taxonomies and every page, built once and never mutated by later stages.</summary>
public sealed record Site
{
    public required SiteConfig Config { get; init; }
    public required SiteUrls Urls { get; init; }

    /// <summary>Published reports, newest first (publication date, then year, then agency).</summary>
    public required IReadOnlyList<Report> Reports { get; init; }

    /// <summary>Every taxonomy, in the order of <see cref="TaxonomyDefinition.All"/>: the built-in four, then the site's own.</summary>
    public required IReadOnlyList<Taxonomy> Taxonomies { get; init; }

    public required IReadOnlyList<Page> Pages { get; init; }

    public Taxonomy Taxonomy(TaxonomyDefinition definition) => Taxonomies.First(t => t.Definition == definition);

    public Taxonomy Agencies => Taxonomy(TaxonomyDefinition.Agencies);
    public Taxonomy Years => Taxonomy(TaxonomyDefinition.Years);
    public Taxonomy Regions => Taxonomy(TaxonomyDefinition.Regions);
    public Taxonomy Series => Taxonomy(TaxonomyDefinition.Series);

    public Term AgencyOf(Report report) => Agencies.TermsOf(report)[0];
    public Term YearOf(Report report) => Years.TermsOf(report)[0];
    public Term SeriesOf(Report report) => Series.TermsOf(report)[0];

    /// <summary>The deepest region term of a report, or null when its front matter names no region.</summary>
    public Term? RegionOf(Report report) => Regions.TermsOf(report) is [var term, ..] ? term : null;
}
