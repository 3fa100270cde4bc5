using SiteGen.Build;
using SiteGen.Diagnostics;
using SiteGen.Load;
using SiteGen.Model;
using SiteGen.Reports;

namespace SiteGen.Check;

/// <summary>Runs `sitegen check`: the build's own loading and validation, the report rules, then a build into a temporary folder whose pages are checked.</summary>
public static class SiteChecker
{
    public static CheckResult Run(CheckOptions options)
    {
        // The same loader, validation and model as `sitegen build`: front matter errors, duplicates and URL collisions.
        var diagnostics = new DiagnosticBag();
        var (config, files, site) = SiteModelLoader.Load(options.SiteDir, options.BaseUrl, options.IncludeDrafts, diagnostics);

        var deadlines = PublicationDeadlines.For(config);
        foreach (var file in files)
        {
            string body;
            try
            {
                body = ContentLoader.ReadBody(file);
            }
            catch (IOException)
            {
                continue; // reported by the build below
            }
            ReportRules.Check(file, config.SeriesOf(file.FrontMatter), body, deadlines, diagnostics);
        }

        var (outputChecked, pages) = CheckOutput(options, site, diagnostics);
        var unique = diagnostics.Sorted().Distinct().ToList();
        return new CheckResult(unique, files.Count, pages, outputChecked);
    }

    /// <summary>Builds into a temporary folder (never the published output) and checks its pages; the build's own diagnostics join the rest.</summary>
    private static (bool Checked, int Pages) CheckOutput(CheckOptions options, Site site, DiagnosticBag diagnostics)
    {
        var temp = Directory.CreateTempSubdirectory("sitegen-check-");
        try
        {
            var output = Path.Combine(temp.FullName, "site");
            var result = SiteBuilder.Run(new BuildOptions
            {
                SiteDir = options.SiteDir, OutputDir = output, BaseUrl = options.BaseUrl, IncludeDrafts = options.IncludeDrafts,
            });
            foreach (var d in result.Diagnostics) diagnostics.Add(d);
            if (!result.Succeeded)
            {
                diagnostics.Add(new Diagnostic(Severity.Info, DiagnosticCodes.OutputChecksSkipped, "sitegen", 0, 0,
                    "links, anchors, attachments, index pages and accessibility were not checked, because the site does not build",
                    "fix the errors above and run sitegen check again"));
                return (false, 0);
            }
            OutputRules.Check(site, output, diagnostics);
            return (true, result.PagesByKind.Values.Sum());
        }
        finally
        {
            try
            {
                temp.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless; the system cleans it.
            }
        }
    }
}
