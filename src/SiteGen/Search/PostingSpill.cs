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

    /// <summary>Bytes of records inverted at once. Partitions are uneven (common first characters cluster: the largest holds about a
    /// tenth of all postings), so a larger partition is read in slices of first-character ranges, keeping memory flat at 100,000 reports.
    /// Each inverting thread holds one slice and about as much again to group its records by term.</summary>
    internal static long SliceBudgetBytes { get; set; } = 32L << 20;

    /// <summary>Records whose terms start with a character from <see cref="First"/> to <see cref="Last"/> (inclusive): the first
    /// <see cref="Length"/> bytes of <see cref="Records"/>, a buffer that the next slice read into the same <see cref="SliceBuffer"/> overwrites.</summary>
    public sealed record Slice(char First, char Last, byte[] Records, int Length);

    /// <summary>The memory one reader reuses from slice to slice and partition to partition. Allocating each slice afresh (up to the
    /// budget, and as many as the partitions) left the garbage collector hundreds of megabytes of large arrays to reclaim at
    /// 25,000 reports, and the process's peak with them.</summary>
    public sealed class SliceBuffer
    {
        private readonly long _expected;

        /// <param name="expected">The size most slices will need: grown to it at once, the buffer is not outgrown slice after slice.</param>
        internal SliceBuffer(long expected) => _expected = expected;

        internal byte[] Records { get; private set; } = [];
        private byte[]? _block;

        /// <summary>The block a partition larger than the budget is scanned through.</summary>
        internal byte[] Block => _block ??= new byte[8 << 20];

        /// <summary>The records buffer, grown to hold at least <paramref name="size"/> bytes.</summary>
        internal byte[] Reserve(long size)
        {
            if (Records.Length < size) Records = new byte[checked((int)Math.Max(size, _expected))];
            return Records;
        }
    }

    /// <summary>A buffer to read partitions back into (one per partition read at a time), sized for the largest slice but a
    /// single character's larger than the budget; call once every record is appended.</summary>
    public SliceBuffer NewSliceBuffer() => new(Math.Min(SliceBudgetBytes, _files.Max(f => f.Length)));

    /// <summary>Reads a partition back into <paramref name="buffer"/>, whole or in slices of ascending first-character ranges that
    /// together cover every character; then frees its disk space. A slice's records keep their spill order.</summary>
    public IEnumerable<Slice> ReadPartition(int partition, SliceBuffer buffer)
    {
        var file = _files[partition];
        _scratch.Guard(file.Flush);
        if (file.Length <= SliceBudgetBytes)
        {
            var length = (int)file.Length;
            var bytes = buffer.Reserve(length);
            _scratch.Guard(() =>
            {
                file.Position = 0;
                file.ReadExactly(bytes, 0, length);
            });
            yield return new Slice('\0', '\uffff', bytes, length);
        }
        else
        {
            var perCharacter = new long[char.MaxValue + 1];
            Scan(file, buffer.Block, (record, first) => perCharacter[first] += record.Length);
            var ranges = Ranges(perCharacter).ToList();
            var rangeOf = new ushort[char.MaxValue + 1];
            for (var r = 0; r < ranges.Count; r++) rangeOf.AsSpan(ranges[r].First, ranges[r].Last - ranges[r].First + 1).Fill((ushort)r);
            // One more pass writes each range's records to a file of its own, so each slice is read once (scanning the whole
            // partition for each slice costs time in the square of its size).
            var parts = new FileStream[ranges.Count];
            try
            {
                for (var r = 0; r < parts.Length; r++) parts[r] = _scratch.Create($"{partition:D2}-{r}.bin");
                Scan(file, buffer.Block, (record, first) => Write(parts[rangeOf[first]], record));
                _scratch.Guard(() => file.SetLength(0));
                for (var r = 0; r < parts.Length; r++)
                {
                    var part = parts[r];
                    var (first, last, size) = ranges[r];
                    var bytes = buffer.Reserve(size);
                    _scratch.Guard(() =>
                    {
                        part.Flush();
                        part.Position = 0;
                        part.ReadExactly(bytes, 0, size);
                        part.SetLength(0);
                    });
                    yield return new Slice(first, last, bytes, size);
                }
            }
            finally
            {
                foreach (var part in parts) part?.Dispose();
            }
        }
        _scratch.Guard(() => file.SetLength(0));
    }

    private void Write(FileStream file, ReadOnlySpan<byte> bytes)
    {
        try
        {
            file.Write(bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw _scratch.Failure(ex);
        }
    }

    /// <summary>Cuts the character space into consecutive ranges of at most about the slice budget (a single character may exceed it).</summary>
    private static IEnumerable<(char First, char Last, int Size)> Ranges(long[] perCharacter)
    {
        var (start, size) = (0, 0L);
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (size > 0 && size + perCharacter[c] > SliceBudgetBytes)
            {
                yield return ((char)start, (char)(c - 1), checked((int)size));
                (start, size) = (c, 0);
            }
            size += perCharacter[c];
        }
        yield return ((char)start, char.MaxValue, checked((int)size));
    }

    private delegate void RecordVisitor(ReadOnlySpan<byte> record, char first);

    /// <summary>Reads a partition file from the start in blocks of <paramref name="block"/>'s size and hands each whole record to
    /// <paramref name="visit"/>.</summary>
    private void Scan(FileStream file, byte[] block, RecordVisitor visit)
    {
        var buffer = block;
        var filled = 0;
        _scratch.Guard(() => file.Position = 0);
        while (true)
        {
            var read = 0;
            _scratch.Guard(() => read = file.Read(buffer, filled, buffer.Length - filled));
            filled += read;
            var offset = 0;
            while (TryMeasure(buffer.AsSpan(offset, filled - offset), out var length, out var first))
            {
                visit(buffer.AsSpan(offset, length), first);
                offset += length;
            }
            if (read == 0)
            {
                if (offset != filled) throw new InvalidDataException("the search index's scratch file ends in the middle of a record");
                return;
            }
            Buffer.BlockCopy(buffer, offset, buffer, 0, filled - offset);
            filled -= offset;
            if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2); // one record longer than the buffer
        }
    }

    /// <summary>The length and first term character of the record at the start of <paramref name="data"/>; false if it is cut off.</summary>
    private static bool TryMeasure(ReadOnlySpan<byte> data, out int length, out char first)
    {
        length = 0;
        first = '\0';
        var offset = 0;
        if (!Varints.TryRead(data, ref offset, out var termLength)) return false;
        for (var k = 0; k < termLength; k++)
        {
            if (!Varints.TryRead(data, ref offset, out var c)) return false;
            if (k == 0) first = (char)c;
        }
        if (!Varints.TryRead(data, ref offset, out _) || !Varints.TryRead(data, ref offset, out _) || !Varints.TryRead(data, ref offset, out var count)) return false;
        for (var k = 0; k < count; k++)
            if (!Varints.TryRead(data, ref offset, out _)) return false;
        length = offset;
        return true;
    }

    public void Dispose()
    {
        foreach (var f in _files) f?.Dispose();
    }
}
