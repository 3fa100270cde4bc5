using System.Buffers.Binary;
using System.Collections.Concurrent;
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

    /// <summary>Every term entry, in term order.</summary>
    public IEnumerable<TermEntry> Entries()
    {
        foreach (var page in Manifest.Directory)
        {
            var directory = JsonSerializer.Deserialize(Read(page.Ref), SearchJsonContext.Default.ShardDirectory) ?? throw new InvalidDataException(page.Ref);
            foreach (var shard in directory.Shards)
            {
                var terms = JsonSerializer.Deserialize(Read(shard.Ref), SearchJsonContext.Default.TermShard) ?? throw new InvalidDataException(shard.Ref);
                foreach (var entry in terms.Terms) yield return entry;
            }
        }
    }

    /// <summary>The encoded blocks of a term entry (its inline block, or each block read from its posting pack).</summary>
    public IEnumerable<byte[]> Blocks(TermEntry entry) =>
        entry.Inline is not null ? [System.Buffers.Text.Base64Url.DecodeFromChars(entry.Inline)] : entry.Blocks!.Select(b => Read(b.Ref));

    /// <summary>The names of the document packs, in pack order.</summary>
    public IReadOnlyList<string> DocPacks() =>
        Manifest.DocPages.SelectMany(p => (JsonSerializer.Deserialize(Read(p), SearchJsonContext.Default.DocPage) ?? throw new InvalidDataException(p)).Packs).ToList();

    /// <summary>The documents of one document pack: each record (chunk offsets cleared) with its serialized chunks.</summary>
    public IReadOnlyList<(DocRecord Record, IReadOnlyList<byte[]> Chunks)> Documents(string pack, int count)
    {
        var bytes = Read(pack);
        var documents = new List<(DocRecord, IReadOnlyList<byte[]>)>(count);
        for (var i = 0; i < count; i++)
        {
            var from = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4 * i));
            var to = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4 * i + 4));
            var record = JsonSerializer.Deserialize(bytes.AsSpan(from, to - from), SearchJsonContext.Default.DocRecord) ?? throw new InvalidDataException(pack);
            var chunks = new List<byte[]>();
            for (var k = 0; k + 1 < record.Chunks.Count; k += 2) chunks.Add(bytes.AsSpan(record.Chunks[k], record.Chunks[k + 1]).ToArray());
            documents.Add((record with { Chunks = [] }, chunks));
        }
        return documents;
    }

    /// <summary>The bytes a reference names: a whole file, or "PACK:OFFSET:LENGTH". Thread-safe.</summary>
    public byte[] Read(string reference)
    {
        var parts = reference.Split(':');
        if (parts.Length == 1) return File.ReadAllBytes(PathOf(parts[0]));
        if (parts.Length != 3 || !int.TryParse(parts[1], out var offset) || !int.TryParse(parts[2], out var length) || offset < 0 || length < 0)
            throw new InvalidDataException($"bad search index reference `{reference}`");
        var handle = _handles.GetOrAdd(parts[0], name => File.OpenHandle(PathOf(name)));
        var bytes = new byte[length];
        if (RandomAccess.Read(handle, bytes, offset) != length) throw new InvalidDataException($"search index reference `{reference}` is past the end of its pack");
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
