using System.Globalization;
using SiteGen.Load;

namespace SiteGen.Model;

/// <summary>A file published with a report, beside its page: where it comes from, where it is published, what it is, and the links of
/// the report's Markdown that lead to it.</summary>
public sealed record Attachment
{
    /// <summary>The file in the content folder.</summary>
    public required string SourcePath { get; init; }

    /// <summary>The file as diagnostics name it: <c>content/reports/2024/a/统计表.xlsx</c>.</summary>
    public required string SourceFile { get; init; }

    /// <summary>Site-relative output path: the report's folder and the file's safe name, e.g. <c>reports/2024/k3x7qa2m/统计表.xlsx</c>.</summary>
    public required string OutputPath { get; init; }

    /// <summary>The URL links lead to: base path included, each segment percent-encoded.</summary>
    public required string Href { get; init; }

    public required AttachmentType Type { get; init; }

    /// <summary>Size in bytes when the build found it.</summary>
    public required long Length { get; init; }

    /// <summary>What the file system said about the file, which tells the next build whether it changed.</summary>
    public required SourceStamp Stamp { get; init; }

    /// <summary>The link destinations, as the Markdown writes them, that lead to this file (<c>统计表.xlsx</c>, <c>统计表.xlsx#sheet2</c>).</summary>
    public required IReadOnlyList<string> Links { get; init; }

    /// <summary>The text of the first link to the file (an image's alt text when it is only shown).</summary>
    public required string Title { get; init; }

    /// <summary>A link leads to it (not only an image): it is listed with the report's attachments, with its type and size.</summary>
    public required bool Listed { get; init; }

    /// <summary>The published file name, as readers download it.</summary>
    public string FileName => OutputPath[(OutputPath.LastIndexOf('/') + 1)..];

    public string SizeLabel => FormatSize(Length);

    /// <summary>What the report page shows of the file (URL, title, type, size, the links leading to it), for the page's fingerprint.</summary>
    public string RenderKey => string.Join('\u001f', Href, Title, Type.Label, SizeLabel, Listed ? "listed" : "shown", string.Join('\u001e', Links));

    /// <summary>A size as people read it: <c>512 B</c>, <c>35 KB</c>, <c>1.2 MB</c> (binary units, one decimal below 10).</summary>
    public static string FormatSize(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        if (bytes < 1024) return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        var value = (double)bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        var rounded = Math.Round(value, value < 9.95 ? 1 : 0, MidpointRounding.AwayFromZero);
        // 1,048,000 bytes is 1023.4 KB, which reads better as 1.0 MB once rounded up to 1024.
        if (rounded >= 1024 && unit < units.Length - 1) (rounded, unit) = (1, unit + 1);
        return rounded.ToString(rounded < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    /// <summary>The query and fragment of a link destination (<c>#page=3</c>), kept when the link is pointed at the published file.</summary>
    public static string SuffixOf(string url)
    {
        var at = url.IndexOfAny(['?', '#']);
        return at < 0 ? "" : url[at..];
    }
}
