using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace SiteGen.Search;

/// <summary>Reads the search index of the previous build from the published output, for an incremental build to copy what did not change.</summary>
/// <remarks>Any failure to read it (missing, changed by hand, another format) is an <see cref="InvalidDataException"/> or an
/// <see cref="IOException"/>, and the build then indexes everything again.</remarks>
public sealed class PreviousIndex : IDisposable
{
    private readonly string _folder;
    private readonly ConcurrentDictionary<string, SafeFileHandle> _handles = new(StringComparer.Ordinal);

    public SearchManifest Manifest { get; }

    private PreviousIndex(string folder, SearchManifest manifest)
    {
        _folder = folder;
        Manifest = manifest;
    }

    /// <summary>Opens the index in <paramref name="folder"/> if its manifest is the one the previous build recorded and every file it
    /// wrote is there with its size (a file deleted or cut short by hand would otherwise surface in the middle of the merge).</summary>
    public static PreviousIndex Open(string folder, string manifestHash, IReadOnlyDictionary<string, long> files)
    {
        var bytes = File.ReadAllBytes(Path.Combine(folder, "manifest.json"));
        if (PackWriter.NameFor("", bytes, "") != manifestHash) throw new InvalidDataException("the published search index is not the one the previous build wrote");
        foreach (var (name, size) in files)
        {
            var info = new FileInfo(Path.Combine(folder, name));
            if (!info.Exists || info.Length != size) throw new InvalidDataException($"search index file {name} is missing or changed");
        }
        var manifest = JsonSerializer.Deserialize(bytes, SearchJsonContext.Default.SearchManifest)
            ?? throw new InvalidDataException("empty search manifest");
        return new PreviousIndex(folder, manifest);
    }

    /// <summary>Every term entry, in ordinal term order.</summary>
    public List<TermEntry> Entries()
    {
        var file = File.ReadAllBytes(PathOf(Manifest.Shards.File));
        var entries = new List<TermEntry>();
        for (var s = 0; s < Manifest.Shards.Count; s++)
        {
            var from = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(4 * s));
            var to = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(4 * s + 4));
            entries.AddRange(TermShards.Parse(Inflate(file.AsSpan(from, to - from))));
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.Term, b.Term));
        return entries;
    }

    /// <summary>The bytes of a term's object.</summary>
    public byte[] Object(TermEntry entry) => entry.Inline ?? Read(Manifest.Postings[entry.Pack], entry.Offset, entry.Length);

    /// <summary>The names of the document packs, in pack order.</summary>
    public IReadOnlyList<string> DocPacks() => Manifest.Documents.Packs;

    /// <summary>The raw text dictionary the previous build's chunks were compressed against.</summary>
    public byte[] Dictionary()
    {
        var table = Manifest.Documents;
        if (table.Dictionary is null) return [];
        var bytes = Inflate(Reference(table.Dictionary), appendFinalBlock: true);
        if (bytes.Length != table.DictionaryBytes) throw new InvalidDataException("the search index's text dictionary is damaged");
        return bytes;
    }

    /// <summary>The documents of one document pack: each record (chunk offsets cleared) with its chunks as stored (compressed).</summary>
    public IReadOnlyList<(DocRecord Record, IReadOnlyList<byte[]> Chunks)> Documents(string pack, int count)
    {
        var bytes = Read(pack, 0, (int)new FileInfo(PathOf(pack)).Length);
        var documents = new List<(DocRecord, IReadOnlyList<byte[]>)>(count);
        for (var i = 0; i < count; i++)
        {
            var from = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4 * i));
            var to = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4 * i + 4));
            var record = JsonSerializer.Deserialize(Inflate(bytes.AsSpan(from, to - from)), SearchJsonContext.Default.DocRecord) ?? throw new InvalidDataException(pack);
            var chunks = new List<byte[]>();
            for (var k = 0; k + 1 < record.Chunks.Count; k += 2) chunks.Add(bytes.AsSpan(record.Chunks[k], record.Chunks[k + 1]).ToArray());
            documents.Add((record with { Chunks = [] }, chunks));
        }
        return documents;
    }

    /// <summary>Inflates a raw DEFLATE stream; with <paramref name="appendFinalBlock"/>, a stream left open (the dictionary prefix) is closed first.</summary>
    private static byte[] Inflate(ReadOnlySpan<byte> compressed, bool appendFinalBlock = false)
    {
        // An empty final fixed-Huffman block (bits 1, 01, end of block 0000000) closes a stream that ends on a block boundary.
        var input = appendFinalBlock ? [.. compressed, 0x03, 0x00] : compressed.ToArray();
        using var inflater = new DeflateStream(new MemoryStream(input), CompressionMode.Decompress);
        using var output = new MemoryStream();
        inflater.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>The bytes a reference names: a whole file, or "PACK:OFFSET:LENGTH". Thread-safe.</summary>
    private byte[] Reference(string reference)
    {
        var parts = reference.Split(':');
        if (parts.Length == 1) return File.ReadAllBytes(PathOf(parts[0]));
        if (parts.Length != 3 || !long.TryParse(parts[1], out var offset) || !int.TryParse(parts[2], out var length) || offset < 0 || length < 0)
            throw new InvalidDataException($"bad search index reference `{reference}`");
        return Read(parts[0], offset, length);
    }

    private byte[] Read(string file, long offset, int length)
    {
        var handle = _handles.GetOrAdd(file, name => File.OpenHandle(PathOf(name)));
        var bytes = new byte[length];
        if (RandomAccess.Read(handle, bytes, offset) != length) throw new InvalidDataException($"search index object {file}:{offset}:{length} is past the end of its pack");
        return bytes;
    }

    /// <summary>A path inside the index folder; a name from the index never leads out of it.</summary>
    private string PathOf(string name)
    {
        if (name.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(name)) throw new InvalidDataException($"bad search index file name `{name}`");
        return Path.Combine(_folder, name);
    }

    public void Dispose()
    {
        foreach (var handle in _handles.Values) handle.Dispose();
    }
}
