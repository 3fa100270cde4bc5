using System.Globalization;
using SiteGen.Load;

namespace SiteGen.Model;

/// <summary>Files reports under the terms of one <see cref="TaxonomyDefinition"/>: the values of its front-matter field are the terms, a path of them for a hierarchy.</summary>
internal static class TaxonomyBuilder
{
    public static Taxonomy Build(TaxonomyDefinition definition, IReadOnlyList<Report> reports) =>
        definition.Hierarchical ? BuildHierarchy(definition, reports) : BuildFlat(definition, reports);

    /// <summary>The values of a report's field, in its order, trimmed and empty ones left out.</summary>
    private static IReadOnlyList<string> ValuesOf(Report report, string field)
    {
        var meta = report.Meta;
        IReadOnlyList<string> values = field switch
        {
            "agency" => [report.Agency],
            "year" => [report.Year.ToString(CultureInfo.InvariantCulture)],
            "type" => [report.Series],
            "region" => report.Region,
            "topic" => meta.Topic is { } topic ? [topic] : [],
            "tags" => meta.Tags,
            "publisher" => meta.Publisher is { } publisher ? [publisher] : [],
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a taxonomy field"),
        };
        return values.All(v => v.Length > 0 && v.Trim().Length == v.Length) ? values : values.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
    }

    // A year is already a safe URL segment (years/2024/); any other name is hashed to one.
    private static string Segment(TaxonomyDefinition definition, string key) => definition.Field == "year" ? key : SiteUrls.Segment(key);

    private static Taxonomy BuildFlat(TaxonomyDefinition definition, IReadOnlyList<Report> reports)
    {
        var terms = new Dictionary<string, (Term Term, Report First)>(StringComparer.Ordinal);
        var termsOf = new Dictionary<Report, IReadOnlyList<Term>>(reports.Count, ReferenceEqualityComparer.Instance);
        foreach (var report in reports)
        {
            // A value listed twice (`tags: [复议, 复议]`) files the report once.
            var values = ValuesOf(report, definition.Field);
            if (values.Count > 1) values = values.Distinct(StringComparer.Ordinal).ToList();
            if (values.Count == 0) continue;
            var own = new Term[values.Count];
            for (var i = 0; i < values.Count; i++)
            {
                var k = values[i];
                if (!terms.TryGetValue(k, out var entry))
                {
                    entry = (new Term { Taxonomy = definition.Key, Key = k, Name = k, Path = SiteUrls.TermPath(definition.Key, Segment(definition, k)) }, report);
                    terms[k] = entry;
                }
                entry.Term.Reports.Add(report);
                own[i] = entry.Term;
            }
            termsOf[report] = own;
        }
        var listed = terms.Values;
        var ordered = definition.Order switch
        {
            TermOrder.NameDescending => listed.OrderByDescending(e => e.Term.Key, StringComparer.Ordinal),
            TermOrder.Region => listed.OrderBy(e => e.First.Region.Count == 0 ? "\uffff" : string.Join('/', e.First.Region), StringComparer.Ordinal)
                .ThenBy(e => e.Term.Key, StringComparer.Ordinal),
            _ => listed.OrderBy(e => e.Term.Key, StringComparer.Ordinal),
        };
        return new Taxonomy(definition, ordered.Select(e => e.Term).ToList(), termsOf);
    }

    private static Taxonomy BuildHierarchy(TaxonomyDefinition definition, IReadOnlyList<Report> reports)
    {
        var terms = new Dictionary<string, Term>(StringComparer.Ordinal);
        var termsOf = new Dictionary<Report, IReadOnlyList<Term>>(reports.Count, ReferenceEqualityComparer.Instance);
        foreach (var report in reports)
        {
            var path = ValuesOf(report, definition.Field);
            Term? parent = null;
            for (var depth = 1; depth <= path.Count; depth++)
            {
                var k = string.Join('/', path.Take(depth));
                if (!terms.TryGetValue(k, out var term))
                {
                    term = new Term { Taxonomy = definition.Key, Key = k, Name = path[depth - 1], Path = SiteUrls.TermPath(definition.Key, SiteUrls.Segment(k)), Parent = parent };
                    terms[k] = term;
                    parent?.Children.Add(term);
                }
                term.Reports.Add(report);
                parent = term;
            }
            if (parent is not null) termsOf[report] = [parent];
        }
        Comparison<Term> compare = definition.Order == TermOrder.NameDescending
            ? (a, b) => string.CompareOrdinal(b.Name, a.Name)
            : (a, b) => string.CompareOrdinal(a.Name, b.Name);
        foreach (var term in terms.Values) term.Children.Sort(compare);
        var roots = terms.Values.Where(t => t.Parent is null).ToList();
        roots.Sort(compare);
        var ordered = new List<Term>(terms.Count);
        void Visit(Term t)
        {
            ordered.Add(t);
            foreach (var c in t.Children) Visit(c);
        }
        foreach (var root in roots) Visit(root);
        return new Taxonomy(definition, ordered, termsOf);
    }
}
