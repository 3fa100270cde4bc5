using System.Collections.Concurrent;
using SiteGen.Diagnostics;
using SiteGen.Html;
using SiteGen.Load;
using SiteGen.Model;

namespace SiteGen.Check;

/// <summary>Checks a built site: internal links, anchors and attachments resolve, index pages list something, and every page passes the static accessibility rules.</summary>
public static class OutputRules
{
    /// <summary>How problems in built pages are labelled: as the page would be in the published output folder.</summary>
    public const string OutputLabel = "output/";

    private static readonly HashSet<string> AttachmentExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".wps", ".et", ".ofd", ".zip", ".rar", ".7z",
        ".txt", ".csv", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".tif", ".tiff", ".mp3", ".mp4",
    };

    public static void Check(Site site, string outputDir, DiagnosticBag diagnostics)
    {
        outputDir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDir));
        var files = Directory.EnumerateFiles(outputDir, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(outputDir, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        var facts = new ConcurrentDictionary<string, HtmlPageFacts>(StringComparer.Ordinal);
        Parallel.ForEach(files, file => facts[file] = HtmlPageInspector.Inspect(File.ReadAllText(Path.Combine(outputDir, file))));

        var pages = site.Pages.ToDictionary(p => SiteUrls.OutputFile(p.Path), StringComparer.Ordinal);
        var context = new Context(site, outputDir, facts);
        Parallel.ForEach(files, file =>
        {
            pages.TryGetValue(file, out var page);
            var locator = new Locator(file, page?.Report?.Source);
            CheckPage(context, file, page, facts[file], locator, diagnostics);
        });
    }

    private sealed record Context(Site Site, string OutputDir, IReadOnlyDictionary<string, HtmlPageFacts> Facts)
    {
        public string Origin { get; } = Site.Urls.Origin ?? "http://site.invalid";
    }

    private static void CheckPage(Context context, string file, Page? page, HtmlPageFacts facts, Locator at, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(facts.Lang))
            diagnostics.Error(DiagnosticCodes.MissingLang, OutputLabel + file, 1, 1, "the page does not declare its language (<html lang>)",
                "the theme's <html> element needs lang=\"{{ site.language }}\" so screen readers pronounce it correctly");

        foreach (var image in facts.Images)
        {
            if (!string.IsNullOrWhiteSpace(image.Alt)) continue;
            var (f, line, col) = at.Find(image.Src, image.Line, image.Column);
            var message = image.Alt is null ? $"image `{image.Src}` has no alt attribute" : $"image `{image.Src}` has empty alt text";
            var hint = "describe the image for readers who cannot see it: ![描述](image.png) in Markdown, alt=\"…\" in a template";
            if (image.Alt is null) diagnostics.Error(DiagnosticCodes.ImageWithoutAlt, f, line, col, message, hint);
            else diagnostics.Warning(DiagnosticCodes.ImageWithoutAlt, f, line, col, message, hint);
        }

        var previous = 0;
        foreach (var heading in facts.Headings)
        {
            if (previous > 0 && heading.Level > previous + 1)
            {
                var (f, line, col) = at.Find(heading.Text, heading.Line, heading.Column);
                diagnostics.Warning(DiagnosticCodes.SkippedHeadingLevel, f, line, col,
                    $"heading level skipped: h{heading.Level} “{Shorten(heading.Text)}” follows h{previous}",
                    "use one more # than the enclosing heading, so the outline has no gaps (## 一、…, ### （一）…, #### 1. …)");
            }
            previous = heading.Level;
        }

        if (page?.Kind is PageKind.Home or PageKind.Taxonomy or PageKind.Term && facts.ListedLinks == 0)
            diagnostics.Warning(DiagnosticCodes.EmptyIndexPage, OutputLabel + file, 1, 1,
                $"index page /{page.Path} lists no reports or terms",
                "check that the theme's list templates render their items, and that the site has published (non-draft) reports");

        var pageUri = new Uri(context.Origin + context.Site.Urls.BasePath + file);
        foreach (var reference in facts.References) CheckReference(context, pageUri, file, reference, at, diagnostics);
    }

    private static void CheckReference(Context context, Uri pageUri, string file, HtmlReference reference, Locator at, DiagnosticBag diagnostics)
    {
        if (reference.Url.Length == 0 || !Uri.TryCreate(pageUri, reference.Url, out var target)) return;
        if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps) return;
        if (!string.Equals(target.GetLeftPart(UriPartial.Authority), context.Origin, StringComparison.OrdinalIgnoreCase)) return;

        var basePath = context.Site.Urls.BasePath;
        var path = Uri.UnescapeDataString(target.AbsolutePath);
        var (f, line, col) = at.Find(reference.Url, reference.Line, reference.Column);
        if (!path.StartsWith(basePath, StringComparison.Ordinal))
        {
            diagnostics.Error(DiagnosticCodes.BrokenLink, f, line, col, $"link `{reference.Url}` leads outside the site (base path {basePath})",
                $"links inside the archive start with {basePath}, or are relative to the page");
            return;
        }

        var relative = path[basePath.Length..];
        var targetFile = relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative;
        var full = Path.GetFullPath(Path.Combine(context.OutputDir, targetFile));
        var inside = full.StartsWith(context.OutputDir + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        if (inside && !File.Exists(full) && Directory.Exists(full) && File.Exists(Path.Combine(full, "index.html")))
            targetFile = relative + "/index.html";
        else if (!inside || !File.Exists(full))
        {
            if (AttachmentExtensions.Contains(Path.GetExtension(relative)))
                diagnostics.Error(DiagnosticCodes.MissingAttachment, f, line, col, $"attachment `{reference.Url}` is not in the built site",
                    "put the file where the link points, or correct the link; SiteGen publishes only what the site contains");
            else
                diagnostics.Error(DiagnosticCodes.BrokenLink, f, line, col, $"link `{reference.Url}` leads to /{relative}, which the site does not have",
                    "correct the link, or link to an existing report, agency, year or region page");
            return;
        }

        var fragment = Uri.UnescapeDataString(target.Fragment.TrimStart('#'));
        if (fragment.Length == 0 || !targetFile.EndsWith(".html", StringComparison.Ordinal)) return;
        if (context.Facts.TryGetValue(targetFile, out var targetFacts) && !targetFacts.Ids.Contains(fragment))
            diagnostics.Error(DiagnosticCodes.BrokenAnchor, f, line, col,
                $"anchor `#{fragment}` does not exist on {(targetFile == file ? "this page" : "/" + targetFile)}",
                "link to a heading's id (shown in the page's table of contents), or drop the #fragment");
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>Places a problem in a report's Markdown source when its text can be found there, otherwise in the built page.</summary>
    private sealed class Locator(string file, ContentFile? source)
    {
        private string[]? _lines;

        public (string File, int Line, int Column) Find(string needle, int htmlLine, int htmlColumn)
        {
            if (source is not null && needle.Length > 0)
            {
                _lines ??= ReadLines(source.FullPath);
                // Markdig percent-encodes non-ASCII URLs, so the source may hold the decoded form.
                foreach (var candidate in new[] { needle, Uri.UnescapeDataString(needle) }.Distinct())
                    for (var i = Math.Max(source.BodyLine - 1, 0); i < _lines.Length; i++)
                    {
                        var at = _lines[i].IndexOf(candidate, StringComparison.Ordinal);
                        if (at >= 0) return (source.RelativePath, i + 1, at + 1);
                    }
            }
            return (OutputLabel + file, htmlLine, htmlColumn);
        }

        private static string[] ReadLines(string path)
        {
            try
            {
                return File.ReadAllText(path).Split('\n');
            }
            catch (IOException)
            {
                return [];
            }
        }
    }
}
