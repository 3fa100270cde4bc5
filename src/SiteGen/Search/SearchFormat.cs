using System.Text.Json.Serialization;

namespace SiteGen.Search;

// The search index format: the only contract between the C# indexer and the JavaScript runtime
// (themes/default/static/search/search.js). Every file lives under search/idx/ of the site.
//
//   manifest.json            SearchManifest; the one file without a content hash (small, fetched first)
//   s/HASH.json              ShardDirectory: up to 64 term shards with their first terms
//   t/HASH.json              TermShard: the terms from one first term up to the next shard's first term
//   p/HASH.json              PostingBlock: one block of a long posting list (32, 64, … up to 512 documents)
//   d-HASH/ID.json           DocRecord: what a result shows; the folder name hashes every document file
//   c/HASH.json              ChunkRecord: about 1,000 characters of body text with its section ids, for excerpts and links
//   f/HASH.json              FilterPage: up to 256 agency names with their report counts
//
// Packed fields are base64url (RFC 4648 §5, no padding: nothing for JSON to escape) of unsigned LEB128 varints ("varints" below), which keeps JSON small and parsing cheap.

/// <summary>The entry point of the index: shard table, document folder and filter values; it does not grow with the text of the archive.</summary>
public sealed record SearchManifest(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("docs")] int Docs,
    [property: JsonPropertyName("docFolder")] string DocFolder,
    [property: JsonPropertyName("blockSize")] int BlockSize,
    [property: JsonPropertyName("directory")] IReadOnlyList<ShardRef> Directory,
    [property: JsonPropertyName("filters")] FilterSet Filters);

/// <summary>A term shard (or a directory page of shard references) and the first term it holds (terms compare by UTF-16 code units, as in JavaScript).</summary>
public sealed record ShardRef(
    [property: JsonPropertyName("first")] string First,
    [property: JsonPropertyName("file")] string File);

/// <summary>Filter values with report counts. Year, region (province) and series are listed here; agencies live in pages.</summary>
/// <remarks>Document ids are assigned in (year, region, series, agency) order, so year, region and series follow from id ranges.
/// Ranges: varints, four per range: first document id (gap from the previous range), year code, region code + 1 (0: none), series code.</remarks>
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

/// <summary>A run of consecutive terms with their document frequency and postings (inline when short, else block files).</summary>
public sealed record TermShard(
    [property: JsonPropertyName("terms")] IReadOnlyList<TermEntry> Terms);

/// <summary>One term: how many reports contain it, and its postings, highest score first.</summary>
public sealed record TermEntry(
    [property: JsonPropertyName("t")] string Term,
    [property: JsonPropertyName("df")] int DocFrequency,
    [property: JsonPropertyName("inline"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PostingBlock? Inline,
    [property: JsonPropertyName("blocks"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<BlockRef>? Blocks);

/// <summary>A posting block file with its document count and its highest and lowest score.</summary>
public sealed record BlockRef(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("n")] int Count,
    [property: JsonPropertyName("max")] int MaxScore,
    [property: JsonPropertyName("min")] int MinScore);

/// <summary>Postings of one term for one block, ordered by score (BM25 × 100, field boosts applied) then document id; for a term
/// in half the reports or more, by document id (its scores are all near zero).</summary>
/// <remarks>
/// Docs: varints of document ids. Scores: varints. Facets: the agency code of each document (varints).
/// Positions: per document a varint count then gap-encoded positions (zero count for single CJK characters).
/// </remarks>
public sealed record PostingBlock(
    [property: JsonPropertyName("docs")] string Docs,
    [property: JsonPropertyName("scores")] string Scores,
    [property: JsonPropertyName("facets")] string Facets,
    [property: JsonPropertyName("pos")] string Positions);

/// <summary>What a search result shows, and where its text chunks start (in token positions) so an excerpt loads one chunk.</summary>
public sealed record DocRecord(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("agency")] string Agency,
    [property: JsonPropertyName("year")] string Year,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("series")] string Series,
    [property: JsonPropertyName("bodyStart")] int BodyStart,
    [property: JsonPropertyName("chunkStarts")] IReadOnlyList<int> ChunkStarts,
    [property: JsonPropertyName("chunks")] IReadOnlyList<string> Chunks);

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
[JsonSerializable(typeof(PostingBlock))]
[JsonSerializable(typeof(DocRecord))]
[JsonSerializable(typeof(ChunkRecord))]
[JsonSerializable(typeof(FilterPage))]
public sealed partial class SearchJsonContext : JsonSerializerContext;
