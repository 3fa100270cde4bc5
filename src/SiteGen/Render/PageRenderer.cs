using System.Collections.Concurrent;
using System.Globalization;
using SiteGen.Load;
using SiteGen.Model;

namespace SiteGen.Render;

/// <summary>A page rendered to HTML; report pages also carry their body summary and table of contents for feeds and search.</summary>
public sealed record RenderedPage(Page Page, string Html, RenderedBody? Body);

/// <summary>Turns each page of the model into HTML through the theme; safe to call from many threads at once.</summary>
/// <param name="views">The views of the build (status, compare, changes), linked from report, home, region and agency pages; null renders none.</param>
public sealed class PageRenderer(Site site, Theme theme, MarkdownRenderer markdown, Views.SiteViews? views = null)
{
    private const int RelatedLimit = 12;
    private static readonly Markup NoBody = new("");
    /// <summary>The language reports are written in; an interface in another language marks them with it.</summary>
    private const string ContentLanguage = "zh-CN";

    /// <summary>The i18n keys of the strings the search page's script shows; static/search/ui.js reads each from a data-text-* attribute
    /// (search_count → data-text-search-count).</summary>
    private static readonly string[] SearchTextKeys =
    [
        "search_loading", "search_failed", "search_count", "search_count_estimate", "search_count_browse",
        "search_count_exactly", "search_counting", "search_none", "search_partial", "search_partial_label", "search_filters",
        "search_filters_chosen", "search_skip_to_results", "search_clear_filters", "search_facet_year", "search_facet_region",
        "search_facet_agency", "search_facet_series", "search_year_range", "search_year_from", "search_year_to",
        "search_year_any", "search_sort", "search_sort_relevance", "search_sort_newest", "search_sort_oldest", "search_results",
        "search_pages", "search_previous", "search_next", "search_page_of", "search_page_of_about", "search_published",
        "search_about", "search_in_file", "search_also_searched", "search_only_typed", "search_typed_only", "search_also_search",
        "search_suggestions", "search_suggestions_count", "search_suggestion_agency", "search_suggestion_region", "search_closest",
        "search_list_separator",
    ];

    private readonly SiteUrls _urls = site.Urls;
    private readonly AttachmentLabels _attachmentLabels = AttachmentLabels.From(theme.Strings);
    private readonly SiteView _siteView = BuildSiteView(site, theme);
    private readonly ConcurrentDictionary<Term, ILookup<int, Report>> _reportsByYear = new();
    private readonly ViewPageViews? _views = views is null ? null : new ViewPageViews(site, views, theme.Strings);

    /// <summary>The page a view page is rendered as.</summary>
    public static Page PageOf(Views.ViewPage page) => new()
    {
        Kind = page.Kind switch { Views.ViewPageKind.Status => PageKind.Status, Views.ViewPageKind.Compare => PageKind.Compare, _ => PageKind.Changes },
        Path = page.Path,
    };

    /// <summary>A view page's view without the text it shows from reports' bodies (those are fingerprinted by their sources instead):
    /// status pages complete, compare and changes pages with their headings and links only.</summary>
    public PageView Shell(Views.ViewPage page)
    {
        var title = _views!.Title(page);
        var crumbs = new List<CrumbView> { HomeCrumb };
        if (page.Kind == Views.ViewPageKind.Status && page.RegionKey is not null) crumbs.Add(Crumb("status", SiteUrls.Status));
        crumbs.Add(new CrumbView(title, _urls.Href(page.Path), true, page.Kind != Views.ViewPageKind.Status || page.RegionKey is not null));
        var info = Info(PageOf(page), title, crumbs, column: T("status"));
        var view = new PageView(_siteView, info);
        return page.Kind == Views.ViewPageKind.Status ? view with { Status = _views.Status(page) } : view;
    }

    /// <summary>Reports whose bodies the view of a site page is made from beside the model: a report page's own, and its previous
    /// year's when it shows the counts of what changed since; none for the other pages, whose views are made of front matter alone.</summary>
    public IReadOnlyList<Report> BodySources(Page page) =>
        page.Report is not { } report ? []
        : views?.PreviousOf(report) is { } previous ? [report, previous] : [report];

    /// <summary>Reports whose bodies a view page shows.</summary>
    public IReadOnlyList<Report> Sources(Views.ViewPage page) => _views!.Sources(page);

    /// <summary>Renders a view page from its <see cref="Shell"/>, reading the bodies it shows.</summary>
    public string Render(Views.ViewPage page, PageView shell)
    {
        var view = page.Kind switch
        {
            Views.ViewPageKind.Compare => shell with { Compare = _views!.Compare(page) },
            Views.ViewPageKind.Changes => shell with { Changes = _views!.Changes(page) },
            _ => shell,
        };
        return theme.Render(PageOf(page).Kind, view);
    }

    /// <summary>Renders the page through the theme from its <see cref="View"/>; a report's body is rendered from Markdown here and completes the view.</summary>
    public RenderedPage Render(Page page, PageView view)
    {
        if (page.Report is not { } report) return new RenderedPage(page, theme.Render(page.Kind, view), null);
        var body = RenderBody(report);
        view = view with
        {
            Page = view.Page with { Description = report.Meta.Summary ?? body.Summary },
            Report = view.Report! with { Toc = body.Toc, BodyHtml = new Markup(body.Html) },
        };
        return new RenderedPage(page, theme.Render(page.Kind, view), body);
    }

    private RenderedBody RenderBody(Report report)
    {
        var source = report.Source;
        try
        {
            return markdown.Render(ContentLoader.ReadBody(source), report.Attachments);
        }
        catch (Diagnostics.SiteGenException ex) when (ex.File is null)
        {
            // The renderer knows lines of the body only; the report file is where the editor must look.
            throw new Diagnostics.SiteGenException(ex.Code, ex.Message, ex.Hint, source.RelativePath, source.BodyLine + Math.Max(ex.Line, 1) - 1);
        }
    }

    /// <summary>Everything the page's layout receives but what only rendering a report's Markdown gives (its body, table of contents
    /// and the summary taken from it); the same view fingerprints the page, so deciding that a page is unchanged renders no Markdown.</summary>
    public PageView View(Page page) => page.Kind switch
    {
        PageKind.Report => ReportPage(page, page.Report!),
        PageKind.Home => HomePage(page),
        PageKind.Taxonomy => TaxonomyPage(page),
        PageKind.Term => TermPage(page),
        PageKind.Search => new PageView(_siteView, Info(page, T("search"), []), SearchTexts: SearchTextKeys.Select(k => new UiTextView(k.Replace('_', '-'), T(k))).ToList()),
        _ => new PageView(_siteView, Info(page, T("not_found"), [])),
    };

    private string T(string key) => theme.Strings.TryGetValue(key, out var s) ? s : key;

    /// <summary>The name shown for a taxonomy: a site's own label, or the theme's UI string for a built-in one.</summary>
    private static string Label(Taxonomy taxonomy, Theme theme) =>
        taxonomy.Definition.Label ?? (theme.Strings.TryGetValue(taxonomy.Name, out var s) ? s : taxonomy.Name);

    private string Label(Taxonomy taxonomy) => Label(taxonomy, theme);

    private static SiteView BuildSiteView(Site site, Theme theme)
    {
        string T(string key) => theme.Strings.TryGetValue(key, out var s) ? s : key;
        var urls = site.Urls;
        var indexes = site.Taxonomies.Select(t => new LinkView(Label(t, theme), urls.Href(SiteUrls.TaxonomyPath(t.Name)))).ToList();
        var nav = indexes.Prepend(new LinkView(T("home"), urls.Href(SiteUrls.Home))).Append(new LinkView(T("search"), urls.Href(SiteUrls.Search))).ToList();
        var f = site.Config.Footer;
        return new SiteView(site.Config.Title, site.Config.Description, site.Config.Language, site.Config.Language == ContentLanguage ? null : ContentLanguage,
            urls.Href(SiteUrls.Home), urls.Href(SiteUrls.Search), urls.Href(SiteUrls.Feed(SiteUrls.Home)), nav, indexes,
            new FooterView(f.SiteCode, f.Icp, f.PoliceRecord, f.Sponsor, f.Contact, f.Any), site.Config.Extra);
    }

    /// <summary>The main navigation as this page shows it: the link to the page itself is the current page, the link to its section the current entry.</summary>
    private IReadOnlyList<NavLinkView> Nav(string href, string column) =>
        _siteView.Nav.Select(l => new NavLinkView(l.Name, l.Href, l.Href == href ? "page" : l.Name == column ? "true" : null)).ToList();

    private PageInfoView Info(Page page, string title, IReadOnlyList<CrumbView> crumbs, string? description = null,
        string? feed = null, string? jsonLd = null, string? pubDate = null, string? column = null, Func<int, string>? pageHref = null)
    {
        var href = _urls.Href(page.Path);
        column ??= title;
        return new(Theme.LayoutName(page.Kind), title, page.Kind == PageKind.Home ? site.Config.Title : $"{title} - {site.Config.Title}",
            href, _urls.Absolute(page.Path), description ?? site.Config.Description, Nav(href, column), crumbs,
            page.PageCount > 1 && pageHref is not null ? Pagination(page, pageHref) : null,
            feed is null ? null : _urls.Href(feed), jsonLd is null ? null : new Markup(jsonLd), pubDate, column);
    }

    private static PaginationView Pagination(Page page, Func<int, string> href)
    {
        var links = new List<PageLinkView>();
        var lastAdded = 0;
        for (var n = 1; n <= page.PageCount; n++)
        {
            // First, last, and two either side of the current page; gaps elsewhere keep the bar short.
            if (n != 1 && n != page.PageCount && Math.Abs(n - page.PageNumber) > 2) continue;
            if (lastAdded != 0 && n - lastAdded > 1) links.Add(new PageLinkView(0, "", false, true));
            links.Add(new PageLinkView(n, href(n), n == page.PageNumber, false));
            lastAdded = n;
        }
        return new PaginationView(page.PageNumber, page.PageCount,
            page.PageNumber > 1 ? href(page.PageNumber - 1) : null,
            page.PageNumber < page.PageCount ? href(page.PageNumber + 1) : null, links);
    }

    private CrumbView Crumb(string key, string path) => new(T(key), _urls.Href(path), false, false);
    private CrumbView HomeCrumb => Crumb("home", SiteUrls.Home);
    private CrumbView ContentCrumb(string name, string path, bool current = false) => new(name, _urls.Href(path), current, true);

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private ReportItemView Item(Report r) =>
        new(r.Title, _urls.Href(r.Path), r.Agency, r.Year, Date(r.Published), string.Join(" › ", r.Region));

    private IReadOnlyList<LinkView> RegionLinks(Report report)
    {
        var term = site.RegionOf(report);
        if (term is null) return [];
        return term.Ancestors().Reverse().Append(term).Select(t => new LinkView(t.Name, _urls.Href(t.Path))).ToList();
    }

    private PageView ReportPage(Page page, Report report)
    {
        var meta = report.Meta;
        var agency = site.AgencyOf(report);
        var year = site.YearOf(report);
        var series = site.SeriesOf(report);
        var region = site.RegionOf(report);
        var otherYears = agency.Reports.Where(r => r != report).OrderByDescending(r => r.Year).Select(Item).ToList();
        var sameYear = region is null ? [] : ReportsByYear(region)[report.Year].Where(r => r != report).ToList();
        var view = new ReportView(
            report.Title, report.Agency, _urls.Href(agency.Path), RegionLinks(report), report.Year, _urls.Href(year.Path),
            Date(report.Published), report.Series, _urls.Href(series.Path), meta.SourceUrl, meta.IndexNo, meta.DocNo,
            meta.Publisher, Date(meta.Written), meta.Topic, meta.Summary, meta.Tags, [], NoBody,
            otherYears, sameYear.Take(RelatedLimit).Select(Item).ToList(),
            sameYear.Count > RelatedLimit && region is not null ? new LinkView(region.Name, _urls.Href(region.Path)) : null,
            meta.IndexNo is not null || meta.DocNo is not null || meta.Publisher is not null || meta.Written is not null || meta.Topic is not null,
            otherYears.Count > 0 || sameYear.Count > 0, OwnTaxonomies(report), meta.Extra, _attachmentLabels.Views(report.Attachments));

        var agencies = site.Agencies;
        var crumbs = new List<CrumbView>
        {
            HomeCrumb, new(Label(agencies), _urls.Href(SiteUrls.TaxonomyPath(agencies.Name)), false, false),
            ContentCrumb(report.Agency, agency.Path), ContentCrumb(report.Title, page.Path, current: true),
        };
        var jsonLd = JsonLd.Report(report, _urls, site.Config);
        var info = Info(page, report.Title, crumbs, meta.Summary ?? "", jsonLd: jsonLd,
            pubDate: Date(report.Published), column: report.Series);
        return new PageView(_siteView, info, Report: _views is null ? view : _views.ForReport(view, report));
    }

    /// <summary>The terms of the site's own taxonomies that the report is filed under (the built-in ones have fields of their own in <see cref="ReportView"/>).</summary>
    private IReadOnlyList<ReportTermsView> OwnTaxonomies(Report report) =>
        site.Taxonomies.Where(t => !t.Definition.BuiltIn && t.TermsOf(report).Count > 0)
            .Select(t => new ReportTermsView(t.Name, Label(t), t.TermsOf(report).SelectMany(term => term.Ancestors().Reverse().Append(term))
                .Select(term => new LinkView(term.Name, _urls.Href(term.Path))).ToList(), t.IsHierarchy))
            .ToList();

    /// <summary>A region's reports grouped by year (newest first within a year), built once per region rather than filtered once per report.</summary>
    private ILookup<int, Report> ReportsByYear(Term region) =>
        _reportsByYear.GetOrAdd(region, static term => term.Reports.ToLookup(r => r.Year));

    private PageView HomePage(Page page)
    {
        var latest = site.Reports.Take(site.Config.LatestCount).Select(Item).ToList();
        var counts = new CountsView(site.Reports.Count, site.Agencies.Terms.Count, site.Regions.Terms.Count, site.Years.Terms.Count);
        var browse = site.Taxonomies.Select(t => new TermItemView(Label(t), _urls.Href(SiteUrls.TaxonomyPath(t.Name)),
            t.IsHierarchy ? t.Roots.Count : t.Terms.Count, null, [])).ToList();
        var years = site.Years.Terms.Select(t => TermItem(t, site.Years, withChildren: false)).ToList();
        // The home page's feed is the site feed, which every page links already.
        var info = Info(page, site.Config.Title, [], column: T("home"));
        return new PageView(_siteView, info, Reports: latest, Counts: counts, Terms: years, Browse: browse, Views: _views?.Home());
    }

    private TermItemView TermItem(Term term, Taxonomy taxonomy, bool withChildren) =>
        new(term.Name, _urls.Href(term.Path), term.Reports.Count,
            taxonomy.Definition.Order == TermOrder.Region && term.Reports[0].Region.Count > 0 ? string.Join(" › ", term.Reports[0].Region) : null,
            withChildren ? term.Children.Select(c => TermItem(c, taxonomy, true)).ToList() : []);

    private PageView TaxonomyPage(Page page)
    {
        var taxonomy = page.Taxonomy!;
        var listed = taxonomy.IsHierarchy ? taxonomy.Roots : taxonomy.Terms;
        var slice = listed.Skip((page.PageNumber - 1) * SiteModelBuilder.TermsPerPage).Take(SiteModelBuilder.TermsPerPage)
            .Select(t => TermItem(t, taxonomy, taxonomy.IsHierarchy)).ToList();
        var label = Label(taxonomy);
        var title = page.PageCount > 1 ? $"{label} ({page.PageNumber}/{page.PageCount})" : label;
        var first = SiteUrls.TaxonomyPath(taxonomy.Name);
        var info = Info(page, title, [HomeCrumb, new CrumbView(label, _urls.Href(first), true, false)], column: label,
            pageHref: n => _urls.Href(SiteUrls.Paged(first, n)));
        return new PageView(_siteView, info, Terms: slice, TaxonomyName: taxonomy.Name, TaxonomyLabel: label);
    }

    private PageView TermPage(Page page)
    {
        var term = page.Term!;
        var taxonomy = page.Taxonomy!;
        var size = site.Config.PageSize;
        var reports = term.Reports.Skip((page.PageNumber - 1) * size).Take(size).Select(Item).ToList();
        var label = Label(taxonomy);
        var crumbs = new List<CrumbView> { HomeCrumb, new(label, _urls.Href(SiteUrls.TaxonomyPath(taxonomy.Name)), false, false) };
        crumbs.AddRange(term.Ancestors().Reverse().Select(t => ContentCrumb(t.Name, t.Path)));
        crumbs.Add(ContentCrumb(term.Name, term.Path, current: true));
        var title = page.PageCount > 1 ? $"{term.Name} ({page.PageNumber}/{page.PageCount})" : term.Name;
        var info = Info(page, title, crumbs, feed: taxonomy.Definition.Feeds ? SiteUrls.Feed(term.Path) : null, column: label,
            pageHref: n => _urls.Href(SiteUrls.Paged(term.Path, n)));
        return new PageView(_siteView, info, Reports: reports, TaxonomyName: taxonomy.Name, TaxonomyLabel: label,
            Term: TermItem(term, taxonomy, withChildren: true), Views: _views?.ForTerm(taxonomy, term));
    }
}
