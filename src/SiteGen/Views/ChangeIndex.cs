using System.Globalization;
using SiteGen.Model;
using SiteGen.Reports;

namespace SiteGen.Views;

/// <summary>Finds, for every report, the same agency's report of the previous year in the same series, and compares each such pair
/// the build state does not hold the counts of.</summary>
public static class ChangeIndex
{
    /// <summary>The previous year's report of each report that has one, keyed by the current report's path.</summary>
    public static IReadOnlyDictionary<string, Report> Previous(IReadOnlyList<Report> reports)
    {
        // One string key per report rather than a tuple: a dictionary of a value-type key is compiled at run time, each build.
        static string Key(string agency, string series, int year) => string.Create(CultureInfo.InvariantCulture, $"{agency}\u001f{series}\u001f{year}");
        var byYear = reports.ToDictionary(r => Key(r.Agency, r.Series, r.Year), StringComparer.Ordinal);
        var previous = new Dictionary<string, Report>(StringComparer.Ordinal);
        foreach (var report in reports)
            if (byYear.TryGetValue(Key(report.Agency, report.Series, report.Year - 1), out var before)) previous[report.Path] = before;
        return previous;
    }

    /// <summary>Compares every pair of a report and its previous year (<paramref name="previous"/>) that <paramref name="cache"/> does
    /// not confirm, keyed by the current report's path; the counts of the confirmed pairs stay in the cache, to be made into
    /// summaries for the pages that show them. The sentences a changes page lists go to <paramref name="listed"/>, and each body read
    /// is also summed up for its compare page, in <paramref name="briefs"/>. Of the pairs compared, each agency's reports are read
    /// once, in year order, and agencies are compared in parallel.</summary>
    public static IReadOnlyDictionary<string, ChangeSummary> Compare(IReadOnlyList<Report> reports, IReadOnlyDictionary<string, Report> previous,
        ListedSentences listed, CompareBriefs briefs, ChangeCountsCache cache, Func<Report, SectionedBody>? read = null)
    {
        read ??= ReportBodies.Read;
        var pairs = new List<(Report Previous, Report Current)>();
        foreach (var report in reports)
            if (previous.TryGetValue(report.Path, out var before) && !cache.Confirm(before, report)) pairs.Add((before, report));
        var chains = pairs.GroupBy(p => (p.Current.Agency, p.Current.Series)).Select(g => g.OrderBy(p => p.Current.Year).ToList()).ToList();
        var results = new ChangeSummary[chains.Count][];
        Parallel.For(0, chains.Count, c =>
        {
            var chain = chains[c];
            var found = new ChangeSummary[chain.Count];
            (Report Report, SectionedBody Body, ReportSentences Sentences)? last = null;
            for (var i = 0; i < chain.Count; i++)
            {
                var (before, report) = chain[i];
                var earlier = last is { } l && l.Report == before ? l : Read(before);
                var after = Read(report);
                var summary = ChangeComparer.Compare(before, earlier.Body, earlier.Sentences, report, after.Body, after.Sentences);
                cache.Record(summary);
                found[i] = listed.Keep(summary);
                last = after;
            }
            results[c] = found;
        });
        return results.SelectMany(r => r).ToDictionary(s => s.Current.Path, StringComparer.Ordinal);

        (Report Report, SectionedBody Body, ReportSentences Sentences) Read(Report report)
        {
            var body = read(report);
            if (!briefs.Holds(report.Path)) briefs.Keep(report.Path, ReportBrief.Of(body));
            return (report, body, ReportSentences.Of(body));
        }
    }
}
