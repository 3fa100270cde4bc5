using System.Text.Json;
using System.Text.Json.Serialization;

namespace SiteGen.Search;

/// <summary>One report of the base segment, by its id there: its page path, the fingerprint of its page, and its length in positions
/// (for the average length).</summary>
public sealed record IndexedDoc(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("length")] int Length);

/// <summary>The record of the published index, kept in <c>.sitegen-cache/</c> beside the build cache: its manifest's hash, the
/// average length its scores used, and its base segment (manifest, each report by id, every file with its size), so that the next
/// build keeps the base as it is and indexes only the reports outside it into a new delta segment.</summary>
public sealed record SearchIndexState(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("manifest")] string ManifestHash,
    [property: JsonPropertyName("averageLength")] int AverageLength,
    [property: JsonPropertyName("base")] SegmentManifest Base,
    [property: JsonPropertyName("docs")] IReadOnlyList<IndexedDoc> Docs,
    [property: JsonPropertyName("files")] IReadOnlyDictionary<string, long> Files)
{
    public const int FormatVersion = 4;

    /// <summary>The state file of an output folder.</summary>
    public static string PathFor(string outputDir) => Path.ChangeExtension(Build.BuildCache.PathFor(outputDir), ".search.json");

    /// <summary>The previous state, or null when there is none, it cannot be read, or it is of another format (the index is then built whole).</summary>
    public static SearchIndexState? Load(string outputDir)
    {
        try
        {
            var state = JsonSerializer.Deserialize(File.ReadAllBytes(PathFor(outputDir)), SearchIndexStateJson.Default.SearchIndexState);
            return state?.Version == FormatVersion ? state : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Writes the state through a temporary file, so a crash leaves the old state or the new one.</summary>
    public void Save(string outputDir)
    {
        var path = PathFor(outputDir);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(this, SearchIndexStateJson.Default.SearchIndexState));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Forgets the state (a build without an index, or a failed one), so a later build never trusts a stale record.</summary>
    public static void Delete(string outputDir)
    {
        var path = PathFor(outputDir);
        if (File.Exists(path)) File.Delete(path);
    }
}

/// <summary>System.Text.Json source generation for the search index state.</summary>
[JsonSerializable(typeof(SearchIndexState))]
public sealed partial class SearchIndexStateJson : JsonSerializerContext;
