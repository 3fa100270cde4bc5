using System.Globalization;
using SiteGen.Downloads;
using SiteGen.Load;
using SiteGen.Model;
using SiteGen.Reports;
using SiteGen.Views;

namespace SiteGen.Render;

/// <summary>The view models of the view pages (status, compare, changes) and of the links to them from report, home, region and
/// agency pages; every word comes from the theme's UI strings and every decision is taken here, not in a template.</summary>
public sealed class ViewPageViews(Site site, SiteViews views, IReadOnlyDictionary<string, string> strings)
{
    private readonly SiteUrls _urls = site.Urls;
    private readonly Dictionary<string, string> _agencyHrefs = site.Agencies.Terms.ToDictionary(t => t.Key, t => site.Urls.Href(t.Path), StringComparer.Ordinal);

    private string T(string key) => strings.TryGetValue(key, out var s) ? s : key;

    private string T(string key, params object[] values) => string.Format(CultureInfo.InvariantCulture, T(key), values);

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private ReportItemView Item(Report r) =>
        new(r.Title, _urls.Href(r.Path), r.Agency, r.Year, Date(r.Published), string.Join(" › ", r.Region));

    /// <summary>The page's heading.</summary>
    public string Title(ViewPage page) => page.Kind switch
    {
        ViewPageKind.Status => page.RegionKey is null ? T("status") : T("status_of", site.Regions.TermByKey(page.RegionKey)!.Name),
        ViewPageKind.Compare => T("compare_title", page.Compare!.Region[^1], page.Compare.Year),
        _ => T("changes_title", page.Report!.Agency, page.Report.Year, page.Previous!.Year),
    };

    /// <summary>Reports whose body the page shows: their sources join its fingerprint, so the page is built again when one changes.</summary>
    public IReadOnlyList<Report> Sources(ViewPage page) => page.Kind switch
    {
        ViewPageKind.Compare => page.Compare!.Reports,
        ViewPageKind.Changes => [page.Previous!, page.Report!],
        _ => [],
    };

    /// <summary>Links from the report page: downloads, changes since last year, the compare page, the status page.</summary>
    public ReportView ForReport(ReportView view, Report report) => view with
    {
        Downloads = site.Config.Downloads != DownloadMode.Files ? [] :
        [
            new LinkView(T("download_txt"), _urls.Href(ReportDownloads.TextPath(report))),
            new LinkView(T("download_md"), _urls.Href(ReportDownloads.MarkdownPath(report))),
        ],
        BrowserDownloads = site.Config.Downloads != DownloadMode.Browser ? null : new BrowserDownloadsView(
            [new DownloadButtonView(T("download_txt"), "text"), new DownloadButtonView(T("download_md"), "markdown")],
            new Markup(ReportDownloads.BrowserData(site, report))),
        Changes = views.ChangeOf(report) is { } summary ? ChangeSummary(report, summary) : null,
        CompareHref = report.Region.Count > 0 && views.CompareOf(PublicationStatus.Key(report.Region), report.Year) is { } compare
            && compare.Reports.Contains(report) ? _urls.Href(SiteViews.ComparePath(compare.RegionKey, compare.Year)) : null,
        StatusHref = _urls.Href(SiteViews.StatusPath(report.Region.Count > 0 ? PublicationStatus.Key(report.Region) : null)),
    };

    private ChangeSummaryView ChangeSummary(Report report, ChangeSummary summary) =>
        new(summary.Previous.Year, _urls.Href(summary.Previous.Path), _urls.Href(SiteViews.ChangesPath(report, site.Config.DefaultType)),
            Counts(summary.Total), summary.Items.Select(i => new ChangeItemCountView(i.Item.Name, ItemSummary(i.InPrevious, i.InCurrent, i.Counts))).ToList());

    private string Counts(ChangeCounts c) => T("changes_counts", c.Added, c.Dropped, c.Changed, c.Unchanged);

    private string ItemSummary(bool inPrevious, bool inCurrent, ChangeCounts counts) =>
        !inCurrent && !inPrevious ? T("changes_item_in_neither") : Counts(counts);

    private string? ItemNote(bool inPrevious, bool inCurrent) =>
        inPrevious == inCurrent ? null : inCurrent ? T("changes_item_new") : T("changes_item_gone");

    /// <summary>The links of the home page: the archive's status and the catalogue files.</summary>
    public ViewLinksView Home() =>
        new(_urls.Href(SiteUrls.Status), T("status"), [], _urls.Href(SiteUrls.CatalogueCsv), _urls.Href(SiteUrls.CatalogueJson));

    /// <summary>The links of a region's or an agency's page: the status of the region (an agency's: of its newest report's region), and a region's compare pages.</summary>
    public ViewLinksView? ForTerm(Taxonomy taxonomy, Term term)
    {
        if (taxonomy.Definition == TaxonomyDefinition.Regions)
            return new(_urls.Href(SiteViews.StatusPath(term.Key)), T("status_link"),
                views.CompareYears(term.Key).Select(y => new LinkView(T("compare_year", y), _urls.Href(SiteViews.ComparePath(term.Key, y)))).ToList(), null, null);
        if (taxonomy.Definition == TaxonomyDefinition.Agencies)
        {
            var newest = term.Reports.MaxBy(r => r.Year)!;
            return new(_urls.Href(SiteViews.StatusPath(newest.Region.Count > 0 ? PublicationStatus.Key(newest.Region) : null)), T("status_link_agency"), [], null, null);
        }
        return null;
    }

    public StatusPageView Status(ViewPage page)
    {
        var view = page.RegionKey is null ? views.Status : views.Status.Within(page.RegionKey);
        var region = page.RegionKey is null ? null : site.Regions.TermByKey(page.RegionKey);
        var subregions = (region is null ? site.Regions.Roots : region.Children)
            .Select(t => new TermItemView(t.Name, _urls.Href(SiteViews.StatusPath(t.Key)), t.Reports.Count, null, [])).ToList();
        var series = view.Series.Select((s, i) => Series(s, i, page.RegionKey, delegates: subregions.Count > 0)).ToList();
        return new StatusPageView(region?.Name, Date(view.AsOf), series, subregions);
    }

    /// <summary>The most agencies a status page lists one by one when it can leave those of the regions below to their own pages.</summary>
    /// <remarks>Why: the whole archive's page of 100,000 reports would otherwise be a table of 20,000 agencies (tens of megabytes,
    /// past the template's loop limit), unreadable on a phone; a city's page (some ten counties of about forty bodies each) stays whole.</remarks>
    public const int MaxListedAgencies = 500;

    private static readonly PublicationState[] States =
        [PublicationState.OnTime, PublicationState.Late, PublicationState.Undated, PublicationState.Published, PublicationState.Missing, PublicationState.NotDue];

    public string StateName(PublicationState state) => T(StateKey(state));

    private static string StateKey(PublicationState state) => state switch
    {
        PublicationState.OnTime => "state_on_time",
        PublicationState.Late => "state_late",
        PublicationState.Undated => "state_undated",
        PublicationState.Published => "state_published",
        PublicationState.Missing => "state_missing",
        _ => "state_not_due",
    };

    private StatusSeriesView Series(SeriesStatus s, int index, string? regionKey, bool delegates)
    {
        var shown = StatusChart.StatesShown(s.ByYear);
        IReadOnlyList<int> Counts(StatusCounts c) => shown.Select(c.Of).ToList();
        int Total(StatusCounts c) => shown.Sum(c.Of);
        var labels = new StatusLabels(T("status_chart"), T("chart_summary"), T("list_separator"), T("sentence_end"),
            States.ToDictionary(st => st, StateName));
        var id = $"status-{index + 1}";
        var byYear = s.ByYear.Select(y => new StatusCountRowView(y.Year.ToString(CultureInfo.InvariantCulture), null, 0, Counts(y.Counts), Total(y.Counts))).ToList();
        var byRegion = s.ByRegion.Select(r => new StatusCountRowView(r.Region[^1], _urls.Href(SiteViews.StatusPath(r.RegionKey)), r.Depth, Counts(r.Counts), Total(r.Counts))).ToList();
        // Past the limit, the page keeps the agencies of its own region (no page below shows them) and counts the rest per region above.
        var agencies = s.Groups.Sum(g => g.Agencies.Count);
        var listed = delegates && agencies > MaxListedAgencies
            ? s.Groups.Where(g => regionKey is null ? g.Region.Count == 0 : g.RegionKey == regionKey).ToList()
            : s.Groups;
        var below = agencies - listed.Sum(g => g.Agencies.Count);
        var groups = listed.Select(g => new StatusGroupView(g.Region.Count == 0 ? T("no_region") : string.Join(" › ", g.Region),
            g.Agencies.Select(a => new StatusRowView(a.Agency, _agencyHrefs[a.Agency], a.Cells.Select(Cell).ToList())).ToList())).ToList();
        return new StatusSeriesView(s.Series, id, Deadline(s.Series), s.Years, s.Years.Count + 1, new Markup(StatusChart.Svg(s.ByYear, labels, id + "-chart")),
            shown.Select(StateName).ToList(), byYear, byRegion, new StatusCountRowView(T("total"), null, 0, Counts(s.Total), Total(s.Total)), groups, below);
    }

    private StatusCellView Cell(StatusCell cell)
    {
        var state = cell.State switch
        {
            PublicationState.OnTime => "on_time",
            PublicationState.Late => "late",
            PublicationState.Undated => "undated",
            PublicationState.Published => "published",
            PublicationState.Missing => "missing",
            _ => "not_due",
        };
        var detail = cell.State == PublicationState.Late ? T("published_late", Date(cell.Report!.Published)!, cell.DaysLate)
            : cell.Report?.Published is { } p ? Date(p) : null;
        return new StatusCellView(state, StateName(cell.State), cell.Report is null ? null : _urls.Href(cell.Report.Path), detail);
    }

    /// <summary>The deadline of a series in words: one date, or one per kind of body when they differ; "none" when it has none.</summary>
    private string Deadline(string series)
    {
        var dates = new (string Kind, AgencyKind Of)[] { ("kind_government", AgencyKind.Government), ("kind_department", AgencyKind.Department), ("kind_township", AgencyKind.Township) }
            .Select(k => (k.Kind, Date: views.Deadlines.Deadline(series, k.Of))).ToList();
        if (dates.All(d => d.Date is null)) return T("deadline_none");
        string Words(MonthDay? d) => d is { } x ? T("deadline_date", x.Month, x.Day) : T("deadline_none");
        if (dates.Select(d => d.Date).Distinct().Count() == 1) return Words(dates[0].Date);
        return string.Join(T("list_separator"), dates.Select(d => T(d.Kind) + T("label_separator") + Words(d.Date)));
    }

    public ComparePageView Compare(ViewPage page)
    {
        var view = SideBySide.Build(page.Compare!, views.BriefOf);
        var items = view.Items.Select(i => new CompareItemView(i.Item.Name, $"item-{i.Item.Number}", i.Present.Count,
            i.Present.Select(e =>
            {
                var brief = e.Text.Brief;
                return new CompareEntryView(e.Report.Agency, _urls.Href(e.Report.Path), e.Text.Headings,
                    brief.Excerpt, brief.Outline, brief.OutlineCount - brief.Outline.Count);
            }).ToList(),
            i.Lacking.Select(Item).ToList())).ToList();
        return new ComparePageView(string.Join(" › ", page.Compare!.Region), page.Compare.Year, page.Compare.Series, page.Compare.Reports.Select(Item).ToList(), page.Compare.Reports.Count, items);
    }

    public ChangesPageView Changes(ViewPage page)
    {
        var (current, previous) = (page.Report!, page.Previous!);
        var changes = views.Listed(current);
        var items = changes.Items.Select(i => new ChangesItemView(i.Item.Name, $"item-{i.Item.Number}", ItemSummary(i.InPrevious, i.InCurrent, i.Counts),
            ItemNote(i.InPrevious, i.InCurrent),
            Group(i.Listed!, SentenceChangeKind.Changed, i.Counts.Changed, "changes_changed", current),
            Group(i.Listed!, SentenceChangeKind.Added, i.Counts.Added, "changes_added", current),
            Group(i.Listed!, SentenceChangeKind.Dropped, i.Counts.Dropped, "changes_dropped", previous))).ToList();
        return new ChangesPageView(Item(current), Item(previous), Counts(changes.Total), changes.Approximate, items);
    }

    /// <summary>The listed sentences of one kind, of <paramref name="count"/> in all (the rest linked in <paramref name="holder"/>); null when there are none.</summary>
    private SentenceGroupView? Group(IReadOnlyList<SentenceChange> listed, SentenceChangeKind kind, int count, string heading, Report holder)
    {
        if (count == 0) return null;
        var shown = listed.Where(s => s.Kind == kind).Select(Sentence).ToList();
        var more = count > shown.Count ? new LinkView(T("changes_more", count - shown.Count, holder.Year), _urls.Href(holder.Path)) : null;
        return new SentenceGroupView(T(heading, count), shown, more);
    }

    /// <summary>A sentence as listed. A change of figures alone is shown once, as this year's sentence with each changed figure
    /// beside last year's (half the bytes of both sentences); a reworded one as both sentences.</summary>
    private SentenceView Sentence(SentenceChange s)
    {
        if (s.Kind == SentenceChangeKind.Changed && !s.Reworded)
        {
            var was = s.BeforePieces.Where(p => p.Changed).Select(p => p.Text).ToList();
            var now = s.AfterPieces.Where(p => p.Changed).ToList();
            if (was.Count == now.Count)
            {
                var k = 0;
                return new SentenceView(null, [], s.AfterPieces.Select(p => new PieceView(p.Text, p.Changed, p.Changed ? was[k++] : null)).ToList());
            }
        }
        // Only a changed sentence has marked pieces: an added or dropped one is its text whole.
        return new(s.Reworded ? T("sentence_reworded") : null, s.BeforePieces.Select(p => new PieceView(p.Text, p.Changed, null)).ToList(),
            s.AfterPieces.Select(p => new PieceView(p.Text, p.Changed, null)).ToList(), s.Kind == SentenceChangeKind.Changed ? null : s.Before ?? s.After);
    }
}
