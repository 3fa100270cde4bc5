namespace SiteGen.Render;

// The contract between SiteGen and theme templates: everything a layout can show, with every decision already taken.
// Templates see each property under its snake_case name (BodyHtml → report.body_html); docs/themes.md documents every
// field. A value is written HTML-escaped unless its type is Markup. Empty lists and empty strings count as false in `if`.

/// <summary>HTML that SiteGen made and vouches for (the rendered report body, the JSON-LD block): written as it is, never escaped.</summary>
public sealed record Markup(string Html);

/// <summary>A link with a label.</summary>
public sealed record LinkView(string Name, string Href);

/// <summary>An entry of the main navigation on one page; <c>Current</c> is the value of its <c>aria-current</c> attribute (<c>page</c>, <c>true</c>) or null.</summary>
public sealed record NavLinkView(string Name, string Href, string? Current);

/// <summary>A step of the breadcrumb trail; <c>Current</c> marks the page itself, <c>Content</c> a name from the reports (an agency, a region, a title) rather than a UI string.</summary>
public sealed record CrumbView(string Name, string Href, bool Current, bool Content);

/// <summary>Site-wide values every layout sees.</summary>
/// <param name="ContentLang">The language of the reports (<c>zh-CN</c>) when the interface is in another language, else null: the <c>content-lang</c> partial marks content with it.</param>
/// <param name="Nav">The main navigation: home, the index of each taxonomy, search.</param>
/// <param name="Indexes">The index page of each taxonomy: agencies, years, regions, series, then the site's own (site.yml `taxonomies:`).</param>
public sealed record SiteView(
    string Title, string Description, string Language, string? ContentLang, string HomeHref, string SearchHref, string FeedHref,
    IReadOnlyList<LinkView> Nav, IReadOnlyList<LinkView> Indexes, FooterView Footer, IReadOnlyDictionary<string, object?> Extra);

/// <summary>Footer identifiers; each null unless configured in site.yml; <c>Any</c> when at least one is.</summary>
public sealed record FooterView(string? SiteCode, string? Icp, string? PoliceRecord, string? Sponsor, string? Contact, bool Any);

/// <summary>Values about the page being rendered.</summary>
/// <param name="Kind">home, report, taxonomy, term, search or 404.</param>
/// <param name="HeadTitle">The text of the <c>&lt;title&gt;</c> element.</param>
/// <param name="FeedHref">This page's own Atom feed (an agency's, a region's), null when it has none besides the site feed.</param>
/// <param name="ColumnName">The section the page belongs to, for the <c>ColumnName</c> meta tag.</param>
public sealed record PageInfoView(
    string Kind, string Title, string HeadTitle, string Href, string Canonical, string Description, IReadOnlyList<NavLinkView> Nav,
    IReadOnlyList<CrumbView> Breadcrumbs, PaginationView? Pagination, string? FeedHref, Markup? JsonLd, string? PubDate, string ColumnName);

/// <summary>Links of a paginated list.</summary>
public sealed record PaginationView(int Current, int Count, string? PrevHref, string? NextHref, IReadOnlyList<PageLinkView> Pages);

/// <summary>One numbered link in a pagination bar; <c>Gap</c> marks an ellipsis.</summary>
public sealed record PageLinkView(int Number, string Href, bool Current, bool Gap);

/// <summary>A report in a list.</summary>
public sealed record ReportItemView(string Title, string Href, string Agency, int Year, string? Published, string Region);

/// <summary>A term in a list, with its count and (for regions) its children; <c>Detail</c> is an agency's region.</summary>
public sealed record TermItemView(string Name, string Href, int Count, string? Detail, IReadOnlyList<TermItemView> Children);

/// <summary>Everything the report layout shows.</summary>
/// <param name="Region">Province › city › county, each linked to its region page.</param>
/// <param name="BodyHtml">The report body rendered from Markdown (markup).</param>
/// <param name="SameYearRegionMore">A link to the region's page when it holds more reports of the year than <c>SameYearRegion</c> lists.</param>
/// <param name="HasCatalogue">At least one 政府信息公开 catalogue field is set.</param>
/// <param name="HasRelated">At least one of <c>OtherYears</c> and <c>SameYearRegion</c> lists a report.</param>
/// <param name="Taxonomies">The site's own taxonomies (site.yml `taxonomies:`) the report is filed under, each with its terms.</param>
/// <param name="Extra">Front matter fields SiteGen does not know, as written.</param>
public sealed record ReportView(
    string Title, string Agency, string AgencyHref, IReadOnlyList<LinkView> Region, int Year, string YearHref,
    string? Published, string Series, string SeriesHref, string? SourceUrl, string? IndexNo, string? DocNo, string? Publisher,
    string? Written, string? Topic, string? Summary, IReadOnlyList<string> Tags, IReadOnlyList<TocEntry> Toc, Markup BodyHtml,
    IReadOnlyList<ReportItemView> OtherYears, IReadOnlyList<ReportItemView> SameYearRegion, LinkView? SameYearRegionMore,
    bool HasCatalogue, bool HasRelated, IReadOnlyList<ReportTermsView> Taxonomies, IReadOnlyDictionary<string, object?> Extra,
    IReadOnlyList<AttachmentView> Attachments);

/// <summary>A report's terms in one of the site's own taxonomies, each linked to its page; for a hierarchy the path from the top, in order (<c>Path</c>).</summary>
public sealed record ReportTermsView(string Key, string Label, IReadOnlyList<LinkView> Terms, bool Path);

/// <summary>Counts shown on the home page.</summary>
public sealed record CountsView(int Reports, int Agencies, int Regions, int Years);

/// <summary>A UI string the search page's script needs, passed to it as the <c>data-text-NAME</c> attribute.</summary>
public sealed record UiTextView(string Name, string Text);

/// <summary>The view of any page: the site, the page, and the part that matches its kind.</summary>
/// <param name="Reports">The reports listed (home: the latest; term page: this page's slice).</param>
/// <param name="Terms">The terms listed (home: the years; taxonomy page: this page's slice).</param>
/// <param name="Browse">Home: the index of each taxonomy with its number of entries.</param>
/// <param name="SearchTexts">Search page: the UI strings of its script.</param>
public sealed record PageView(
    SiteView Site, PageInfoView Page,
    ReportView? Report = null,
    IReadOnlyList<ReportItemView>? Reports = null,
    IReadOnlyList<TermItemView>? Terms = null,
    string? TaxonomyName = null,
    string? TaxonomyLabel = null,
    TermItemView? Term = null,
    CountsView? Counts = null,
    IReadOnlyList<TermItemView>? Browse = null,
    IReadOnlyList<UiTextView>? SearchTexts = null);
