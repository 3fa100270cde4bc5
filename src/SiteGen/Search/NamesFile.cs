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
/// Format (version 1):
/// <code>
/// {"version":1,
///  "readings":"hong:红洪|ta:塔|…",
///  "regions":[["云南省","p",-1],["玉溪市","c",0],["红塔区","d",1],["重庆市","p",-1,"chong qing shi"],…],
///  "suffixes":["卫生健康局","司法局",…],
///  "agencies":[[[1,2,-1],2],[[3,"南岸区卫生健康委员会"],3,"chong qing shi nan an qu wei sheng jian kang wei yuan hui"],…]}
/// </code>
/// <c>readings</c> gives the first reading of every character the names use, grouped by syllable. A region is its name, its kind
/// (<c>p</c> province, <c>c</c> city, <c>d</c> county-level division) and the index of its parent region (-1 for none); regions come
/// each after its parent. An agency is the pieces of its name — a number n ≥ 0 stands for the name of region n, a negative
/// number -k for <c>suffixes[k-1]</c> (an ending several agencies share), a string for itself — and the index of its region (the
/// one most of its reports give, -1 for none): 玉溪市红塔区卫生健康局 is 玉溪市 + 红塔区 + 卫生健康局. Either may end with its
/// syllables (space-separated, <c>-</c> for a character without pinyin) where the name reads otherwise than its characters'
/// first readings (重庆 chong qing). Writing agencies in pieces halves the file: 5,000 agencies take about 130 kB, 25 kB gzip'd.
/// The order is fixed by the names alone, so the same site gives the same file.
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

    /// <summary>The JSON text of the names file, from names as <see cref="Collect"/> gives them (regions first, each after its parent).</summary>
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

        var regions = names.TakeWhile(n => n.Kind != NameKind.Agency).ToList();
        var agencies = names.Skip(regions.Count).Select(a => (Entry: a, Pieces: RegionPieces(a, names))).ToList();
        // Endings that several agencies share are written once, the most shared first.
        var suffixes = agencies.Select(a => a.Pieces.Ending).Where(r => r.Length > 0)
            .GroupBy(r => r, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        var suffixIndex = suffixes.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteString("readings", string.Join('|', bySyllable.Select(g => g.Key + ":" + string.Concat(g.Value))));
            json.WriteStartArray("regions");
            foreach (var region in regions)
            {
                json.WriteStartArray();
                json.WriteStringValue(region.Name);
                json.WriteStringValue(region.Kind switch { NameKind.Province => "p", NameKind.City => "c", _ => "d" });
                json.WriteNumberValue(region.Parent);
                WriteSyllables(json, region, pinyin);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteStartArray("suffixes");
            foreach (var suffix in suffixes) json.WriteStringValue(suffix);
            json.WriteEndArray();
            json.WriteStartArray("agencies");
            foreach (var (agency, (regionPieces, rest)) in agencies)
            {
                json.WriteStartArray();
                json.WriteStartArray();
                foreach (var piece in regionPieces) json.WriteNumberValue(piece);
                if (suffixIndex.TryGetValue(rest, out var k)) json.WriteNumberValue(-(k + 1));
                else if (rest.Length > 0) json.WriteStringValue(rest);
                json.WriteEndArray();
                json.WriteNumberValue(agency.Parent);
                WriteSyllables(json, agency, pinyin);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The regions of an agency's path whose names, one after another from some level down, begin its name
    /// (玉溪市红塔区卫生健康局 under 云南省 › 玉溪市 › 红塔区: 玉溪市, 红塔区), the most of them; and the rest of the name.</summary>
    private static (List<int> Regions, string Ending) RegionPieces(NameEntry agency, IReadOnlyList<NameEntry> names)
    {
        var path = new List<int>();
        for (var at = agency.Parent; at >= 0; at = names[at].Parent) path.Insert(0, at);
        for (var from = 0; from < path.Count; from++)
        {
            var prefix = string.Concat(path.Skip(from).Select(i => names[i].Name));
            if (agency.Name.StartsWith(prefix, StringComparison.Ordinal)) return (path[from..], agency.Name[prefix.Length..]);
        }
        return ([], agency.Name);
    }

    private static void WriteSyllables(Utf8JsonWriter json, NameEntry entry, Pinyin pinyin)
    {
        var byCharacter = Tokenizer.Fold(entry.Name).Select(pinyin.Reading);
        if (!byCharacter.SequenceEqual(entry.Syllables)) json.WriteStringValue(string.Join(' ', entry.Syllables.Select(s => s ?? "-")));
    }
}
