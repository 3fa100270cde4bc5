using System.Collections.Concurrent;
using System.Diagnostics;
using SiteGen.Diagnostics;
using SiteGen.Load;
using SiteGen.Model;
using SiteGen.Render;
using SiteGen.Search;
using SiteGen.Write;

namespace SiteGen.Build;

/// <summary>The orchestrator: runs load → model → render → index → write in order and publishes only a complete, error-free site.</summary>
public static class SiteBuilder
{
    public static BuildResult Run(BuildOptions options, IBuildProgress? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        if (!Directory.Exists(options.ContentDir))
            throw new SiteGenException(DiagnosticCodes.SiteNotFound, $"no content folder at `{options.ContentDir}`",
                "run sitegen in a site folder (one that holds content/), or pass --site DIR");

        using var buildLock = BuildLock.Acquire(options.ResolvedOutputDir, options.LockWait);

        progress?.Stage("load", 0);
        var config = SiteConfigLoader.Load(options.ContentDir, diagnostics);
        if (options.BaseUrl is not null) config = config with { BaseUrl = options.BaseUrl };
        var urls = CreateUrls(config, diagnostics);
        var themeFiles = ThemeFiles.Load(options.SiteDir, config.Theme);
        // Compiling the templates needs nothing from the content: it runs on another core while content loads and the model is built.
        var compiling = Task.Run(() => Theme.Compile(themeFiles, config, urls, diagnostics));
        var loadCache = LoadCache.Open(options.ResolvedOutputDir, options.Clean);
        var files = ContentLoader.Load(options.ContentDir, diagnostics, loadCache);
        loadCache.Save(); // even if the build fails later: the next one then reads only the files that change

        progress?.Stage("model", 0);
        var site = SiteModelBuilder.Build(config, urls, files, options.IncludeDrafts, diagnostics);
        var theme = compiling.GetAwaiter().GetResult();
        if (diagnostics.HasErrors) return Failed(diagnostics, clock, options);

        using var publisher = OutputPublisher.Begin(options.ResolvedOutputDir);
        var cache = BuildCache.Load(options.ResolvedOutputDir, options.Clean);
        using var index = !options.Search ? null : new SearchIndexBuilder(SearchCatalogue.Of(site.Reports, site.Urls.Href), (path, bytes) => publisher.Write(path, bytes), (path, size) =>
        {
            var live = new FileInfo(Path.Combine(publisher.OutputDir, path));
            if (options.Clean || !live.Exists || live.Length != size) return false;
            publisher.Reuse(path, live.FullName);
            return true;
        }, options.Clean ? null : SearchIndexState.Load(options.ResolvedOutputDir), Path.Combine(publisher.OutputDir, SearchIndexBuilder.Folder));
        var (summaries, rendered) = RenderPages(site, theme, PageFingerprints.Global(themeFiles, config, urls), cache, publisher, index, diagnostics, progress);
        AttachmentFiles.Publish(site, cache, publisher, diagnostics);
        if (diagnostics.HasErrors) return Failed(diagnostics, clock, options);

        progress?.Stage("index", 0);
        var searchStats = index?.Finish();

        progress?.Stage("write", 0);
        WriteSiteFiles(site, theme, summaries, publisher);
        if (index is not null) NameSearchFiles.Write(site, publisher.WriteUnlessSame);
        // The index record is forgotten before the new output goes live and written after, so it never describes another index.
        SearchIndexState.Delete(options.ResolvedOutputDir);
        publisher.Commit();
        cache.Save();
        index?.State?.Save(options.ResolvedOutputDir);

        var byKind = site.Pages.GroupBy(p => p.Kind).ToDictionary(g => g.Key, g => g.Count());
        return new BuildResult(true, diagnostics.Sorted(), byKind, publisher.FilesWritten, publisher.BytesWritten, clock.Elapsed, publisher.OutputDir)
        {
            PagesRendered = rendered,
            PagesReused = site.Pages.Count - rendered,
            ReportsFromCache = loadCache.Reused,
            Search = searchStats,
        };
    }

    private static SiteUrls CreateUrls(SiteConfig config, DiagnosticBag diagnostics)
    {
        try
        {
            return new SiteUrls(config.BaseUrl);
        }
        catch (ArgumentException ex)
        {
            diagnostics.Error(DiagnosticCodes.SiteConfig, "content/site.yml", 0, 0, ex.Message,
                "use a full URL such as https://example.gov.cn/reports/ or a path such as /reports/");
            return new SiteUrls("/");
        }
    }

    /// <summary>Renders every page in parallel (reusing the previous build's file where the page's fingerprint is unchanged) and streams it to the staging folder; feeds each report page to the search index; returns report summaries for the feeds and the number of pages rendered.</summary>
    private static (IReadOnlyDictionary<string, string> Summaries, int Rendered) RenderPages(Site site, Theme theme, byte[] globalHash, BuildCache cache,
        OutputPublisher publisher, SearchIndexBuilder? index, DiagnosticBag diagnostics, IBuildProgress? progress)
    {
        progress?.Stage("render", site.Pages.Count);
        var renderer = new PageRenderer(site, theme, new MarkdownRenderer(site.Config.AllowRawHtml, AttachmentLabels.From(theme.Strings)));
        var fingerprints = new PageFingerprints(globalHash);
        var summaries = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var renderedCount = 0;
        Parallel.ForEach(site.Pages, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, page =>
        {
            var file = SiteUrls.OutputFile(page.Path);
            try
            {
                var view = renderer.View(page);
                var fingerprint = fingerprints.Of(page, view);
                string? summary;
                string? html = null;
                if (cache.TryReuse(file, fingerprint, out var existing, out summary))
                {
                    publisher.Reuse(file, existing);
                }
                else
                {
                    var rendered = renderer.Render(page, view);
                    publisher.Write(file, rendered.Html);
                    html = rendered.Html;
                    summary = rendered.Body is null ? null : page.Report!.Meta.Summary ?? rendered.Body.Summary;
                    Interlocked.Increment(ref renderedCount);
                }
                if (summary is not null) summaries[page.Path] = summary;
                cache.Record(file, fingerprint, summary);
                // A reused page's report is carried over from the previous index, or read back if the index must be built whole.
                if (index is not null && page.Kind == PageKind.Report)
                    index.Include(index.DocumentId(page.Path), fingerprint, html, () => File.ReadAllText(existing));
            }
            catch (IOException ex) when (page.Report is not null)
            {
                diagnostics.Error(DiagnosticCodes.ContentVanished, page.Report.Source.RelativePath, 0, 0,
                    $"cannot read the report while rendering: {ex.Message}", "do not move or delete content while a build runs");
            }
            catch (SiteGenException ex)
            {
                diagnostics.Error(ex.Code, ex.File ?? page.Path, ex.Line, ex.Column, $"{ex.Message} (page /{page.Path})", ex.Hint);
            }
            progress?.Advance();
        });
        return (summaries, renderedCount);
    }

    private static void WriteSiteFiles(Site site, Theme theme, IReadOnlyDictionary<string, string> summaries, OutputPublisher publisher)
    {
        foreach (var (path, xml) in FeedRenderer.RenderAll(site, summaries)) publisher.WriteUnlessSame(path, xml);
        foreach (var (path, xml) in SitemapRenderer.RenderAll(site)) publisher.WriteUnlessSame(path, xml);
        publisher.Write("robots.txt", SitemapRenderer.Robots(site));
        foreach (var (path, bytes) in theme.Assets) publisher.Write(path, bytes);
    }

    private static BuildResult Failed(DiagnosticBag diagnostics, Stopwatch clock, BuildOptions options) =>
        new(false, diagnostics.Sorted(), new Dictionary<PageKind, int>(), 0, 0, clock.Elapsed, options.ResolvedOutputDir);
}
