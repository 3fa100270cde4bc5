using System.Security.Cryptography;
using System.Text;
using SiteGen.Diagnostics;
using SiteGen.Downloads;
using SiteGen.Load;
using SiteGen.Model;
using SiteGen.Render;
using SiteGen.Views;
using SiteGen.Write;

namespace SiteGen.Build;

/// <summary>Writes what the views add to the output: the status, compare and changes pages, each report's two downloads (when the site
/// writes them as files), and the catalogue files. Pages and downloads are fingerprinted like every page, so a one-report change renders
/// only what shows that report.</summary>
public static class ViewOutput
{
    /// <summary>Writes the views' files; returns how many view pages were rendered (not reused).</summary>
    public static int Write(Site site, SiteViews views, PageRenderer renderer, MarkdownRenderer markdown, PageFingerprints fingerprints, PageCache cache,
        OutputPublisher publisher, DiagnosticBag diagnostics)
    {
        var rendered = 0;
        Parallel.ForEach(views.Pages, page =>
        {
            var file = SiteUrls.OutputFile(page.Path);
            try
            {
                var sources = renderer.Sources(page);
                var key = PageFingerprints.InputKey(fingerprints.ModelHash, sources);
                PageView? shell = null;
                var decision = cache.Decide(file, key, () => fingerprints.Of(shell = renderer.Shell(page), sources));
                if (decision.Reused is { } existing) publisher.Reuse(file, existing);
                else
                {
                    publisher.Write(file, renderer.Render(page, shell!));
                    Interlocked.Increment(ref rendered);
                }
                cache.Record(file, decision.Fingerprint, null, key, decision.Reused);
            }
            catch (IOException ex)
            {
                diagnostics.Error(DiagnosticCodes.ContentVanished, page.Path, 0, 0, $"cannot read a report while rendering: {ex.Message}",
                    "do not move or delete content while a build runs");
            }
            catch (SiteGenException ex)
            {
                diagnostics.Error(ex.Code, ex.File ?? page.Path, ex.Line, ex.Column, $"{ex.Message} (page /{page.Path})", ex.Hint);
            }
        });

        if (site.Config.Downloads == DownloadMode.Files) WriteDownloads(site, markdown, fingerprints, cache, publisher, diagnostics);
        ModelFiles.Write([SiteUrls.CatalogueCsv, SiteUrls.CatalogueJson], () => Catalogue.Files(site), fingerprints, cache, publisher);
        return rendered;
    }

    /// <summary>Writes each report's two downloads beside its page (<c>downloads: files</c>), reusing those whose report did not change.</summary>
    private static void WriteDownloads(Site site, MarkdownRenderer markdown, PageFingerprints fingerprints, PageCache cache, OutputPublisher publisher,
        DiagnosticBag diagnostics)
    {
        Parallel.ForEach(site.Reports, report =>
        {
            // A download shows the report's source, its URL and the site's settings (language, base URL): all in this fingerprint.
            var fingerprint = Convert.ToHexStringLower(SHA256.HashData([.. fingerprints.GlobalHash, .. report.Source.SourceHash, .. Encoding.UTF8.GetBytes(report.Path + "\0" + report.Series)]));
            var paths = new[] { ReportDownloads.TextPath(report), ReportDownloads.MarkdownPath(report) };
            var existing = new List<LiveFile>(paths.Length);
            foreach (var p in paths)
                if (cache.TryReuse(p, fingerprint, out var file, out _)) existing.Add(file);
            if (existing.Count == paths.Length)
            {
                for (var i = 0; i < paths.Length; i++)
                {
                    publisher.Reuse(paths[i], existing[i]);
                    cache.Record(paths[i], fingerprint, null, reused: existing[i]);
                }
                return;
            }
            try
            {
                foreach (var (path, bytes) in ReportDownloads.For(site, report, ContentLoader.ReadBody(report.Source), markdown))
                {
                    publisher.Write(path, bytes);
                    cache.Record(path, fingerprint, null);
                }
            }
            catch (IOException ex)
            {
                diagnostics.Error(DiagnosticCodes.ContentVanished, report.Source.RelativePath, 0, 0, $"cannot read the report: {ex.Message}",
                    "do not move or delete content while a build runs");
            }
            catch (SiteGenException)
            {
                // Markdown too deeply nested to read: rendering the report's page reports it, at its line, and the build fails.
            }
        });
    }
}
