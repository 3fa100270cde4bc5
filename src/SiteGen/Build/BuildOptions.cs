namespace SiteGen.Build;

/// <summary>What the user asked a build to do: where the site is, where the output goes, and how to publish it.</summary>
public sealed record BuildOptions
{
    public required string SiteDir { get; init; }

    /// <summary>Output folder; <c>SITE/output</c> when null.</summary>
    public string? OutputDir { get; init; }

    /// <summary>Overrides <c>base_url</c> of site.yml, e.g. <c>https://example.gov.cn/reports/</c>.</summary>
    public string? BaseUrl { get; init; }

    public bool IncludeDrafts { get; init; }

    /// <summary>Ignore the cache of the previous build and render every page (what benchmarks of clean builds use).</summary>
    public bool Clean { get; init; }

    /// <summary>Build the search index (on by default); off for quick previews and for benchmarks of the pages alone.</summary>
    public bool Search { get; init; } = true;

    /// <summary>Build the views (status, compare and changes pages, downloads, catalogue; on by default); off for benchmarks of what they cost.</summary>
    public bool Views { get; init; } = true;

    /// <summary>How long to wait for another build of the same output before refusing.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(30);

    public string ContentDir => Path.Combine(SiteDir, Load.ContentLoader.ContentFolder);
    public string ResolvedOutputDir => Path.GetFullPath(OutputDir ?? Path.Combine(SiteDir, "output"));
}
