using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
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

/// <summary>An attachment of a report whose text is searched with it: its file name, its URL, and a way to read its text (called only
/// when the report is indexed again).</summary>
public sealed record IndexedFile(string Name, string Href, Func<string> ReadText);

/// <summary>The index stage: takes each report page (from many threads), spills its postings and keeps its text chunks, then inverts
/// the spill partition by partition into term objects, term shards, document packs and the catalogue (see SearchFormat.cs).
/// An incremental build keeps the previous build's base segment as it is and indexes only the reports outside it (added or
/// changed since the base) into a delta segment; past <see cref="MergeShare"/> of the reports, or when the scores' average
/// length moves, everything is indexed again into a new base.</summary>
public sealed class SearchIndexBuilder : IDisposable
{
    /// <summary>Folder of the index under the site root; the search page's runtime reads it from there.</summary>
    public const string Folder = "search/idx/";

    /// <summary>Characters of report text per chunk (an excerpt loads one chunk).</summary>
    public const int ChunkTarget = 2_000;

    /// <summary>The delta is merged into a new base once the reports it holds and those the base lost pass this share of the
    /// archive (or <see cref="MergeMinimum"/>, for small archives). bench/search measures what a delta adds to a query.</summary>
    public const double MergeShare = 0.02;

    /// <summary>Changes a delta may hold however small the archive.</summary>
    public const int MergeMinimum = 32;

    private const string ManifestName = "manifest.json";
    private const int PackTargetBytes = 4 << 20;
    private const int FieldGap = 8;

    // Field boosts, × 10 in the spill so weighted frequencies stay integers.
    private const int TitleBoost = 50;
    private const int AgencyBoost = 30;
    private const int RegionBoost = 20;
    private const int OtherFieldBoost = 10;
    private const int BodyBoost = 10;

    // Chinese stays as UTF-8 (3 bytes) instead of \uXXXX escapes (6 bytes); HTML-significant characters are still escaped.
    private static readonly SearchJsonContext Json = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });

    private readonly SearchCatalogue _catalogue;
    private readonly Action<string, ReadOnlySpan<byte>> _write;
    private readonly Func<string, long, bool>? _reuse;
    private readonly ScratchFolder _scratch = new();
    private readonly PostingSpill _spill;
    private readonly DocumentStore _store;
    private readonly int?[] _lengths;
    private readonly string?[] _keys;
    private readonly bool[] _changed;
    private readonly Func<string>?[] _deferred;
    private readonly IReadOnlyList<IndexedFile>?[] _deferredFiles;
    private readonly IReadOnlySet<int> _sample;
    private readonly ConcurrentDictionary<int, string> _sampleTexts = new();
    private readonly SearchIndexState? _previous;
    private readonly string? _previousFolder;
    private readonly Dictionary<string, int>? _baseIds;
    private readonly int[] _baseIdOf;
    private readonly int _mergeAt;
    private readonly ConcurrentDictionary<int, OutsidePage> _outside = new();
    private int _outsideCount;
    private readonly ConcurrentDictionary<string, long> _written = new(StringComparer.Ordinal);
    private long _files;
    private long _bytes;
    private long _addTicks;

    /// <summary>The record of the index just built, for the next build; set by <see cref="Finish"/>.</summary>
    public SearchIndexState? State { get; private set; }

    /// <summary>Reports indexed from their pages in this build (the others were carried over in the base segment).</summary>
    public int Reindexed => _changed.Count(c => c);

    /// <param name="catalogue">The reports; their order gives the document ids.</param>
    /// <param name="write">Writes a file under the site root (the build's output publisher); thread-safe.</param>
    /// <param name="reuse">Publishes the previous build's file of that path and size unchanged, if there is one; content-hashed names
    /// make that safe (the size check catches a file cut short since).</param>
    /// <param name="previous">The previous build's index record, and <paramref name="previousFolder"/> the index it published: its
    /// base segment is then kept, and only the reports outside it are indexed.</param>
    public SearchIndexBuilder(SearchCatalogue catalogue, Action<string, ReadOnlySpan<byte>> write, Func<string, long, bool>? reuse = null,
        SearchIndexState? previous = null, string? previousFolder = null)
    {
        var documents = catalogue.Docs.Count;
        _catalogue = catalogue;
        _lengths = new int?[documents];
        _keys = new string?[documents];
        _changed = new bool[documents];
        _deferred = new Func<string>?[documents];
        _deferredFiles = new IReadOnlyList<IndexedFile>?[documents];
        _baseIdOf = new int[documents];
        Array.Fill(_baseIdOf, -1);
        _mergeAt = Math.Max(MergeMinimum, (int)(MergeShare * documents));
        _sample = TextDictionary.Sample(catalogue.Docs.Select(d => d.Url).ToList());
        if (previous is not null && previousFolder is not null && reuse is not null)
        {
            _previous = previous;
            _previousFolder = previousFolder;
            _baseIds = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < previous.Docs.Count; i++) _baseIds[previous.Docs[i].Path] = i;
        }
        _write = write;
        _reuse = reuse;
        _spill = new PostingSpill(_scratch);
        _store = new DocumentStore(documents, _scratch);
    }

    /// <summary>The document id of the report at a page path (ids follow the catalogue order).</summary>
    public int DocumentId(string path) => _catalogue.Ids[path];

    /// <summary>Takes one report page; thread-safe. <paramref name="key"/> is the page's fingerprint; <paramref name="html"/> is null
    /// when the page was not rendered again. If the base segment holds a page of this fingerprint, the report stays there (read with
    /// <paramref name="readPage"/> only if the index has to be built whole after all). Any other report goes to the delta, held
    /// until <see cref="Finish"/> knows whether there is one, or, once there are too many for a delta, is indexed at once.
    /// <paramref name="files"/> are the report's attachments whose text is searched with it (their stamps are part of the key), in
    /// either segment.</summary>
    public void Include(int docId, string key, string? html, Func<string> readPage, IReadOnlyList<IndexedFile>? files = null)
    {
        _keys[docId] = key;
        if (_baseIds?.GetValueOrDefault(_catalogue.Docs[docId].Path, -1) is >= 0 and var b && _previous!.Docs[b].Key == key)
        {
            _baseIdOf[docId] = b;
            _lengths[docId] = _previous.Docs[b].Length;
            _deferred[docId] = readPage;
            _deferredFiles[docId] = files;
            return;
        }
        if (_previous is not null && Interlocked.Increment(ref _outsideCount) <= _mergeAt)
        {
            _outside[docId] = new OutsidePage(html ?? readPage(), files);
            return;
        }
        Add(docId, html ?? readPage(), files);
    }

    /// <summary>Indexes one rendered report page, and after its body the text of <paramref name="files"/>; thread-safe.</summary>
    public void Add(int docId, string html, IReadOnlyList<IndexedFile>? files = null)
    {
        _changed[docId] = true;
        var started = Stopwatch.GetTimestamp();
        var extracted = ReportTextExtractor.Extract(html);
        string Field(IReadOnlyDictionary<string, string> map, string key) => map.TryGetValue(key, out var v) ? v : "";
        var entry = _catalogue.Docs[docId];

        // What the page shows is what is searched: the fields as the theme marks them, then the body.
        var terms = DocTerms.ForThread();
        var pos = 0;
        pos = terms.Scan(Field(extracted.Meta, "title"), pos, TitleBoost) + FieldGap;
        pos = terms.Scan(Field(extracted.Filters, "agency"), pos, AgencyBoost) + FieldGap;
        pos = terms.Scan(Field(extracted.Filters, "region"), pos, RegionBoost) + FieldGap;
        pos = terms.Scan(Field(extracted.Filters, "year"), pos, OtherFieldBoost) + FieldGap;
        pos = terms.Scan(Field(extracted.Filters, "series"), pos, OtherFieldBoost) + FieldGap;
        var bodyStart = pos;

        var chunkStarts = new List<int>();
        var chunkBytes = new List<byte[]>();
        var chunk = new StringBuilder();
        var sections = new List<SectionStart>();
        var chunkStart = pos;
        void EndChunk()
        {
            if (chunk.Length == 0) return;
            chunkBytes.Add(Encoding.Unicode.GetBytes(JsonSerializer.Serialize(new ChunkRecord(sections.ToList(), chunk.ToString()), Json.ChunkRecord)));
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

        // Each attachment's text follows the body in chunks of its own, so a match in it is known to be the file's.
        List<FileStart>? fileStarts = null;
        foreach (var file in files ?? [])
        {
            var text = file.ReadText();
            if (string.IsNullOrWhiteSpace(text)) continue;
            (fileStarts ??= []).Add(new FileStart(file.Name, file.Href, chunkBytes.Count));
            pos += FieldGap;
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                foreach (var piece in Pieces(line))
                {
                    if (chunk.Length > 0 && chunk.Length + piece.Length > ChunkTarget) EndChunk();
                    if (chunk.Length == 0)
                    {
                        chunkStart = pos;
                        sections.Add(new SectionStart(0, ""));
                    }
                    else chunk.Append('\n');
                    chunk.Append(piece);
                    pos = terms.Scan(piece, pos, BodyBoost) + 1;
                }
            }
            EndChunk();
        }
        if (_sample.Contains(docId)) _sampleTexts[docId] = BodyText(extracted);

        terms.Spill(docId, _spill);
        var record = new DocRecord(entry.Title, entry.Url, entry.Agency, entry.Year.ToString(CultureInfo.InvariantCulture), entry.RegionText, entry.Series,
            entry.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), bodyStart, chunkStarts, [], fileStarts);
        _store.Add(docId, record, chunkBytes);
        _lengths[docId] = pos;
        Interlocked.Add(ref _addTicks, Stopwatch.GetTimestamp() - started);
    }

    private static string BodyText(ExtractedReport report) => string.Join('\n', report.Blocks.Select(b => b.Text));

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

    /// <summary>Writes the index: the kept base with a delta segment of the reports outside it when the previous build's base can
    /// be kept (see <see cref="TryDelta"/>), else a new base of every report; then the catalogue, the dates and the manifest.</summary>
    public SearchIndexStats Finish()
    {
        var clock = Stopwatch.StartNew();
        var documents = _lengths.Length;
        var (segments, terms) = TryDelta() ?? WriteBase();

        var agencyPages = new PackWriter("a/", PackTargetBytes, Emit);
        var catalogue = EmitFile("c/", _catalogue.Write(bytes =>
        {
            var address = agencyPages.Append(bytes);
            return () => address.Ref;
        }, agencyPages.Close, Json));
        var dates = EmitFile("d/", _catalogue.Dates());

        var manifest = JsonSerializer.SerializeToUtf8Bytes(new SearchManifest(SearchIndexState.FormatVersion, documents, segments.AverageLength,
            catalogue, dates, segments.Base, segments.Delta, segments.Layout), Json.SearchManifest);
        Emit(ManifestName, manifest);
        State = new SearchIndexState(SearchIndexState.FormatVersion, PackWriter.NameFor("", manifest, ""), segments.AverageLength,
            segments.Base, segments.BaseDocs, segments.BaseFiles);

        var indexing = TimeSpan.FromTicks((long)(Interlocked.Read(ref _addTicks) * (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency));
        return new SearchIndexStats(documents, terms, Interlocked.Read(ref _files), Interlocked.Read(ref _bytes), indexing, clock.Elapsed)
        {
            Reindexed = Reindexed,
        };
    }

    /// <summary>A report outside the base, held until <see cref="Finish"/> knows which segment it goes to: its page and its searched attachments.</summary>
    private sealed record OutsidePage(string Html, IReadOnlyList<IndexedFile>? Files);

    /// <summary>The segments of the index, and what the next build needs to keep its base.</summary>
    private sealed record Segments(int AverageLength, SegmentManifest Base, SegmentManifest? Delta, string? Layout,
        IReadOnlyList<IndexedDoc> BaseDocs, IReadOnlyDictionary<string, long> BaseFiles);

    /// <summary>Indexes every report (those left in the previous base too) into one new base segment.</summary>
    private (Segments, int Terms) WriteBase()
    {
        Parallel.ForEach(_outside, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, page => Add(page.Key, page.Value.Html, page.Value.Files));
        _outside.Clear();
        AddDeferred();
        var lengths = _lengths.Select((l, i) => l ?? throw new InvalidOperationException($"search document {i} was never added")).ToArray();
        var averageLength = TermEncoder.AverageLength(lengths.Sum(l => (long)l), lengths.Length);
        var (segment, terms) = WriteSegment(lengths, averageLength);
        var files = SegmentFiles(segment).ToDictionary(name => name, name => _written[name], StringComparer.Ordinal);
        var docs = _catalogue.Docs.Select((d, i) => new IndexedDoc(d.Path, _keys[i] ?? "", lengths[i])).ToList();
        return (new Segments(averageLength, segment, null, null, docs, new SortedDictionary<string, long>(files, StringComparer.Ordinal)), terms);
    }

    /// <summary>Keeps the previous base and indexes the reports outside it into a delta segment, with the layout that places both
    /// in the catalogue's id order. Null (and nothing written) when that cannot give a clean build's results: no previous base,
    /// too many changes since it (<see cref="MergeShare"/>), a base file missing or changed, or a different average length (every
    /// stored score level depends on it).</summary>
    private (Segments, int Terms)? TryDelta()
    {
        if (_previous is null || _outsideCount > _mergeAt) return null;
        var kept = new bool[_previous.Docs.Count];
        foreach (var b in _baseIdOf) if (b >= 0) kept[b] = true;
        var deleted = Enumerable.Range(0, kept.Length).Where(b => !kept[b]).ToList();
        if (_outside.Count + deleted.Count > _mergeAt || !Published(_previous)) return null;
        foreach (var (name, size) in _previous.Files)
        {
            var file = new FileInfo(Path.Combine(_previousFolder!, name));
            if (!file.Exists || file.Length != size) return null;
        }

        var added = _outside.Keys.Order().ToList();
        using var delta = new SearchIndexBuilder(new SearchCatalogue(added.Select(i => _catalogue.Docs[i])), (path, bytes) => Emit(path[Folder.Length..], bytes));
        Parallel.ForEach(added, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, id => delta.Add(delta.DocumentId(_catalogue.Docs[id].Path), _outside[id].Html, _outside[id].Files));
        var deltaLengths = delta._lengths.Select(l => l!.Value).ToArray();
        for (var i = 0; i < added.Count; i++) _lengths[added[i]] = deltaLengths[delta.DocumentId(_catalogue.Docs[added[i]].Path)];
        var total = _lengths.Sum(l => (long)l!.Value);
        if (TermEncoder.AverageLength(total, _lengths.Length) != _previous.AverageLength) return null;

        foreach (var (name, size) in _previous.Files)
        {
            if (!Claim(name, size)) continue;
            if (_reuse!(Folder + name, size) != true) throw new IOException($"search index file {name} of the base segment could not be kept");
        }
        foreach (var id in added) _changed[id] = true;
        var (segment, terms) = added.Count == 0 ? (null, 0) : delta.WriteSegment(deltaLengths, _previous.AverageLength);
        var layout = added.Count + deleted.Count == 0 ? null : EmitFile("l/", Deflater.Compress(Layout(deleted, added)));
        _outside.Clear();
        return (new Segments(_previous.AverageLength, _previous.Base, segment, layout, _previous.Docs, _previous.Files), terms);
    }

    /// <summary>Whether the published index is still the one the record describes (not replaced or edited by hand since).</summary>
    private bool Published(SearchIndexState state)
    {
        try
        {
            return PackWriter.NameFor("", File.ReadAllBytes(Path.Combine(_previousFolder!, ManifestName)), "") == state.ManifestHash;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The layout (see SearchFormat.cs): the base ids deleted, then the delta's reports' ids in the whole index.</summary>
    private static byte[] Layout(IReadOnlyList<int> deleted, IReadOnlyList<int> added)
    {
        var buffer = new ByteBuffer();
        foreach (var ids in new[] { deleted, added })
        {
            buffer.Varint(ids.Count);
            var previous = -1;
            foreach (var id in ids)
            {
                buffer.Varint(id - previous - 1);
                previous = id;
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The files a segment consists of.</summary>
    private static IEnumerable<string> SegmentFiles(SegmentManifest segment) =>
        new[] { segment.Shards.File, segment.Documents.Dictionary }.OfType<string>().Concat(segment.Postings).Concat(segment.Documents.Packs).Distinct();

    /// <summary>Inverts the spilled postings of this builder's reports and writes the term objects and shards, the document packs
    /// and the text dictionary: one segment.</summary>
    private (SegmentManifest, int Terms) WriteSegment(int[] lengths, int averageLength)
    {
        var documents = lengths.Length;
        var dictionary = new DeflateDictionary(TextDictionary.Build(_sample.Order().Select(SampleText)));

        // Term objects go to one posting pack sequence per partition (partitions are inverted in parallel); shards are written once
        // every posting pack is closed, because they refer to objects by pack number.
        var inverted = new List<TermData>[PostingSpill.Partitions];
        var postingPacks = new PackWriter[PostingSpill.Partitions];
        // Buffers are reused from partition to partition (one set per partition inverted at a time) and let go once every
        // partition is inverted. Not Parallel.For's thread-local state: its tasks are replaced as they run, each with new state.
        var idle = new ConcurrentBag<(PostingSpill.SliceBuffer Slice, PartitionInverter.Workspace Groups)>();
        Parallel.For(0, PostingSpill.Partitions, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, p =>
        {
            if (!idle.TryTake(out var buffers)) buffers = (_spill.NewSliceBuffer(), new PartitionInverter.Workspace());
            var packs = postingPacks[p] = new PackWriter("p/", PackTargetBytes, Emit);
            var inverter = new PartitionInverter(lengths, averageLength, packs, buffers.Groups);
            inverted[p] = [];
            foreach (var slice in _spill.ReadPartition(p, buffers.Slice)) inverted[p].AddRange(inverter.Invert(slice));
            packs.Close();
            idle.Add(buffers);
        });
        var packNumbers = new Dictionary<PackWriter.Pack, int>();
        var postingNames = new List<string>();
        foreach (var pack in postingPacks.SelectMany(w => w.Closed))
        {
            packNumbers[pack] = postingNames.Count;
            postingNames.Add(pack.Name!);
        }
        var entries = inverted.SelectMany(list => list).Select(t => new TermEntry(t.Term, t.Df, t.Positional, t.Inline,
            t.Address is { } a ? packNumbers[a.Pack] : -1, t.Address?.Offset ?? 0, t.DocsLength, t.HeadLength, t.IndexLength, t.Inline?.Length ?? t.Address!.Value.Length, t.BlockPostings)).ToList();
        var shards = WriteShards(entries);

        var documentPacks = _store.WritePacks(Emit, Json, dictionary);
        var dictionaryName = dictionary.Bytes.Length == 0 ? null : EmitFile("x/", dictionary.Prefix);
        return (new SegmentManifest(documents, shards, postingNames, new DocumentTable(DocumentStore.DocsPerPack, documentPacks, dictionaryName, dictionary.Bytes.Length)), entries.Count);
    }

    /// <summary>Writes the term shards, compressed, into one shard file; entries arrive in ordinal term order, and so each shard's.</summary>
    private ShardTable WriteShards(List<TermEntry> entries)
    {
        var count = TermShards.ShardCount(entries.Sum(e => (long)TermShards.Size(e)));
        var buckets = new List<TermEntry>[count];
        for (var s = 0; s < count; s++) buckets[s] = [];
        foreach (var e in entries) buckets[TermShards.Hash(e.Term) & (uint)(count - 1)].Add(e);
        var compressed = new byte[count][];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            s => compressed[s] = Deflater.Compress(TermShards.Serialize(buckets[s])));
        return new ShardTable(count, EmitFile("t/", TermShards.File(compressed)));
    }

    /// <summary>The body text of a sampled report, for the text dictionary: indexed in this build, or read back from its page.</summary>
    private string SampleText(int docId) =>
        _sampleTexts.TryGetValue(docId, out var text) ? text : BodyText(ReportTextExtractor.Extract(_deferred[docId]!()));

    /// <summary>Indexes the reports of the previous base, from their pages, because the index is built whole after all.</summary>
    private void AddDeferred()
    {
        Parallel.For(0, _deferred.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            if (_deferred[i] is not { } deferred) return;
            _deferred[i] = null;
            Add(i, deferred(), _deferredFiles[i]);
        });
    }

    /// <summary>Writes a small object as a file named from its content; returns the name.</summary>
    private string EmitFile(string folder, byte[] bytes)
    {
        var name = PackWriter.NameFor(folder, bytes, ".bin");
        Emit(name, bytes);
        return name;
    }

    /// <summary>Writes an index file, or republishes the previous build's file of that name: every name but the manifest's
    /// carries a hash of its content, so an equal name means equal bytes (and two equal packs are one file). Thread-safe.</summary>
    private void Emit(string name, ReadOnlySpan<byte> bytes)
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
