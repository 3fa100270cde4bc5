using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SiteGen.Html;

/// <summary>Parses a built HTML page with AngleSharp and extracts the facts `sitegen check` verifies: language, ids, references, images, headings, listed links.</summary>
public static class HtmlPageInspector
{
    private static readonly (string Selector, string Attribute)[] ReferenceAttributes =
    [
        ("a[href]", "href"), ("area[href]", "href"), ("link[href]", "href"),
        ("img[src]", "src"), ("script[src]", "src"), ("source[src]", "src"), ("iframe[src]", "src"),
    ];

    public static HtmlPageFacts Inspect(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        var document = parser.ParseDocument(html);

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in document.QuerySelectorAll("[id]")) ids.Add(e.Id!);
        foreach (var e in document.QuerySelectorAll("a[name]")) ids.Add(e.GetAttribute("name")!);

        var references = new List<HtmlReference>();
        foreach (var (selector, attribute) in ReferenceAttributes)
            foreach (var e in document.QuerySelectorAll(selector))
            {
                var (line, column) = Position(e);
                references.Add(new HtmlReference(e.GetAttribute(attribute)!.Trim(), e.LocalName, line, column));
            }
        references.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));

        var images = document.QuerySelectorAll("img").Select(e =>
        {
            var (line, column) = Position(e);
            return new HtmlImage(e.GetAttribute("src") ?? "", e.GetAttribute("alt"), line, column);
        }).ToList();

        var headings = document.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(e =>
        {
            var (line, column) = Position(e);
            return new HtmlHeading(e.LocalName[1] - '0', e.TextContent.Trim(), line, column);
        }).ToList();

        // Links listed in the main content (the index's entries), not in navigation such as pagination or breadcrumbs.
        var listed = document.QuerySelectorAll("main li a[href]").Count(a => a.Closest("nav") is null);

        var lang = document.DocumentElement.GetAttribute("lang");
        return new HtmlPageFacts(lang, ids, references, images, headings, listed);
    }

    private static (int Line, int Column) Position(IElement element) =>
        element.SourceReference is { } source ? (source.Position.Line, source.Position.Column) : (0, 0);
}
