using SiteGen.Build;
using SiteGen.Diagnostics;
using SiteGen.Downloads;

namespace SiteGen.Cli;

/// <summary>Runs `sitegen export`: loads and models the site as a build does (no rendering) and writes one search-engine document per report to a file or standard output.</summary>
public static class ExportHandler
{
    public static int Run(string siteDir, ExportFormat format, string? output, string? baseUrl, bool includeDrafts)
    {
        try
        {
            var diagnostics = new DiagnosticBag();
            var site = SiteModelLoader.Load(siteDir, baseUrl, includeDrafts, diagnostics).Site;
            ConsoleReporter.Diagnostics(diagnostics.Sorted());
            if (diagnostics.HasErrors)
            {
                var errors = diagnostics.Sorted().Count(d => d.Severity == Severity.Error);
                Console.Error.WriteLine($"export failed: {errors} error(s); nothing was written");
                return ExitCodes.Failed;
            }
            int count;
            if (output is null or "-")
            {
                using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
                count = ReportExport.Write(site, format, stdout, ReportExport.ReadBody);
            }
            else
            {
                count = ReportExport.WriteFile(site, format, output);
            }
            Console.Error.WriteLine($"exported {count} reports ({Name(format)}) → {(output is null or "-" ? "standard output" : output)}");
            return ExitCodes.Ok;
        }
        catch (SiteGenException ex)
        {
            ConsoleReporter.Error(ex);
            return ExitCodes.Failed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"sitegen: error: cannot write the export: {ex.Message}");
            return ExitCodes.Failed;
        }
    }

    public static string Name(ExportFormat format) => format == ExportFormat.OpenSearchBulk ? "opensearch-bulk" : "ndjson";
}
