using SiteGen.Model;
using SiteGen.Reports;

namespace SiteGen.Views;

/// <summary>Finds, for every report, the same agency's report of the previous year in the same series, and compares each such pair.</summary>
public static class ChangeIndex
{
    /// <summary>The previous year's report of each report that has one, keyed by the current report's path.</summary>
    public static IReadOnlyDictionary<string, Report> Previous(IReadOnlyList<Report> reports)
    {
        var byYear = reports.ToDictionary(r => (r.Agency, r.Series, r.Year));
        var previous = new Dictionary<string, Report>(StringComparer.Ordinal);
        foreach (var report in reports)
            if (byYear.TryGetValue((report.Agency, report.Series, report.Year - 1), out var before)) previous[report.Path] = before;
        return previous;
    }

    /// <summary>Every report's comparison with its previous year, as counts, keyed by the current report's path; the sentences its
    /// changes page lists go to <paramref name="listed"/>, and each body read is also summed up for its compare page, in
    /// <paramref name="briefs"/>. A pair whose counts <paramref name="cache"/> knows is not read again
    /// (its changes page, when it must be rendered anyway, compares it then); of the others, each agency's reports are read once,
    /// in year order, and agencies are compared in parallel.</summary>
    public static IReadOnlyDictionary<string, ChangeSummary> Summaries(IReadOnlyList<Report> reports, ListedSentences listed, CompareBriefs briefs,
        Func<Report, SectionedBody>? read = null, ChangeCountsCache? cache = null)
    {
        read ??= ReportBodies.Read;
        cache ??= ChangeCountsCache.Empty();
        var chains = reports.GroupBy(r => (r.Agency, r.Series)).Select(g => g.OrderBy(r => r.Year).ToList()).Where(c => c.Count > 1).ToList();
        var results = new ChangeSummary[chains.Count][];
        Parallel.For(0, chains.Count, c =>
        {
            var chain = chains[c];
            var found = new List<ChangeSummary>();
            (Report Report, SectionedBody Body, ReportSentences Sentences)? last = null;
            for (var i = 1; i < chain.Count; i++)
            {
                var (previous, report) = (chain[i - 1], chain[i]);
                if (previous.Year != report.Year - 1) continue;
                var key = ChangeCountsCache.Key(previous, report);
                if (cache.TryGet(key, out var known))
                {
                    found.Add(known.ToSummary(previous, report));
                    continue;
                }
                var before = last is { } l && l.Report == previous ? l : Read(previous);
                var after = Read(report);
                var summary = ChangeComparer.Compare(previous, before.Body, before.Sentences, report, after.Body, after.Sentences);
                cache.Record(key, ChangeCountsEntry.Of(summary));
                found.Add(listed.Keep(summary));
                last = after;
            }
            results[c] = found.ToArray();
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
