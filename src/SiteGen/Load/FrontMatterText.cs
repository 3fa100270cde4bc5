using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SiteGen.Load;

/// <summary>Writes YAML front matter lines that <see cref="FrontMatterParser"/> reads back as written: every text double-quoted,
/// dates as ISO <c>YYYY-MM-DD</c>, fields in the content model's order; shared by the importer and the Markdown download.</summary>
public static class FrontMatterText
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A YAML double-quoted scalar; JSON string syntax is a subset of it, so quotes, backslashes and line breaks stay one value.</summary>
    public static string Quote(string value) => JsonSerializer.Serialize(value, Quoting);

    public static void Field(StringBuilder sb, string name, string? value)
    {
        if (value is not null) sb.Append(name).Append(": ").Append(Quote(value)).Append('\n');
    }

    public static void Date(StringBuilder sb, string name, DateOnly? value)
    {
        if (value is { } d) sb.Append(name).Append(": ").Append(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
    }

    public static void List(StringBuilder sb, string name, IReadOnlyList<string> values)
    {
        if (values.Count > 0) sb.Append(name).Append(": [").Append(string.Join(", ", values.Select(Quote))).Append("]\n");
    }

    public static void Year(StringBuilder sb, int? year)
    {
        if (year is { } y) sb.Append("year: ").Append(y.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }
}
