namespace SiteGen.Search;

/// <summary>Postings spilled to temporary files, partitioned by the first character of the term so that partitions come out in term order
/// and the index is inverted one partition at a time: memory holds one partition, never every posting of the archive.</summary>
/// <remarks>Record: term length, term characters, document id, weighted term frequency × 10, position count, position gaps (all varints).</remarks>
public sealed class PostingSpill : IDisposable
{
    public const int Partitions = 64;
    private readonly ScratchFolder _scratch;
    private readonly FileStream[] _files = new FileStream[Partitions];
    private readonly object[] _locks = new object[Partitions];

    public PostingSpill(ScratchFolder scratch)
    {
        _scratch = scratch;
        for (var p = 0; p < Partitions; p++)
        {
            _locks[p] = new object();
            _files[p] = scratch.Create($"{p:D2}.bin");
        }
    }

    /// <summary>The partition of a term; monotone in the first UTF-16 unit, so partition order is term order.</summary>
    public static int PartitionOf(char first)
    {
        if (first < '\u4E00') return 0;
        if (first > '\u9FFF') return Partitions - 1;
        return 1 + (first - 0x4E00) * (Partitions - 2) / 0x5200;
    }

    public long Bytes => _files.Sum(f => f.Length);

    /// <summary>Appends one document's records of one partition (already encoded); safe from many threads.</summary>
    public void Append(int partition, ReadOnlySpan<byte> records)
    {
        lock (_locks[partition])
        {
            try
            {
                _files[partition].Write(records);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw _scratch.Failure(ex);
            }
        }
    }

    /// <summary>Reads back a whole partition.</summary>
    public byte[] ReadPartition(int partition)
    {
        var file = _files[partition];
        var bytes = Array.Empty<byte>();
        _scratch.Guard(() =>
        {
            file.Flush();
            bytes = new byte[file.Length];
            file.Position = 0;
            file.ReadExactly(bytes);
            file.SetLength(0); // frees the disk as soon as the partition is inverted
        });
        return bytes;
    }

    public void Dispose()
    {
        foreach (var f in _files) f?.Dispose();
    }
}
