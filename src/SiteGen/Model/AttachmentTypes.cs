namespace SiteGen.Model;

/// <summary>A kind of file a report may publish: its extension, the label readers see beside a link, and the media type it is served with.</summary>
public sealed record AttachmentType(string Extension, string Label, string MediaType);

/// <summary>The documented list of attachment types (README, "Attachments"); a linked file of any other type is refused at build time.</summary>
public static class AttachmentTypes
{
    /// <summary>WPS Office's own formats have no registered media type: they are served as plain downloads.</summary>
    private const string Download = "application/octet-stream";

    public static readonly IReadOnlyList<AttachmentType> All =
    [
        new(".pdf", "PDF", "application/pdf"),
        new(".ofd", "OFD", "application/ofd"),
        new(".doc", "DOC", "application/msword"),
        new(".docx", "DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        new(".wps", "WPS", Download),
        new(".xls", "XLS", "application/vnd.ms-excel"),
        new(".xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        new(".et", "ET", Download),
        new(".csv", "CSV", "text/csv"),
        new(".txt", "TXT", "text/plain"),
        new(".zip", "ZIP", "application/zip"),
        new(".png", "PNG", "image/png"),
        new(".jpg", "JPG", "image/jpeg"),
        new(".jpeg", "JPEG", "image/jpeg"),
        new(".gif", "GIF", "image/gif"),
        new(".webp", "WEBP", "image/webp"),
    ];

    private static readonly Dictionary<string, AttachmentType> ByExtension = All.ToDictionary(t => t.Extension, StringComparer.OrdinalIgnoreCase);

    /// <summary>The type of a file by its extension (any case), or null when it is not an allowed attachment.</summary>
    public static AttachmentType? Of(string fileName) => ByExtension.GetValueOrDefault(Path.GetExtension(fileName));

    /// <summary>The allowed extensions, for messages: <c>pdf, ofd, doc, …</c>.</summary>
    public static string List => string.Join(", ", All.Select(t => t.Extension[1..]));

    /// <summary>Why a file of a refused type cannot be published, for the error message.</summary>
    public static string Refusal(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        // An SVG opened from the site's own address runs the scripts it holds, with the site's cookies and origin.
        ".svg" => "SVG images are refused: an SVG file can carry scripts that would run on the site's own address",
        "" => "a file without an extension is not an allowed attachment type",
        var ext => $"`{ext}` files are not an allowed attachment type",
    };
}
