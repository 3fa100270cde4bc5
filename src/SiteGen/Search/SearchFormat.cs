using System.Text.Json.Serialization;

namespace SiteGen.Search;

// The search index format: the only contract between the C# indexer and the JavaScript runtime
// (themes/default/static/search/search.js). Every file lives under search/idx/ of the site.
//
// Most objects are stored in packs: files of a few MiB that concatenate many objects, read one object at a time with an
// HTTP Range request, so the index is a few hundred files rather than one per object (a host that ignores Range still
// works: the runtime then slices the whole pack). A reference ("ref") to an object is either a file path ("s/HASH.json")
// or "PACK:OFFSET:LENGTH" (bytes of the pack file PACK). Every name but the manifest's is a hash of the file's content.
//
//   manifest.json      SearchManifest: fetched first, the only name without a hash
//   s/HASH.json        ShardDirectory: up to 64 term shards with their first terms
//   t/HASH.bin         term pack: TermShard objects (JSON), the terms from one first term up to the next shard's first term
//   p/HASH.bin         posting pack: posting blocks (binary, below)
//   g/HASH.json        DocPage: the names of up to 256 document packs
//   c/HASH.bin         document pack: DocsPerPack consecutive document ids (binary header, then JSON objects, below)
//   f/HASH.json        FilterPage: up to 256 agency names with their report counts
//
// Posting block (binary, unsigned LEB128 varints): n, then n document ids, n scores, n agency codes, then per document
// its position count and gap-encoded positions (count 0 for single CJK characters). Inline blocks travel in a term entry
// as base64url (RFC 4648 §5, no padding) of the same bytes.
//
// Document pack: a header of (n + 1) little-endian uint32 offsets, where n = min(DocsPerPack, docs − first id of the pack);
// document i's DocRecord (JSON) is the bytes from offset i to offset i + 1. A record's chunks are ChunkRecord objects (JSON)
// in the same pack, given as offset and length pairs.

/// <summary>The entry point of the index: shard table, where documents are, and filter values; it does not grow with the text of the archive.</summary>
public sealed record SearchManifest(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("docs")] int Docs,
    [property: JsonPropertyName("blockSize")] int BlockSize,
    [property: JsonPropertyName("docsPerPack")] int DocsPerPack,
    [property: JsonPropertyName("packsPerDocPage")] int PacksPerDocPage,
    [property: JsonPropertyName("docPages")] IReadOnlyList<string> DocPages,
    [property: JsonPropertyName("directory")] IReadOnlyList<ShardRef> Directory,
    [property: JsonPropertyName("filters")] FilterSet Filters);

/// <summary>A term shard (or a directory page of shard references) and the first term it holds (terms compare by UTF-16 code units, as in JavaScript).</summary>
public sealed record ShardRef(
    [property: JsonPropertyName("first")] string First,
    [property: JsonPropertyName("ref")] string Ref);

/// <summary>Filter values with report counts. Year, region (province) and series are listed here; agencies live in pages.</summary>
/// <remarks>Document ids are assigned in (year, region, series, agency) order, so year, region and series follow from id ranges.
/// Ranges: base64url varints, four per range: first document id (gap from the previous range), year code, region code + 1 (0: none), series code.</remarks>
public sealed record FilterSet(
    [property: JsonPropertyName("year")] IReadOnlyList<FilterValue> Year,
    [property: JsonPropertyName("region")] IReadOnlyList<FilterValue> Region,
    [property: JsonPropertyName("series")] IReadOnlyList<FilterValue> Series,
    [property: JsonPropertyName("agencyPages")] IReadOnlyList<string> AgencyPages,
    [property: JsonPropertyName("agencyPageSize")] int AgencyPageSize,
    [property: JsonPropertyName("agencies")] int Agencies,
    [property: JsonPropertyName("ranges")] string Ranges);

/// <summary>One filter value and how many reports have it; its index in the list is the code used in posting blocks.</summary>
public sealed record FilterValue(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("count")] int Count);

/// <summary>A page of the two-level shard directory: up to 64 consecutive term shards, so the manifest stays small however large the vocabulary.</summary>
public sealed record ShardDirectory(
    [property: JsonPropertyName("shards")] IReadOnlyList<ShardRef> Shards);

/// <summary>One page of agency filter values (agency code = page number × page size + index).</summary>
public sealed record FilterPage(
    [property: JsonPropertyName("values")] IReadOnlyList<FilterValue> Values);

/// <summary>One page of document pack names (pack number = page number × PacksPerDocPage + index).</summary>
public sealed record DocPage(
    [property: JsonPropertyName("packs")] IReadOnlyList<string> Packs);

/// <summary>A run of consecutive terms with their document frequency and postings (inline when short, else block references).</summary>
public sealed record TermShard(
    [property: JsonPropertyName("terms")] IReadOnlyList<TermEntry> Terms);

/// <summary>One term: how many reports contain it, and its postings, highest score first.</summary>
public sealed record TermEntry(
    [property: JsonPropertyName("t")] string Term,
    [property: JsonPropertyName("df")] int DocFrequency,
    [property: JsonPropertyName("inline"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Inline,
    [property: JsonPropertyName("blocks"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<BlockRef>? Blocks);

/// <summary>A posting block in a posting pack, with its document count and its highest and lowest score.</summary>
/// <remarks>Postings are ordered by score (BM25 × 100, field boosts applied) then document id; for a term in half the reports
/// or more, by document id (its scores are all near zero).</remarks>
public sealed record BlockRef(
    [property: JsonPropertyName("ref")] string Ref,
    [property: JsonPropertyName("n")] int Count,
    [property: JsonPropertyName("max")] int MaxScore,
    [property: JsonPropertyName("min")] int MinScore);

/// <summary>What a search result shows, and where its text chunks start (in token positions) so an excerpt loads one chunk.</summary>
/// <param name="Chunks">Offset and length in the document pack of each chunk, flattened: [offset₀, length₀, offset₁, …].</param>
public sealed record DocRecord(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("agency")] string Agency,
    [property: JsonPropertyName("year")] string Year,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("series")] string Series,
    [property: JsonPropertyName("bodyStart")] int BodyStart,
    [property: JsonPropertyName("chunkStarts")] IReadOnlyList<int> ChunkStarts,
    [property: JsonPropertyName("chunks")] IReadOnlyList<int> Chunks);

/// <summary>A piece of a report body (about 1,000 characters, cut between paragraphs or sentences) and where its sections start.</summary>
public sealed record ChunkRecord(
    [property: JsonPropertyName("sections")] IReadOnlyList<SectionStart> Sections,
    [property: JsonPropertyName("text")] string Text);

/// <summary>From this offset (UTF-16 units) of a chunk's text on, the text belongs to the section with this heading id ("" before the first heading).</summary>
public sealed record SectionStart(
    [property: JsonPropertyName("at")] int At,
    [property: JsonPropertyName("id")] string Id);

/// <summary>System.Text.Json source generation for the index format: no reflection, stable property order.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(SearchManifest))]
[JsonSerializable(typeof(TermShard))]
[JsonSerializable(typeof(ShardDirectory))]
[JsonSerializable(typeof(DocRecord))]
[JsonSerializable(typeof(ChunkRecord))]
[JsonSerializable(typeof(FilterPage))]
[JsonSerializable(typeof(DocPage))]
public sealed partial class SearchJsonContext : JsonSerializerContext;
