using System.Collections.Concurrent;
using System.Globalization;
using SiteGen.Load;
using SiteGen.Model;

namespace SiteGen.Render;

/// <summary>A page rendered to HTML; report pages also carry their body summary and table of contents for feeds and search.</summary>
public sealed record RenderedPage(Page Page, string Html, RenderedBody? Body);

/// <summary>Turns each page of the model into HTML through the theme; safe to call from many threads at once.</summary>
public sealed class PageRenderer(Site site, Theme theme, MarkdownRenderer markdown)
{
    private const int RelatedLimit = 12;
    private readonly SiteUrls _urls = site.Urls;
    private readonly SiteView _siteView = BuildSiteView(site, theme);
    private readonly ConcurrentDictionary<Term, ILookup<int, Report>> _reportsByYear = new();

    public RenderedPage Render(Page page)
    {
        var body = page.Kind == PageKind.Report ? RenderBody(page.Report!.Source) : null;
        return new RenderedPage(page, theme.Render(page.Kind, View(page, body)), body);
    }

    private RenderedBody RenderBody(ContentFile source)
    {
        try
        {
            return markdown.Render(ContentLoader.ReadBody(source));
        }
        catch (Diagnostics.SiteGenException ex) when (ex.File is null)
        {
            // The renderer knows lines of the body only; the report file is where the editor must look.
            throw new Diagnostics.SiteGenException(ex.Code, ex.Message, ex.Hint, source.RelativePath, source.BodyLine + Math.Max(ex.Line, 1) - 1);
        }
    }

    /// <summary>Everything the page's layout receives; for a report page, <paramref name="body"/> is its rendered Markdown.</summary>
    public PageView View(Page page, RenderedBody? body) => page.Kind switch
    {
        PageKind.Report => ReportPage(page, page.Report!, body ?? throw new ArgumentNullException(nameof(body))),
        PageKind.Home => HomePage(page),
        PageKind.Taxonomy => TaxonomyPage(page),
        PageKind.Term => TermPage(page),
        _ => new PageView(_siteView, Info(page, T(page.Kind == PageKind.Search ? "search" : "not_found"), [])),
    };

    private string T(string key) => theme.Strings.TryGetValue(key, out var s) ? s : key;

    private static SiteView BuildSiteView(Site site, Theme theme)
    {
        string T(string key) => theme.Strings.TryGetValue(key, out var s) ? s : key;
        var urls = site.Urls;
        var nav = new List<LinkView>
        {
            new(T("home"), urls.Href(SiteUrls.Home)),
            new(T("agencies"), urls.Href(SiteUrls.TaxonomyPath("agencies"))),
            new(T("years"), urls.Href(SiteUrls.TaxonomyPath("years"))),
            new(T("regions"), urls.Href(SiteUrls.TaxonomyPath("regions"))),
            new(T("series"), urls.Href(SiteUrls.TaxonomyPath("series"))),
            new(T("search"), urls.Href(SiteUrls.Search)),
        };
        var f = site.Config.Footer;
        return new SiteView(site.Config.Title, site.Config.Description, site.Config.Language, urls.Href(SiteUrls.Home),
            urls.Href(SiteUrls.Search), urls.Href(SiteUrls.Feed(SiteUrls.Home)), nav,
            new FooterView(f.SiteCode, f.Icp, f.PoliceRecord, f.Sponsor, f.Contact, f.Any), site.Config.Extra);
    }

    private PageInfoView Info(Page page, string title, IReadOnlyList<LinkView> crumbs, string? description = null,
        string? feed = null, string? jsonLd = null, string? pubDate = null, string? column = null, Func<int, string>? pageHref = null) =>
        new(Theme.LayoutName(page.Kind), title, _urls.Href(page.Path), _urls.Absolute(page.Path),
            description ?? site.Config.Description, crumbs,
            page.PageCount > 1 && pageHref is not null ? Pagination(page, pageHref) : null,
            feed is null ? null : _urls.Href(feed), jsonLd, pubDate, column ?? title);

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

    private LinkView Crumb(string key, string path) => new(T(key), _urls.Href(path));
    private LinkView HomeCrumb => Crumb("home", SiteUrls.Home);

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private ReportItemView Item(Report r, string summary = "") =>
        new(r.Title, _urls.Href(r.Path), r.Agency, r.Year, Date(r.Published), string.Join(" › ", r.Region), summary);

    private IReadOnlyList<LinkView> RegionLinks(Report report)
    {
        var term = site.RegionOf(report);
        if (term is null) return [];
        return term.Ancestors().Reverse().Append(term).Select(t => new LinkView(t.Name, _urls.Href(t.Path))).ToList();
    }

    private PageView ReportPage(Page page, Report report, RenderedBody body)
    {
        var meta = report.Meta;
        var agency = site.AgencyOf(report);
        var year = site.YearOf(report);
        var series = site.SeriesOf(report);
        var region = site.RegionOf(report);
        var otherYears = agency.Reports.Where(r => r != report).OrderByDescending(r => r.Year).Select(r => Item(r)).ToList();
        var sameYear = region is null ? [] : ReportsByYear(region)[report.Year].Where(r => r != report).ToList();
        var view = new ReportView(
            report.Title, report.Agency, _urls.Href(agency.Path), RegionLinks(report), report.Year, _urls.Href(year.Path),
            Date(report.Published), report.Series, _urls.Href(series.Path), meta.SourceUrl, meta.IndexNo, meta.DocNo,
            meta.Publisher, Date(meta.Written), meta.Topic, meta.Summary, meta.Tags, body.Toc, body.Html,
            otherYears, sameYear.Take(RelatedLimit).Select(r => Item(r)).ToList(),
            sameYear.Count > RelatedLimit && region is not null ? new LinkView(region.Name, _urls.Href(region.Path)) : null,
            meta.IndexNo is not null || meta.DocNo is not null || meta.Publisher is not null || meta.Written is not null || meta.Topic is not null,
            meta.Extra);

        var crumbs = new List<LinkView> { HomeCrumb, Crumb("agencies", SiteUrls.TaxonomyPath("agencies")), new(report.Agency, _urls.Href(agency.Path)), new(report.Title, _urls.Href(page.Path), true) };
        var jsonLd = JsonLd.Report(report, _urls, site.Config);
        var info = Info(page, report.Title, crumbs, meta.Summary ?? body.Summary, jsonLd: jsonLd,
            pubDate: Date(report.Published), column: report.Series);
        return new PageView(_siteView, info, Report: view);
    }

    /// <summary>A region's reports grouped by year (newest first within a year), built once per region rather than filtered once per report.</summary>
    private ILookup<int, Report> ReportsByYear(Term region) =>
        _reportsByYear.GetOrAdd(region, static term => term.Reports.ToLookup(r => r.Year));

    private PageView HomePage(Page page)
    {
        var latest = site.Reports.Take(site.Config.LatestCount).Select(r => Item(r)).ToList();
        var counts = new CountsView(site.Reports.Count, site.Agencies.Terms.Count, site.Regions.Terms.Count, site.Years.Terms.Count);
        var entries = site.Taxonomies.Select(t => new TermItemView(T(t.Name), _urls.Href(SiteUrls.TaxonomyPath(t.Name)),
            t.IsHierarchy ? t.Roots.Count : t.Terms.Count, null, [])).ToList();
        var years = site.Years.Terms.Select(t => TermItem(t, withChildren: false)).ToList();
        var info = Info(page, site.Config.Title, [], feed: SiteUrls.Feed(SiteUrls.Home), column: T("home"));
        return new PageView(_siteView, info, Reports: latest, Counts: counts, Entry: entries, Terms: years);
    }

    private TermItemView TermItem(Term term, bool withChildren) =>
        new(term.Name, _urls.Href(term.Path), term.Reports.Count,
            term.Taxonomy == "agencies" && term.Reports[0].Region.Count > 0 ? string.Join(" › ", term.Reports[0].Region) : null,
            withChildren ? term.Children.Select(c => TermItem(c, true)).ToList() : []);

    private PageView TaxonomyPage(Page page)
    {
        var taxonomy = page.Taxonomy!;
        var listed = taxonomy.IsHierarchy ? taxonomy.Roots : taxonomy.Terms;
        var slice = listed.Skip((page.PageNumber - 1) * SiteModelBuilder.TermsPerPage).Take(SiteModelBuilder.TermsPerPage)
            .Select(t => TermItem(t, taxonomy.IsHierarchy)).ToList();
        var label = T(taxonomy.Name);
        var title = page.PageCount > 1 ? $"{label} ({page.PageNumber}/{page.PageCount})" : label;
        var first = SiteUrls.TaxonomyPath(taxonomy.Name);
        var info = Info(page, title, [HomeCrumb, new LinkView(label, _urls.Href(first), true)], column: label,
            pageHref: n => _urls.Href(SiteUrls.Paged(first, n)));
        return new PageView(_siteView, info, Terms: slice, TaxonomyName: taxonomy.Name, TaxonomyLabel: label);
    }

    private PageView TermPage(Page page)
    {
        var term = page.Term!;
        var taxonomy = page.Taxonomy!;
        var size = site.Config.PageSize;
        var reports = term.Reports.Skip((page.PageNumber - 1) * size).Take(size).Select(r => Item(r)).ToList();
        var label = T(taxonomy.Name);
        var crumbs = new List<LinkView> { HomeCrumb, new(label, _urls.Href(SiteUrls.TaxonomyPath(taxonomy.Name))) };
        crumbs.AddRange(term.Ancestors().Reverse().Select(t => new LinkView(t.Name, _urls.Href(t.Path))));
        crumbs.Add(new LinkView(term.Name, _urls.Href(term.Path), true));
        var title = page.PageCount > 1 ? $"{term.Name} ({page.PageNumber}/{page.PageCount})" : term.Name;
        var hasFeed = taxonomy.Name is "agencies" or "regions";
        var info = Info(page, title, crumbs, feed: hasFeed ? SiteUrls.Feed(term.Path) : null, column: label,
            pageHref: n => _urls.Href(SiteUrls.Paged(term.Path, n)));
        return new PageView(_siteView, info, Reports: reports, TaxonomyName: taxonomy.Name, TaxonomyLabel: label,
            Term: TermItem(term, withChildren: true));
    }
}
