using System.Globalization;
using System.Text.RegularExpressions;
using SiteGen.Diagnostics;

namespace SiteGen.Load;

/// <summary>Reads the <c>attachments:</c> mapping of site.yml; a bad value is reported at its line and column and the default kept.</summary>
internal static partial class AttachmentSettingsReader
{
    private const string SizeHint = "write a size such as `max_size: 50MB` (units B, KB, MB, GB; 1 MB = 1024 KB), or a number of bytes";

    public static AttachmentSettings Read(IReadOnlyList<YamlDocument.Entry> entries, string file, DiagnosticBag diagnostics)
    {
        var settings = new AttachmentSettings();
        foreach (var e in entries)
        {
            if (e.Key != "max_size")
            {
                diagnostics.Warning(DiagnosticCodes.SiteConfig, file, e.Line, e.Column, $"unknown attachments setting `{e.Key}`", "known settings: max_size");
                continue;
            }
            var (line, column) = YamlDocument.PositionOf(e.Value);
            if (YamlDocument.IsScalar(e.Value, out var text, out _) && ParseSize(text) is { } size)
                settings = settings with { MaxSize = size };
            else
                diagnostics.Error(DiagnosticCodes.SiteConfig, file, line, column, $"`attachments: max_size` must be a size greater than zero, not `{text}`", SizeHint);
        }
        return settings;
    }

    /// <summary>Bytes of a size written <c>50MB</c>, <c>50 MB</c>, <c>1.5GB</c>, <c>500kb</c> or <c>1048576</c>; null when it is not one, or not above zero.</summary>
    public static long? ParseSize(string? text)
    {
        var m = SizePattern().Match(text ?? "");
        if (!m.Success || !decimal.TryParse(m.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)) return null;
        var unit = m.Groups[2].Value.ToUpperInvariant().Replace("I", "", StringComparison.Ordinal) switch
        {
            "" or "B" => 1m,
            "K" or "KB" => 1024m,
            "M" or "MB" => 1024m * 1024,
            "G" or "GB" => 1024m * 1024 * 1024,
            _ => 0m,
        };
        var bytes = number * unit;
        return bytes >= 1 && bytes <= long.MaxValue ? (long)bytes : null;
    }

    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*([KMG]i?B?|B)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SizePattern();
}
