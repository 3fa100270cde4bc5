using System.CommandLine;

namespace SiteGen.Cli;

/// <summary>The one home of System.CommandLine: declares the `sitegen` commands and their options, and hands each to its handler.</summary>
public static class SitegenCommand
{
    public static int Run(string[] args)
    {
        var root = new RootCommand("SiteGen: publish archives of government reports as fast, accessible, searchable static sites.");
        root.Subcommands.Add(BuildCommand());
        return root.Parse(args).Invoke();
    }

    private static Command BuildCommand()
    {
        var site = new Option<string>("--site") { Description = "Site folder holding content/ (and optionally themes/)", DefaultValueFactory = _ => "." };
        var output = new Option<string?>("--output") { Description = "Output folder (default: SITE/output)" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Publish under this URL or path, e.g. https://example.gov.cn/reports/" };
        var drafts = new Option<bool>("--drafts") { Description = "Include reports marked draft: true" };
        var clean = new Option<bool>("--clean") { Description = "Ignore the previous build's cache and render every page" };
        var command = new Command("build", "Build the site into the output folder (published atomically)") { site, output, baseUrl, drafts, clean };
        command.SetAction(result => BuildHandler.Run(new SiteGen.Build.BuildOptions
        {
            SiteDir = Path.GetFullPath(result.GetValue(site)!),
            OutputDir = result.GetValue(output),
            BaseUrl = result.GetValue(baseUrl),
            IncludeDrafts = result.GetValue(drafts),
            Clean = result.GetValue(clean),
        }));
        return command;
    }
}
