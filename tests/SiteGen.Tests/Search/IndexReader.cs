using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using SiteGen.Search;

namespace SiteGen.Tests.Search;

/// <summary>Reads a built index the way the runtime does (manifest → shard → term object; catalogue; document pack → record →
/// chunk after the dictionary prefix), with the platform's inflater, so the tests check the format and not the writer's own reader.</summary>
public sealed class IndexReader(string folder)
{
    public SearchManifest Manifest { get; } = JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(folder, "manifest.json")), SearchJsonContext.Default.SearchManifest)!;

    public byte[] Read(string file, long offset, int length) => File.ReadAllBytes(Path.Combine(folder, file)).AsSpan((int)offset, length).ToArray();

    /// <summary>The bytes a reference names: a whole file, or "PACK:OFFSET:LENGTH".</summary>
    public byte[] Read(string reference)
    {
        var parts = reference.Split(':');
        return parts.Length == 1 ? File.ReadAllBytes(Path.Combine(folder, parts[0])) : Read(parts[0], long.Parse(parts[1]), int.Parse(parts[2]));
    }

    public static byte[] Inflate(byte[] compressed)
    {
        using var inflater = new DeflateStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        inflater.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>The shard a term hashes to in a segment (the base unless given), parsed: its place from the shard file's offset table.</summary>
    public List<TermEntry> Shard(string term, SegmentManifest? segment = null)
    {
        var shards = (segment ?? Manifest.Base).Shards;
        var shard = (int)(TermShards.Hash(term) & (uint)(shards.Count - 1));
        var table = Read(shards.File, 4L * shard, 8);
        var from = BinaryPrimitives.ReadUInt32LittleEndian(table);
        var to = BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan(4));
        return TermShards.Parse(Inflate(Read(shards.File, from, (int)(to - from))));
    }

    public TermEntry? Entry(string term, SegmentManifest? segment = null) => Shard(term, segment).SingleOrDefault(e => e.Term == term);

    /// <summary>The documents of the whole index (ids across its segments, deleted ones left out) that hold a term, ascending.</summary>
    public List<int> DocsWith(string term) => Segments()
        .SelectMany(s => Entry(term, s.Segment) is { } entry ? Postings(entry, s.Segment).Select(p => s.IdOf[p.Doc]) : [])
        .Where(id => id >= 0).Order().ToList();

    /// <summary>The segment that holds document <paramref name="id"/> of the whole index, and its id there.</summary>
    public (SegmentManifest Segment, int Local) Locate(int id) => Segments()
        .SelectMany(s => s.IdOf.Select((whole, local) => (whole, s.Segment, local)))
        .Where(d => d.whole == id).Select(d => (d.Segment, d.local)).Single();

    public byte[] Object(TermEntry entry, SegmentManifest? segment = null) => entry.Inline ?? Read((segment ?? Manifest.Base).Postings[entry.Pack], entry.Offset, entry.Length);

    /// <summary>A term's postings in id order: document, score level, absolute positions.</summary>
    public List<(int Doc, int Level, List<int> Positions)> Postings(TermEntry entry, SegmentManifest? segment = null)
    {
        segment ??= Manifest.Base;
        var buffer = new Posting[entry.Df];
        var positions = new ByteBuffer();
        var n = TermEncoder.Decode(entry, Object(entry, segment), segment.Docs, Manifest.AverageLength, buffer, new bool[segment.Docs], positions);
        return buffer.Take(n).Select(p =>
        {
            var list = new List<int>();
            var o = p.PosOffset;
            var last = 0;
            for (var i = 0; i < p.PosCount; i++) list.Add(last += Varints.Read(p.Source, ref o));
            return (p.Doc, p.Level, list);
        }).ToList();
    }

    /// <summary>The catalogue: its JSON part, each profile (agency code, region node or −1, series code), each document's profile.</summary>
    /// <remarks>Region node i's parent is the last node before it one level up (see <see cref="RegionParent"/>).</remarks>
    public (CatalogueInfo Info, List<(int Agency, int Region, int Series)> Profiles, int[] DocProfiles) Catalogue()
    {
        var (info, profiles, docs, _) = ReadCatalogue();
        return (info, profiles, docs);
    }

    /// <summary>The catalogue's site facets, each with every document's value codes in id order.</summary>
    public List<(CatalogueFacet Facet, int[][] Codes)> SiteFacets() => ReadCatalogue().Facets;

    private (CatalogueInfo Info, List<(int Agency, int Region, int Series)> Profiles, int[] DocProfiles, List<(CatalogueFacet, int[][])> Facets) ReadCatalogue()
    {
        var bytes = Inflate(Read(Manifest.Catalogue));
        var o = 0;
        var length = Varints.Read(bytes, ref o);
        var info = JsonSerializer.Deserialize(bytes.AsSpan(o, length), SearchJsonContext.Default.CatalogueInfo)!;
        o += length;
        var profiles = new List<(int, int, int)>();
        var (agencies, region) = (0, 0);
        for (var p = 0; p < info.Profiles; p++)
        {
            var agency = Varints.Read(bytes, ref o);
            var code = agency == 0 ? agencies++ : agency - 1;
            region += Varints.Read(bytes, ref o);
            profiles.Add((code, region - 1, Varints.Read(bytes, ref o)));
        }
        var docs = new int[Manifest.Docs];
        var (doc, previous) = (0, 0);
        foreach (var year in info.Years)
        {
            previous = 0;
            for (var i = 0; i < year.Count; i++, doc++) docs[doc] = previous += Varints.Read(bytes, ref o);
        }
        var facets = new List<(CatalogueFacet, int[][])>();
        foreach (var facet in info.Facets ?? [])
        {
            var codes = new int[Manifest.Docs][];
            for (var d = 0; d < Manifest.Docs; d++)
            {
                codes[d] = new int[Varints.Read(bytes, ref o)];
                for (var i = 0; i < codes[d].Length; i++) codes[d][i] = Varints.Read(bytes, ref o) + (i == 0 ? 0 : codes[d][i - 1] + 1);
            }
            facets.Add((facet, codes));
        }
        Assert.Equal(bytes.Length, o);
        return (info, profiles, docs, facets);
    }

    public static int RegionParent(CatalogueInfo info, int node)
    {
        for (var i = node - 1; i >= 0; i--) if (info.RegionDepths[i] == info.RegionDepths[node] - 1) return i;
        return -1;
    }

    public List<string> AgencyNames()
    {
        var info = Catalogue().Info;
        return info.AgencyPages.SelectMany(p => JsonSerializer.Deserialize(Inflate(Read(p)), SearchJsonContext.Default.IReadOnlyListString)!).ToList();
    }

    /// <summary>A document record and its pack's bytes.</summary>
    public (DocRecord Record, byte[] Pack) DocWithPack(int id, SegmentManifest? segment = null)
    {
        var table = (segment ?? Manifest.Base).Documents;
        var bytes = File.ReadAllBytes(Path.Combine(folder, table.Packs[id / table.PerPack]));
        var index = id % table.PerPack;
        var from = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4 * index));
        var to = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4 * index + 4));
        return (JsonSerializer.Deserialize(Inflate(bytes.AsSpan(from, to - from).ToArray()), SearchJsonContext.Default.DocRecord)!, bytes);
    }

    public DocRecord Doc(int id) => DocWithPack(id).Record;

    /// <summary>Chunk number <paramref name="index"/> of a document: inflated after the dictionary prefix, the dictionary dropped.</summary>
    public ChunkRecord Chunk(int id, int index, SegmentManifest? segment = null)
    {
        var (record, pack) = DocWithPack(id, segment);
        var table = (segment ?? Manifest.Base).Documents;
        var prefix = table.Dictionary is null ? [] : Read(table.Dictionary);
        var chunk = pack.AsSpan(record.Chunks[2 * index], record.Chunks[2 * index + 1]).ToArray();
        var text = Inflate([.. prefix, .. chunk])[table.DictionaryBytes..];
        return JsonSerializer.Deserialize(Encoding.Unicode.GetString(text), SearchJsonContext.Default.ChunkRecord)!;
    }

    /// <summary>Every term entry of a segment.</summary>
    public IEnumerable<TermEntry> Entries(SegmentManifest segment)
    {
        var file = File.ReadAllBytes(Path.Combine(folder, segment.Shards.File));
        for (var s = 0; s < segment.Shards.Count; s++)
        {
            var from = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(4 * s));
            var to = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(4 * s + 4));
            foreach (var entry in TermShards.Parse(Inflate(file[from..to]))) yield return entry;
        }
    }

    /// <summary>Each segment with the id in the whole index of each of its documents (−1: deleted), from the layout.</summary>
    public List<(SegmentManifest Segment, int[] IdOf)> Segments()
    {
        if (Manifest.Layout is null) return [(Manifest.Base, Enumerable.Range(0, Manifest.Base.Docs).ToArray())];
        var bytes = Inflate(Read(Manifest.Layout));
        var o = 0;
        List<int> Ascending()
        {
            var ids = new List<int>();
            for (int count = Varints.Read(bytes, ref o), previous = -1; ids.Count < count;) ids.Add(previous += 1 + Varints.Read(bytes, ref o));
            return ids;
        }
        var deleted = Ascending().ToHashSet();
        var added = Ascending();
        var baseIds = new int[Manifest.Base.Docs];
        var free = Enumerable.Range(0, Manifest.Docs).Except(added).GetEnumerator();
        for (var b = 0; b < baseIds.Length; b++) baseIds[b] = deleted.Contains(b) ? -1 : free.MoveNext() ? free.Current : throw new InvalidDataException("layout");
        Assert.False(free.MoveNext());
        var segments = new List<(SegmentManifest, int[])> { (Manifest.Base, baseIds) };
        if (Manifest.Delta is { } delta) segments.Add((delta, added.ToArray()));
        return segments;
    }

    /// <summary>What the index answers with, as text, whatever its segments: every term with each document (by id in the whole
    /// index), score level and positions; every record and text chunk; the catalogue, dates and agency names. Two indexes that
    /// give the same text give every query the same answer.</summary>
    public string Contents()
    {
        var text = new StringBuilder($"docs {Manifest.Docs}, average length {Manifest.AverageLength}\n");
        text.Append(Convert.ToHexString(Inflate(Read(Manifest.Catalogue)))).Append('\n');
        text.Append(Convert.ToHexString(Inflate(Read(Manifest.Dates)))).Append('\n');
        text.AppendJoin('|', AgencyNames()).Append('\n');
        var terms = new SortedDictionary<string, List<(int Doc, string Posting)>>(StringComparer.Ordinal);
        var records = new string[Manifest.Docs];
        foreach (var (segment, idOf) in Segments())
        {
            foreach (var entry in Entries(segment))
            {
                if (!terms.TryGetValue(entry.Term, out var list)) terms[entry.Term] = list = [];
                foreach (var (doc, level, positions) in Postings(entry, segment))
                    if (idOf[doc] >= 0) list.Add((idOf[doc], $"{idOf[doc]}:{level}:{entry.Positional}:{string.Join(',', positions)}"));
            }
            for (var local = 0; local < segment.Docs; local++)
            {
                if (idOf[local] < 0) continue;
                var record = DocWithPack(local, segment).Record;
                var chunks = Enumerable.Range(0, record.Chunks.Count / 2).Select(k => JsonSerializer.Serialize(Chunk(local, k, segment), SearchJsonContext.Default.ChunkRecord));
                records[idOf[local]] = JsonSerializer.Serialize(record with { Chunks = [] }, SearchJsonContext.Default.DocRecord) + string.Concat(chunks);
            }
        }
        foreach (var (term, postings) in terms.Where(t => t.Value.Count > 0))
            text.Append(term).Append(' ').AppendJoin(' ', postings.OrderBy(p => p.Doc).Select(p => p.Posting)).Append('\n');
        text.AppendJoin('\n', records);
        return text.ToString();
    }
}
