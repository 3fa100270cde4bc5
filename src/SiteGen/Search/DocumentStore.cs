using System.Buffers.Binary;
using System.Text.Json;

namespace SiteGen.Search;

/// <summary>Keeps what each indexed document shows (its record fields in memory, its text chunks in a scratch file) until every
/// document is in, then writes the document packs in id order, so pack contents do not depend on which thread indexed what.</summary>
public sealed class DocumentStore : IDisposable
{
    /// <summary>Consecutive document ids per document pack: ~5 MiB of text for reports of ~11,000 characters.</summary>
    public const int DocsPerPack = 128;

    /// <summary>Document pack names per page of the document directory.</summary>
    public const int PacksPerPage = 256;

    private readonly Entry?[] _entries;
    private readonly ScratchFolder _scratch;
    private readonly FileStream _chunks;
    private readonly Lock _lock = new();

    /// <summary>One document: the record without its chunk offsets, and where its chunks (JSON, concatenated) are in the scratch file.</summary>
    private sealed record Entry(DocRecord Record, long Offset, int[] ChunkLengths);

    public DocumentStore(int documents, ScratchFolder scratch)
    {
        _entries = new Entry?[documents];
        _scratch = scratch;
        _chunks = scratch.Create("chunks.bin");
    }

    /// <summary>Stores one document; thread-safe. <paramref name="chunks"/> are serialized ChunkRecords in text order.</summary>
    public void Add(int docId, DocRecord record, IReadOnlyList<byte[]> chunks)
    {
        long offset;
        lock (_lock)
        {
            offset = _chunks.Length;
            foreach (var chunk in chunks)
            {
                try
                {
                    _chunks.Write(chunk);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw _scratch.Failure(ex);
                }
            }
        }
        _entries[docId] = new Entry(record, offset, chunks.Select(c => c.Length).ToArray());
    }

    /// <summary>Writes the document packs and the pages of the document directory through <paramref name="emit"/>; returns the pages' names.
    /// <paramref name="carried"/> names packs, by pack number, that the previous build wrote and were republished as they are.</summary>
    public IReadOnlyList<string> WritePacks(Action<string, byte[]> emit, SearchJsonContext json, IReadOnlyDictionary<int, string>? carried = null)
    {
        _scratch.Guard(() => _chunks.Flush());
        var packs = new List<string>();
        for (var first = 0; first < _entries.Length; first += DocsPerPack)
        {
            if (carried?.GetValueOrDefault(first / DocsPerPack) is { } name)
            {
                packs.Add(name);
                continue;
            }
            var count = Math.Min(DocsPerPack, _entries.Length - first);
            var headerLength = 4 * (count + 1);
            var chunkBytes = new List<byte[]>();
            var records = new List<byte[]>();
            var at = headerLength;
            var chunkRegion = new List<(int Offset, int[] Lengths)>();
            for (var i = first; i < first + count; i++)
            {
                var entry = _entries[i]!;
                var bytes = new byte[entry.ChunkLengths.Sum()];
                _scratch.Guard(() => RandomAccess.Read(_chunks.SafeFileHandle, bytes, entry.Offset));
                chunkBytes.Add(bytes);
                chunkRegion.Add((at, entry.ChunkLengths));
                at += bytes.Length;
            }
            for (var i = 0; i < count; i++)
            {
                var (offset, lengths) = chunkRegion[i];
                var flat = new int[lengths.Length * 2];
                for (var k = 0; k < lengths.Length; k++)
                {
                    flat[2 * k] = offset;
                    flat[2 * k + 1] = lengths[k];
                    offset += lengths[k];
                }
                records.Add(JsonSerializer.SerializeToUtf8Bytes(_entries[first + i]!.Record with { Chunks = flat }, json.DocRecord));
            }
            var pack = new byte[at + records.Sum(r => r.Length)];
            var position = headerLength;
            foreach (var bytes in chunkBytes)
            {
                bytes.CopyTo(pack, position);
                position += bytes.Length;
            }
            for (var i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(pack.AsSpan(4 * i), (uint)position);
                records[i].CopyTo(pack, position);
                position += records[i].Length;
            }
            BinaryPrimitives.WriteUInt32LittleEndian(pack.AsSpan(4 * count), (uint)position);
            var packName = PackWriter.NameFor("c/", pack, ".bin");
            emit(packName, pack);
            packs.Add(packName);
        }

        var pages = new List<string>();
        for (var start = 0; start < packs.Count; start += PacksPerPage)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(new DocPage(packs.Skip(start).Take(PacksPerPage).ToList()), json.DocPage);
            var name = PackWriter.NameFor("g/", bytes, ".json");
            emit(name, bytes);
            pages.Add(name);
        }
        return pages;
    }

    public void Dispose() => _chunks.Dispose();
}
