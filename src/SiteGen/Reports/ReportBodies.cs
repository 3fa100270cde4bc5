using SiteGen.Load;
using SiteGen.Model;

namespace SiteGen.Reports;

/// <summary>Reads a report's Markdown body from its file (the model keeps no bodies, so memory does not grow with the archive) and splits it into its sections.</summary>
public static class ReportBodies
{
    /// <summary>The body split at its top-level headings; an <see cref="IOException"/> when the file vanished since it was loaded.</summary>
    public static SectionedBody Read(Report report) => RequiredSections.Split(ContentLoader.ReadBody(report.Source));
}
