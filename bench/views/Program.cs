using System.Diagnostics;
using System.Globalization;
using SiteGen.Build;
using SiteGen.Diagnostics;
using SiteGen.Downloads;
using SiteGen.Load;
using SiteGen.Model;
using SiteGen.Reports;
using SiteGen.Views;

// Times each computation of the views of issue 15 on a site folder and prints CPU seconds, wall seconds and the bytes each would
// add to the output. Pages are not rendered yet, so for the compare and changes pages the bytes are those of the text they show
// (their HTML adds markup); status, chart, catalogue and downloads are the files themselves.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Views.Bench SITE_DIR");
    return 2;
}
var diagnostics = new DiagnosticBag();
var loaded = SiteModelLoader.Load(args[0], null, false, diagnostics);
if (diagnostics.HasErrors)
{
    foreach (var d in diagnostics.Sorted()) Console.Error.WriteLine(d);
    return 1;
}
var site = loaded.Site;
var process = Process.GetCurrentProcess();
var rows = new List<string[]>();

long Measure(string name, Func<long> work)
{
    GC.Collect();
    process.Refresh();
    var cpu = process.TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    var bytes = work();
    wall.Stop();
    process.Refresh();
    var used = process.TotalProcessorTime - cpu;
    rows.Add([name, used.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture), wall.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture),
        (bytes / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture)]);
    return bytes;
}

var deadlines = PublicationDeadlines.For(site.Config);
Measure("status: tables, every region, charts", () =>
{
    var view = PublicationStatus.Compute(site.Reports, deadlines);
    long bytes = 0;
    foreach (var region in site.Regions.Terms.Select(t => t.Key).Prepend(null))
    {
        var within = region is null ? view : view.Within(region);
        foreach (var series in within.Series)
        {
            bytes += StatusChart.Svg(series.ByYear, StatusLabels.Chinese, "chart").Length * 3L + StatusChart.Table(series.ByYear, StatusLabels.Chinese).Length * 3L;
            // The table: about 40 bytes of markup and text per cell, 60 per agency name.
            bytes += series.Groups.Sum(g => g.Agencies.Count * (60 + series.Years.Count * 40L));
        }
    }
    return bytes;
});

IReadOnlyDictionary<string, ChangeSummary>? summaries = null;
Measure("changes: every comparison (counts)", () =>
{
    summaries = ChangeIndex.Summaries(site.Reports);
    return 0;
});

Measure("changes: full comparisons (text shown)", () =>
{
    var previous = ChangeIndex.Previous(site.Reports);
    long bytes = 0;
    var approximate = 0;
    Parallel.ForEach(site.Reports.Where(r => previous.ContainsKey(r.Path)), report =>
    {
        var before = previous[report.Path];
        var changes = ChangeComparer.Compare(before, ReportBodies.Read(before), report, ReportBodies.Read(report));
        long shown = changes.Items.SelectMany(i => i.Sentences).Where(s => s.Kind != SentenceChangeKind.Unchanged)
            .Sum(s => (long)((s.Before?.Length ?? 0) + (s.After?.Length ?? 0)) * 3);
        Interlocked.Add(ref bytes, shown);
        if (changes.Approximate) Interlocked.Increment(ref approximate);
    });
    Console.Error.WriteLine($"changes: {previous.Count} reports with a previous year, {approximate} approximated");
    return bytes;
});

foreach (var withSubregions in new[] { false, true })
    Measure(withSubregions ? "compare: pages with subregions (text shown)" : "compare: pages of each region's own bodies (text shown)", () =>
    {
        var pages = SideBySide.Pages(site.Reports, site.Config.DefaultType, withSubregions);
        long bytes = 0;
        Parallel.ForEach(pages, page =>
        {
            var view = SideBySide.Build(page);
            Interlocked.Add(ref bytes, view.Items.Sum(i => i.Present.Sum(e => e.Sections.Sum(s => (long)System.Text.Encoding.UTF8.GetByteCount(s.Markdown)))));
        });
        Console.Error.WriteLine($"compare ({(withSubregions ? "with subregions" : "own bodies")}): {pages.Count} pages, largest {pages.Max(p => p.Reports.Count)} reports");
        return bytes;
    });

Measure("catalogue.csv + catalogue.json", () => Catalogue.Files(site).Sum(f => (long)f.Bytes.Length));

long textBytes = 0;
Measure("downloads: .txt + .md of every report", () =>
{
    long bytes = 0;
    Parallel.ForEach(site.Reports, report =>
    {
        var body = ContentLoader.ReadBody(report.Source);
        foreach (var (path, data) in ReportDownloads.For(site, report, body))
        {
            Interlocked.Add(ref bytes, data.Length);
            if (path.EndsWith(".txt", StringComparison.Ordinal)) Interlocked.Add(ref textBytes, data.Length);
        }
    });
    return bytes;
});
Console.Error.WriteLine($"downloads: .txt {textBytes / 1024.0 / 1024.0:F1} MiB of them");

Console.WriteLine($"{site.Reports.Count} reports, {site.Agencies.Terms.Count} agencies, {site.Regions.Terms.Count} regions, {summaries!.Count} compared with the previous year");
Console.WriteLine("| computation | CPU s | wall s | output MiB |");
Console.WriteLine("|---|---:|---:|---:|");
foreach (var r in rows) Console.WriteLine($"| {r[0]} | {r[1]} | {r[2]} | {r[3]} |");
return 0;
