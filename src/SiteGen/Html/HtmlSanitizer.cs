using AngleSharp.Html.Parser;

namespace SiteGen.Html;

/// <summary>Strips scripts, event handlers, embedded content and unsafe URLs from HTML that a site allowed in its Markdown (AngleSharp's home for sanitising).</summary>
public static class HtmlSanitizer
{
    private static readonly string[] DroppedElements = ["script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "form", "noscript", "template", "svg", "math"];
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "poster", "background", "srcset", "data"];

    public static string Sanitize(string html)
    {
        var parser = new HtmlParser();
        var document = parser.ParseDocument("<!doctype html><html><body></body></html>");
        var nodes = parser.ParseFragment(html, document.Body!);
        var container = document.CreateElement("div");
        foreach (var node in nodes.ToList()) container.AppendChild(node);

        foreach (var element in container.QuerySelectorAll("*").ToList())
        {
            if (DroppedElements.Contains(element.LocalName))
            {
                element.Remove();
                continue;
            }
            foreach (var attribute in element.Attributes.ToList())
            {
                var name = attribute.Name.ToLowerInvariant();
                if (name.StartsWith("on", StringComparison.Ordinal) || name == "style" || name == "srcdoc"
                    || (UrlAttributes.Contains(name) && !UrlSafety.IsSafe(attribute.Value)))
                    element.RemoveAttribute(attribute.Name);
            }
        }
        return container.InnerHtml;
    }
}
