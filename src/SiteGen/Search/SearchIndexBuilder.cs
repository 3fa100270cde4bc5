using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace SiteGen.Search;

/// <summary>What building the search index cost and produced, for `sitegen build` to report.</summary>
/// <param name="Indexing">Time spent extracting and tokenizing pages, summed over the render threads.</param>
/// <param name="Writing">Wall time of inverting the spill and writing shards, blocks and document records.</param>
public sealed record SearchIndexStats(int Documents, int Terms, long Files, long Bytes, TimeSpan Indexing, TimeSpan Writing);

/// <summary>The index stage: takes each rendered report page (from many threads), spills its postings, writes its text chunks,
/// then inverts the spill partition by partition into term shards and score-ordered posting blocks (see SearchFormat.cs).</summary>
public sealed class SearchIndexBuilder : IDisposable
{
    /// <summary>Folder of the index under the site root; the search page's runtime reads it from there.</summary>
    public const string Folder = "search/idx/";

    /// <summary>Documents in a term's first posting block (highest scores first, or document order for a term in half the reports
    /// or more); each further block doubles up to <see cref="MaxBlockSize"/>, so the first
    /// page of results stays small and no block grows with the archive.</summary>
    public const int BlockSize = 32;

    public const int MaxBlockSize = 512;

    private const string ManifestName = "manifest.json";
    private const int InlineLimitBytes = 384;
    private const int PackTargetBytes = 4 << 20;
    private const int ShardTargetBytes = 4_000;
    private const int ChunkTarget = 1_000;
    private const int FieldGap = 8;
    private const int AgencyPageSize = 256;
    private const int DirectoryPageSize = 64;
    private const double K1 = 1.2;
    private const double B = 0.75;

    // Field boosts, × 10 in the spill so weighted frequencies stay integers.
    private const int TitleBoost = 50;
    private const int AgencyBoost = 30;
    private const int RegionBoost = 20;
    private const int OtherFieldBoost = 10;
    private const int BodyBoost = 10;

    // Chinese stays as UTF-8 (3 bytes) instead of \uXXXX escapes (6 bytes); HTML-significant characters are still escaped.
    private static readonly SearchJsonContext Json = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });

    private readonly Action<string, byte[]> _write;
    private readonly Func<string, bool>? _reuse;
    private readonly ScratchFolder _scratch = new();
    private readonly PostingSpill _spill;
    private readonly DocumentStore _store;
    private readonly DocInfo?[] _docs;
    private readonly ConcurrentDictionary<string, byte> _written = new(StringComparer.Ordinal);
    private long _files;
    private long _bytes;
    private long _addTicks;

    /// <summary>What scoring and filters need of a document: its length in positions and its filter values (region: the province).</summary>
    private sealed record DocInfo(int Length, string Year, string Region, string Agency, string Series);

    /// <param name="documents">Number of documents; ids run from 0 to documents − 1 in a stable order.</param>
    /// <param name="write">Writes a file under the site root (the build's output publisher).</param>
    /// <param name="reuse">Publishes the previous build's file of that path unchanged, if there is one; content-hashed names make that safe.</param>
    public SearchIndexBuilder(int documents, Action<string, byte[]> write, Func<string, bool>? reuse = null)
    {
        _docs = new DocInfo?[documents];
        _write = write;
        _reuse = reuse;
        _spill = new PostingSpill(_scratch);
        _store = new DocumentStore(documents, _scratch);
    }

    /// <summary>Document ids: reports ordered by year (newest first), province, series, agency and path, so filters map to id ranges.</summary>
    public static IReadOnlyDictionary<string, int> AssignIds(IEnumerable<Model.Report> reports)
    {
        var ordered = reports
            .OrderByDescending(r => r.Year)
            .ThenBy(r => r.Region.Count == 0 ? "" : r.Region[0], StringComparer.Ordinal)
            .ThenBy(r => r.Series, StringComparer.Ordinal)
            .ThenBy(r => r.Agency, StringComparer.Ordinal)
            .ThenBy(r => r.Path, StringComparer.Ordinal);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var report in ordered) ids[report.Path] = ids.Count;
        return ids;
    }

    /// <summary>Indexes one rendered report page; thread-safe. <paramref name="url"/> is the page's href.</summary>
    public void Add(int docId, string url, string html)
    {
        var started = Stopwatch.GetTimestamp();
        var extracted = ReportTextExtractor.Extract(html);
        string Field(IReadOnlyDictionary<string, string> map, string key) => map.TryGetValue(key, out var v) ? v : "";
        var title = Field(extracted.Meta, "title");
        var agency = Field(extracted.Filters, "agency");
        var region = Field(extracted.Filters, "region");
        var year = Field(extracted.Filters, "year");
        var series = Field(extracted.Filters, "series");

        var terms = DocTerms.ForThread();
        var pos = 0;
        pos = terms.Scan(title, pos, TitleBoost) + FieldGap;
        pos = terms.Scan(agency, pos, AgencyBoost) + FieldGap;
        pos = terms.Scan(region, pos, RegionBoost) + FieldGap;
        pos = terms.Scan(year, pos, OtherFieldBoost) + FieldGap;
        pos = terms.Scan(series, pos, OtherFieldBoost) + FieldGap;
        var bodyStart = pos;

        var chunkStarts = new List<int>();
        var chunkBytes = new List<byte[]>();
        var chunk = new StringBuilder();
        var sections = new List<SectionStart>();
        var chunkStart = pos;
        void EndChunk()
        {
            if (chunk.Length == 0) return;
            chunkBytes.Add(Serialize(new ChunkRecord(sections.ToList(), chunk.ToString()), Json.ChunkRecord));
            chunkStarts.Add(chunkStart);
            chunk.Clear();
            sections.Clear();
        }
        var section = "";
        foreach (var block in extracted.Blocks)
        {
            foreach (var piece in Pieces(block.Text))
            {
                if (chunk.Length > 0 && chunk.Length + piece.Length > ChunkTarget) EndChunk();
                if (chunk.Length == 0)
                {
                    chunkStart = pos;
                    sections.Add(new SectionStart(0, block.Section));
                }
                else
                {
                    chunk.Append('\n');
                    if (block.Section != section) sections.Add(new SectionStart(chunk.Length, block.Section));
                }
                section = block.Section;
                chunk.Append(piece);
                pos = terms.Scan(piece, pos, BodyBoost) + 1;
            }
        }
        EndChunk();

        terms.Spill(docId, _spill);
        _store.Add(docId, new DocRecord(title, url, agency, year, region, series, bodyStart, chunkStarts, []), chunkBytes);
        var province = region.Split('›', 2)[0].Trim();
        _docs[docId] = new DocInfo(pos, year, province, agency, series);
        Interlocked.Add(ref _addTicks, Stopwatch.GetTimestamp() - started);
    }

    /// <summary>Splits a block longer than a chunk at sentence ends (。！？；), so chunks stay small.</summary>
    private static IEnumerable<string> Pieces(string text)
    {
        if (text.Length <= ChunkTarget) { yield return text; yield break; }
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = i - start + 1 >= ChunkTarget || (text[i] is '。' or '！' or '？' or '；' && i - start + 1 >= ChunkTarget / 2);
            if (!end) continue;
            yield return text[start..(i + 1)];
            start = i + 1;
        }
        if (start < text.Length) yield return text[start..];
    }

    /// <summary>Inverts the spilled postings and writes shards, blocks, document records, filters and the manifest.</summary>
    public SearchIndexStats Finish()
    {
        var clock = Stopwatch.StartNew();
        var docs = _docs.Select((d, i) => d ?? throw new InvalidOperationException($"search document {i} was never added")).ToArray();
        var totalLength = docs.Sum(d => (long)d.Length);
        var avgLength = docs.Length == 0 ? 1.0 : Math.Max(1.0, totalLength / (double)docs.Length);

        var years = Values(docs, d => d.Year, descending: true);
        var regions = Values(docs, d => d.Region, descending: false);
        var agencies = Values(docs, d => d.Agency, descending: false);
        var series = Values(docs, d => d.Series, descending: false);
        // Year, region and series come from runs of document ids (ids are ordered by them); only the agency travels in postings.
        var facets = new int[docs.Length];
        var ranges = new List<byte>();
        (int Year, int Region, int Series) previous = (-2, -2, -2);
        var previousStart = 0;
        for (var i = 0; i < docs.Length; i++)
        {
            facets[i] = agencies.Code[docs[i].Agency];
            var current = (years.Code[docs[i].Year], docs[i].Region.Length == 0 ? -1 : regions.Code[docs[i].Region], series.Code[docs[i].Series]);
            if (current == previous) continue;
            Varints.Write(ranges, i - previousStart);
            Varints.Write(ranges, Math.Max(0, current.Item1));
            Varints.Write(ranges, current.Item2 + 1);
            Varints.Write(ranges, Math.Max(0, current.Item3));
            previous = current;
            previousStart = i;
        }

        // Posting blocks go to one pack sequence per partition (partitions are inverted in parallel), term shards to
        // another; shards are serialized once every posting pack is closed, because they refer to blocks by pack name.
        var lengths = docs.Select(d => d.Length).ToArray();
        var inverted = new List<TermData>[PostingSpill.Partitions];
        Parallel.For(0, PostingSpill.Partitions, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, p =>
        {
            var packs = new PackWriter("p/", PackTargetBytes, Emit);
            inverted[p] = Invert(_spill.ReadPartition(p), lengths, avgLength, facets, packs).ToList();
            packs.Close();
        });

        var termPacks = new PackWriter("t/", PackTargetBytes, Emit);
        var shards = new List<(string First, PackWriter.Address Address)>();
        var shardEntries = new List<TermEntry>();
        var shardBytes = 0;
        var termCount = 0;
        void FlushShard()
        {
            if (shardEntries.Count == 0) return;
            shards.Add((shardEntries[0].Term, termPacks.Append(Serialize(new TermShard(shardEntries.ToList()), Json.TermShard))));
            shardEntries.Clear();
            shardBytes = 0;
        }
        foreach (var partition in inverted)
        {
            foreach (var data in partition)
            {
                var entry = data.ToEntry();
                var size = EstimatedSize(entry);
                if (shardBytes > 0 && shardBytes + size > ShardTargetBytes) FlushShard();
                shardEntries.Add(entry);
                shardBytes += size;
                termCount++;
            }
        }
        FlushShard();
        termPacks.Close();

        var docPages = _store.WritePacks(Emit, Json);

        var agencyPages = new List<string>();
        for (var start = 0; start < agencies.List.Count; start += AgencyPageSize)
            agencyPages.Add(EmitFile("f/", Serialize(new FilterPage(agencies.List.Skip(start).Take(AgencyPageSize).ToList()), Json.FilterPage)));
        var filters = new FilterSet(years.List, regions.List, series.List, agencyPages, AgencyPageSize, agencies.List.Count, B64(ranges));
        var directory = new List<ShardRef>();
        for (var start = 0; start < shards.Count; start += DirectoryPageSize)
        {
            var page = shards.Skip(start).Take(DirectoryPageSize).Select(s => new ShardRef(s.First, s.Address.Ref)).ToList();
            directory.Add(new ShardRef(page[0].First, EmitFile("s/", Serialize(new ShardDirectory(page), Json.ShardDirectory))));
        }
        var manifest = new SearchManifest(2, docs.Length, BlockSize, DocumentStore.DocsPerPack, DocumentStore.PacksPerPage, docPages, directory, filters);
        Emit(ManifestName, Serialize(manifest, Json.SearchManifest));

        var indexing = TimeSpan.FromTicks((long)(Interlocked.Read(ref _addTicks) * (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency));
        return new SearchIndexStats(docs.Length, termCount, Interlocked.Read(ref _files), Interlocked.Read(ref _bytes), indexing, clock.Elapsed);
    }

    private sealed record ValueTable(IReadOnlyList<FilterValue> List, Dictionary<string, int> Code);

    private static ValueTable Values(DocInfo[] docs, Func<DocInfo, string> key, bool descending)
    {
        var counts = docs.Select(key).Where(k => k.Length > 0).GroupBy(k => k, StringComparer.Ordinal)
            .Select(g => new FilterValue(g.Key, g.Count()));
        var ordered = descending
            ? counts.OrderByDescending(v => v.Name, StringComparer.Ordinal).ToList()
            : counts.OrderBy(v => v.Name, StringComparer.Ordinal).ToList();
        var code = new Dictionary<string, int>(StringComparer.Ordinal) { [""] = -1 };
        for (var i = 0; i < ordered.Count; i++) code[ordered[i].Name] = i;
        return new ValueTable(ordered, code);
    }

    private readonly record struct Posting(int Doc, int Score, int PosOffset, int PosCount);

    /// <summary>Turns one spill partition into term entries in term order: BM25 scores, score-ordered postings, inline or in blocks.</summary>
    private static IEnumerable<TermData> Invert(byte[] data, int[] lengths, double avgLength, int[] facets, PackWriter packs)
    {
        var byTerm = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var offset = 0;
        var chars = new char[64];
        var lookup = byTerm.GetAlternateLookup<ReadOnlySpan<char>>();
        while (offset < data.Length)
        {
            var length = Varints.Read(data, ref offset);
            if (chars.Length < length) chars = new char[length * 2];
            for (var k = 0; k < length; k++) chars[k] = (char)Varints.Read(data, ref offset);
            var term = chars.AsSpan(0, length);
            if (!lookup.TryGetValue(term, out var list))
            {
                list = [];
                lookup[term] = list;
            }
            list.Add(offset);
            Varints.Read(data, ref offset); // doc
            Varints.Read(data, ref offset); // weighted frequency
            var count = Varints.Read(data, ref offset);
            for (var k = 0; k < count; k++) Varints.Read(data, ref offset);
        }

        var docCount = lengths.Length;
        foreach (var term in byTerm.Keys.Order(StringComparer.Ordinal).ToList())
        {
            var records = byTerm[term];
            var df = records.Count;
            var idf = Math.Log(1 + (docCount - df + 0.5) / (df + 0.5));
            var postings = new Posting[df];
            for (var r = 0; r < df; r++)
            {
                var o = records[r];
                var doc = Varints.Read(data, ref o);
                var weighted = Varints.Read(data, ref o) / 10.0;
                var count = Varints.Read(data, ref o);
                var norm = K1 * (1 - B + B * lengths[doc] / avgLength);
                var score = (int)Math.Round(100 * idf * weighted * (K1 + 1) / (weighted + norm));
                postings[r] = new Posting(doc, Math.Max(1, score), o, count);
            }
            // A term in at least half the reports contributes almost nothing to a score (its idf is near zero) and is nearly
            // always queried with others; its blocks follow the document order (newest first), so the first blocks of two such
            // terms hold the same reports and their intersection fills the first page. Other terms: highest score first.
            if (df * 2 >= docCount) Array.Sort(postings, static (a, b) => a.Doc.CompareTo(b.Doc));
            else Array.Sort(postings, static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Doc.CompareTo(b.Doc));
            byTerm.Remove(term);

            if (df <= BlockSize)
            {
                var whole = EncodeBlock(postings, data, facets);
                if (whole.Length <= InlineLimitBytes)
                {
                    yield return new TermData(term, df, System.Buffers.Text.Base64Url.EncodeToString(whole), null);
                    continue;
                }
            }
            var blocks = new List<BlockData>();
            for (int start = 0, size = BlockSize; start < df; start += size, size = Math.Min(size * 2, MaxBlockSize))
            {
                var slice = postings.AsSpan(start, Math.Min(size, df - start));
                var address = packs.Append(EncodeBlock(slice, data, facets));
                var (max, min) = (0, int.MaxValue);
                foreach (var posting in slice) (max, min) = (Math.Max(max, posting.Score), Math.Min(min, posting.Score));
                blocks.Add(new BlockData(address, slice.Length, max, min));
            }
            yield return new TermData(term, df, null, blocks);
        }
    }

    /// <summary>A posting block written to a pack, before the pack has its name.</summary>
    private sealed record BlockData(PackWriter.Address Address, int Count, int Max, int Min);

    /// <summary>A term as inverted: inline postings or blocks whose references are final once the posting packs are closed.</summary>
    private sealed record TermData(string Term, int Df, string? Inline, List<BlockData>? Blocks)
    {
        public TermEntry ToEntry() => new(Term, Df, Inline, Blocks?.Select(b => new BlockRef(b.Address.Ref, b.Count, b.Max, b.Min)).ToList());
    }

    /// <summary>JSON size of an entry, near enough to decide shard cuts without serializing twice (a CJK term is at most 3 bytes per character).</summary>
    private static int EstimatedSize(TermEntry e) =>
        e.Term.Length * 3 + 24 + (e.Inline is null ? 0 : e.Inline.Length + 12) + (e.Blocks?.Sum(b => b.Ref.Length + 36) ?? 0);

    /// <summary>Encodes postings as a binary posting block (see SearchFormat.cs).</summary>
    private static byte[] EncodeBlock(ReadOnlySpan<Posting> postings, byte[] data, int[] facets)
    {
        var block = new ByteBuffer();
        block.Varint(postings.Length);
        foreach (var p in postings) block.Varint(p.Doc);
        foreach (var p in postings) block.Varint(p.Score);
        foreach (var p in postings) block.Varint(facets[p.Doc]);
        foreach (var p in postings)
        {
            block.Varint(p.PosCount);
            var o = p.PosOffset;
            for (var k = 0; k < p.PosCount; k++) block.Varint(Varints.Read(data, ref o));
        }
        return block.Bytes.AsSpan(0, block.Length).ToArray();
    }

    private static string B64(List<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(CollectionsMarshal.AsSpan(bytes));

    private static byte[] Serialize<T>(T value, JsonTypeInfo<T> info) => JsonSerializer.SerializeToUtf8Bytes(value, info);

    /// <summary>Writes a small JSON file under a name made from its content; returns the name.</summary>
    private string EmitFile(string folder, byte[] bytes)
    {
        var name = PackWriter.NameFor(folder, bytes, ".json");
        Emit(name, bytes);
        return name;
    }

    /// <summary>Writes an index file, or republishes the previous build's file of that name: every name but the manifest's
    /// carries a hash of its content, so an equal name means equal bytes (and two equal packs are one file). Thread-safe.</summary>
    private void Emit(string name, byte[] bytes)
    {
        if (!_written.TryAdd(name, 0)) return;
        if (name == ManifestName || _reuse?.Invoke(Folder + name) != true) _write(Folder + name, bytes);
        Interlocked.Increment(ref _files);
        Interlocked.Add(ref _bytes, bytes.Length);
    }

    public void Dispose()
    {
        _spill.Dispose();
        _store.Dispose();
        _scratch.Dispose();
    }

    /// <summary>A growable byte array with a varint writer; cheaper than a MemoryStream's per-byte calls.</summary>
    private sealed class ByteBuffer
    {
        public byte[] Bytes = new byte[256];
        public int Length;

        public void Varint(int value)
        {
            if (Length + 5 > Bytes.Length) Array.Resize(ref Bytes, Bytes.Length * 2);
            var v = (uint)value;
            while (v >= 0x80)
            {
                Bytes[Length++] = (byte)(v | 0x80);
                v >>= 7;
            }
            Bytes[Length++] = (byte)v;
        }

    }

    /// <summary>One document's terms while it is being indexed: weighted frequencies and positions, reused per thread.</summary>
    private sealed class DocTerms
    {
        [ThreadStatic] private static DocTerms? _current;

        private sealed class Acc
        {
            public int Weight;
            public readonly List<int> Positions = [];
        }

        private readonly Dictionary<int, Acc> _cjk = [];
        private readonly Dictionary<string, Acc> _words = new(StringComparer.Ordinal);
        private readonly List<Acc> _pool = [];
        private int _used;
        private int _boost;
        private readonly ByteBuffer[] _buffers = Enumerable.Range(0, PostingSpill.Partitions).Select(_ => new ByteBuffer()).ToArray();

        public static DocTerms ForThread() => _current ??= new DocTerms();

        private Acc Next()
        {
            if (_used == _pool.Count) _pool.Add(new Acc());
            var acc = _pool[_used++];
            acc.Weight = 0;
            acc.Positions.Clear();
            return acc;
        }

        public int Scan(string text, int start, int boost)
        {
            _boost = boost;
            var sink = new Sink(this);
            return Tokenizer.Scan(text, start, ref sink);
        }

        /// <summary>A struct sink, so the JIT specialises the tokenizer loop for the indexer instead of dispatching through an interface.</summary>
        private readonly struct Sink(DocTerms terms) : Tokenizer.ISink
        {
            public void Cjk(char c, char next, int position) => terms.Cjk(c, next, position);
            public void Word(ReadOnlySpan<char> word, int position) => terms.Word(word, position);
            public void Join(ReadOnlySpan<char> word, char cjk, int position) => terms.Join(word, cjk, position);
        }

        public void Cjk(char c, char next, int position)
        {
            var unigram = c << 16;
            if (!_cjk.TryGetValue(unigram, out var u)) _cjk[unigram] = u = Next();
            u.Weight += _boost;
            if (next == '\0') return;
            var bigram = unigram | next;
            if (!_cjk.TryGetValue(bigram, out var b)) _cjk[bigram] = b = Next();
            b.Weight += _boost;
            b.Positions.Add(position);
        }

        public void Word(ReadOnlySpan<char> word, int position)
        {
            var lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(word, out var w))
            {
                w = Next();
                lookup[word] = w;
            }
            w.Weight += _boost;
            w.Positions.Add(position);
        }

        public void Join(ReadOnlySpan<char> word, char cjk, int position)
        {
            Span<char> joined = word.Length < 64 ? stackalloc char[word.Length + 1] : new char[word.Length + 1];
            word.CopyTo(joined);
            joined[^1] = cjk;
            Word(joined, position);
        }

        /// <summary>Encodes this document's postings into the spill and resets for the next document.</summary>
        public void Spill(int docId, PostingSpill spill)
        {
            Span<char> pair = stackalloc char[2];
            foreach (var (key, acc) in _cjk)
            {
                pair[0] = (char)(key >> 16);
                pair[1] = (char)(key & 0xFFFF);
                var term = pair[1] == '\0' ? pair[..1] : pair;
                Write(term, docId, acc, withPositions: pair[1] != '\0');
            }
            foreach (var (word, acc) in _words) Write(word, docId, acc, withPositions: true);
            for (var p = 0; p < PostingSpill.Partitions; p++)
            {
                var buffer = _buffers[p];
                if (buffer.Length == 0) continue;
                spill.Append(p, buffer.Bytes.AsSpan(0, buffer.Length));
                buffer.Length = 0;
            }
            _cjk.Clear();
            _words.Clear();
            _used = 0;
        }

        private void Write(ReadOnlySpan<char> term, int docId, Acc acc, bool withPositions)
        {
            var buffer = _buffers[PostingSpill.PartitionOf(term[0])];
            buffer.Varint(term.Length);
            foreach (var ch in term) buffer.Varint(ch);
            buffer.Varint(docId);
            buffer.Varint(acc.Weight);
            if (!withPositions)
            {
                buffer.Varint(0);
                return;
            }
            buffer.Varint(acc.Positions.Count);
            var last = 0;
            foreach (var position in acc.Positions)
            {
                buffer.Varint(position - last);
                last = position;
            }
        }
    }
}
