using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace SiteGen.Search;

/// <summary>What building the search index cost and produced, for `sitegen build` to report.</summary>
/// <param name="Indexing">Time spent extracting and tokenizing pages, summed over the render threads.</param>
/// <param name="Writing">Wall time of inverting the spill and writing the packs, directory pages and manifest.</param>
public sealed record SearchIndexStats(int Documents, int Terms, long Files, long Bytes, TimeSpan Indexing, TimeSpan Writing)
{
    /// <summary>Reports indexed from their pages; the others were carried over from the previous build's index.</summary>
    public int Reindexed { get; init; } = Documents;
}

/// <summary>The index stage: takes each report page (from many threads), spills its postings and keeps its text chunks, then inverts
/// the spill partition by partition into score-ordered posting blocks, term shards and document packs (see SearchFormat.cs); a
/// report whose page did not change is carried over from the previous build's index instead.</summary>
public sealed class SearchIndexBuilder : IDisposable
{
    /// <summary>Folder of the index under the site root; the search page's runtime reads it from there.</summary>
    public const string Folder = "search/idx/";

    /// <summary>Documents in a term's first posting block (see <see cref="TermEncoder"/>).</summary>
    public const int BlockSize = TermEncoder.BlockSize;

    private const string ManifestName = "manifest.json";
    private const int PackTargetBytes = 4 << 20;
    private const int ShardTargetBytes = 4_000;
    private const int ChunkTarget = 1_000;
    private const int FieldGap = 8;
    private const int AgencyPageSize = 256;
    private const int DirectoryPageSize = 64;

    // Field boosts, × 10 in the spill so weighted frequencies stay integers.
    private const int TitleBoost = 50;
    private const int AgencyBoost = 30;
    private const int RegionBoost = 20;
    private const int OtherFieldBoost = 10;
    private const int BodyBoost = 10;

    // Chinese stays as UTF-8 (3 bytes) instead of \uXXXX escapes (6 bytes); HTML-significant characters are still escaped.
    private static readonly SearchJsonContext Json = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });

    private readonly Action<string, byte[]> _write;
    private readonly Func<string, long, bool>? _reuse;
    private readonly ScratchFolder _scratch = new();
    private readonly PostingSpill _spill;
    private readonly DocumentStore _store;
    private readonly DocInfo?[] _docs;
    private readonly string?[] _keys;
    private readonly bool[] _changed;
    private readonly (string Url, Func<string> Read)?[] _deferred;
    private readonly SearchIndexState? _previous;
    private readonly string? _previousFolder;
    private readonly ConcurrentDictionary<string, long> _written = new(StringComparer.Ordinal);
    private long _files;
    private long _bytes;
    private long _addTicks;

    /// <summary>What scoring and filters need of a document: its length in positions and its filter values (region: the province).</summary>
    private sealed record DocInfo(int Length, string Year, string Region, string Agency, string Series);

    /// <summary>The record of the index just built, for the next build; set by <see cref="Finish"/>.</summary>
    public SearchIndexState? State { get; private set; }

    /// <summary>Reports indexed from their pages in this build (the others were carried over from the previous index).</summary>
    public int Reindexed => _changed.Count(c => c);

    /// <param name="documents">Number of documents; ids run from 0 to documents − 1 in a stable order.</param>
    /// <param name="write">Writes a file under the site root (the build's output publisher).</param>
    /// <param name="reuse">Publishes the previous build's file of that path and size unchanged, if there is one; content-hashed names
    /// make that safe (the size check catches a file cut short since).</param>
    /// <param name="previous">The previous build's index record, and <paramref name="previousFolder"/> the index it published:
    /// reports whose pages did not change are then carried over from it instead of being indexed again.</param>
    public SearchIndexBuilder(int documents, Action<string, byte[]> write, Func<string, long, bool>? reuse = null,
        SearchIndexState? previous = null, string? previousFolder = null)
    {
        _docs = new DocInfo?[documents];
        _keys = new string?[documents];
        _changed = new bool[documents];
        _deferred = new (string, Func<string>)?[documents];
        _previous = previous?.Docs.Count == documents && previousFolder is not null ? previous : null;
        _previousFolder = previousFolder;
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

    /// <summary>Takes one report page; thread-safe. <paramref name="key"/> is the page's fingerprint; <paramref name="html"/> is null
    /// when the page was not rendered again, and then, if the previous index holds this very page under this id, the report is
    /// carried over (read with <paramref name="readPage"/> only if the index has to be built whole after all).</summary>
    public void Include(int docId, string key, string url, string? html, Func<string> readPage)
    {
        _keys[docId] = key;
        if (html is null && _previous?.Docs[docId] is { } before && before.Key == key)
        {
            _docs[docId] = new DocInfo(before.Length, before.Year, before.Region, before.Agency, before.Series);
            _deferred[docId] = (url, readPage);
            return;
        }
        Add(docId, url, html ?? readPage());
    }

    /// <summary>Indexes one rendered report page; thread-safe. <paramref name="url"/> is the page's href.</summary>
    public void Add(int docId, string url, string html)
    {
        _changed[docId] = true;
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

    /// <summary>Inverts the spilled postings and writes shards, blocks, document packs, filters and the manifest. When the previous
    /// index can be carried over (same reports under the same ids, same agencies, same average length), only the terms of the
    /// reports indexed in this build are encoded again; every other term's postings are copied as they are.</summary>
    public SearchIndexStats Finish()
    {
        var clock = Stopwatch.StartNew();
        using var previous = OpenPrevious();
        if (previous is null) AddDeferred();
        var docs = _docs.Select((d, i) => d ?? throw new InvalidOperationException($"search document {i} was never added")).ToArray();
        var averageLength = TermEncoder.AverageLength(docs.Sum(d => (long)d.Length), docs.Length);

        var years = Values(docs, d => d.Year, descending: true);
        var regions = Values(docs, d => d.Region, descending: false);
        var agencies = Values(docs, d => d.Agency, descending: false);
        var series = Values(docs, d => d.Series, descending: false);
        // Stored scores depend on the average length, and blocks hold agency codes: either changing means encoding every term.
        var carried = previous is not null && averageLength == _previous!.AverageLength && agencies.List.Select(v => v.Name)
            .SequenceEqual(_previous.Docs.Select(d => d.Agency).Where(a => a.Length > 0).Distinct().Order(StringComparer.Ordinal));
        var from = carried ? previous : null;
        if (!carried && previous is not null) AddDeferred();

        // Year, region and series come from runs of document ids (ids are ordered by them); only the agency travels in postings.
        var agencyOf = new int[docs.Length];
        var ranges = new ByteBuffer();
        (int Year, int Region, int Series) last = (-2, -2, -2);
        var lastStart = 0;
        for (var i = 0; i < docs.Length; i++)
        {
            agencyOf[i] = agencies.Code[docs[i].Agency];
            var current = (years.Code[docs[i].Year], docs[i].Region.Length == 0 ? -1 : regions.Code[docs[i].Region], series.Code[docs[i].Series]);
            if (current == last) continue;
            ranges.Varint(i - lastStart);
            ranges.Varint(Math.Max(0, current.Item1));
            ranges.Varint(current.Item2 + 1);
            ranges.Varint(Math.Max(0, current.Item3));
            last = current;
            lastStart = i;
        }

        // Posting blocks go to one pack sequence per partition (partitions are inverted in parallel), term shards to
        // another; shards are serialized once every posting pack is closed, because they refer to blocks by pack name.
        var lengths = docs.Select(d => d.Length).ToArray();
        var previousEntries = new List<TermEntry>[PostingSpill.Partitions];
        for (var p = 0; p < PostingSpill.Partitions; p++) previousEntries[p] = [];
        if (from is not null) foreach (var entry in from.Entries()) previousEntries[PostingSpill.PartitionOf(entry.Term[0])].Add(entry);
        var inverted = new List<TermData>[PostingSpill.Partitions];
        Parallel.For(0, PostingSpill.Partitions, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, p =>
        {
            var packs = new PackWriter("p/", PackTargetBytes, Emit);
            var inverter = new PartitionInverter(lengths, averageLength, agencyOf, _changed, packs);
            inverted[p] = [];
            foreach (var slice in _spill.ReadPartition(p))
            {
                inverted[p].AddRange(from is null
                    ? inverter.Invert(slice.Records)
                    : inverter.Merge(slice.Records, previousEntries[p].Where(e => e.Term[0] >= slice.First && e.Term[0] <= slice.Last).ToList(), from));
            }
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

        var docPages = _store.WritePacks(Emit, Json, from is null ? null : CarryDocumentPacks(from));

        var agencyPages = new List<string>();
        for (var start = 0; start < agencies.List.Count; start += AgencyPageSize)
            agencyPages.Add(EmitFile("f/", Serialize(new FilterPage(agencies.List.Skip(start).Take(AgencyPageSize).ToList()), Json.FilterPage)));
        var filters = new FilterSet(years.List, regions.List, series.List, agencyPages, AgencyPageSize, agencies.List.Count, System.Buffers.Text.Base64Url.EncodeToString(ranges.Bytes.AsSpan(0, ranges.Length)));
        var directory = new List<ShardRef>();
        for (var start = 0; start < shards.Count; start += DirectoryPageSize)
        {
            var page = shards.Skip(start).Take(DirectoryPageSize).Select(s => new ShardRef(s.First, s.Address.Ref)).ToList();
            directory.Add(new ShardRef(page[0].First, EmitFile("s/", Serialize(new ShardDirectory(page), Json.ShardDirectory))));
        }
        var manifest = Serialize(new SearchManifest(2, docs.Length, BlockSize, DocumentStore.DocsPerPack, DocumentStore.PacksPerPage, docPages, directory, filters), Json.SearchManifest);
        Emit(ManifestName, manifest);
        State = new SearchIndexState(SearchIndexState.FormatVersion, PackWriter.NameFor("", manifest, ""), averageLength,
            docs.Select((d, i) => new IndexedDoc(_keys[i] ?? "", d.Length, d.Year, d.Region, d.Agency, d.Series)).ToList(),
            new SortedDictionary<string, long>(_written, StringComparer.Ordinal));

        var indexing = TimeSpan.FromTicks((long)(Interlocked.Read(ref _addTicks) * (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency));
        return new SearchIndexStats(docs.Length, termCount, Interlocked.Read(ref _files), Interlocked.Read(ref _bytes), indexing, clock.Elapsed)
        {
            Reindexed = Reindexed,
        };
    }

    /// <summary>The previous index, when there is one to carry reports over from and at most a quarter of the reports changed
    /// (beyond that, indexing everything again costs about the same); null otherwise.</summary>
    private PreviousIndex? OpenPrevious()
    {
        if (_previous is null || !_deferred.Any(d => d is not null) || Reindexed * 4 > _docs.Length) return null;
        try
        {
            return PreviousIndex.Open(_previousFolder!, _previous.ManifestHash, _previous.Files);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Indexes the reports that were to be carried over, from their pages, because the index is built whole after all.</summary>
    private void AddDeferred()
    {
        Parallel.For(0, _deferred.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            if (_deferred[i] is not { } deferred) return;
            _deferred[i] = null;
            Add(i, deferred.Url, deferred.Read());
        });
    }

    /// <summary>Document packs whose reports all carried over are republished as they are; the others get their unchanged
    /// reports back from the previous pack. Returns the republished packs by pack number.</summary>
    private Dictionary<int, string> CarryDocumentPacks(PreviousIndex from)
    {
        var packs = from.DocPacks();
        var carried = new Dictionary<int, string>();
        for (var pack = 0; pack * DocumentStore.DocsPerPack < _docs.Length; pack++)
        {
            var first = pack * DocumentStore.DocsPerPack;
            var count = Math.Min(DocumentStore.DocsPerPack, _docs.Length - first);
            var changed = _changed.AsSpan(first, count).Contains(true);
            var size = new FileInfo(Path.Combine(_previousFolder!, packs[pack])).Length;
            if (!changed && _reuse?.Invoke(Folder + packs[pack], size) == true && Claim(packs[pack], size))
            {
                carried[pack] = packs[pack];
                continue;
            }
            var documents = from.Documents(packs[pack], count);
            for (var i = 0; i < count; i++)
                if (!_changed[first + i]) _store.Add(first + i, documents[i].Record, documents[i].Chunks);
        }
        return carried;
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

    /// <summary>JSON size of an entry, near enough to decide shard cuts without serializing twice (a CJK term is at most 3 bytes per character).</summary>
    private static int EstimatedSize(TermEntry e) =>
        e.Term.Length * 3 + 24 + (e.Inline is null ? 0 : e.Inline.Length + 12) + (e.Blocks?.Sum(b => b.Ref.Length + 36) ?? 0);

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
        if (!Claim(name, bytes.Length)) return;
        if (name == ManifestName || _reuse?.Invoke(Folder + name, bytes.Length) != true) _write(Folder + name, bytes);
    }

    /// <summary>Counts an index file of this build once; false if the name was already claimed (equal content).</summary>
    private bool Claim(string name, long size)
    {
        if (!_written.TryAdd(name, size)) return false;
        Interlocked.Increment(ref _files);
        Interlocked.Add(ref _bytes, size);
        return true;
    }

    public void Dispose()
    {
        _spill.Dispose();
        _store.Dispose();
        _scratch.Dispose();
    }
}
