using SiteGen.Load;

namespace SiteGen.Model;

/// <summary>One report in the site model: its front matter with defaults applied, its URL, and the terms it belongs to.</summary>
public sealed record Report
{
    public required ContentFile Source { get; init; }
    public FrontMatter Meta => Source.FrontMatter;
    public string Title => Meta.Title;
    public string Agency => Meta.Agency;
    public int Year => Meta.Year;
    public IReadOnlyList<string> Region => Meta.Region;
    public DateOnly? Published => Meta.Published;

    /// <summary>The report series; the site's default series when the front matter names none.</summary>
    public required string Series { get; init; }

    /// <summary>Site-relative URL path of the report page, e.g. <c>reports/2024/k3x7qa2m/</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Files the report's Markdown links that are published beside its page, in the order the body first links them.</summary>
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>Identity of a report: one agency publishes one report per year and series.</summary>
    public string Key => $"{Agency}\u001f{Year}\u001f{Series}";
}
