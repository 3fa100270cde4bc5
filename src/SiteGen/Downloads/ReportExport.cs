using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SiteGen.Diagnostics;
using SiteGen.Load;
using SiteGen.Model;
using SiteGen.Reports;

namespace SiteGen.Downloads;

/// <summary>A top-level section of an exported report: its heading, the required items it covers, and its plain text.</summary>
public sealed record ExportSection(
    [property: JsonPropertyName("heading")] string Heading,
    [property: JsonPropertyName("items")] IReadOnlyList<int> Items,
    [property: JsonPropertyName("text")] string Text);

/// <summary>One report as a search-engine document: the front matter's facts (field names as in the content model), its URL,
/// the required items it has and lacks, its sections and its whole plain text.</summary>
public sealed record ExportDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("agency")] string Agency,
    [property: JsonPropertyName("region")] IReadOnlyList<string> Region,
    [property: JsonPropertyName("year")] int Year,
    [property: JsonPropertyName("published")] string? Published,
    [property: JsonPropertyName("series")] string Series,
    [property: JsonPropertyName("index_no")] string? IndexNo,
    [property: JsonPropertyName("doc_no")] string? DocNo,
    [property: JsonPropertyName("publisher")] string? Publisher,
    [property: JsonPropertyName("written")] string? Written,
    [property: JsonPropertyName("topic")] string? Topic,
    [property: JsonPropertyName("source_url")] string? SourceUrl,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("summary")] string? Summary,
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags,
    [property: JsonPropertyName("items")] IReadOnlyList<int> Items,
    [property: JsonPropertyName("missing_items")] IReadOnlyList<int> MissingItems,
    [property: JsonPropertyName("sections")] IReadOnlyList<ExportSection> Sections,
    [property: JsonPropertyName("text")] string Text);

/// <summary>The action line before each document of an OpenSearch/Elasticsearch <c>_bulk</c> request.</summary>
public sealed record BulkAction([property: JsonPropertyName("index")] BulkTarget Index);

/// <summary>Where a bulk action goes: the document id only, so the same file loads into any index named in the request URL.</summary>
public sealed record BulkTarget([property: JsonPropertyName("_id")] string Id);

/// <summary>The formats of `sitegen export`.</summary>
public enum ExportFormat
{
    /// <summary>One document per line (NDJSON / JSON Lines): what Meilisearch and Typesense import as it is.</summary>
    Ndjson,

    /// <summary>An action line and a document line per report: the body of OpenSearch's (and Elasticsearch's) <c>_bulk</c> API.</summary>
    OpenSearchBulk,
}

/// <summary>Turns the reports of a site into search-engine documents and writes them as NDJSON, one line per document (two per
/// report in the bulk format), in the site's report order.</summary>
public static class ReportExport
{
    /// <summary>A document id made from the report's URL (<c>2024-k3x7qa2m</c>, or the slug): unique as URLs are, and only
    /// letters, digits and hyphens, as Meilisearch requires of ids and Typesense of ids in URLs.</summary>
    public static string IdOf(Report report)
    {
        var path = report.Path.TrimEnd('/');
        if (path.StartsWith("reports/", StringComparison.Ordinal)) path = path["reports/".Length..];
        return path.Replace('/', '-');
    }

    public static ExportDocument Document(Site site, Report report, string body)
    {
        var meta = report.Meta;
        var sectioned = RequiredSections.Split(body);
        static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new ExportDocument(IdOf(report), meta.Title, meta.Agency, meta.Region, meta.Year, Date(meta.Published), report.Series,
            meta.IndexNo, meta.DocNo, meta.Publisher, Date(meta.Written), meta.Topic, meta.SourceUrl, site.Urls.Absolute(report.Path),
            meta.Summary, meta.Tags,
            RequiredSections.All.Where(i => sectioned.Has(i.Number)).Select(i => i.Number).ToList(),
            sectioned.Missing.Select(i => i.Number).ToList(),
            sectioned.Sections.Select(s => new ExportSection(s.Heading, s.Items, MarkdownText.ToPlain(s.Body).TrimEnd('\n'))).ToList(),
            MarkdownText.ToPlain(body).TrimEnd('\n'));
    }

    /// <summary>Writes every report of the site to <paramref name="output"/>, reading each body with <paramref name="readBody"/>;
    /// returns the number of reports written.</summary>
    public static int Write(Site site, ExportFormat format, Stream output, Func<Report, string> readBody)
    {
        var info = DownloadJsonContext.Relaxed.ExportDocument;
        var action = DownloadJsonContext.Relaxed.BulkAction;
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = DownloadJsonContext.Relaxed.Options.Encoder, SkipValidation = true });
        var count = 0;
        // Bodies are read and converted a batch at a time in parallel, and written in order, so memory stays bounded.
        foreach (var batch in site.Reports.Chunk(256))
        {
            var documents = new ExportDocument[batch.Length];
            Parallel.For(0, batch.Length, i => documents[i] = Document(site, batch[i], readBody(batch[i])));
            foreach (var document in documents)
            {
                if (format == ExportFormat.OpenSearchBulk)
                {
                    JsonSerializer.Serialize(writer, new BulkAction(new BulkTarget(document.Id)), action);
                    NewLine(writer, output);
                }
                JsonSerializer.Serialize(writer, document, info);
                NewLine(writer, output);
                count++;
            }
        }
        return count;
    }

    /// <summary>Writes the export to <paramref name="path"/> atomically: into a temporary file beside it, renamed over it only when
    /// complete, so a failed export leaves the previous file as it was. Returns the number of reports written.</summary>
    public static int WriteFile(Site site, ExportFormat format, string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new SiteGenException(DiagnosticCodes.InvalidArgument, $"--output `{path}` is a folder", "give a file name, e.g. --output reports.ndjson");
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
            throw new SiteGenException(DiagnosticCodes.InvalidArgument, $"the folder of --output `{path}` does not exist", "create it first, or write to another folder");
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            int count;
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                count = Write(site, format, stream, ReadBody);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
            return count;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>A report's body, or a <see cref="SiteGenException"/> naming the file when it vanished since it was loaded.</summary>
    public static string ReadBody(Report report)
    {
        try
        {
            return ContentLoader.ReadBody(report.Source);
        }
        catch (IOException ex)
        {
            throw new SiteGenException(DiagnosticCodes.ContentVanished, $"cannot read the report: {ex.Message}",
                "do not move or delete content while sitegen runs; run it again", report.Source.RelativePath);
        }
    }

    private static void NewLine(Utf8JsonWriter writer, Stream output)
    {
        writer.Flush();
        writer.Reset();
        output.WriteByte((byte)'\n');
    }
}
