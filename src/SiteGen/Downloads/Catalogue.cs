using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SiteGen.Model;

namespace SiteGen.Downloads;

/// <summary>One report in the catalogue: the facts of its 政府信息公开 catalogue and its absolute URL.</summary>
public sealed record CatalogueRow(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("agency")] string Agency,
    [property: JsonPropertyName("region")] IReadOnlyList<string> Region,
    [property: JsonPropertyName("year")] int Year,
    [property: JsonPropertyName("published")] string? Published,
    [property: JsonPropertyName("series")] string Series,
    [property: JsonPropertyName("index_no")] string? IndexNo,
    [property: JsonPropertyName("doc_no")] string? DocNo,
    [property: JsonPropertyName("url")] string Url);

/// <summary>The catalogue file: the site, how many reports, and one row each.</summary>
public sealed record CatalogueFile(
    [property: JsonPropertyName("site")] string Site,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("reports")] IReadOnlyList<CatalogueRow> Reports);

/// <summary>System.Text.Json source generation for the catalogue and the export: no reflection, stable property order.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(CatalogueFile))]
[JsonSerializable(typeof(ExportDocument))]
[JsonSerializable(typeof(BulkAction))]
public sealed partial class DownloadJsonContext : JsonSerializerContext
{
    /// <summary>Chinese written as UTF-8, not as \u escapes (a third of the size); the files are served as JSON, never inside HTML.</summary>
    public static DownloadJsonContext Relaxed { get; } = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}

/// <summary>Writes <c>catalogue.csv</c> and <c>catalogue.json</c>: one row per report (title, agency, region levels, year, published,
/// series, 索引号, 发文字号, URL), newest year first, then by region and agency.</summary>
/// <remarks>
/// The CSV follows RFC 4180 (CRLF line ends, a field with a comma, quote or line break quoted, quotes doubled) and starts with a
/// UTF-8 BOM, without which Excel opens UTF-8 as the local code page. A cell that starts with <c>= + - @</c>, a tab or a carriage
/// return would be run as a formula by spreadsheet programs (CSV injection); such a cell gets a leading apostrophe, which
/// spreadsheets show as text and readers recognise, instead of dropping or changing characters of an official title or number.
/// The JSON keeps every value exactly, for programs. URLs are absolute when <c>base_url</c> names the host, site-relative otherwise.
/// </remarks>
public static class Catalogue
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static IReadOnlyList<CatalogueRow> Rows(Site site) =>
        site.Reports
            .OrderByDescending(r => r.Year)
            .ThenBy(r => string.Join('/', r.Region), StringComparer.Ordinal)
            .ThenBy(r => r.Agency, StringComparer.Ordinal)
            .ThenBy(r => r.Series, StringComparer.Ordinal)
            .Select(r => new CatalogueRow(r.Title, r.Agency, r.Region, r.Year,
                r.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Series, r.Meta.IndexNo, r.Meta.DocNo, site.Urls.Absolute(r.Path)))
            .ToList();

    /// <summary>Both files, as (output path, bytes).</summary>
    public static IEnumerable<(string Path, byte[] Bytes)> Files(Site site)
    {
        var rows = Rows(site);
        yield return (SiteUrls.CatalogueCsv, Csv(rows, site.Config.Language));
        yield return (SiteUrls.CatalogueJson, Json(site.Config.Title, rows));
    }

    public static byte[] Csv(IReadOnlyList<CatalogueRow> rows, string language)
    {
        string[] header = language == "en"
            ? ["title", "agency", "region_1", "region_2", "region_3", "year", "published", "series", "index_no", "doc_no", "url"]
            : ["标题", "发布机构", "省级", "市级", "县级", "年度", "发布日期", "类别", "索引号", "发文字号", "网址"];
        var sb = new StringBuilder("\uFEFF");
        AppendRow(sb, header);
        foreach (var r in rows)
            AppendRow(sb, [r.Title, r.Agency, Level(r, 0), Level(r, 1), Level(r, 2), r.Year.ToString(CultureInfo.InvariantCulture),
                r.Published ?? "", r.Series, r.IndexNo ?? "", r.DocNo ?? "", r.Url]);
        return Utf8.GetBytes(sb.ToString());
    }

    private static string Level(CatalogueRow row, int level) => level < row.Region.Count ? row.Region[level] : "";

    private static void AppendRow(StringBuilder sb, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(Cell(cells[i]));
        }
        sb.Append("\r\n");
    }

    /// <summary>One CSV field: neutralised against formula injection, then quoted when RFC 4180 requires it.</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static byte[] Json(string siteTitle, IReadOnlyList<CatalogueRow> rows) =>
        JsonSerializer.SerializeToUtf8Bytes(new CatalogueFile(siteTitle, rows.Count, rows), DownloadJsonContext.Relaxed.CatalogueFile);
}
