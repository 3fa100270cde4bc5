using System.Text.Json.Serialization;

namespace SiteGen.Search;

/// <summary>What one indexed report was in the previous build: the fingerprint of its page, and its length in positions (for the average length).</summary>
public sealed record IndexedDoc(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("length")] int Length);

/// <summary>The record of the previous build's search index, kept in the build state (<c>.sitegen-cache/</c>): its manifest's hash,
/// the average length its scores used, each document by id, and every index file with its size, so the next build re-indexes only
/// the reports whose pages changed, and only from an index that is still the one this record describes.</summary>
public sealed record SearchIndexState(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("manifest")] string ManifestHash,
    [property: JsonPropertyName("averageLength")] int AverageLength,
    [property: JsonPropertyName("docs")] IReadOnlyList<IndexedDoc> Docs,
    [property: JsonPropertyName("files")] IReadOnlyDictionary<string, long> Files)
{
    public const int FormatVersion = 3;
}

/// <summary>System.Text.Json source generation for the search index state.</summary>
[JsonSerializable(typeof(SearchIndexState))]
public sealed partial class SearchIndexStateJson : JsonSerializerContext;
