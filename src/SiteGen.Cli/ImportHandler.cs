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

        // --strict turns drafts into failures (see ImportRunner), so a failure is all that decides the exit code.
        var failed = outcomes.Count(o => o.Status == ImportStatus.Failed);
        return failed > 0 || outcomes.Count == 0 ? ExitCodes.Failed : ExitCodes.Ok;
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
            o.Output is null ? "—" : Path.GetRelativePath(cwd, o.Output) + (o.Original is null ? "" : " + .pdf") + (options.DryRun && o.Status != ImportStatus.Failed ? " (dry run)" : ""),
            o.Report?.Title ?? "?",
            o.Report?.Agency ?? "?",
            o.Report?.Year?.ToString(CultureInfo.InvariantCulture) ?? "?",
            o.Report is { Region.Count: > 0 } r ? string.Join(" › ", r.Region) : "?",
            o.Report?.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—",
            o.Status switch
            {
                ImportStatus.Failed => "failed",
                ImportStatus.Draft => "draft: no " + string.Join(", ", o.Report!.MissingFields),
                _ => o.Report!.Warnings.Count == 0 ? "ok" : $"{o.Report.Warnings.Count} warning(s)",
            },
        ]));
        foreach (var o in outcomes)
        {
            var display = Path.GetRelativePath(cwd, o.Input);
            if (o.Error is not null) Console.Error.WriteLine($"{display}: error: {o.Error}\n  hint: {o.Hint}");
            if (o.Status == ImportStatus.Draft)
                Console.Error.WriteLine($"{display}: warning: {string.Join(", ", o.Report!.MissingFields)} not found; {(options.DryRun ? "it would be written" : "written")} as a draft (`draft: true`) to {Path.GetRelativePath(cwd, o.Output!)}"
                    + "\n  hint: fill in the missing fields from the original and remove `draft: true`; `sitegen check` lists the drafts still incomplete");
            foreach (var w in o.Report?.Warnings ?? []) Console.Error.WriteLine($"{display}: warning: {w}");
        }
        var count = (ImportStatus s) => outcomes.Count(o => o.Status == s);
        Console.Out.WriteLine(options.DryRun
            ? $"dry run: {count(ImportStatus.Converted)} converted, {count(ImportStatus.Draft)} as drafts with missing fields, {count(ImportStatus.Failed)} failed; nothing was written"
            : $"imported {count(ImportStatus.Written)}, {count(ImportStatus.Draft)} as drafts with missing fields, {count(ImportStatus.Failed)} failed");
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
            ["type"] = o.Report?.Type,
            ["missing"] = o.Report?.MissingFields ?? [],
            ["encoding"] = o.Report?.Encoding,
            ["top_headings"] = o.Report?.TopHeadings,
            ["warnings"] = o.Report?.Warnings ?? [],
            ["error"] = o.Error,
            ["hint"] = o.Hint,
        });
        return JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
