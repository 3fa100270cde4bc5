using System.Text.Json.Serialization;

namespace SiteGen.Search;

// The search index format, version 4: the only contract between the C# indexer and the JavaScript runtime
// (themes/default/static/search/search.js). Every file lives under search/idx/ of the site; every name but the manifest's
// carries a hash of the file's content, so a file never changes under its name and hosts may cache it forever.
//
// The manifest names every object; objects are either files or byte ranges of pack files ("PACK:OFFSET:LENGTH"), read with
// HTTP Range requests (a host that ignores Range still works: the runtime then keeps and slices the whole pack).
//
//   manifest.json    SearchManifest (JSON): counts, the catalogue and dates, the segments (each a SegmentManifest), the layout
//   c/HASH.bin       the catalogue (compressed): filter values, the region tree, and each document's year, region, agency, series
//                    and values of the site's own facets
//   a/HASH.bin       agency name pages (compressed JSON arrays of names), referred to by the catalogue
//   d/HASH.bin       publication dates (compressed), read only to sort or browse by date
//   l/HASH.bin       the segment layout (compressed), when there is a delta or a deletion
//   and per segment:
//   t/HASH.bin       the term shards: an offset table, then each shard compressed (see "Compressed objects")
//   p/HASH.bin       posting packs: term objects (binary, uncompressed)
//   x/HASH.bin       the text dictionary prefix (see "Text chunks")
//   r/HASH.bin       document packs: what results show (records) and the report texts (chunks), DocsPerPack documents each
//
// Segments. The index is a base segment and at most one delta segment. An incremental build keeps the previous build's base
// as it is (its files, unchanged, under the same names) and indexes only the reports outside it, added or changed since the
// base, into the delta; the base reports that were removed or replaced are deleted by the layout. Each segment numbers its own
// documents 0 … its docs − 1 in catalogue order, and everything inside a segment (term objects, records) uses those ids. The
// catalogue, the dates and the document ids of a query are those of the whole index (manifest.docs reports, in catalogue
// order), written anew by every build; the layout places the segments in them. Layout (inflated): varint count, then the
// deleted base ids ascending as varint gaps (the first the id itself, each further one id − previous id − 1); then varint
// count and, the same way, the ids in the whole index of the delta's documents 0, 1, …. The base documents that are not
// deleted take the remaining ids in their order. A term's entry in the whole index is the union of its entries in the
// segments, deleted documents left out (df counts what remains; a term left with none is not in the index). Scores agree
// with one index's because a stored level depends only on the report and the average length, which a delta shares with its
// base: when a build's average length (see TermEncoder.AverageLength) differs from the base's, or the delta and deletions
// together pass SearchIndexBuilder.MergeShare of the reports (MergeMinimum for a small archive), the build indexes every
// report into a new base instead, the same bytes a clean build writes.
//
// Document ids (of the whole index, and of each segment within it) run from 0 to docs − 1 in catalogue order: year (newest first), region path (province, city, county; by code
// unit), agency, series, publication date (newest first), page path. So a year, or a year and region, is a run of ids.
//
// Integers. varint: unsigned LEB128. Bit streams are written least significant bit first (as DEFLATE does); gamma(v ≥ 1) is the
// Elias gamma code (⌊log₂ v⌋ zeros, a one, the lower bits low first); rice_k(v ≥ 0) is v >> k ones, a zero, then the low k bits.
// k parameters come from BitRules.RiceParameter(range, count) = ⌊log₂(⌊range × 69 / (count × 100)⌋)⌋ (0 when that is below 1).
//
// Compressed objects are raw DEFLATE streams (RFC 1951; the browser's DecompressionStream("deflate-raw")), made by our own
// encoder (Deflate.cs) so that the bytes are the same on every machine.
//
// Term shard: a term belongs to shard FNV-1a-32(its UTF-16 code units, each as two little-endian bytes) mod the shard count (a
// power of two). Inflated: varint count, then per term, in ordinal order: varint UTF-16 length, the code units (2 bytes LE each),
// varint df (reports containing it), varint flags (1: positional, 2: inline), varint length of the head's ids part, varint head
// length, varint index length, for a
// positional term varint postings per position block (B); then inline: varint length and the term object's bytes; else varint
// posting pack number (into manifest.postings), varint offset, varint object length.
//
// Term object: the head, then (positional terms) the block index and the position blocks.
//   head: the ids of the df documents, ascending, as rice_k(gap) with k = RiceParameter(docs, df), the first gap the first id,
//   each further one the id − previous id − 1 (k = 0 costs one bit per document of the segment, like a bitmap), padded to a byte
//   (the ids part); then df score levels of 3 bits, in id order, padded to a byte: BM25's term-frequency part × 1000 (field
//   boosts applied; the runtime multiplies by idf), quantised as min(7, ⌊part × 8 / 2201⌋); the runtime takes level ℓ as
//   (ℓ + 0.5) × 2201 / 8. A term that only narrows the candidates is read up to the end of its ids part.
//   block index: a varint byte length per position block (⌈df / B⌉ blocks).
//   position blocks: the postings in sample order (ascending BitRules.SampleKey(id), MurmurHash3's 32-bit finalizer of the id,
//   so that any prefix holds the documents whose keys are below some bound: a random sample of the archive), B per block, each
//   block a bit stream padded to a byte: per posting gamma(count), then rice_k(first position) and rice_k(gap − 1) for each further one,
//   k = RiceParameter(averageLength, count). Single CJK characters are not positional: no index and no blocks.
//
// Catalogue (inflated): varint length of a UTF-8 CatalogueInfo JSON, the JSON, then per profile (a distinct agency, region and
// series, in region path, agency and series order): varint agency (0: a new agency, whose code is the number of agencies before
// it; else 1 + its code), varint (region node + 1) − that of the previous profile (0: no region; nodes follow path order, so
// this is never negative), varint series code; then per document, varint (profile − profile of the previous document),
// restarting from 0 at the first document of each year; then per site facet (CatalogueInfo.facets, in that order), per
// document: varint count of its values (0: none), then their codes (indexes into the facet's values) ascending, the first as
// is, each further one as code − previous code − 1. A catalogue without site facets ends after the documents' profiles.
//
// Dates (inflated): per document varint 0 when it has no publication date, else 1 + zigzag(days from 1 January of its year).
//
// Document pack (r/): DocsPerPack consecutive documents (fewer in the last): a header of (n + 1) little-endian uint32 offsets
// (record i is the bytes from offset i to offset i + 1, a compressed DocRecord JSON; a reader takes the 8 bytes at 4 × i), then
// the chunks, then the records.
//
// Text chunks: a report body is cut into chunks of about ChunkTarget characters (between paragraphs or sentences); each is a
// ChunkRecord as JSON in UTF-16LE, compressed as the continuation of the dictionary stream: inflating (the dictionary prefix ‖
// the chunk) gives the dictionary's dictionaryBytes bytes followed by the chunk. The dictionary is text frequent in a fixed
// sample of the archive's reports (TextDictionary), so chunks can refer back to it.

/// <summary>The entry point of the index: fetched first, it names every other object and does not grow with the text of the archive.</summary>
/// <param name="Docs">Reports in the index as a whole (the base's survivors and the delta's): the runtime's document ids run to Docs − 1.</param>
/// <param name="Base">The base segment.</param>
/// <param name="Delta">The delta segment (reports added or changed since the base), or null.</param>
/// <param name="Layout">The segment layout (see "Segments"), or null when the base is the whole index.</param>
public sealed record SearchManifest(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("docs")] int Docs,
    [property: JsonPropertyName("averageLength")] int AverageLength,
    [property: JsonPropertyName("catalogue")] string Catalogue,
    [property: JsonPropertyName("dates")] string Dates,
    [property: JsonPropertyName("base")] SegmentManifest Base,
    [property: JsonPropertyName("delta")] SegmentManifest? Delta,
    [property: JsonPropertyName("layout")] string? Layout);

/// <summary>One segment: its reports (ids 0 to Docs − 1 within the segment, in catalogue order), term shards, posting packs and
/// document packs.</summary>
public sealed record SegmentManifest(
    [property: JsonPropertyName("docs")] int Docs,
    [property: JsonPropertyName("shards")] ShardTable Shards,
    [property: JsonPropertyName("postings")] IReadOnlyList<string> Postings,
    [property: JsonPropertyName("documents")] DocumentTable Documents);

/// <summary>The term shards: <c>count</c> (a power of two) and the shard file, which opens with (count + 1) little-endian uint32
/// offsets: shard s is the bytes from offset s to offset s + 1, so a lookup reads 8 bytes of the table, then one shard.</summary>
public sealed record ShardTable(
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("file")] string File);

/// <summary>The document packs (pack k holds ids k × perPack up to (k + 1) × perPack − 1) and the text dictionary prefix.</summary>
public sealed record DocumentTable(
    [property: JsonPropertyName("perPack")] int PerPack,
    [property: JsonPropertyName("packs")] IReadOnlyList<string> Packs,
    [property: JsonPropertyName("dictionary")] string? Dictionary,
    [property: JsonPropertyName("dictionaryBytes")] int DictionaryBytes);

/// <summary>The JSON part of the catalogue: filter values and the tables the binary part refers to by code.</summary>
/// <param name="Years">Years in id order (newest first) with their report counts: the first Years[0].Count ids are of Years[0], and so on.</param>
/// <param name="RegionNames">Region nodes (provinces, cities, counties) in path order, so each node follows its parent.</param>
/// <param name="RegionDepths">Each node's depth as one digit (0: province): a node's parent is the last node before it one level up.</param>
/// <param name="AgencyPages">Agency names in code order, AgencyPageSize per page (agency code = page × size + index).</param>
/// <param name="Facets">The site's own taxonomies that are facets (site.yml <c>taxonomies:</c>), in its order; omitted when there are none.</param>
public sealed record CatalogueInfo(
    [property: JsonPropertyName("years")] IReadOnlyList<FilterValue> Years,
    [property: JsonPropertyName("series")] IReadOnlyList<string> Series,
    [property: JsonPropertyName("regionNames")] IReadOnlyList<string> RegionNames,
    [property: JsonPropertyName("regionDepths")] string RegionDepths,
    [property: JsonPropertyName("agencies")] int Agencies,
    [property: JsonPropertyName("agencyPageSize")] int AgencyPageSize,
    [property: JsonPropertyName("agencyPages")] IReadOnlyList<string> AgencyPages,
    [property: JsonPropertyName("profiles")] int Profiles,
    [property: JsonPropertyName("facets"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CatalogueFacet>? Facets = null);

/// <summary>A site taxonomy as a search facet: its key (the page's filter parameter), its label, and its values (terms) in the
/// taxonomy's order, whose indexes are the codes of the catalogue's binary part.</summary>
public sealed record CatalogueFacet(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("values")] IReadOnlyList<string> Values);

/// <summary>A filter value and how many reports have it.</summary>
public sealed record FilterValue(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("count")] int Count);

/// <summary>What a search result shows, and where its text chunks start (in token positions) so an excerpt loads one chunk.</summary>
/// <param name="Region">The region path as shown, parts joined by " › ".</param>
/// <param name="Published">The publication date (yyyy-MM-dd), or null.</param>
/// <param name="BodyStart">The token position of the body's first token (before it: the title and the other fields).</param>
/// <param name="Chunks">Offset and length in the document pack of each chunk, flattened: [offset₀, length₀, offset₁, …].</param>
public sealed record DocRecord(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("agency")] string Agency,
    [property: JsonPropertyName("year")] string Year,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("series")] string Series,
    [property: JsonPropertyName("published")] string? Published,
    [property: JsonPropertyName("bodyStart")] int BodyStart,
    [property: JsonPropertyName("chunkStarts")] IReadOnlyList<int> ChunkStarts,
    [property: JsonPropertyName("chunks")] IReadOnlyList<int> Chunks,
    [property: JsonPropertyName("files"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FileStart>? Files = null);

/// <summary>An attachment whose text follows the body in a report's chunks: from chunk number <c>Chunk</c> on, the text is this file's
/// until the next one starts (omitted, with the whole <c>files</c> list, for a report without readable attachments).</summary>
public sealed record FileStart(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("href")] string Href,
    [property: JsonPropertyName("chunk")] int Chunk);

/// <summary>A piece of a report body (about ChunkTarget characters, cut between paragraphs or sentences) and where its sections start.</summary>
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
[JsonSerializable(typeof(SegmentManifest))]
[JsonSerializable(typeof(CatalogueInfo))]
[JsonSerializable(typeof(DocRecord))]
[JsonSerializable(typeof(ChunkRecord))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
public sealed partial class SearchJsonContext : JsonSerializerContext;
