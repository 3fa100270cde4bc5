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
/// the spill partition by partition into term objects, term shards, document packs and the catalogue (see SearchFormat.cs); a
/// report whose page did not change is carried over from the previous build's index instead.</summary>
public sealed class SearchIndexBuilder : IDisposable
{
    /// <summary>Folder of the index under the site root; the search page's runtime reads it from there.</summary>
    public const string Folder = "search/idx/";

    /// <summary>Characters of report text per chunk (an excerpt loads one chunk).</summary>
    public const int ChunkTarget = 2_000;

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
    private readonly Action<string, byte[]> _write;
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
    private readonly ConcurrentDictionary<string, long> _written = new(StringComparer.Ordinal);
    private long _files;
    private long _bytes;
    private long _addTicks;

    /// <summary>The record of the index just built, for the next build; set by <see cref="Finish"/>.</summary>
    public SearchIndexState? State { get; private set; }

    /// <summary>Reports indexed from their pages in this build (the others were carried over from the previous index).</summary>
    public int Reindexed => _changed.Count(c => c);

    /// <param name="catalogue">The reports; their order gives the document ids.</param>
    /// <param name="write">Writes a file under the site root (the build's output publisher); thread-safe.</param>
    /// <param name="reuse">Publishes the previous build's file of that path and size unchanged, if there is one; content-hashed names
    /// make that safe (the size check catches a file cut short since).</param>
    /// <param name="previous">The previous build's index record, and <paramref name="previousFolder"/> the index it published:
    /// reports whose pages did not change are then carried over from it instead of being indexed again.</param>
    public SearchIndexBuilder(SearchCatalogue catalogue, Action<string, byte[]> write, Func<string, long, bool>? reuse = null,
        SearchIndexState? previous = null, string? previousFolder = null)
    {
        var documents = catalogue.Docs.Count;
        _catalogue = catalogue;
        _lengths = new int?[documents];
        _keys = new string?[documents];
        _changed = new bool[documents];
        _deferred = new Func<string>?[documents];
        _deferredFiles = new IReadOnlyList<IndexedFile>?[documents];
        _sample = TextDictionary.Sample(catalogue.Docs.Select(d => d.Url).ToList());
        _previous = previous?.Docs.Count == documents && previousFolder is not null ? previous : null;
        _previousFolder = previousFolder;
        _write = write;
        _reuse = reuse;
        _spill = new PostingSpill(_scratch);
        _store = new DocumentStore(documents, _scratch);
    }

    /// <summary>The document id of the report at a page path (ids follow the catalogue order).</summary>
    public int DocumentId(string path) => _catalogue.Ids[path];

    /// <summary>Takes one report page; thread-safe. <paramref name="key"/> is the page's fingerprint; <paramref name="html"/> is null
    /// when the page was not rendered again, and then, if the previous index holds this very page under this id, the report is
    /// carried over (read with <paramref name="readPage"/> only if the index has to be built whole after all). <paramref name="files"/>
    /// are the report's attachments whose text is searched with it (their stamps are part of the key).</summary>
    public void Include(int docId, string key, string? html, Func<string> readPage, IReadOnlyList<IndexedFile>? files = null)
    {
        _keys[docId] = key;
        if (html is null && _previous?.Docs[docId] is { } before && before.Key == key)
        {
            _lengths[docId] = before.Length;
            _deferred[docId] = readPage;
            _deferredFiles[docId] = files;
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
        _store.Add(docId, record, chunkBytes, compressed: false);
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

    /// <summary>Inverts the spilled postings and writes the term objects and shards, the document packs, the catalogue, the dates and
    /// the manifest. When the previous index can be carried over (same reports under the same ids, same average length, same text
    /// dictionary), only the terms of the reports indexed in this build are encoded again; every other term's object is copied.</summary>
    public SearchIndexStats Finish()
    {
        var clock = Stopwatch.StartNew();
        using var previous = OpenPrevious();
        if (previous is null) AddDeferred();
        var documents = _lengths.Length;
        var lengths = _lengths.Select((l, i) => l ?? throw new InvalidOperationException($"search document {i} was never added")).ToArray();
        var averageLength = TermEncoder.AverageLength(lengths.Sum(l => (long)l), documents);
        var dictionary = new DeflateDictionary(TextDictionary.Build(_sample.Order().Select(SampleText)));

        // Stored levels depend on the average length, and stored chunks on the dictionary: either changing means encoding everything.
        var carried = previous is not null && averageLength == _previous!.AverageLength && PreviousDictionary(previous).AsSpan().SequenceEqual(dictionary.Bytes);
        var from = carried ? previous : null;
        if (!carried && previous is not null) AddDeferred();

        // Term objects go to one posting pack sequence per partition (partitions are inverted in parallel); shards are written once
        // every posting pack is closed, because they refer to objects by pack number.
        var previousEntries = new List<TermEntry>[PostingSpill.Partitions];
        for (var p = 0; p < PostingSpill.Partitions; p++) previousEntries[p] = [];
        if (from is not null) foreach (var entry in from.Entries()) previousEntries[PostingSpill.PartitionOf(entry.Term[0])].Add(entry);
        var inverted = new List<TermData>[PostingSpill.Partitions];
        var postingPacks = new PackWriter[PostingSpill.Partitions];
        Parallel.For(0, PostingSpill.Partitions, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, p =>
        {
            var packs = postingPacks[p] = new PackWriter("p/", PackTargetBytes, Emit);
            var inverter = new PartitionInverter(lengths, averageLength, _changed, packs);
            inverted[p] = [];
            foreach (var slice in _spill.ReadPartition(p))
            {
                inverted[p].AddRange(from is null
                    ? inverter.Invert(slice.Records)
                    : inverter.Merge(slice.Records, previousEntries[p].Where(e => e.Term[0] >= slice.First && e.Term[0] <= slice.Last).ToList(), from));
            }
            packs.Close();
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

        var documentPacks = _store.WritePacks(Emit, Json, dictionary, from is null ? null : CarryDocumentPacks(from));
        var dictionaryName = dictionary.Bytes.Length == 0 ? null : EmitFile("x/", dictionary.Prefix);

        var agencyPages = new PackWriter("a/", PackTargetBytes, Emit);
        var catalogue = EmitFile("c/", _catalogue.Write(bytes =>
        {
            var address = agencyPages.Append(bytes);
            return () => address.Ref;
        }, agencyPages.Close, Json));
        var dates = EmitFile("d/", _catalogue.Dates());

        var manifest = JsonSerializer.SerializeToUtf8Bytes(new SearchManifest(3, documents, averageLength, shards, postingNames, catalogue, dates,
            new DocumentTable(DocumentStore.DocsPerPack, documentPacks, dictionaryName, dictionary.Bytes.Length)), Json.SearchManifest);
        Emit(ManifestName, manifest);
        State = new SearchIndexState(SearchIndexState.FormatVersion, PackWriter.NameFor("", manifest, ""), averageLength,
            lengths.Select((l, i) => new IndexedDoc(_keys[i] ?? "", l)).ToList(), new SortedDictionary<string, long>(_written, StringComparer.Ordinal));

        var indexing = TimeSpan.FromTicks((long)(Interlocked.Read(ref _addTicks) * (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency));
        return new SearchIndexStats(documents, entries.Count, Interlocked.Read(ref _files), Interlocked.Read(ref _bytes), indexing, clock.Elapsed)
        {
            Reindexed = Reindexed,
        };
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

    private static byte[] PreviousDictionary(PreviousIndex previous)
    {
        try
        {
            return previous.Dictionary();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            return [0];
        }
    }

    /// <summary>The previous index, when there is one to carry reports over from and at most a quarter of the reports changed
    /// (beyond that, indexing everything again costs about the same); null otherwise.</summary>
    private PreviousIndex? OpenPrevious()
    {
        if (_previous is null || !_deferred.Any(d => d is not null) || Reindexed * 4 > _lengths.Length) return null;
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
            Add(i, deferred(), _deferredFiles[i]);
        });
    }

    /// <summary>Document packs whose reports all carried over are republished as they are; the others get their unchanged
    /// reports back from the previous pack. Returns the republished packs by pack number.</summary>
    private Dictionary<int, string> CarryDocumentPacks(PreviousIndex from)
    {
        var packs = from.DocPacks();
        var carried = new Dictionary<int, string>();
        var documents = _lengths.Length;
        for (var pack = 0; pack * DocumentStore.DocsPerPack < documents; pack++)
        {
            var first = pack * DocumentStore.DocsPerPack;
            var count = Math.Min(DocumentStore.DocsPerPack, documents - first);
            var changed = _changed.AsSpan(first, count).Contains(true);
            var size = new FileInfo(Path.Combine(_previousFolder!, packs[pack])).Length;
            if (!changed && _reuse?.Invoke(Folder + packs[pack], size) == true && Claim(packs[pack], size))
            {
                carried[pack] = packs[pack];
                continue;
            }
            var previous = from.Documents(packs[pack], count);
            for (var i = 0; i < count; i++)
                if (!_changed[first + i]) _store.Add(first + i, previous[i].Record, previous[i].Chunks, compressed: true);
        }
        return carried;
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
