using System.Globalization;
using System.Text;
using System.Xml;
using SiteGen.Model;

namespace SiteGen.Render;

/// <summary>Renders sitemap.xml (split into a sitemap index past 50,000 URLs, the protocol's limit) and robots.txt.</summary>
public static class SitemapRenderer
{
    public const int MaxUrlsPerFile = 50_000;
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The sitemap of the site's pages and of <paramref name="viewPages"/> (the status, compare and changes pages, which
    /// are rendered beside <see cref="Site.Pages"/>).</summary>
    public static IEnumerable<(string Path, byte[] Xml)> RenderAll(Site site, IReadOnlyList<Page>? viewPages = null)
    {
        var pages = Listed(site, viewPages).ToList();
        if (pages.Count <= MaxUrlsPerFile)
        {
            yield return ("sitemap.xml", UrlSet(site, pages));
            yield break;
        }
        var parts = pages.Chunk(MaxUrlsPerFile).ToList();
        for (var i = 0; i < parts.Count; i++) yield return ($"sitemap-{i + 1}.xml", UrlSet(site, parts[i]));
        yield return ("sitemap.xml", Write(w =>
        {
            w.WriteStartElement("sitemapindex", Namespace);
            for (var i = 0; i < parts.Count; i++)
            {
                w.WriteStartElement("sitemap");
                w.WriteElementString("loc", site.Urls.Absolute($"sitemap-{i + 1}.xml"));
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }));
    }

    /// <summary>The files <see cref="RenderAll"/> writes, known before it renders them.</summary>
    public static IReadOnlyList<string> Paths(Site site, IReadOnlyList<Page>? viewPages = null)
    {
        var parts = (Listed(site, viewPages).Count() + MaxUrlsPerFile - 1) / MaxUrlsPerFile;
        return parts <= 1 ? ["sitemap.xml"] : [.. Enumerable.Range(1, parts).Select(i => $"sitemap-{i}.xml"), "sitemap.xml"];
    }

    /// <summary>The pages a sitemap lists: every page but the search and not-found pages, then the view pages.</summary>
    private static IEnumerable<Page> Listed(Site site, IReadOnlyList<Page>? viewPages) =>
        site.Pages.Where(p => p.Kind is not (PageKind.NotFound or PageKind.Search)).Concat(viewPages ?? []);

    public static string Robots(Site site) =>
        $"User-agent: *\nAllow: /\n\nSitemap: {site.Urls.Absolute("sitemap.xml")}\n";

    private static byte[] UrlSet(Site site, IReadOnlyList<Page> pages) => Write(w =>
    {
        w.WriteStartElement("urlset", Namespace);
        foreach (var page in pages)
        {
            w.WriteStartElement("url");
            w.WriteElementString("loc", site.Urls.Absolute(page.Path));
            if (page.Report?.Published is { } published)
                w.WriteElementString("lastmod", published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteEndElement();
        }
        w.WriteEndElement();
    });

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The XML as UTF-8 bytes (no byte order mark, a final newline), written straight as bytes like the feeds.</summary>
    private static byte[] Write(Action<XmlWriter> body)
    {
        using var bytes = new MemoryStream();
        using (var w = XmlWriter.Create(bytes, new XmlWriterSettings { Indent = true, NewLineChars = "\n", Encoding = Utf8, CloseOutput = false }))
        {
            w.WriteStartDocument();
            body(w);
        }
        bytes.WriteByte((byte)'\n');
        return bytes.ToArray();
    }
}
