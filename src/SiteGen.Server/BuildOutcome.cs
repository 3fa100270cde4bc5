using SiteGen.Diagnostics;

namespace SiteGen.Server;

/// <summary>The result of one preview build, numbered in order: what the terminal prints and what open tabs are told.</summary>
public sealed record BuildOutcome(int Number, bool Succeeded, IReadOnlyList<Diagnostic> Diagnostics, TimeSpan Elapsed, int Pages)
{
    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);
}
