namespace SiteGen.Check;

/// <summary>What `sitegen check` examines: the site folder, and the same base URL and draft settings a build would use.</summary>
public sealed record CheckOptions
{
    public required string SiteDir { get; init; }
    public string? BaseUrl { get; init; }
    public bool IncludeDrafts { get; init; }
}
