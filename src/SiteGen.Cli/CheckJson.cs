using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SiteGen.Check;
using SiteGen.Diagnostics;

namespace SiteGen.Cli;

/// <summary>Writes `sitegen check --format json`: one object with a summary and the diagnostics, for CI annotations and editors.</summary>
public static class CheckJson
{
    public static void Write(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics, CheckResult? result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteBoolean("passed", diagnostics.All(d => d.Severity != Severity.Error));
            json.WriteNumber("errors", diagnostics.Count(d => d.Severity == Severity.Error));
            json.WriteNumber("warnings", diagnostics.Count(d => d.Severity == Severity.Warning));
            json.WriteNumber("infos", diagnostics.Count(d => d.Severity == Severity.Info));
            if (result is not null)
            {
                json.WriteNumber("reports", result.ReportsChecked);
                json.WriteNumber("pages", result.PagesChecked);
                json.WriteBoolean("outputChecked", result.OutputChecked);
            }
            json.WriteStartArray("diagnostics");
            foreach (var d in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("severity", d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" });
                json.WriteString("code", d.Code);
                json.WriteString("file", d.File);
                json.WriteNumber("line", d.Line);
                json.WriteNumber("column", d.Line > 0 ? Math.Max(d.Column, 1) : d.Column);
                json.WriteString("message", d.Message);
                if (d.Hint is null) json.WriteNull("hint");
                else json.WriteString("hint", d.Hint);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
