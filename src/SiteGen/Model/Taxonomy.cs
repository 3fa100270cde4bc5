using SiteGen.Load;

namespace SiteGen.Model;

/// <summary>The terms of one <see cref="TaxonomyDefinition"/> (agency, year, region, series, or one a site defines): one mechanism behind every index page.</summary>
public sealed class Taxonomy
{
    private readonly Dictionary<Report, IReadOnlyList<Term>> _termsOf;

    public Taxonomy(TaxonomyDefinition definition, IReadOnlyList<Term> terms, Dictionary<Report, IReadOnlyList<Term>> termsOf)
    {
        Definition = definition;
        Terms = terms;
        Roots = terms.Where(t => t.Parent is null).ToList();
        IsHierarchy = terms.Any(t => t.Parent is not null);
        _termsOf = termsOf;
    }

    public TaxonomyDefinition Definition { get; }

    /// <summary>Stable identifier and URL folder: <c>agencies</c>, <c>years</c>, <c>regions</c>, <c>series</c>, or a site's own key.</summary>
    public string Name => Definition.Key;

    /// <summary>Terms in display order (a hierarchy's depth first, each level in order); the top-level terms alone are in <see cref="Roots"/>.</summary>
    public IReadOnlyList<Term> Terms { get; }

    public IReadOnlyList<Term> Roots { get; }
    public bool IsHierarchy { get; }

    /// <summary>The terms a report is filed under, in its field's order; for a hierarchy the deepest one only (its ancestors hold the report too).</summary>
    public IReadOnlyList<Term> TermsOf(Report report) => _termsOf.TryGetValue(report, out var terms) ? terms : [];
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
