using SiteGen.Render;

namespace SiteGen.Load;

/// <summary>A link or image of a report's Markdown that may name a file beside the report: its destination as written, its text
/// (an image's alt text), and where it is in the report file (1-based line and column).</summary>
public sealed record BodyLink(string Url, string Text, int Line, int Column, bool IsImage)
{
    /// <summary>The links of a body that may name a local file: relative references, and references to a file on the editor's own
    /// computer (<c>file:</c>, a drive letter, a network path), which are refused later with their own error. Web, mail, site-absolute
    /// and in-page links are left out, so the load cache keeps only what attachments need.</summary>
    public static IReadOnlyList<BodyLink> Find(string body, int bodyLine)
    {
        // Every Markdown link holds `](` (inline) or `]:` (a reference definition): most reports have neither and are not parsed here.
        if (!body.Contains("](", StringComparison.Ordinal) && !body.Contains("]:", StringComparison.Ordinal)) return [];
        return MarkdownRenderer.Links(body).Where(l => MayNameLocalFile(l.Url))
            .Select(l => l with { Line = bodyLine + l.Line - 1 }).ToList();
    }

    /// <summary>True unless the destination is empty, a fragment or query of the page, site-absolute (<c>/…</c>, <c>//host/…</c>) or has a
    /// URL scheme, except for a file on the editor's computer.</summary>
    public static bool MayNameLocalFile(string url)
    {
        url = url.Trim();
        if (url.Length == 0 || url[0] is '#' or '?') return false;
        return IsOnComputer(url) || (url[0] != '/' && SchemeOf(url) is null);
    }

    /// <summary>A destination naming a file on a computer rather than on the site: <c>file:</c>, a drive letter (<c>C:\…</c>), a network path (<c>\\server\…</c>).</summary>
    public static bool IsOnComputer(string url) =>
        url.StartsWith(@"\\", StringComparison.Ordinal) || SchemeOf(url) is { } scheme && (scheme.Length == 1 || scheme.Equals("file", StringComparison.OrdinalIgnoreCase));

    /// <summary>The URL scheme of a destination (the part before a colon that comes before any separator), or null.</summary>
    private static string? SchemeOf(string url)
    {
        var colon = url.IndexOf(':');
        var separator = url.IndexOfAny(['/', '\\', '?', '#']);
        return colon > 0 && (separator < 0 || colon < separator) ? url[..colon] : null;
    }
}
