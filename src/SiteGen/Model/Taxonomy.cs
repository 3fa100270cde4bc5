namespace SiteGen.Model;

/// <summary>A way of grouping reports (agency, year, region, series): one mechanism behind every index page.</summary>
public sealed record Taxonomy
{
    /// <summary>Stable identifier and URL folder: <c>agencies</c>, <c>years</c>, <c>regions</c>, <c>series</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Terms in display order; for a hierarchy, the top-level terms only are in <see cref="Roots"/>.</summary>
    public required IReadOnlyList<Term> Terms { get; init; }

    public IReadOnlyList<Term> Roots => Terms.Where(t => t.Parent is null).ToList();
    public bool IsHierarchy => Terms.Any(t => t.Parent is not null);
}

/// <summary>One value of a taxonomy (one agency, one year, one place) and the reports filed under it, its descendants' included.</summary>
public sealed class Term
{
    public required string Taxonomy { get; init; }

    /// <summary>Unique key within the taxonomy; for regions the joined path <c>云南省/玉溪市/红塔区</c>.</summary>
    public required string Key { get; init; }

    public required string Name { get; init; }

    /// <summary>Site-relative URL path of the term's first page, e.g. <c>agencies/k3x7qa2m/</c>.</summary>
    public required string Path { get; init; }

    public Term? Parent { get; init; }
    public List<Term> Children { get; } = [];

    /// <summary>Reports of this term and of every descendant, newest first.</summary>
    public List<Report> Reports { get; } = [];

    public IEnumerable<Term> Ancestors()
    {
        for (var t = Parent; t is not null; t = t.Parent) yield return t;
    }
}
