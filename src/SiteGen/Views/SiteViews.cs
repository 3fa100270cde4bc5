using SiteGen.Model;
using SiteGen.Reports;

namespace SiteGen.Views;

/// <summary>What kind of view page a <see cref="ViewPage"/> is.</summary>
public enum ViewPageKind
{
    Status,
    Compare,
    Changes,
}

/// <summary>One page of the views: publication status (of the archive, or of one region), sections side by side, or what changed.</summary>
/// <param name="RegionKey">Status: the region (null for the whole archive); compare: the page's region.</param>
public sealed record ViewPage(ViewPageKind Kind, string Path, string? RegionKey, ComparePage? Compare, Report? Report, Report? Previous);

/// <summary>The views of one build, computed once from the model before pages render: the status tables, which report has a
/// previous year (and its sentence counts), which regions and years have a compare page, and every view page. Disposing it
/// deletes the sentences kept for the changes pages and the briefs kept for the compare pages.</summary>
public sealed class SiteViews : IDisposable
{
    private readonly Dictionary<(string Region, int Year), ComparePage> _compare;
    private readonly IReadOnlyDictionary<string, Report> _previous;
    private readonly IReadOnlyDictionary<string, ChangeSummary> _compared;
    private readonly ChangeCountsCache _counts;
    private readonly ListedSentences _listed = new();
    private readonly CompareBriefs _briefs = new();
    private readonly Lazy<StatusView> _status;

    public PublicationDeadlines Deadlines { get; }

    /// <summary>The status tables, computed when a status page is first rendered: a rebuild whose status pages are all reused by
    /// their inputs' key (a body edit) needs none of them.</summary>
    public StatusView Status => _status.Value;

    public IReadOnlyList<ViewPage> Pages { get; }

    private SiteViews(Site site, Func<Report, SectionedBody>? read, ChangeCountsCache? cache)
    {
        Deadlines = PublicationDeadlines.For(site.Config);
        _status = new Lazy<StatusView>(() => PublicationStatus.Compute(site.Reports, Deadlines), LazyThreadSafetyMode.ExecutionAndPublication);
        // The compare pages' lists are read from the model alone, beside the comparisons of years (which in a rebuild mostly come
        // from the build state): the two need nothing of each other.
        var comparePages = Task.Run(() => site.Reports.Select(r => r.Series).Distinct().Order(StringComparer.Ordinal)
            .SelectMany(series => SideBySide.Pages(site.Reports, series)).ToList());
        _previous = ChangeIndex.Previous(site.Reports);
        _counts = cache ?? ChangeCountsCache.Empty();
        _compared = ChangeIndex.Compare(site.Reports, _previous, _listed, _briefs, _counts, read);
        var compare = comparePages.GetAwaiter().GetResult();
        // Most sites have one series; a second series' page of the same region and year is left to its own series only when the first has none.
        _compare = [];
        foreach (var page in compare) _compare.TryAdd((page.RegionKey, page.Year), page);

        var pages = new List<ViewPage> { new(ViewPageKind.Status, SiteUrls.Status, null, null, null, null) };
        pages.AddRange(site.Regions.Terms.Select(t => new ViewPage(ViewPageKind.Status, StatusPath(t.Key), t.Key, null, null, null)));
        pages.AddRange(_compare.Values.Select(p => new ViewPage(ViewPageKind.Compare, ComparePath(p.RegionKey, p.Year), p.RegionKey, p, null, null)));
        foreach (var report in site.Reports)
            if (_previous.TryGetValue(report.Path, out var before))
                pages.Add(new ViewPage(ViewPageKind.Changes, ChangesPath(report, site.Config.DefaultType), null, null, report, before));
        Pages = pages;
    }

    /// <summary>Computes the views; <paramref name="read"/> reads a report's body (by default from its file), and the counts of a
    /// comparison <paramref name="cache"/> holds are taken from it instead.</summary>
    public static SiteViews Compute(Site site, Func<Report, SectionedBody>? read = null, ChangeCountsCache? cache = null) => new(site, read, cache);

    public static string StatusPath(string? regionKey) => regionKey is null ? SiteUrls.Status : SiteUrls.StatusOf(SiteUrls.Segment(regionKey));

    public static string ComparePath(string regionKey, int year) => SiteUrls.Compare(SiteUrls.Segment(regionKey), year);

    public static string ChangesPath(Report report, string defaultSeries) =>
        SiteUrls.Changes(SiteUrls.Segment(SiteUrls.ReportIdentity(report.Agency, report.Series, defaultSeries)), report.Year);

    /// <summary>The same agency's report of the previous year in the same series, if the archive has it.</summary>
    public Report? PreviousOf(Report current) => _previous.GetValueOrDefault(current.Path);

    /// <summary>The comparison of <paramref name="current"/> with its previous year, as counts (null without a previous year): made in
    /// this build, or from the counts the build state holds. Thread-safe.</summary>
    public ChangeSummary? ChangeOf(Report current)
    {
        if (!_previous.TryGetValue(current.Path, out var before)) return null;
        return _compared.TryGetValue(current.Path, out var compared) ? compared
            : _counts.Counts(current)?.ToSummary(before, current)
              ?? throw new InvalidOperationException($"no comparison of {current.Path} with its previous year");
    }

    /// <summary>The compare page of a region and year, if it has one (at least two reports).</summary>
    public ComparePage? CompareOf(string regionKey, int year) => _compare.GetValueOrDefault((regionKey, year));

    /// <summary>The comparison of <paramref name="current"/> with its previous year, with the sentences its changes page lists: kept
    /// since it was compared in this build, or compared again when its counts came from the build state. Thread-safe.</summary>
    public ChangeSummary Listed(Report current)
    {
        var counts = ChangeOf(current) ?? throw new ArgumentException($"{current.Path} has no previous year", nameof(current));
        return _listed.Restore(current.Path, counts)
            ?? ChangeComparer.Compare(counts.Previous, ReportBodies.Read(counts.Previous), current, ReportBodies.Read(current));
    }

    /// <summary>What the compare pages show of a report: kept since the comparison of years read its body in this build, or made from
    /// its body now. Thread-safe.</summary>
    public ReportBrief BriefOf(Report report) => _briefs.Restore(report.Path) ?? ReportBrief.Of(ReportBodies.Read(report));

    /// <summary>The years that have a compare page for a region, newest first.</summary>
    public IReadOnlyList<int> CompareYears(string regionKey) =>
        _compare.Keys.Where(k => k.Region == regionKey).Select(k => k.Year).OrderDescending().ToList();

    public void Dispose()
    {
        _listed.Dispose();
        _briefs.Dispose();
    }
}
