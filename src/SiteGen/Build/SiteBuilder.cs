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
        var (clock, diagnostics) = (Stopwatch.StartNew(), new DiagnosticBag());
        using var buildLock = BuildLock.Acquire(RequireContent(options).ResolvedOutputDir, options.LockWait);
        using var output = OutputPublisher.Begin(options.ResolvedOutputDir);
        var state = BuildState.Open(options.ResolvedOutputDir, options.Clean);
        state.Pages.CheckStagedCopiesWith(output.HoldsStaged);
        try
        {
            var input = Load(options, state.Loads, diagnostics, progress);
            var (site, theme) = Model(input, options, diagnostics, progress);
            if (diagnostics.HasErrors) return Failed(diagnostics, clock, options);
            RenderedPages pages;
            // The views' facts (100 MB at 100,000 reports) serve the render stage only: let go of them before the index.
            using (var views = options.Views ? ComputeViews(site, state, diagnostics, progress) : null)
            {
                if (diagnostics.HasErrors) return Failed(diagnostics, clock, options);
                pages = Render(site, theme, views, input, state, output, diagnostics, progress);
            }
            if (diagnostics.HasErrors) return Failed(diagnostics, clock, options);
            var index = options.Search ? Index(site, pages, state, output, progress) : null;
            if (!Write(site, theme, pages, index, state, output, diagnostics, progress)) return Failed(diagnostics, clock, options);
            return Succeeded(site, pages, index?.Stats, state, output, diagnostics, clock);
        }
        finally
        {
            progress?.Stage("save state", 0);
            state.Save();
        }
    }

    private static BuildOptions RequireContent(BuildOptions options) => Directory.Exists(options.ContentDir) ? options
        : throw new SiteGenException(DiagnosticCodes.SiteNotFound, $"no content folder at `{options.ContentDir}`",
            "run sitegen in a site folder (one that holds content/), or pass --site DIR");

    /// <summary>What the load stage read: the settings, the theme's files (compiled on another core meanwhile, and fingerprinted with
    /// the settings as every page's shared inputs) and the content files.</summary>
    private sealed record Input(SiteConfig Config, SiteUrls Urls, ThemeFiles ThemeFiles, Task<Theme> Theme, Task<byte[]> Global, IReadOnlyList<ContentFile> Files);

    /// <summary>Loads and models a site exactly as a build does, without reading a build state or writing anything: the site and its
    /// compiled theme, for tools and tests that need the engine's view of pages without building them.</summary>
    public static (Site Site, Theme Theme) LoadModel(BuildOptions options, DiagnosticBag diagnostics) =>
        Model(Load(RequireContent(options), null, diagnostics, null), options, diagnostics, null);

    private static Input Load(BuildOptions options, LoadCache? loads, DiagnosticBag diagnostics, IBuildProgress? progress)
    {
        progress?.Stage("load", 0);
        var config = SiteConfigLoader.Load(options.ContentDir, diagnostics);
        if (options.BaseUrl is not null) config = config with { BaseUrl = options.BaseUrl };
        var urls = SiteModelLoader.Urls(config, diagnostics);
        var themeFiles = ThemeFiles.Load(options.SiteDir, config.Theme);
        // Compiling the templates needs nothing from the content: it runs on another core while content loads and the model is built.
        var compiling = Task.Run(() => Theme.Compile(themeFiles, config, urls, diagnostics));
        // So is the fingerprint of what every page shares: its first JSON of the settings costs 30 ms of setting up the serializer.
        var global = Task.Run(() => PageFingerprints.Global(themeFiles, config, urls));
        return new Input(config, urls, themeFiles, compiling, global, ContentLoader.Load(options.ContentDir, diagnostics, loads));
    }

    private static (Site Site, Theme Theme) Model(Input input, BuildOptions options, DiagnosticBag diagnostics, IBuildProgress? progress)
    {
        progress?.Stage("model", 0);
        var site = SiteModelBuilder.Build(input.Config, input.Urls, input.Files, options.IncludeDrafts, diagnostics);
        return (site, input.Theme.GetAwaiter().GetResult());
    }

    /// <summary>The status, compare and changes pages' facts, computed once from the model; null (with an error) when a report
    /// vanished since it was loaded, since the views read every body to compare years.</summary>
    private static Views.SiteViews? ComputeViews(Site site, BuildState state, DiagnosticBag diagnostics, IBuildProgress? progress)
    {
        progress?.Stage("views", 0);
        try
        {
            return Views.SiteViews.Compute(site, cache: state.Changes);
        }
        catch (IOException ex)
        {
            diagnostics.Error(DiagnosticCodes.ContentVanished, "content", 0, 0, $"cannot read a report for the status, compare and changes pages: {ex.Message}",
                "do not move or delete content while a build runs");
            return null;
        }
    }

    /// <summary>The attachments of a report whose text is searched with it (PDF, .docx, .xlsx), and what of them its index entry
    /// depends on beyond the page: each file's stamp, so a file changed in place is read again.</summary>
    private static (IReadOnlyList<IndexedFile> Files, string Key) SearchedFiles(Report report)
    {
        var readable = report.Attachments.Where(a => a.Listed && Import.AttachmentText.CanRead(a.FileName)).ToList();
        if (readable.Count == 0) return ([], "");
        var files = readable.Select(a => new IndexedFile(a.FileName, a.Href, () => Import.AttachmentText.Read(a.SourcePath).Text)).ToList();
        return (files, "\u001f" + string.Join('\u001f', readable.Select(a => $"{a.Href}:{a.Stamp}")));
    }

    /// <summary>One page as the render stage left it: rendered into the staged output at <c>File</c>, or to be reused from the
    /// previous build's file <c>ReusedFrom</c>; with the fingerprint it was decided by and a report's summary (for the feeds).</summary>
    private sealed record PageOutput(Page Page, string File, string Fingerprint, string? Summary, LiveFile? ReusedFrom, string InputKey);

    /// <summary>The render stage's result: every page, the report summaries by page path, how many pages were rendered, and the
    /// fingerprints they were decided by (the feeds are decided by them too).</summary>
    private sealed record RenderedPages(IReadOnlyList<PageOutput> Pages, IReadOnlyDictionary<string, string> Summaries, int Rendered,
        PageFingerprints Fingerprints)
    {
        /// <summary>The status, compare and changes pages (rendered or reused beside the site's pages), for the sitemap and the counts.</summary>
        public IReadOnlyList<Page> ViewPages { get; init; } = [];

        public int ViewsRendered { get; init; }
    }

    /// <summary>The render stage: the site's pages, then the views' pages, through one renderer and one set of fingerprints.</summary>
    private static RenderedPages Render(Site site, Theme theme, Views.SiteViews? views, Input input, BuildState state, OutputPublisher output,
        DiagnosticBag diagnostics, IBuildProgress? progress)
    {
        var markdown = new MarkdownRenderer(site.Config.AllowRawHtml, AttachmentLabels.From(theme.Strings));
        var renderer = new PageRenderer(site, theme, markdown, views);
        var global = input.Global.GetAwaiter().GetResult();
        var fingerprints = new PageFingerprints(global, PageFingerprints.Model(global, site, $"views={views is not null}"));
        var pages = RenderPages(site, renderer, fingerprints, state, output, diagnostics, progress);
        if (views is null) return pages;
        progress?.Stage("render views", views.Pages.Count);
        return pages with
        {
            ViewsRendered = ViewOutput.Write(site, views, renderer, markdown, fingerprints, state.Pages, output, diagnostics),
            ViewPages = views.Pages.Select(PageRenderer.PageOf).ToList(),
        };
    }

    /// <summary>Renders in parallel every page whose fingerprint the build state does not know, into the staged output; the others
    /// are left to be reused from the previous build.</summary>
    private static RenderedPages RenderPages(Site site, PageRenderer renderer, PageFingerprints fingerprints, BuildState state, OutputPublisher output,
        DiagnosticBag diagnostics, IBuildProgress? progress)
    {
        progress?.Stage("render", site.Pages.Count);
        var results = new PageOutput?[site.Pages.Count];
        var summaries = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var renderedCount = 0;
        Parallel.For(0, site.Pages.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var page = site.Pages[i];
            var file = SiteUrls.OutputFile(page.Path);
            try
            {
                var key = PageFingerprints.InputKey(fingerprints.ModelHash, renderer.BodySources(page));
                PageView? view = null;
                var decision = state.Pages.Decide(file, key, () => fingerprints.Of(page, view = renderer.View(page)));
                var summary = decision.Summary;
                if (decision.MustRender)
                {
                    var rendered = renderer.Render(page, view!);
                    output.Write(file, rendered.Html);
                    summary = rendered.Body is null ? null : page.Report!.Meta.Summary ?? rendered.Body.Summary;
                    Interlocked.Increment(ref renderedCount);
                }
                results[i] = new PageOutput(page, file, decision.Fingerprint, summary, decision.Reused, key);
                if (summary is not null) summaries[page.Path] = summary;
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
        return new RenderedPages(diagnostics.HasErrors ? [] : results.Select(r => r!).ToList(), summaries, renderedCount, fingerprints);
    }

    /// <summary>The index stage's result: what it cost and produced, and its record for the next build.</summary>
    private sealed record IndexOutput(SearchIndexStats Stats, SearchIndexState? State);

    /// <summary>Indexes the report pages the render stage rendered, from the staged output; a reused page's report is carried over
    /// from the previous index (read from the previous build's page only if the index must be built whole).</summary>
    private static IndexOutput Index(Site site, RenderedPages pages, BuildState state, OutputPublisher output, IBuildProgress? progress)
    {
        progress?.Stage("index", 0);
        using var index = new SearchIndexBuilder(SearchCatalogue.Of(site.Reports, site.Taxonomies, site.Urls.Href), (path, bytes) => output.Write(path, bytes), (path, size) =>
        {
            if (state.PreviousFile(path, size) is not { } previous) return false;
            output.Reuse(path, previous);
            return true;
        }, state.PreviousIndex, Path.Combine(state.OutputDir, SearchIndexBuilder.Folder));
        var reports = pages.Pages.Where(p => p.Page.Kind == PageKind.Report).ToList();
        Parallel.ForEach(reports, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, page =>
        {
            var html = page.ReusedFrom is null ? File.ReadAllText(output.Resolve(page.File)) : null;
            var (files, filesKey) = SearchedFiles(page.Page.Report!);
            // A rendered page may stay in the base too (same fingerprint), so the page is read again from wherever it lies.
            index.Include(index.DocumentId(page.Page.Path), page.Fingerprint + filesKey, html,
                () => File.ReadAllText(page.ReusedFrom?.Path ?? output.Resolve(page.File)), files);
        });
        return new IndexOutput(index.Finish(), index.State);
    }

    /// <summary>Publishes the reused pages, the attachments, the feeds, the sitemap and the theme's assets beside what render and
    /// index staged, then makes the whole output live and records it in the build state; false when an attachment failed.</summary>
    private static bool Write(Site site, Theme theme, RenderedPages pages, IndexOutput? index, BuildState state, OutputPublisher output,
        DiagnosticBag diagnostics, IBuildProgress? progress)
    {
        progress?.Stage("write", 0);
        // 26,000 reuses of a rebuild (a dictionary removal and, for a page changed two builds ago, a hard link each) on both cores.
        Parallel.ForEach(pages.Pages, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, page =>
        {
            if (page.ReusedFrom is { } live) output.Reuse(page.File, live);
            state.Pages.Record(page.File, page.Fingerprint, page.Summary, page.InputKey, page.ReusedFrom);
        });
        AttachmentFiles.Publish(site, state.Pages, output, diagnostics);
        if (diagnostics.HasErrors) return false;
        progress?.Stage("feeds", 0);
        // Each thread renders its feeds into one buffer it reuses (see FeedRenderer.Render).
        Parallel.ForEach(FeedRenderer.All(site), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new MemoryStream(), (feed, loop, buffer) =>
        {
            // A feed shows the model and its entries' summaries, which come from their bodies: keyed like a page by those bodies.
            var key = PageFingerprints.InputKey(pages.Fingerprints.ModelHash, feed.Entries);
            var decision = state.Pages.Decide(feed.Path, key, () => pages.Fingerprints.Of(FeedRenderer.Inputs(feed, pages.Summaries)));
            if (decision.Reused is { } live) output.Reuse(feed.Path, live);
            else
            {
                buffer.SetLength(0);
                FeedRenderer.Render(site, feed, pages.Summaries, buffer);
                output.Write(feed.Path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            }
            state.Pages.Record(feed.Path, decision.Fingerprint, null, key, decision.Reused);
            return buffer;
        }, buffer => buffer.Dispose());
        ModelFiles.Write(SitemapRenderer.Paths(site, pages.ViewPages),
            () => SitemapRenderer.RenderAll(site, pages.ViewPages), pages.Fingerprints, state.Pages, output);
        output.Write("robots.txt", SitemapRenderer.Robots(site));
        foreach (var (path, bytes) in theme.Assets) output.Write(path, bytes);
        if (index is not null) NameSearchFiles.Write(site, output.WriteUnlessSame);
        if (!ReportsStillThere(site, diagnostics)) return false;
        progress?.Stage("publish", 0);
        output.Commit();
        state.Published(index?.State);
        return true;
    }

    /// <summary>Whether every report loaded is still in its folder: a page reused unread must not be published for a report deleted
    /// since it was loaded. One listing per folder, just before the output goes live, rather than a stat per reused page.</summary>
    private static bool ReportsStillThere(Site site, DiagnosticBag diagnostics)
    {
        var listed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var report in site.Reports)
        {
            var folder = Path.GetDirectoryName(report.Source.FullPath)!;
            if (!listed.TryGetValue(folder, out var names))
            {
                try
                {
                    names = Directory.EnumerateFiles(folder).Select(f => Path.GetFileName(f)).ToHashSet(StringComparer.Ordinal);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    names = [];
                }
                listed[folder] = names;
            }
            if (!names.Contains(Path.GetFileName(report.Source.FullPath)))
                diagnostics.Error(DiagnosticCodes.ContentVanished, report.Source.RelativePath, 0, 0, "the report file was deleted or moved during the build",
                    "do not move or delete content while a build runs; run the build again");
        }
        return !diagnostics.HasErrors;
    }

    private static BuildResult Succeeded(Site site, RenderedPages pages, SearchIndexStats? search,
        BuildState state, OutputPublisher output, DiagnosticBag diagnostics, Stopwatch clock)
    {
        var byKind = site.Pages.Concat(pages.ViewPages).GroupBy(p => p.Kind).ToDictionary(g => g.Key, g => g.Count());
        return new(true, diagnostics.Sorted(), byKind, output.FilesWritten, output.BytesWritten, clock.Elapsed, output.OutputDir)
        {
            PagesRendered = pages.Rendered + pages.ViewsRendered,
            PagesReused = byKind.Values.Sum() - pages.Rendered - pages.ViewsRendered,
            ReportsFromCache = state.Loads.Reused,
            ComparisonsFromCache = state.Changes.Reused,
            Search = search,
        };
    }

    private static BuildResult Failed(DiagnosticBag diagnostics, Stopwatch clock, BuildOptions options) =>
        new(false, diagnostics.Sorted(), new Dictionary<PageKind, int>(), 0, 0, clock.Elapsed, options.ResolvedOutputDir);
}
