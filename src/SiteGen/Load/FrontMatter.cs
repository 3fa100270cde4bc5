namespace SiteGen.Load;

/// <summary>The typed fields of a report's YAML front matter (see the content model) plus the unknown fields, kept for templates.</summary>
public sealed record FrontMatter
{
    public required string Title { get; init; }
    public required string Agency { get; init; }
    public required int Year { get; init; }
    public IReadOnlyList<string> Region { get; init; } = [];
    public DateOnly? Published { get; init; }
    public string? Type { get; init; }
    public string? SourceUrl { get; init; }
    public string? IndexNo { get; init; }
    public string? DocNo { get; init; }
    public string? Publisher { get; init; }
    public DateOnly? Written { get; init; }
    public string? Topic { get; init; }
    public string? Slug { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public bool Draft { get; init; }

    /// <summary>The required fields (title, agency, year) a draft still lacks: empty for every report that may be published.</summary>
    public IReadOnlyList<string> MissingFields =>
        new[] { ("title", Title.Length == 0), ("agency", Agency.Length == 0), ("year", Year == 0) }.Where(f => f.Item2).Select(f => f.Item1).ToList();
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();

    /// <summary>Line of each known field in the file, for diagnostics raised after loading (duplicates, collisions).</summary>
    public IReadOnlyDictionary<string, int> FieldLines { get; init; } = new Dictionary<string, int>();
}
