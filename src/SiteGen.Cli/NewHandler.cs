using SiteGen.Diagnostics;
using SiteGen.New;

namespace SiteGen.Cli;

/// <summary>Runs `sitegen new site` and `sitegen new report`: creates the skeleton and says where it is, or explains why not.</summary>
public static class NewHandler
{
    public static int Site(string siteDir)
    {
        try
        {
            var files = SiteSkeleton.Create(siteDir);
            Console.Out.WriteLine($"created the site {siteDir}: {string.Join(", ", files)}");
            Console.Out.WriteLine($"build it with `sitegen build --site {siteDir}` or preview it with `sitegen serve --site {siteDir}`; replace the sample report with yours");
            return ExitCodes.Ok;
        }
        catch (SiteGenException ex)
        {
            ConsoleReporter.Error(ex);
            return ExitCodes.Failed;
        }
    }

    public static int Report(string siteDir, string agency, int year, string? region)
    {
        if (!Directory.Exists(Path.Combine(siteDir, Load.ContentLoader.ContentFolder)))
        {
            ConsoleReporter.Error(new SiteGenException(DiagnosticCodes.SiteNotFound, $"no content folder in `{siteDir}`",
                "run sitegen in a site folder (one that holds content/), or pass --site DIR"));
            return ExitCodes.Failed;
        }
        var places = region is null ? [] : region.Split([',', '，', '、'], StringSplitOptions.TrimEntries);
        try
        {
            var path = ReportSkeleton.Create(siteDir, agency, year, places);
            Console.Out.WriteLine($"created {path}");
            Console.Out.WriteLine("fill in the sections, add `published:` when the report is published, and remove `draft: true` to publish it");
            return ExitCodes.Ok;
        }
        catch (SiteGenException ex)
        {
            ConsoleReporter.Error(ex);
            return ExitCodes.Failed;
        }
    }
}
