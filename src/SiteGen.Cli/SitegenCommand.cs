using System.CommandLine;

namespace SiteGen.Cli;

/// <summary>The one home of System.CommandLine: declares the `sitegen` commands and their options, and hands each to its handler.</summary>
public static class SitegenCommand
{
    public static int Run(string[] args)
    {
        var root = new RootCommand("SiteGen: publish archives of government reports as fast, accessible, searchable static sites.");
        root.Subcommands.Add(BuildCommand());
        root.Subcommands.Add(ImportCommand());
        root.Subcommands.Add(ServeCommand());
        root.Subcommands.Add(NewCommand());
        root.Subcommands.Add(CheckCommand());
        root.Subcommands.Add(VerifyCommand());
        return root.Parse(args).Invoke();
    }

    private static Command BuildCommand()
    {
        var site = new Option<string>("--site") { Description = "Site folder holding content/ (and optionally themes/)", DefaultValueFactory = _ => "." };
        var output = new Option<string?>("--output") { Description = "Output folder (default: SITE/output)" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Publish under this URL or path, e.g. https://example.gov.cn/reports/" };
        var drafts = new Option<bool>("--drafts") { Description = "Include reports marked draft: true" };
        var clean = new Option<bool>("--clean") { Description = "Ignore the previous build's cache and render every page" };
        var noSearch = new Option<bool>("--no-search") { Description = "Skip the search index (quick previews, benchmarks of the pages alone); the search page then cannot search" };
        var command = new Command("build", "Build the site into the output folder (published atomically)") { site, output, baseUrl, drafts, clean, noSearch };
        command.SetAction(result => BuildHandler.Run(new SiteGen.Build.BuildOptions
        {
            SiteDir = Path.GetFullPath(result.GetValue(site)!),
            OutputDir = result.GetValue(output),
            BaseUrl = result.GetValue(baseUrl),
            IncludeDrafts = result.GetValue(drafts),
            Clean = result.GetValue(clean),
            Search = !result.GetValue(noSearch),
        }));
        return command;
    }

    private static Command ServeCommand()
    {
        var site = new Option<string>("--site") { Description = "Site folder holding content/ (and optionally themes/)", DefaultValueFactory = _ => "." };
        var port = new Option<int>("--port") { Description = "TCP port to listen on", DefaultValueFactory = _ => 8080 };
        var host = new Option<string>("--host") { Description = "Address to listen on (loopback unless you ask otherwise)", DefaultValueFactory = _ => "127.0.0.1" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Serve under this URL or path instead of site.yml's base_url" };
        var drafts = new Option<bool>("--drafts") { Description = "Include reports marked draft: true" };
        var command = new Command("serve", "Preview the site: build it, serve it, rebuild and reload open tabs on every change") { site, port, host, baseUrl, drafts };
        command.SetAction((result, cancellation) => ServeHandler.RunAsync(new SiteGen.Server.ServeOptions
        {
            SiteDir = Path.GetFullPath(result.GetValue(site)!),
            Port = result.GetValue(port),
            Host = result.GetValue(host)!,
            BaseUrl = result.GetValue(baseUrl),
            IncludeDrafts = result.GetValue(drafts),
        }, cancellation));
        return command;
    }

    private static Command NewCommand()
    {
        var site = new Option<string>("--site") { Description = "Site folder holding content/", DefaultValueFactory = _ => "." };
        var agency = new Option<string>("--agency") { Description = "The agency's full official name", Required = true };
        var year = new Option<int>("--year") { Description = "The year the report covers (not the year it is published)", Required = true };
        var region = new Option<string?>("--region") { Description = "Province, city, county separated by commas, e.g. 云南省,玉溪市,红塔区" };
        var report = new Command("report", "Create a report file with front matter and the five required section headings; never overwrites") { site, agency, year, region };
        report.SetAction(result => NewHandler.Report(Path.GetFullPath(result.GetValue(site)!), result.GetValue(agency)!, result.GetValue(year), result.GetValue(region)));
        var folder = new Argument<string>("DIR") { Description = "The new site's folder (it must not exist, or be empty)" };
        var newSite = new Command("site", "Create a site folder that builds at once: site.yml with every setting explained, a sample report, themes/default/ with a guide to overriding the theme") { folder };
        newSite.SetAction(result => NewHandler.Site(result.GetValue(folder)!));
        return new Command("new", "Create a new site, or a new report from a skeleton") { newSite, report };
    }

    private static Command CheckCommand()
    {
        var site = new Option<string>("--site") { Description = "Site folder holding content/ (and optionally themes/)", DefaultValueFactory = _ => "." };
        var format = new Option<string>("--format") { Description = "text (path:line:col: severity CODE: message) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var baseUrl = new Option<string?>("--base-url") { Description = "Check links as published under this URL or path" };
        var drafts = new Option<bool>("--drafts") { Description = "Include reports marked draft: true in the built pages" };
        var command = new Command("check", "Check the archive: front matter, duplicates, dates, required sections, links, anchors, attachments, accessibility; fails only on errors")
            { site, format, baseUrl, drafts };
        command.SetAction(result => CheckHandler.Run(new SiteGen.Check.CheckOptions
        {
            SiteDir = Path.GetFullPath(result.GetValue(site)!),
            BaseUrl = result.GetValue(baseUrl),
            IncludeDrafts = result.GetValue(drafts),
        }, result.GetValue(format)!, Console.Out));
        return command;
    }

    private static Command VerifyCommand()
    {
        var url = new Argument<string>("URL") { Description = "The deployed site's address, e.g. https://example.gov.cn/reports/" };
        var command = new Command("verify", "Check a deployed site as browsers use it: pages, search index and Range requests, content types, security headers, 404 page, base URL") { url };
        command.SetAction((result, cancellation) => VerifyHandler.RunAsync(result.GetValue(url)!, Console.Out, cancellation));
        return command;
    }

    private static Command ImportCommand()
    {
        var inputs = new Argument<string[]>("INPUT") { Description = "Report files (.txt, .html, .htm, .docx, .pdf) or folders to import recursively", Arity = ArgumentArity.OneOrMore };
        var site = new Option<string>("--site") { Description = "Site folder; reports go to SITE/content/reports/<year>/", DefaultValueFactory = _ => "." };
        var output = new Option<string?>("--out") { Description = "Write reports to OUT/<year>/ instead of the site's content folder" };
        var force = new Option<bool>("--force") { Description = "Replace report files that already exist" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Convert and show the results, write nothing" };
        var strict = new Option<bool>("--strict") { Description = "Refuse, and fail on, reports whose title, agency or year cannot be found (otherwise they are written as drafts)" };
        var keepOriginal = new Option<bool>("--keep-original") { Description = "Copy each PDF beside its report (same name, .pdf) and link it at the end as the report's original" };
        var format = new Option<string>("--format") { Description = "Result listing: table (default) or json", DefaultValueFactory = _ => "table" };
        var command = new Command("import", "Convert published reports (text, saved web pages, Word files, text PDFs) into Markdown reports with front matter")
        {
            inputs, site, output, force, dryRun, strict, keepOriginal, format,
        };
        command.SetAction(result => ImportHandler.Run(new SiteGen.Import.ImportOptions
        {
            Inputs = result.GetValue(inputs)!,
            SiteDir = Path.GetFullPath(result.GetValue(site)!),
            OutDir = result.GetValue(output) is { } o ? Path.GetFullPath(o) : null,
            Force = result.GetValue(force),
            DryRun = result.GetValue(dryRun),
            Strict = result.GetValue(strict),
            KeepOriginal = result.GetValue(keepOriginal),
        }, result.GetValue(format)!));
        return command;
    }
}
