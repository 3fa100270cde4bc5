using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace SiteGen.Search;

/// <summary>One synonym: a form people type and the names that search also looks for when they type it.</summary>
public sealed record Synonym(string Typed, IReadOnlyList<string> Alternatives);

/// <summary>Writes <c>search/synonyms.json</c>: the built-in short forms and former names of government bodies
/// (Search/Data/synonyms.txt, documented entry by entry) merged with the site's own (site.yml <c>search: synonyms:</c>), for the
/// search page to expand queries with (themes/default/static/search/expand.js). The index does not grow.</summary>
/// <remarks>
/// Format (version 1): <c>{"version":1,"synonyms":[["卫健委","卫生健康委员会","卫生健康委"],…]}</c>: each list is a typed form
/// followed by the forms also searched, all folded (simplified, lower case), ordered by typed form. A site entry replaces the
/// built-in entry of the same typed form; one with no alternatives removes it.
/// </remarks>
public static class SynonymsFile
{
    public const string Path = "search/synonyms.json";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static readonly Lazy<IReadOnlyList<Synonym>> Embedded = new(() =>
    {
        using var stream = typeof(SynonymsFile).Assembly.GetManifestResourceStream("search/synonyms.txt")
            ?? throw new InvalidOperationException("the built-in synonyms table is not embedded in SiteGen");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    /// <summary>The built-in table.</summary>
    public static IReadOnlyList<Synonym> BuiltIn => Embedded.Value;

    /// <summary>Parses the table format: <c>typed = alternative, alternative</c> lines, <c>#</c> comments.</summary>
    public static IReadOnlyList<Synonym> Parse(string text)
    {
        var entries = new List<Synonym>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Split('#', 2)[0].Trim();
            if (line.Length == 0) continue;
            var parts = line.Split('=', 2);
            var alternatives = parts.Length == 2 ? parts[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
            if (parts[0].Trim().Length == 0 || alternatives.Length == 0 || alternatives.Append(parts[0]).Any(w => w.Trim().Any(char.IsWhiteSpace)))
                throw new FormatException($"synonyms table line {lineNumber}: expected `typed = alternative, alternative` with one word on each side");
            entries.Add(new Synonym(parts[0].Trim(), alternatives));
        }
        return entries;
    }

    /// <summary>The built-in entries with the site's: a site entry replaces the built-in one of the same (folded) typed form.</summary>
    public static IReadOnlyList<Synonym> Merge(IReadOnlyList<Synonym> builtIn, IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> site)
    {
        var byTyped = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var entry in builtIn) byTyped[Tokenizer.Fold(entry.Typed)] = entry.Alternatives;
        foreach (var (typed, alternatives) in site) byTyped[Tokenizer.Fold(typed)] = alternatives;
        return byTyped.Where(e => e.Value.Count > 0).Select(e => new Synonym(e.Key, e.Value.Select(Tokenizer.Fold).ToList())).ToList();
    }

    /// <summary>The JSON text of the synonyms file.</summary>
    public static string Write(IReadOnlyList<Synonym> synonyms)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteStartArray("synonyms");
            foreach (var entry in synonyms)
            {
                json.WriteStartArray();
                json.WriteStringValue(Tokenizer.Fold(entry.Typed));
                foreach (var alternative in entry.Alternatives) json.WriteStringValue(Tokenizer.Fold(alternative));
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
