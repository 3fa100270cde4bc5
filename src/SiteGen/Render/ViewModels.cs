namespace SiteGen.Render;

// The contract between SiteGen and theme templates: what each layout can show. Templates use camelCase names ({{report.title}}).

/// <summary>A link with a label.</summary>
public sealed record LinkView(string Name, string Href, bool Current = false);

/// <summary>Site-wide values every layout sees.</summary>
public sealed record SiteView(
    string Title, string Description, string Language, string HomeHref, string SearchHref, string FeedHref,
    IReadOnlyList<LinkView> Nav, FooterView Footer, IReadOnlyDictionary<string, object?> Extra);

/// <summary>Footer identifiers; each null unless configured in site.yml.</summary>
public sealed record FooterView(string? SiteCode, string? Icp, string? PoliceRecord, string? Sponsor, string? Contact, bool Any);

/// <summary>Values about the page being rendered.</summary>
public sealed record PageInfoView(
    string Kind, string Title, string Href, string Canonical, string Description, IReadOnlyList<LinkView> Breadcrumbs,
    PaginationView? Pagination, string? FeedHref, string? JsonLd, string? PubDate, string ColumnName);

/// <summary>Links of a paginated list.</summary>
public sealed record PaginationView(int Current, int Count, string? PrevHref, string? NextHref, IReadOnlyList<PageLinkView> Pages);

/// <summary>One numbered link in a pagination bar; Gap marks an ellipsis.</summary>
public sealed record PageLinkView(int Number, string Href, bool Current, bool Gap);

/// <summary>A report in a list.</summary>
public sealed record ReportItemView(string Title, string Href, string Agency, int Year, string? Published, string Region, string Summary);

/// <summary>A term in a list, with its count and (for regions) its children.</summary>
public sealed record TermItemView(string Name, string Href, int Count, string? Detail, IReadOnlyList<TermItemView> Children);

/// <summary>Everything the report layout shows.</summary>
public sealed record ReportView(
    string Title, string Agency, string AgencyHref, IReadOnlyList<LinkView> Region, int Year, string YearHref,
    string? Published, string Series, string SeriesHref, string? SourceUrl, string? IndexNo, string? DocNo, string? Publisher,
    string? Written, string? Topic, string? Summary, IReadOnlyList<string> Tags, IReadOnlyList<TocEntry> Toc, string BodyHtml,
    IReadOnlyList<ReportItemView> OtherYears, IReadOnlyList<ReportItemView> SameYearRegion, LinkView? SameYearRegionMore,
    bool HasCatalogue, IReadOnlyDictionary<string, object?> Extra);

/// <summary>Counts shown on the home page.</summary>
public sealed record CountsView(int Reports, int Agencies, int Regions, int Years);

/// <summary>The view of any page: the site, the page, and the part that matches its kind.</summary>
public sealed record PageView(
    SiteView Site, PageInfoView Page,
    ReportView? Report = null,
    IReadOnlyList<ReportItemView>? Reports = null,
    IReadOnlyList<TermItemView>? Terms = null,
    string? TaxonomyName = null,
    string? TaxonomyLabel = null,
    TermItemView? Term = null,
    CountsView? Counts = null,
    IReadOnlyList<TermItemView>? Entry = null);
