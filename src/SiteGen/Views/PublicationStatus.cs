using SiteGen.Model;
using SiteGen.Reports;

namespace SiteGen.Views;

/// <summary>Where an agency stands for one year of a series.</summary>
public enum PublicationState
{
    /// <summary>Published by the deadline.</summary>
    OnTime,

    /// <summary>Published after the deadline.</summary>
    Late,

    /// <summary>Published, but the source gives no publication date.</summary>
    Undated,

    /// <summary>Published with a date, in a series without a known deadline.</summary>
    Published,

    /// <summary>The agency has reports of other years in the series, but none of this one.</summary>
    Missing,

    /// <summary>No report yet, and the deadline had not passed by the archive's newest publication date (<see cref="StatusView.AsOf"/>).</summary>
    NotDue,
}

/// <summary>One cell of the table: an agency's state for one year, its report when it has one, and the deadline that applied.</summary>
public sealed record StatusCell(int Year, PublicationState State, Report? Report, DateOnly? Deadline)
{
    /// <summary>Days after the deadline a late report was published; 0 otherwise.</summary>
    public int DaysLate => State == PublicationState.Late ? Report!.Published!.Value.DayNumber - Deadline!.Value.DayNumber : 0;
}

/// <summary>One row: an agency, the kind of body it is, its region (of its newest report), and one cell per year column.</summary>
public sealed record AgencyStatus(string Agency, AgencyKind Kind, IReadOnlyList<string> Region, IReadOnlyList<StatusCell> Cells);

/// <summary>The agencies whose region is exactly <see cref="Region"/> (key: the regions taxonomy's <c>省/市/县</c>; "" for agencies with no region).</summary>
public sealed record RegionGroup(string RegionKey, IReadOnlyList<string> Region, IReadOnlyList<AgencyStatus> Agencies);

/// <summary>How many cells are in each state.</summary>
public sealed record StatusCounts(int OnTime, int Late, int Undated, int Published, int Missing, int NotDue)
{
    public static readonly StatusCounts None = new(0, 0, 0, 0, 0, 0);

    /// <summary>Reports published, on time or not.</summary>
    public int Reports => OnTime + Late + Undated + Published;

    public StatusCounts With(PublicationState state) => state switch
    {
        PublicationState.OnTime => this with { OnTime = OnTime + 1 },
        PublicationState.Late => this with { Late = Late + 1 },
        PublicationState.Undated => this with { Undated = Undated + 1 },
        PublicationState.Published => this with { Published = Published + 1 },
        PublicationState.Missing => this with { Missing = Missing + 1 },
        _ => this with { NotDue = NotDue + 1 },
    };

    public StatusCounts Plus(StatusCounts o) =>
        new(OnTime + o.OnTime, Late + o.Late, Undated + o.Undated, Published + o.Published, Missing + o.Missing, NotDue + o.NotDue);

    public int Of(PublicationState state) => state switch
    {
        PublicationState.OnTime => OnTime,
        PublicationState.Late => Late,
        PublicationState.Undated => Undated,
        PublicationState.Published => Published,
        PublicationState.Missing => Missing,
        _ => NotDue,
    };
}

/// <summary>The counts of one year column.</summary>
public sealed record YearCounts(int Year, StatusCounts Counts);

/// <summary>The counts of a region and every region below it (<see cref="Depth"/> 1 for a province), over all years.</summary>
public sealed record RegionCounts(string RegionKey, IReadOnlyList<string> Region, int Depth, StatusCounts Counts);

/// <summary>The publication status table of one series: year columns, agency rows grouped by region, and the counts above it.</summary>
public sealed record SeriesStatus(
    string Series,
    IReadOnlyList<int> Years,
    IReadOnlyList<RegionGroup> Groups,
    IReadOnlyList<YearCounts> ByYear,
    IReadOnlyList<RegionCounts> ByRegion,
    StatusCounts Total)
{
    /// <summary>The same table for one region and the regions below it (the <c>/status/&lt;region&gt;/</c> page), with its own counts and the site's year columns.</summary>
    public SeriesStatus Within(string regionKey) =>
        PublicationStatus.Summarise(Series, Years, Groups.Where(g => PublicationStatus.IsWithin(g.RegionKey, regionKey)).ToList());
}

/// <summary>The publication status of the archive, one table per series (most sites have one).</summary>
/// <param name="AsOf">The newest publication date in the archive: a deadline after it has not passed as far as the archive knows,
/// so a missing report of that year is <see cref="PublicationState.NotDue"/>. Taken from the content, not the clock, so a build is reproducible.</param>
public sealed record StatusView(DateOnly? AsOf, IReadOnlyList<SeriesStatus> Series)
{
    /// <summary>The tables of one region and the regions below it; series without an agency there are left out.</summary>
    public StatusView Within(string regionKey) =>
        this with { Series = Series.Select(s => s.Within(regionKey)).Where(s => s.Groups.Count > 0).ToList() };
}

/// <summary>Computes who published what and when: per series, agency × year, from the reports and the deadlines alone.</summary>
public static class PublicationStatus
{
    public static StatusView Compute(IReadOnlyList<Report> reports, PublicationDeadlines deadlines)
    {
        var asOf = reports.Select(r => r.Published).Where(p => p is not null).Max();
        var tables = new List<SeriesStatus>();
        foreach (var series in reports.GroupBy(r => r.Series).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var years = Enumerable.Range(series.Min(r => r.Year), series.Max(r => r.Year) - series.Min(r => r.Year) + 1).ToList();
            var rows = new List<AgencyStatus>();
            foreach (var agency in series.GroupBy(r => r.Agency))
            {
                var byYear = agency.ToDictionary(r => r.Year);
                var cells = years.Select(y => Cell(y, byYear.GetValueOrDefault(y), deadlines.Deadline(series.Key, agency.Key, y), asOf)).ToList();
                var region = agency.MaxBy(r => r.Year)!.Region;
                rows.Add(new AgencyStatus(agency.Key, PublicationDeadlines.KindOf(agency.Key), region, cells));
            }
            var groups = rows.GroupBy(r => Key(r.Region))
                .OrderBy(g => g.Key.Length == 0 ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new RegionGroup(g.Key, g.First().Region, g.OrderBy(r => r.Agency, StringComparer.Ordinal).ToList()))
                .ToList();
            tables.Add(Summarise(series.Key, years, groups));
        }
        return new StatusView(asOf, tables);
    }

    private static StatusCell Cell(int year, Report? report, DateOnly? deadline, DateOnly? asOf)
    {
        if (report is null)
            return new StatusCell(year, deadline is { } d && asOf is { } now && d > now ? PublicationState.NotDue : PublicationState.Missing, null, deadline);
        var state = report.Published is not { } published ? PublicationState.Undated
            : deadline is null ? PublicationState.Published
            : published > deadline ? PublicationState.Late
            : PublicationState.OnTime;
        return new StatusCell(year, state, report, deadline);
    }

    /// <summary>The table with its counts per year and per region (every level, in the regions taxonomy's order).</summary>
    internal static SeriesStatus Summarise(string series, IReadOnlyList<int> years, IReadOnlyList<RegionGroup> groups)
    {
        var byYear = new StatusCounts[years.Count];
        Array.Fill(byYear, StatusCounts.None);
        var byRegion = new SortedDictionary<string, RegionCounts>(StringComparer.Ordinal);
        var total = StatusCounts.None;
        foreach (var group in groups)
        {
            var counts = StatusCounts.None;
            foreach (var row in group.Agencies)
                for (var y = 0; y < years.Count; y++)
                {
                    byYear[y] = byYear[y].With(row.Cells[y].State);
                    counts = counts.With(row.Cells[y].State);
                }
            total = total.Plus(counts);
            for (var depth = 1; depth <= group.Region.Count; depth++)
            {
                var key = Key(group.Region.Take(depth).ToList());
                var known = byRegion.GetValueOrDefault(key)?.Counts ?? StatusCounts.None;
                byRegion[key] = new RegionCounts(key, group.Region.Take(depth).ToList(), depth, known.Plus(counts));
            }
        }
        return new SeriesStatus(series, years, groups, years.Select((year, i) => new YearCounts(year, byYear[i])).ToList(), byRegion.Values.ToList(), total);
    }

    /// <summary>The regions taxonomy's key of a region: its levels joined by '/'.</summary>
    public static string Key(IReadOnlyList<string> region) => string.Join('/', region);

    internal static bool IsWithin(string key, string ancestor) =>
        key == ancestor || key.StartsWith(ancestor + "/", StringComparison.Ordinal);
}
