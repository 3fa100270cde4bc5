using SiteGen.Diagnostics;

namespace SiteGen.Check;

/// <summary>Everything `sitegen check` found, in a stable order; the site passes when there are no errors.</summary>
public sealed record CheckResult(IReadOnlyList<Diagnostic> Diagnostics, int ReportsChecked, int PagesChecked, bool OutputChecked)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
    public int Infos => Diagnostics.Count(d => d.Severity == Severity.Info);
    public bool Passed => Errors == 0;
}
