using SiteGen.Build;
using SiteGen.Diagnostics;
using SiteGen.Load;
using SiteGen.Model;

namespace SiteGen.Import;

/// <summary>Runs a batch import: finds the input files, converts each one (a failure stays with its file), checks the result with the site's own front matter validation and writes it without overwriting;
/// a report missing title, agency or year is written as a draft (refused with --strict).</summary>
public static class ImportRunner
{
    /// <summary>File name endings the importer reads.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".txt", ".text", ".html", ".htm", ".docx", ".pdf"];

    public static IReadOnlyList<ImportOutcome> Run(ImportOptions options, IBuildProgress? progress = null)
    {
        var (files, missing) = FindInputs(options.Inputs);
        var outcomes = missing.Select(m => new ImportOutcome(m, ImportStatus.Failed, null, null, "no such file or folder", "check the path")).ToList();
        progress?.Stage("import", files.Count);
        var root = Path.GetFullPath(options.OutDir ?? Path.Combine(options.SiteDir, ContentLoader.ContentFolder, "reports"));
        var claimed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            outcomes.Add(ImportOne(file, root, options, claimed));
            progress?.Advance();
        }
        return outcomes;
    }

    /// <summary>Expands folders (recursively, in path order, hidden entries skipped) into the files the importer reads; explicit files are kept whatever their ending.</summary>
    public static (List<string> Files, List<string> Missing) FindInputs(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        var missing = new List<string>();
        foreach (var input in inputs)
        {
            if (File.Exists(input)) files.Add(input);
            else if (Directory.Exists(input))
                files.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => !Path.GetRelativePath(input, f).Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.')))
                    .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Order(StringComparer.Ordinal));
            else missing.Add(input);
        }
        return (files, missing);
    }

    /// <summary>Reads and converts one file; throws <see cref="ImportException"/> when it cannot be read.</summary>
    public static ImportedReport Convert(string path)
    {
        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > TextFileReader.MaxFileBytes)
                throw new ImportException($"the file is larger than {TextFileReader.MaxFileBytes / (1024 * 1024)} MiB", "import the report itself, not an archive or a scan");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ImportException($"cannot read the file: {ex.Message}", "check that it exists and that you may read it");
        }
        IReadOnlyList<string> warnings = [];
        var document = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".html" or ".htm" => HtmlReportReader.Read(bytes),
            ".docx" => DocxReportReader.Read(bytes),
            ".pdf" => PdfReportReader.Read(bytes, out warnings),
            ".txt" or ".text" or "" => PlainTextReader.Read(bytes),
            var other => throw new ImportException($"`{other}` files are not supported",
                "save the report as .txt (UTF-8 or GB18030), .html, .docx or .pdf; .doc files must be saved as .docx first"),
        };
        var report = ReportConverter.Convert(document);
        return warnings.Count == 0 ? report : report with { Warnings = [.. warnings, .. report.Warnings] };
    }

    private static ImportOutcome ImportOne(string file, string root, ImportOptions options, Dictionary<string, string> claimed)
    {
        ImportedReport report;
        try
        {
            report = Convert(file);
        }
        catch (ImportException ex)
        {
            return new ImportOutcome(file, ImportStatus.Failed, null, null, ex.Message, ex.Hint);
        }
        var missing = report.MissingFields;
        if (missing.Count > 0 && options.Strict)
            return new ImportOutcome(file, ImportStatus.Failed, null, report,
                $"required field(s) not found: {string.Join(", ", missing)}; --strict refuses drafts, nothing was written",
                "complete the source (a title line with agency and year), or import without --strict and finish the draft by hand");

        var output = OutputPath(root, file, report);
        var markdown = MarkdownReportWriter.Render(report);
        string? original = null;
        if (options.KeepOriginal && Path.GetExtension(file).Equals(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            // Kept beside the report under the same name, linked as 附件 at the end: the form attachments are published in.
            original = Path.ChangeExtension(output, ".pdf");
            markdown += $"\n[附件：报告原文（PDF）]({Path.GetFileName(original)})\n";
        }
        else if (options.KeepOriginal)
            report = report with { Warnings = [.. report.Warnings, "original: --keep-original keeps PDF originals only; this file is converted without it"] };
        var diagnostics = new DiagnosticBag();
        var (frontMatter, _) = FrontMatterParser.Parse(markdown, output, diagnostics);
        if (frontMatter is null)
            return new ImportOutcome(file, ImportStatus.Failed, output, report,
                "the converted report does not pass the site's validation: " + string.Join("; ", diagnostics.Sorted().Select(d => d.Message)),
                "report this input file as an importer bug");

        if (claimed.TryGetValue(output, out var other))
            return new ImportOutcome(file, ImportStatus.Failed, output, report, $"same agency, year and series as {other}",
                "an agency publishes one report per year and series: import only one of the two files, or correct the title");
        claimed[output] = file;
        if (File.Exists(output) && !options.Force)
            return new ImportOutcome(file, ImportStatus.Failed, output, report, "the output file already exists", "pass --force to replace it");
        if (original is not null && File.Exists(original) && !options.Force)
            return new ImportOutcome(file, ImportStatus.Failed, output, report, $"the original's copy {original} already exists", "pass --force to replace it");
        var draft = missing.Count > 0;
        if (options.DryRun) return new ImportOutcome(file, draft ? ImportStatus.Draft : ImportStatus.Converted, output, report, Original: original);

        try
        {
            // The original first: a report never links a copy that is not there.
            var files = new List<(string, Action<string>)>();
            if (original is not null) files.Add((original, temp => File.Copy(file, temp)));
            files.Add((output, temp => File.WriteAllText(temp, markdown, new System.Text.UTF8Encoding(false))));
            Write(files, options.Force);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ImportOutcome(file, ImportStatus.Failed, output, report, $"cannot write the report: {ex.Message}", "check that the folder is writable");
        }
        return new ImportOutcome(file, draft ? ImportStatus.Draft : ImportStatus.Written, output, report, Original: original);
    }

    /// <summary><c>ROOT/&lt;year&gt;/&lt;segment&gt;.md</c> named like the report's URL (agency and, for another series, the series); a draft without a year goes to <c>ROOT/drafts/</c>, one without an agency is named after its input file.</summary>
    private static string OutputPath(string root, string file, ImportedReport report)
    {
        var folder = report.Year is { } year ? year.ToString(System.Globalization.CultureInfo.InvariantCulture) : "drafts";
        var identity = report.Agency is null ? "draft\u001f" + Path.GetFullPath(file)
            : report.Type == ReportSeries.RuleOfLaw ? report.Agency : report.Agency + "\u001f" + report.Type;
        return Path.Combine(root, folder, SiteUrls.Segment(identity) + ".md");
    }

    /// <summary>Writes each file to a temporary file in its folder, then renames them in order, so a report is never half-written; a
    /// file placed before a later rename failed is removed again unless it replaced one.</summary>
    private static void Write(IReadOnlyList<(string Path, Action<string> Fill)> files, bool overwrite)
    {
        var temps = new List<string>();
        var placed = new List<string>();
        try
        {
            foreach (var (path, fill) in files)
            {
                var dir = Path.GetDirectoryName(path)!;
                Directory.CreateDirectory(dir);
                var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
                temps.Add(temp);
                fill(temp);
            }
            for (var i = 0; i < files.Count; i++)
            {
                var existed = File.Exists(files[i].Path);
                File.Move(temps[i], files[i].Path, overwrite);
                if (!existed) placed.Add(files[i].Path);
            }
        }
        catch
        {
            foreach (var path in placed) File.Delete(path);
            throw;
        }
        finally
        {
            foreach (var temp in temps.Where(File.Exists)) File.Delete(temp);
        }
    }
}
