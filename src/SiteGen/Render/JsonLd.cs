using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using SiteGen.Load;
using SiteGen.Model;

namespace SiteGen.Render;

/// <summary>Writes schema.org JSON-LD for a report (a <c>Report</c> published by a <c>GovernmentOrganization</c>), escaped for use inside a script element.</summary>
public static class JsonLd
{
    // JavaScriptEncoder always escapes <, >, &, ' and ", so the JSON can never close the surrounding <script> element.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Report(Report report, SiteUrls urls, SiteConfig config)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("@context", "https://schema.org");
            w.WriteString("@type", "Report");
            w.WriteString("name", report.Title);
            w.WriteString("headline", report.Title);
            w.WriteString("url", urls.Absolute(report.Path));
            w.WriteString("inLanguage", config.Language);
            if (report.Published is { } published) w.WriteString("datePublished", published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("temporalCoverage", report.Year.ToString(CultureInfo.InvariantCulture));
            w.WriteString("genre", report.Series);
            if (report.Meta.SourceUrl is { } source) w.WriteString("isBasedOn", source);
            w.WriteStartObject("publisher");
            w.WriteString("@type", "GovernmentOrganization");
            w.WriteString("name", report.Agency);
            if (report.Region.Count > 0)
            {
                w.WriteStartObject("areaServed");
                w.WriteString("@type", "AdministrativeArea");
                w.WriteString("name", string.Join("", report.Region));
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
