namespace SiteGen.Html;

/// <summary>A URL referenced by a page (link, image, script, stylesheet), with its 1-based position in the HTML.</summary>
public sealed record HtmlReference(string Url, string Element, int Line, int Column);

/// <summary>An image of a page; <see cref="Alt"/> is null when the attribute is absent.</summary>
public sealed record HtmlImage(string Src, string? Alt, int Line, int Column);

/// <summary>A heading (h1–h6) of a page in document order.</summary>
public sealed record HtmlHeading(int Level, string Text, int Line, int Column);

/// <summary>What the output checks need to know about one built HTML page, extracted once by <see cref="HtmlPageInspector"/>.</summary>
public sealed record HtmlPageFacts(
    string? Lang,
    IReadOnlySet<string> Ids,
    IReadOnlyList<HtmlReference> References,
    IReadOnlyList<HtmlImage> Images,
    IReadOnlyList<HtmlHeading> Headings,
    int ListedLinks);
