using System.Globalization;
using SiteGen.Build;
using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Cli;

/// <summary>Runs `sitegen build`: calls the engine, prints diagnostics and a summary, and turns the outcome into an exit code.</summary>
public static class BuildHandler
{
    public static int Run(BuildOptions options)
    {
        // This process runs one build and exits: one that reuses the previous build's work runs without collections.
        if (!options.Clean && File.Exists(BuildState.PathFor(options.ResolvedOutputDir))) CollectionPause.HoldOffForThisProcess();
        BuildResult result;
        StageTimings? timings = null;
        try
        {
            result = ConsoleReporter.WithProgress(progress =>
                SiteBuilder.Run(options, StageTimings.Enabled ? timings = new StageTimings(progress) : progress));
        }
        catch (SiteGenException ex)
        {
            ConsoleReporter.Error(ex);
            return ExitCodes.Failed;
        }

        timings?.Report(Console.Error);
        ConsoleReporter.Diagnostics(result.Diagnostics);
        if (!result.Succeeded)
        {
            var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
            Console.Error.WriteLine($"build failed: {errors} error(s); the previous output was left untouched");
            return ExitCodes.Failed;
        }

        var rows = Enum.GetValues<PageKind>().Where(result.PagesByKind.ContainsKey)
            .Select(k => (IReadOnlyList<string>)[k.ToString().ToLowerInvariant(), result.PagesByKind[k].ToString(CultureInfo.InvariantCulture)]);
        ConsoleReporter.Table(["pages", "count"], rows);
        if (result.Search is { } search)
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"search index: {search.Documents} reports ({search.Reindexed} indexed, {search.Documents - search.Reindexed} carried over), {search.Terms} terms, {search.Files} files, {search.Bytes / 1024.0 / 1024.0:F1} MiB; tokenizing {search.Indexing.TotalSeconds:F2} s (summed over threads), writing {search.Writing.TotalSeconds:F2} s"));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"built {result.PagesByKind.Values.Sum()} pages ({result.PagesRendered} rendered, {result.PagesReused} unchanged), {result.FilesWritten} files, {result.BytesWritten / 1024.0 / 1024.0:F1} MiB in {result.Elapsed.TotalSeconds:F2} s → {result.OutputDir}"));
        return ExitCodes.Ok;
    }
}
