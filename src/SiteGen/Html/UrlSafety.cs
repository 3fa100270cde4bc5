namespace SiteGen.Html;

/// <summary>Decides whether a URL from content may become a link: only web, mail and phone schemes or scheme-less references.</summary>
public static class UrlSafety
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto", "tel"];

    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so we do too.
        var compact = new string(url.Where(c => c > ' ' && c != '\u007f').ToArray());
        var colon = compact.IndexOf(':');
        if (colon < 0) return true;
        var firstSeparator = compact.IndexOfAny(['/', '?', '#']);
        if (firstSeparator >= 0 && firstSeparator < colon) return true; // the colon is in the path, not a scheme
        var scheme = compact[..colon].ToLowerInvariant();
        return AllowedSchemes.Contains(scheme);
    }
}
