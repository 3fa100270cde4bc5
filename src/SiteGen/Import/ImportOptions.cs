namespace SiteGen.Import;

/// <summary>What `sitegen import` was asked to do: the inputs (files or folders), where to write, and how careful to be.</summary>
public sealed record ImportOptions
{
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>The site folder; reports go to <c>SITE/content/reports/&lt;year&gt;/</c> unless <see cref="OutDir"/> is set.</summary>
    public required string SiteDir { get; init; }

    /// <summary>Write reports to <c>OUT/&lt;year&gt;/&lt;segment&gt;.md</c> instead of the site's content folder.</summary>
    public string? OutDir { get; init; }

    public bool Force { get; init; }
    public bool DryRun { get; init; }
    public bool Strict { get; init; }

    /// <summary>Copy a PDF input beside its report (same name, <c>.pdf</c>) and link it at the end as the report's original.</summary>
    public bool KeepOriginal { get; init; }
}
