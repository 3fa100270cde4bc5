using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using SiteGen.Import;

namespace SiteGen.Cli;

/// <summary>Runs `sitegen import`: converts the inputs, prints one row per file (a table, or JSON with --format json), the errors and warnings, and turns the outcome into an exit code.</summary>
public static class ImportHandler
{
    /// <summary>Batches at least this large show a progress bar on a terminal.</summary>
    private const int ProgressThreshold = 20;

    public static int Run(ImportOptions options, string format)
    {
        if (format is not ("table" or "json"))
        {
            Console.Error.WriteLine($"sitegen: error: unknown --format `{format}`\n  hint: use `table` (default) or `json`");
            return ExitCodes.Failed;
        }
        var (files, _) = ImportRunner.FindInputs(options.Inputs);
        var outcomes = files.Count >= ProgressThreshold && format == "table"
            ? ConsoleReporter.WithProgress(progress => ImportRunner.Run(options, progress))
            : ImportRunner.Run(options);

        if (format == "json") Console.Out.WriteLine(Json(outcomes));
        else Report(outcomes, options);

        var failed = outcomes.Count(o => o.Status == ImportStatus.Failed);
        var incomplete = outcomes.Count(o => o.Status == ImportStatus.Incomplete);
        return failed > 0 || (options.Strict && incomplete > 0) || (outcomes.Count == 0) ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static void Report(IReadOnlyList<ImportOutcome> outcomes, ImportOptions options)
    {
        if (outcomes.Count == 0)
        {
            Console.Error.WriteLine("sitegen: error: no .txt, .html, .htm, .docx or .pdf file found in the inputs");
            return;
        }
        var cwd = Directory.GetCurrentDirectory();
        ConsoleReporter.Table(["input", "output", "title", "agency", "year", "region", "published", "notes"], outcomes.Select(o => (IReadOnlyList<string>)
        [
            Path.GetRelativePath(cwd, o.Input),
            o.Output is null ? "—" : Path.GetRelativePath(cwd, o.Output) + (o.Original is null ? "" : " + .pdf") + (o.Status == ImportStatus.Converted ? " (dry run)" : ""),
            o.Report?.Title ?? "?",
            o.Report?.Agency ?? "?",
            o.Report?.Year?.ToString(CultureInfo.InvariantCulture) ?? "?",
            o.Report is { Region.Count: > 0 } r ? string.Join(" › ", r.Region) : "?",
            o.Report?.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—",
            o.Status switch
            {
                ImportStatus.Failed or ImportStatus.Incomplete => o.Status.ToString().ToLowerInvariant(),
                _ => o.Report!.Warnings.Count == 0 ? "ok" : $"{o.Report.Warnings.Count} warning(s)",
            },
        ]));
        foreach (var o in outcomes)
        {
            var display = Path.GetRelativePath(cwd, o.Input);
            if (o.Error is not null) Console.Error.WriteLine($"{display}: {(o.Status == ImportStatus.Incomplete && !options.Strict ? "warning" : "error")}: {o.Error}\n  hint: {o.Hint}");
            foreach (var w in o.Report?.Warnings ?? []) Console.Error.WriteLine($"{display}: warning: {w}");
        }
        var count = (ImportStatus s) => outcomes.Count(o => o.Status == s);
        Console.Out.WriteLine(options.DryRun
            ? $"dry run: {count(ImportStatus.Converted)} converted, {count(ImportStatus.Incomplete)} incomplete, {count(ImportStatus.Failed)} failed; nothing was written"
            : $"imported {count(ImportStatus.Written)}, {count(ImportStatus.Incomplete)} incomplete, {count(ImportStatus.Failed)} failed");
    }

    private static string Json(IReadOnlyList<ImportOutcome> outcomes)
    {
        var rows = outcomes.Select(o => new Dictionary<string, object?>
        {
            ["input"] = o.Input,
            ["status"] = o.Status.ToString().ToLowerInvariant(),
            ["output"] = o.Output,
            ["original"] = o.Original,
            ["title"] = o.Report?.Title,
            ["agency"] = o.Report?.Agency,
            ["year"] = o.Report?.Year,
            ["region"] = o.Report?.Region,
            ["region_code"] = o.Report?.RegionCode,
            ["published"] = o.Report?.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["encoding"] = o.Report?.Encoding,
            ["top_headings"] = o.Report?.TopHeadings,
            ["warnings"] = o.Report?.Warnings ?? [],
            ["error"] = o.Error,
            ["hint"] = o.Hint,
        });
        return JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
