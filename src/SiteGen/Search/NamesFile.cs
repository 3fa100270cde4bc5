using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using SiteGen.Import;

namespace SiteGen.Search;

/// <summary>What a name in the names file is: a province, a prefecture-level city, a county-level division or an agency.</summary>
public enum NameKind
{
    Province,
    City,
    County,
    Agency,
}

/// <summary>One name of the names file: its text, kind, the index of its region in the file (-1 for none) and its pinyin.</summary>
public sealed record NameEntry(string Name, NameKind Kind, int Parent, IReadOnlyList<string?> Syllables);

/// <summary>Writes <c>search/names.json</c>, the agency and region names of a site with their pinyin, which the search page fetches
/// once for suggestions as people type (themes/default/static/search/names.js reads it).</summary>
/// <remarks>
/// Format (version 1): <c>{"version":1,"readings":"hong:红洪|ta:塔|…","names":[[name, kind, parent, syllables?], …]}</c>.
/// <c>readings</c> gives the first reading of every character the names use, grouped by syllable; kind is <c>p</c> (province),
/// <c>c</c> (city), <c>d</c> (county-level division) or <c>a</c> (agency); parent is the index of the name's region in
/// <c>names</c> (regions come first, each after its parent) or -1; syllables (space-separated, <c>-</c> for a character
/// without pinyin) are given only where the name reads otherwise than its characters' first readings (重庆市 chong qing shi).
/// An agency's region is the one most of its reports give. Names are in region order, so the file is the same for the same site.
/// </remarks>
public static class NamesFile
{
    public const string Path = "search/names.json";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The names of a site whose reports are given as (agency, region path) pairs.</summary>
    public static IReadOnlyList<NameEntry> Collect(IEnumerable<(string Agency, IReadOnlyList<string> Region)> reports)
    {
        var regionPaths = new SortedSet<string>(StringComparer.Ordinal);
        var agencyRegions = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (agency, region) in reports)
        {
            var path = string.Join('\u001f', region);
            for (var depth = 1; depth <= region.Count; depth++) regionPaths.Add(string.Join('\u001f', region.Take(depth)));
            if (!agencyRegions.TryGetValue(agency, out var counts)) agencyRegions[agency] = counts = new(StringComparer.Ordinal);
            counts[path] = counts.GetValueOrDefault(path) + 1;
        }

        var pinyin = Pinyin.Default;
        var names = new List<NameEntry>();
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        // Ordinal order puts a path right before its descendants ('\u001f' sorts before every character of a name).
        foreach (var path in regionPaths)
        {
            var parts = path.Split('\u001f');
            var parent = parts.Length == 1 ? -1 : indexOf[string.Join('\u001f', parts[..^1])];
            indexOf[path] = names.Count;
            names.Add(new NameEntry(parts[^1], RegionKind(parts), parent, pinyin.Syllables(parts[^1])));
        }
        var agencies = agencyRegions
            .Select(a => (Name: a.Key, Region: a.Value.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).First().Key))
            .OrderBy(a => a.Region, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal);
        foreach (var (name, region) in agencies)
            names.Add(new NameEntry(name, NameKind.Agency, region.Length == 0 ? -1 : indexOf[region], pinyin.Syllables(name)));
        return names;
    }

    private static readonly Lazy<HashSet<string>> DirectCounties = new(() =>
        AdministrativeDivisions.Default.Counties.Where(d => d.City is null).Select(d => d.Province + '\u001f' + d.Name).ToHashSet(StringComparer.Ordinal));

    /// <summary>A region's kind by its depth, and for two levels by the divisions data: 北京市 › 海淀区 is a county-level division.</summary>
    private static NameKind RegionKind(string[] path) => path.Length switch
    {
        1 => NameKind.Province,
        2 => DirectCounties.Value.Contains(path[0] + '\u001f' + path[1]) ? NameKind.County : NameKind.City,
        _ => NameKind.County,
    };

    /// <summary>The JSON text of the names file.</summary>
    public static string Write(IReadOnlyList<NameEntry> names)
    {
        var pinyin = Pinyin.Default;
        var bySyllable = new SortedDictionary<string, SortedSet<char>>(StringComparer.Ordinal);
        foreach (var entry in names)
            foreach (var c in Tokenizer.Fold(entry.Name))
                if (pinyin.Reading(c) is { } reading)
                {
                    if (!bySyllable.TryGetValue(reading, out var chars)) bySyllable[reading] = chars = [];
                    chars.Add(c);
                }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteString("readings", string.Join('|', bySyllable.Select(g => g.Key + ":" + string.Concat(g.Value))));
            json.WriteStartArray("names");
            foreach (var entry in names)
            {
                json.WriteStartArray();
                json.WriteStringValue(entry.Name);
                json.WriteStringValue(entry.Kind switch { NameKind.Province => "p", NameKind.City => "c", NameKind.County => "d", _ => "a" });
                json.WriteNumberValue(entry.Parent);
                var folded = Tokenizer.Fold(entry.Name);
                var byCharacter = folded.Select(pinyin.Reading);
                if (!byCharacter.SequenceEqual(entry.Syllables)) json.WriteStringValue(string.Join(' ', entry.Syllables.Select(s => s ?? "-")));
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
