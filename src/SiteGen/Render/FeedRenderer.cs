using System.Globalization;
using System.Text;
using System.Xml;
using SiteGen.Model;

namespace SiteGen.Render;

/// <summary>Renders Atom feeds (site-wide, and per term of each taxonomy with feeds: agencies, regions, a site's own) from the model and the summaries captured while rendering reports.</summary>
public static class FeedRenderer
{
    public const int EntriesPerFeed = 50;

    /// <summary>Every feed of the site, in a stable order: the whole archive's, then one per term of each taxonomy with feeds.</summary>
    public static IEnumerable<Feed> All(Site site)
    {
        yield return new Feed(SiteUrls.Feed(SiteUrls.Home), site.Config.Title, SiteUrls.Home, Entries(site.Reports));
        foreach (var taxonomy in site.Taxonomies.Where(t => t.Definition.Feeds))
            foreach (var term in taxonomy.Terms)
                yield return new Feed(SiteUrls.Feed(term.Path), $"{term.Name} - {site.Config.Title}", term.Path, Entries(term.Reports));
    }

    /// <summary>The reports a feed lists: the first <see cref="EntriesPerFeed"/> of its page's (newest first).</summary>
    private static IReadOnlyList<Report> Entries(IReadOnlyList<Report> reports) => reports.Count <= EntriesPerFeed ? reports : reports.Take(EntriesPerFeed).ToList();

    /// <summary>Writes the feed's XML (UTF-8, no byte order mark, a final newline) to <paramref name="into"/>.</summary>
    public static void Render(Site site, Feed feed, IReadOnlyDictionary<string, string> summaries, Stream into) =>
        Render(site, feed.Title, feed.PagePath, feed.Entries, summaries, into);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Everything a feed's XML shows beside the site's settings, as text: the build fingerprints it instead of rendering
    /// an unchanged feed again.</summary>
    public static string Inputs(Feed feed, IReadOnlyDictionary<string, string> summaries)
    {
        var sb = new StringBuilder(256 + feed.Entries.Count * 160).Append(feed.Title).Append('\0').Append(feed.PagePath);
        foreach (var r in feed.Entries)
        {
            sb.Append('\u001e').Append(r.Path).Append('\0').Append(r.Title).Append('\0').Append(r.Agency).Append('\0')
                .Append(r.Published?.DayNumber ?? -1).Append('\0').Append(Updated(r).DayNumber).Append('\0');
            if (summaries.TryGetValue(r.Path, out var summary)) sb.Append(summary);
        }
        return sb.ToString();
    }

    /// <remarks>Written as bytes straight into a stream the caller reuses: a feed of 50 entries as a string (and its builder) is
    /// past the large-object threshold, and at 100,000 reports the 31,000 feeds' strings raised the build's peak memory by 200 MB.</remarks>
    private static void Render(Site site, string title, string path, IReadOnlyList<Report> reports, IReadOnlyDictionary<string, string> summaries, Stream into)
    {
        var urls = site.Urls;
        var entries = reports.Count <= EntriesPerFeed ? reports : reports.Take(EntriesPerFeed).ToList();
        using (var w = XmlWriter.Create(into, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = Utf8, NewLineChars = "\n", CloseOutput = false }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            w.WriteAttributeString("xml", "lang", null, site.Config.Language);
            w.WriteElementString("title", XmlText(title));
            w.WriteElementString("id", Id(urls, SiteUrls.Feed(path)));
            w.WriteElementString("updated", Timestamp(entries.Select(Updated).DefaultIfEmpty(new DateOnly(2000, 1, 1)).Max()));
            Link(w, "self", urls.Absolute(SiteUrls.Feed(path)), "application/atom+xml");
            Link(w, "alternate", urls.Absolute(path), "text/html");
            w.WriteStartElement("author");
            w.WriteElementString("name", XmlText(site.Config.Footer.Sponsor ?? site.Config.Title));
            w.WriteEndElement();
            foreach (var report in entries)
            {
                w.WriteStartElement("entry");
                w.WriteElementString("title", XmlText(report.Title));
                w.WriteElementString("id", Id(urls, report.Path));
                Link(w, "alternate", urls.Absolute(report.Path), "text/html");
                if (report.Published is { } published) w.WriteElementString("published", Timestamp(published));
                w.WriteElementString("updated", Timestamp(Updated(report)));
                w.WriteStartElement("author");
                w.WriteElementString("name", XmlText(report.Agency));
                w.WriteEndElement();
                if (summaries.TryGetValue(report.Path, out var summary) && summary.Length > 0)
                {
                    w.WriteStartElement("summary");
                    w.WriteAttributeString("type", "text");
                    w.WriteString(XmlText(summary));
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        into.WriteByte((byte)'\n');
    }

    /// <summary>Drops characters XML 1.0 cannot carry (control characters, lone surrogates) that content may hold; XmlWriter would throw on them.</summary>
    internal static string XmlText(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var pair = i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]);
            if (pair || XmlConvert.IsXmlChar(text[i]))
            {
                clean?.Append(text, i, pair ? 2 : 1);
                if (pair) i++;
            }
            else
            {
                clean ??= new StringBuilder(text.Length).Append(text, 0, i);
            }
        }
        return clean?.ToString() ?? text;
    }

    // A report without a publication date is dated at the end of the year it covers: stable, and never "now".
    private static DateOnly Updated(Report r) => r.Published ?? new DateOnly(r.Year, 12, 31);

    private static string Timestamp(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00+08:00";

    private static string Id(SiteUrls urls, string path) => urls.Origin is null ? "urn:sitegen:" + urls.Href(path) : urls.Absolute(path);

    private static void Link(XmlWriter w, string rel, string href, string type)
    {
        w.WriteStartElement("link");
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }
}

/// <summary>One Atom feed: its output path, its title, the page it follows and the reports it lists.</summary>
public sealed record Feed(string Path, string Title, string PagePath, IReadOnlyList<Report> Entries);
