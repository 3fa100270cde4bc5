using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Build;

/// <summary>What a build did: whether it published, its diagnostics, pages by kind, files, bytes and time.</summary>
public sealed record BuildResult(
    bool Succeeded,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyDictionary<PageKind, int> PagesByKind,
    long FilesWritten,
    long BytesWritten,
    TimeSpan Elapsed,
    string OutputDir)
{
    /// <summary>Pages rendered by this build, and pages reused unchanged from the previous one.</summary>
    public int PagesRendered { get; init; }
    public int PagesReused { get; init; }

    /// <summary>Content files taken from the load cache, unread, because nothing about them changed since the previous build.</summary>
    public int ReportsFromCache { get; init; }

    /// <summary>Comparisons of a report with its previous year whose counts were taken from the build state, unread, because neither report changed.</summary>
    public int ComparisonsFromCache { get; init; }

    /// <summary>What the search index stage produced; null when the build failed before it.</summary>
    public Search.SearchIndexStats? Search { get; init; }
}
