namespace SiteGen.Model;

/// <summary>What an HTML page shows; each kind has its own layout in the theme.</summary>
public enum PageKind
{
    Home,
    Report,
    Taxonomy,
    Term,
    Search,
    NotFound,

    /// <summary>The views of the archive (publication status, sections side by side, changes since last year), rendered beside <see cref="Site.Pages"/>.</summary>
    Status,
    Compare,
    Changes,
}

/// <summary>One HTML file of the site: its kind, URL, and the slice of the model it shows.</summary>
public sealed record Page
{
    public required PageKind Kind { get; init; }

    /// <summary>Site-relative URL path ("" for home, <c>agencies/x/page/2/</c>, <c>404.html</c>).</summary>
    public required string Path { get; init; }

    public Report? Report { get; init; }
    public Taxonomy? Taxonomy { get; init; }
    public Term? Term { get; init; }

    /// <summary>1-based page number and page count of a paginated list.</summary>
    public int PageNumber { get; init; } = 1;
    public int PageCount { get; init; } = 1;
}
