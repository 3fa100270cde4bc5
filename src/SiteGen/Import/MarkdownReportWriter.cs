using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>Writes an imported report as a content file: YAML front matter in the content model's field order (a report missing required fields is a draft, with a comment naming them at the top), then the Markdown body, with the text escaped so it renders exactly as written.</summary>
internal static partial class MarkdownReportWriter
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(ImportedReport report)
    {
        var sb = new StringBuilder();
        sb.Append("---\n");
        var missing = report.MissingFields;
        if (missing.Count > 0)
            sb.Append("# Draft: sitegen import did not find ").Append(string.Join(", ", missing))
                .Append(" on the page. Fill in from the original, then remove `draft: true` to publish the report.\n");
        Field(sb, "title", report.Title);
        Field(sb, "agency", report.Agency);
        if (report.Region.Count > 0) sb.Append("region: [").Append(string.Join(", ", report.Region.Select(Quote))).Append("]\n");
        if (report.Year is { } year) sb.Append("year: ").Append(year.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Date(sb, "published", report.Published);
        Field(sb, "type", report.Type);
        Field(sb, "source_url", report.SourceUrl);
        Field(sb, "index_no", report.IndexNo);
        Field(sb, "doc_no", report.DocNo);
        Field(sb, "publisher", report.Publisher);
        Date(sb, "written", report.Written);
        Field(sb, "topic", report.Topic);
        if (missing.Count > 0) sb.Append("draft: true\n");
        sb.Append("---\n");
        foreach (var block in report.Blocks)
        {
            sb.Append('\n');
            switch (block)
            {
                case HeadingBlock h:
                    sb.Append('#', h.Level).Append(' ').Append(EscapeInline(h.Text)).Append('\n');
                    break;
                case ParagraphBlock p:
                    sb.Append(EscapeParagraph(p.Text)).Append('\n');
                    break;
                case TableBlock t:
                    foreach (var row in t.Rows) sb.Append(row).Append('\n');
                    break;
            }
        }
        return sb.ToString();
    }

    private static void Field(StringBuilder sb, string name, string? value)
    {
        if (value is not null) sb.Append(name).Append(": ").Append(Quote(value)).Append('\n');
    }

    private static void Date(StringBuilder sb, string name, DateOnly? value)
    {
        if (value is { } d) sb.Append(name).Append(": ").Append(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
    }

    /// <summary>A YAML double-quoted scalar; JSON string syntax is a subset of it.</summary>
    private static string Quote(string value) => JsonSerializer.Serialize(value, Quoting);

    /// <summary>Backslash-escapes the characters Markdown would read as emphasis, code, links, HTML or entities.</summary>
    public static string EscapeInline(string text) => Entity().Replace(Inline().Replace(text, @"\$0"), @"\&");

    /// <summary>Escapes a paragraph, including line starts Markdown would read as a heading, quote, list or rule.</summary>
    public static string EscapeParagraph(string text)
    {
        var s = EscapeInline(text);
        var list = OrderedListStart().Match(s);
        if (list.Success) return s[..list.Groups[1].Index] + "\\" + s[list.Groups[1].Index..];
        return BlockStart().IsMatch(s) ? "\\" + s : s;
    }

    [GeneratedRegex(@"[\\*_`\[\]<]")]
    private static partial Regex Inline();

    [GeneratedRegex(@"&(?=#?[A-Za-z0-9]+;)")]
    private static partial Regex Entity();

    [GeneratedRegex(@"^\d{1,9}([.)])(\s|$)")]
    private static partial Regex OrderedListStart();

    [GeneratedRegex(@"^([#>+=|~-]|\s)")]
    private static partial Regex BlockStart();
}
