using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SiteGen.Load;
using SiteGen.Model;
using SiteGen.Render;

namespace SiteGen.Downloads;

/// <summary>The two downloads of each report page (政府信息公开条例: 检索、查阅、下载): the plain text, and the Markdown with its front matter;
/// written as files beside the page (<c>downloads: files</c>), or described in the page for the reader's browser to make (<see cref="BrowserData"/>).</summary>
/// <remarks>
/// The Markdown is not the source file's bytes: its front matter is written again from the validated fields (those of the content
/// model, the series filled in), and the body follows as written, with line ends made LF. Source files carry what is not
/// published: YAML comments, editors' notes in unknown fields (<c>reviewer:</c>, <c>todo:</c>), a <c>draft</c> flag, a BOM, CRLF
/// line ends. What a reader downloads is what the site states, in a form any Markdown tool (and `sitegen build`) reads back.
/// The plain text starts with a UTF-8 BOM: static hosts often serve <c>.txt</c> without a charset, and the BOM makes browsers and
/// Windows Notepad read the Chinese text as UTF-8; the Markdown has none, since front matter must start the file.
/// In the browser (the default), the theme's script writes the same plain text from the page's article, and Markdown converted
/// back from it (which builds to the same article) after the same front matter: the page carries only what the article lacks.
/// </remarks>
public static class ReportDownloads
{
    public const string TextExtension = "txt";
    public const string MarkdownExtension = "md";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // Chinese as UTF-8 and quotes as \" (a tenth of the size escaping them as \u0022 takes); every < is escaped below, so the JSON
    // can never end the <script> element it sits in, nor open a comment there.
    private static readonly JsonWriterOptions ScriptJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string TextPath(Report report) => SiteUrls.ReportDownload(report.Path, TextExtension);
    public static string MarkdownPath(Report report) => SiteUrls.ReportDownload(report.Path, MarkdownExtension);

    /// <summary>Both downloads of a report whose Markdown body is <paramref name="body"/>.</summary>
    public static IEnumerable<(string Path, byte[] Bytes)> For(Site site, Report report, string body, MarkdownRenderer markdown)
    {
        yield return (TextPath(report), PlainText(site, report, body, markdown));
        yield return (MarkdownPath(report), Markdown(report, body));
    }

    public static byte[] Markdown(Report report, string body)
    {
        var sb = new StringBuilder(body.Length + 512).Append(FrontMatter(report));
        var text = body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (!text.StartsWith('\n')) sb.Append('\n');
        sb.Append(text);
        if (!text.EndsWith('\n')) sb.Append('\n');
        return Utf8.GetBytes(sb.ToString());
    }

    /// <summary>The Markdown download's front matter, <c>---</c> lines included: the validated fields in the content model's order.</summary>
    public static string FrontMatter(Report report)
    {
        var meta = report.Meta;
        var sb = new StringBuilder(512);
        sb.Append("---\n");
        FrontMatterText.Field(sb, "title", meta.Title);
        FrontMatterText.Field(sb, "agency", meta.Agency);
        FrontMatterText.List(sb, "region", meta.Region);
        FrontMatterText.Year(sb, meta.Year);
        FrontMatterText.Date(sb, "published", meta.Published);
        FrontMatterText.Field(sb, "type", report.Series);
        FrontMatterText.Field(sb, "source_url", meta.SourceUrl);
        FrontMatterText.Field(sb, "index_no", meta.IndexNo);
        FrontMatterText.Field(sb, "doc_no", meta.DocNo);
        FrontMatterText.Field(sb, "publisher", meta.Publisher);
        FrontMatterText.Date(sb, "written", meta.Written);
        FrontMatterText.Field(sb, "topic", meta.Topic);
        FrontMatterText.Field(sb, "slug", meta.Slug);
        FrontMatterText.Field(sb, "summary", meta.Summary);
        FrontMatterText.List(sb, "tags", meta.Tags);
        return sb.Append("---\n").ToString();
    }

    /// <summary>The report as plain text: its heading lines (<see cref="TextHead"/>), then the body's text as the page shows it.</summary>
    public static byte[] PlainText(Site site, Report report, string body, MarkdownRenderer markdown) =>
        Utf8.GetBytes(TextHead(site, report) + markdown.PlainText(body));

    /// <summary>What the plain text has before the body: a BOM, the title, the catalogue facts with labels in the site's language, the
    /// page's URL, and a blank line.</summary>
    public static string TextHead(Site site, Report report)
    {
        var meta = report.Meta;
        var en = site.Config.Language == "en";
        var sb = new StringBuilder(512);
        sb.Append('\uFEFF').Append(meta.Title).Append("\n\n");
        void Line(string zh, string english, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) sb.Append(en ? english + ": " : zh + "：").Append(value).Append('\n');
        }
        Line("发布机构", "Agency", meta.Agency);
        Line("地区", "Region", string.Join(" › ", meta.Region));
        Line("年度", "Year", meta.Year.ToString(CultureInfo.InvariantCulture));
        Line("发布日期", "Published", meta.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Line("类别", "Series", report.Series);
        Line("索引号", "Index number", meta.IndexNo);
        Line("发文字号", "Document number", meta.DocNo);
        Line("网址", "URL", site.Urls.Absolute(report.Path));
        Line("原文网址", "Source", meta.SourceUrl);
        return sb.Append('\n').ToString();
    }

    /// <summary>What the report page carries for its browser to make both downloads (<c>downloads: browser</c>), as JSON for a
    /// <c>&lt;script type="application/json"&gt;</c> data block: the page's URL as links write it (attached files are published under
    /// it), and each file's name and what comes before the body (<see cref="TextHead"/>, <see cref="FrontMatter"/>).</summary>
    public static string BrowserData(Site site, Report report)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, ScriptJson))
        {
            w.WriteStartObject();
            w.WriteString("href", site.Urls.Href(report.Path));
            w.WriteStartObject("text");
            w.WriteString("file", FileName(TextPath(report)));
            w.WriteString("head", TextHead(site, report));
            w.WriteEndObject();
            w.WriteStartObject("markdown");
            w.WriteString("file", FileName(MarkdownPath(report)));
            w.WriteString("head", FrontMatter(report));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("<", "\\u003C", StringComparison.Ordinal);
    }

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];
}
