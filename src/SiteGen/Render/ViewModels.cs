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
    IReadOnlyList<AttachmentView> Attachments)
{
    /// <summary>The report as plain text and as Markdown with its front matter, as links to the files beside the page (<c>downloads: files</c>).</summary>
    public IReadOnlyList<LinkView> Downloads { get; init; } = [];

    /// <summary>The same two downloads made by the reader's browser from the page (<c>downloads: browser</c>); null otherwise.</summary>
    public BrowserDownloadsView? BrowserDownloads { get; init; }

    /// <summary>What changed since the agency's report of the previous year, as counts; null when there is none.</summary>
    public ChangeSummaryView? Changes { get; init; }

    /// <summary>The sections of this report beside those of the other reports of its region and year; null when it is the only one.</summary>
    public string? CompareHref { get; init; }

    /// <summary>The publication status of the report's region (of the archive when it has no region).</summary>
    public string? StatusHref { get; init; }
}

/// <summary>The downloads a report page's script makes (<c>static/downloads/downloads.js</c>): a button per file, and the data the
/// script needs besides the page's article.</summary>
/// <param name="Buttons">Plain text, then Markdown: each with its label and the <c>data-download</c> value the script knows it by.</param>
/// <param name="Data">JSON for a <c>&lt;script type="application/json" data-download-data&gt;</c> element: file names, the plain text's
/// heading lines, the front matter, the page's URL (markup: escaped for a script element).</param>
public sealed record BrowserDownloadsView(IReadOnlyList<DownloadButtonView> Buttons, Markup Data);

/// <summary>A download button: its label and which file it makes (<c>text</c> or <c>markdown</c>).</summary>
public sealed record DownloadButtonView(string Name, string Format);

/// <summary>The counts of a report's comparison with its previous year, shown on the report page.</summary>
/// <param name="Summary">The counts in one sentence (新增 3 句，删去 2 句，数字变化 1 句).</param>
public sealed record ChangeSummaryView(int PreviousYear, string PreviousHref, string Href, string Summary, IReadOnlyList<ChangeItemCountView> Items);

/// <summary>One required item's counts: its name and the counts in one sentence (or that a report lacks it).</summary>
public sealed record ChangeItemCountView(string Name, string Summary);

/// <summary>Links from the home, region and agency pages to the views: the publication status, the compare pages, the catalogue.</summary>
/// <param name="StatusName">The label of the link to the status page.</param>
/// <param name="Compare">Region pages: one link per year that has a compare page, newest first.</param>
public sealed record ViewLinksView(string StatusHref, string StatusName, IReadOnlyList<LinkView> Compare, string? CatalogueCsvHref, string? CatalogueJsonHref);

/// <summary>The publication status page: one table per series, and links to the status of the regions below.</summary>
/// <param name="Scope">The region the page covers, or null for the whole archive.</param>
/// <param name="AsOf">The newest publication date in the archive, up to which missing reports are counted.</param>
public sealed record StatusPageView(string? Scope, string? AsOf, IReadOnlyList<StatusSeriesView> Series, IReadOnlyList<TermItemView> Subregions);

/// <summary>The status of one series: its deadline, the chart and its text equivalent, counts per region, and the agency table.</summary>
/// <param name="Deadline">The deadline rule in words (次年4月1日前).</param>
/// <param name="Chart">The inline SVG chart of the counts per year (markup).</param>
/// <param name="States">The names of the states counted, the columns of <c>ByYear</c> and <c>ByRegion</c>.</param>
/// <param name="Columns">The number of columns of the agency table (the agency and one per year), for a heading that spans them.</param>
/// <param name="AgenciesBelow">Agencies of the regions below that the table leaves to those regions' status pages (0: it lists all).</param>
public sealed record StatusSeriesView(
    string Name, string Id, string Deadline, IReadOnlyList<int> Years, int Columns, Markup Chart, IReadOnlyList<string> States,
    IReadOnlyList<StatusCountRowView> ByYear, IReadOnlyList<StatusCountRowView> ByRegion, StatusCountRowView Total, IReadOnlyList<StatusGroupView> Groups,
    int AgenciesBelow);

/// <summary>A row of counts: a year or a region, its count per state, and their total; <c>Href</c> links a region's own status page.</summary>
public sealed record StatusCountRowView(string Name, string? Href, int Depth, IReadOnlyList<int> Counts, int Total);

/// <summary>The agencies of one region in the status table.</summary>
public sealed record StatusGroupView(string Region, IReadOnlyList<StatusRowView> Rows);

/// <summary>One agency's row: its name, its page, and one cell per year.</summary>
public sealed record StatusRowView(string Agency, string AgencyHref, IReadOnlyList<StatusCellView> Cells);

/// <summary>One agency and year: <c>State</c> is on_time, late, undated, published, missing or not_due (for a class name),
/// <c>Label</c> says it in words, <c>Href</c> links the report, <c>Detail</c> gives its date (and how late it was).</summary>
public sealed record StatusCellView(string State, string Label, string? Href, string? Detail);

/// <summary>The sections side by side of a region and year: for each of the five required items, every report's text on it.</summary>
/// <param name="Count">The number of reports on the page.</param>
public sealed record ComparePageView(string Region, int Year, string Series, IReadOnlyList<ReportItemView> Reports, int Count, IReadOnlyList<CompareItemView> Items);

/// <summary>One required item on the compare page: its name, an anchor, the reports that have it, and those that lack it.</summary>
/// <param name="Count">The number of reports that have the item.</param>
public sealed record CompareItemView(string Name, string Id, int Count, IReadOnlyList<CompareEntryView> Entries, IReadOnlyList<ReportItemView> Lacking);

/// <summary>One report on an item, in brief: its agency, a link back, the headings it uses, its opening words and the outline of
/// its sub-headings (the full text is one link away, on the report page).</summary>
/// <param name="Excerpt">The item's first sentence (cut with … when long).</param>
/// <param name="Outline">The item's sub-headings at their highest level, at most <c>MaxOutline</c>.</param>
/// <param name="OutlineMore">How many more sub-headings the item has.</param>
public sealed record CompareEntryView(string Agency, string Href, IReadOnlyList<string> Headings, string Excerpt, IReadOnlyList<string> Outline,
    int OutlineMore);

/// <summary>What changed in a report since the agency's previous year's report, item by item.</summary>
/// <param name="Approximate">An item was rewritten so widely that its sentences were aligned approximately.</param>
public sealed record ChangesPageView(ReportItemView Current, ReportItemView Previous, string Summary, bool Approximate, IReadOnlyList<ChangesItemView> Items);

/// <summary>One required item compared: its name, the counts in one sentence, whether either report lacks it, and its sentences
/// grouped by what happened to them, each group at most <c>ChangeComparer.MaxListed</c> long (the rest counted, in their report).</summary>
public sealed record ChangesItemView(string Name, string Id, string Summary, string? Note, SentenceGroupView? Changed, SentenceGroupView? Added,
    SentenceGroupView? Dropped);

/// <summary>Sentences of one kind (changed figures, added, dropped) in one item: a heading with their number, the first ones, and
/// how many more the report <c>More.Href</c> holds (<c>More</c> is null when every one is listed).</summary>
public sealed record SentenceGroupView(string Heading, IReadOnlyList<SentenceView> Sentences, LinkView? More);

/// <summary>A sentence as listed: added or dropped ones have <c>After</c> or <c>Before</c> only; a changed one both, the changed
/// figures marked, and <c>Label</c> says whether it was also reworded. <c>Text</c> is the sentence whole when nothing in it is
/// marked (an added or dropped one), so a template writes it without a loop over its pieces.</summary>
public sealed record SentenceView(string? Label, IReadOnlyList<PieceView> Before, IReadOnlyList<PieceView> After, string? Text = null);

/// <summary>A piece of a sentence; <c>Changed</c> marks a figure that changed, and <c>Was</c> gives last year's figure when the
/// sentence is shown once for both years.</summary>
public sealed record PieceView(string Text, bool Changed, string? Was);

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
    IReadOnlyList<UiTextView>? SearchTexts = null,
    ViewLinksView? Views = null,
    StatusPageView? Status = null,
    ComparePageView? Compare = null,
    ChangesPageView? Changes = null);
