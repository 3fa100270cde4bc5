using System.Text.Json.Serialization;

namespace SiteGen.Search;

/// <summary>One report of the base segment, by its id there: its page path, the fingerprint of its page, and its length in positions
/// (for the average length).</summary>
public sealed record IndexedDoc(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("length")] int Length);

/// <summary>The record of the published index, kept in the build state (<c>.sitegen-cache/</c>, see Build/BuildState): its manifest's
/// hash, the average length its scores used, and its base segment (manifest, each report by id, every file with its size), so that
/// the next build keeps the base as it is and indexes only the reports outside it into a new delta segment.</summary>
public sealed record SearchIndexState(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("manifest")] string ManifestHash,
    [property: JsonPropertyName("averageLength")] int AverageLength,
    [property: JsonPropertyName("base")] SegmentManifest Base,
    [property: JsonPropertyName("docs")] IReadOnlyList<IndexedDoc> Docs,
    [property: JsonPropertyName("files")] IReadOnlyDictionary<string, long> Files)
{
    public const int FormatVersion = 4;
}

/// <summary>System.Text.Json source generation for the search index state.</summary>
[JsonSerializable(typeof(SearchIndexState))]
public sealed partial class SearchIndexStateJson : JsonSerializerContext;
