namespace SiteGen.Server;

/// <summary>What `sitegen serve` was asked for: the site, where to listen, and how to build the preview.</summary>
public sealed record ServeOptions
{
    public required string SiteDir { get; init; }

    /// <summary>IP address to bind; loopback unless the user explicitly asks for another interface.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (tests).</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Overrides <c>base_url</c> of site.yml, as for `sitegen build`.</summary>
    public string? BaseUrl { get; init; }

    public bool IncludeDrafts { get; init; }

    /// <summary>Folder the preview is built into; never the published <c>output/</c>. Default <c>SITE/.sitegen-cache/serve</c>.</summary>
    public string? OutputDir { get; init; }

    /// <summary>Quiet time after the last file change before a rebuild starts, so a burst of saves causes one build.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(200);

    public string ResolvedOutputDir => Path.GetFullPath(OutputDir ?? Path.Combine(SiteDir, ".sitegen-cache", "serve"));
}
