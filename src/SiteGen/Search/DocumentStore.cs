using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;

namespace SiteGen.Search;

/// <summary>Keeps what each indexed document shows (its record fields in memory, its text chunks in a scratch file) until every
/// document is in and the text dictionary is known, then writes the document packs in id order (compressing in parallel), so pack
/// contents do not depend on which thread indexed what.</summary>
public sealed class DocumentStore : IDisposable
{
    /// <summary>Consecutive document ids per document pack (a reader fetches 8 bytes of its header, then the record).</summary>
    public const int DocsPerPack = 1024;

    private readonly Entry?[] _entries;
    private readonly ScratchFolder _scratch;
    private readonly FileStream _chunks;
    private readonly Lock _lock = new();

    /// <summary>One document: the record without its chunk offsets, and where its chunks (ChunkRecord JSON in UTF-16LE) are in the scratch file.</summary>
    private sealed record Entry(DocRecord Record, long Offset, int[] ChunkLengths);

    public DocumentStore(int documents, ScratchFolder scratch)
    {
        _entries = new Entry?[documents];
        _scratch = scratch;
        _chunks = scratch.Create("chunks.bin");
    }

    /// <summary>Stores one document; thread-safe.</summary>
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

    /// <summary>Writes the document packs through <paramref name="emit"/>; returns their names by pack number.</summary>
    public IReadOnlyList<string> WritePacks(Action<string, ReadOnlySpan<byte>> emit, SearchJsonContext json, DeflateDictionary dictionary)
    {
        _scratch.Guard(() => _chunks.Flush());
        var packs = new List<string>();
        for (var first = 0; first < _entries.Length; first += DocsPerPack)
        {
            var (buffer, length) = Pack(first, Math.Min(DocsPerPack, _entries.Length - first), json, dictionary);
            var pack = buffer.AsSpan(0, length);
            packs.Add(PackWriter.NameFor("r/", pack, ".bin"));
            emit(packs[^1], pack);
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return packs;
    }

    /// <summary>One document pack: header, chunks, then the records (which give their chunks' offsets); documents are compressed in
    /// parallel. The pack (megabytes) is put together in a buffer of the shared pool, returned once it is written.</summary>
    private (byte[] Buffer, int Length) Pack(int first, int count, SearchJsonContext json, DeflateDictionary dictionary)
    {
        var chunks = new byte[count][][];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var entry = _entries[first + i] ?? throw new InvalidOperationException($"search document {first + i} was never added");
            var stored = new byte[entry.ChunkLengths.Sum()];
            _scratch.Guard(() => RandomAccess.Read(_chunks.SafeFileHandle, stored, entry.Offset));
            var at = 0;
            chunks[i] = entry.ChunkLengths.Select(length =>
            {
                var chunk = stored.AsSpan(at, length);
                at += length;
                return dictionary.Compress(chunk);
            }).ToArray();
        });
        var headerLength = 4 * (count + 1);
        var offset = headerLength;
        var flats = new int[count][];
        for (var i = 0; i < count; i++)
        {
            flats[i] = new int[2 * chunks[i].Length];
            for (var k = 0; k < chunks[i].Length; k++)
            {
                flats[i][2 * k] = offset;
                flats[i][2 * k + 1] = chunks[i][k].Length;
                offset += chunks[i][k].Length;
            }
        }
        var records = new byte[count][];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => records[i] = Deflater.Compress(JsonSerializer.SerializeToUtf8Bytes(_entries[first + i]!.Record with { Chunks = flats[i] }, json.DocRecord)));
        var length = offset + records.Sum(r => r.Length);
        var pack = ArrayPool<byte>.Shared.Rent(length);
        var position = headerLength;
        foreach (var chunk in chunks.SelectMany(c => c))
        {
            chunk.CopyTo(pack, position);
            position += chunk.Length;
        }
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(pack.AsSpan(4 * i), (uint)position);
            records[i].CopyTo(pack, position);
            position += records[i].Length;
        }
        BinaryPrimitives.WriteUInt32LittleEndian(pack.AsSpan(4 * count), (uint)position);
        return (pack, length);
    }

    public void Dispose() => _chunks.Dispose();
}
