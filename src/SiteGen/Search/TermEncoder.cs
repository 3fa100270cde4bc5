namespace SiteGen.Search;

/// <summary>One posting of a term: document, score level, and where its position gaps are (varints in <see cref="Source"/>).</summary>
/// <remarks>Positions stay where they were read (a spill partition or a decoded earlier object) and are copied only when encoded.</remarks>
public readonly record struct Posting(int Doc, int Level, byte[] Source, int PosOffset, int PosCount);

/// <summary>A term as encoded: its shard entry, with the object in a posting pack (final once the pack is closed) or inline.</summary>
public sealed record TermData(string Term, int Df, bool Positional, byte[]? Inline, PackWriter.Address? Address, int DocsLength, int HeadLength, int IndexLength, int BlockPostings);

/// <summary>Scores postings and encodes a term object (see SearchFormat.cs): the document ids with score levels, then positions in
/// sample order in blocks of about <see cref="BlockTargetBytes"/>.</summary>
/// <remarks>The stored level is BM25's term-frequency part; the runtime multiplies it by the term's idf, computed from df and the
/// number of reports. Keeping idf out of the index means a term's object changes only when a report containing it changes,
/// which is what lets an incremental build copy every other term's object as it is.</remarks>
public static class TermEncoder
{
    public const int LevelBits = 3;
    private const int Levels = 1 << LevelBits;
    private const int MaxPart = 2201;
    private const int InlineLimitBytes = 48;
    private const int BlockTargetBytes = 512;
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>The average document length used by BM25 and by the position codes, rounded to two significant digits, so that
    /// editing a report almost never changes it (and with it every stored level); a change is answered with a full rebuild.</summary>
    public static int AverageLength(long totalLength, int documents)
    {
        var average = documents == 0 ? 1.0 : Math.Max(1.0, totalLength / (double)documents);
        var scale = Math.Pow(10, Math.Floor(Math.Log10(average)) - 1);
        return (int)Math.Max(1, Math.Round(average / scale) * scale);
    }

    /// <summary>The score level of a term in a document: BM25's term-frequency part (× 1000) of the weighted frequency (× 10 in the
    /// spill) against the document's length, in <see cref="Levels"/> steps.</summary>
    public static int Level(int weightedTimesTen, int length, int averageLength)
    {
        var weighted = weightedTimesTen / 10.0;
        var norm = K1 * (1 - B + B * length / (double)averageLength);
        var part = (int)Math.Round(1000 * weighted * (K1 + 1) / (weighted + norm));
        return Math.Min(Levels - 1, part * Levels / MaxPart);
    }

    /// <summary>Whether a term carries positions: everything but single CJK characters (which are indexed by presence only).</summary>
    public static bool IsPositional(string term) => !(term.Length == 1 && Tokenizer.IsCjk(term[0]));

    [ThreadStatic] private static ByteBuffer? _index;
    [ThreadStatic] private static ByteBuffer? _blocks;

    /// <summary>Encodes a term's postings (in any order; they are reordered in place) into its object, inline or appended to <paramref name="packs"/>.</summary>
    public static TermData Encode(string term, Span<Posting> postings, int documents, int averageLength, PackWriter packs)
    {
        var df = postings.Length;
        var positional = IsPositional(term);
        var keys = Scratch<long>.Get(df);
        for (var i = 0; i < df; i++) keys[i] = postings[i].Doc;
        keys[..df].Sort(postings);

        var head = BitWriter.ForThread();
        var docsLength = WriteHead(head, postings, documents);
        var headBytes = head.Bytes.ToArray();
        if (!positional) return Finish(term, df, false, headBytes, docsLength, [], [], 0, packs);

        for (var i = 0; i < df; i++) keys[i] = BitRules.SampleKey(postings[i].Doc);
        keys[..df].Sort(postings);
        long totalBits = 0;
        foreach (var p in postings) totalBits += PositionBits(p, averageLength);
        var perBlock = (int)Math.Clamp(BlockTargetBytes * 8L * df / Math.Max(1, totalBits), 1, df);
        // Reused per thread: a common term's positions run to megabytes, and fresh buffers for each would be large garbage.
        var index = _index ??= new ByteBuffer();
        var blocks = _blocks ??= new ByteBuffer();
        index.Length = 0;
        blocks.Length = 0;
        var writer = BitWriter.ForThread();
        for (var start = 0; start < df; start += perBlock)
        {
            writer.Clear();
            foreach (var p in postings.Slice(start, Math.Min(perBlock, df - start))) WritePositions(writer, p, averageLength);
            writer.AlignToByte();
            index.Varint(writer.Bytes.Length);
            blocks.Append(writer.Bytes);
        }
        return Finish(term, df, true, headBytes, docsLength, index.Bytes.AsSpan(0, index.Length), blocks.Bytes.AsSpan(0, blocks.Length), perBlock, packs);
    }

    private static TermData Finish(string term, int df, bool positional, byte[] head, int docsLength, ReadOnlySpan<byte> index, ReadOnlySpan<byte> blocks, int perBlock, PackWriter packs)
    {
        return head.Length + index.Length + blocks.Length <= InlineLimitBytes
            ? new TermData(term, df, positional, [.. head, .. index, .. blocks], null, docsLength, head.Length, index.Length, perBlock)
            : new TermData(term, df, positional, null, packs.Append(head, index, blocks), docsLength, head.Length, index.Length, perBlock);
    }

    /// <summary>The head: the document ids as Rice-coded gaps (a parameter of 0 costs one bit per document of the archive, as a
    /// bitmap would), padded to a byte, then the score levels; postings in id order. Returns the length of the ids part.</summary>
    private static int WriteHead(BitWriter w, ReadOnlySpan<Posting> postings, int documents)
    {
        var k = BitRules.RiceParameter(documents, postings.Length);
        var previous = -1;
        foreach (var p in postings)
        {
            w.Rice((uint)(p.Doc - previous - 1), k);
            previous = p.Doc;
        }
        w.AlignToByte();
        var docsLength = w.Bytes.Length;
        foreach (var p in postings) w.Write((uint)p.Level, LevelBits);
        w.AlignToByte();
        return docsLength;
    }

    private static long PositionBits(in Posting p, int averageLength)
    {
        var k = BitRules.RiceParameter(averageLength, p.PosCount);
        long bits = 2 * System.Numerics.BitOperations.Log2((uint)p.PosCount) + 1;
        var o = p.PosOffset;
        for (var i = 0; i < p.PosCount; i++)
        {
            var gap = (uint)Varints.Read(p.Source, ref o) - (i == 0 ? 0u : 1u);
            bits += (gap >> k) + 1 + k;
        }
        return bits;
    }

    private static void WritePositions(BitWriter w, in Posting p, int averageLength)
    {
        var k = BitRules.RiceParameter(averageLength, p.PosCount);
        w.Gamma((uint)p.PosCount);
        var o = p.PosOffset;
        for (var i = 0; i < p.PosCount; i++)
            w.Rice((uint)Varints.Read(p.Source, ref o) - (i == 0 ? 0u : 1u), k);
    }

    /// <summary>A term's document ids (the start of its head), ascending.</summary>
    public static int[] Documents(ReadOnlySpan<byte> ids, int df, int documents)
    {
        var docs = new int[df];
        var reader = new BitReader(ids);
        ReadDocuments(ref reader, docs, documents);
        return docs;
    }

    private static void ReadDocuments(ref BitReader reader, Span<int> docs, int documents)
    {
        var k = BitRules.RiceParameter(documents, docs.Length);
        var previous = -1;
        for (var i = 0; i < docs.Length; i++) docs[i] = previous = previous + 1 + (int)reader.Rice(k);
        if (reader.Overrun || (docs.Length > 0 && docs[^1] >= documents)) throw new InvalidDataException("a search index document set is damaged");
    }

    /// <summary>Reads a term object back (an earlier build's, for an incremental build) into <paramref name="into"/>, leaving out the
    /// marked documents; positions become varint gaps in <paramref name="positions"/>. Returns how many postings it wrote.</summary>
    public static int Decode(TermEntry entry, ReadOnlySpan<byte> bytes, int documents, int averageLength, Span<Posting> into, bool[] leaveOut, ByteBuffer positions)
    {
        var df = entry.Df;
        var reader = new BitReader(bytes[..entry.DocsLength]);
        var docs = new int[df];
        ReadDocuments(ref reader, docs, documents);
        var levelReader = new BitReader(bytes[entry.DocsLength..entry.HeadLength]);
        var levels = new int[df];
        for (var i = 0; i < df; i++) levels[i] = (int)levelReader.Read(LevelBits);
        var where = new (int Offset, int Count)[df];
        if (entry.Positional)
        {
            var order = docs.Select((d, i) => (Key: BitRules.SampleKey(d), Index: i)).OrderBy(x => x.Key).Select(x => x.Index).ToArray();
            var indexOffset = entry.HeadLength;
            var blockStart = entry.HeadLength + entry.IndexLength;
            for (var start = 0; start < df; start += entry.BlockPostings)
            {
                var length = Varints.Read(bytes, ref indexOffset);
                var block = new BitReader(bytes.Slice(blockStart, length));
                for (var i = start; i < Math.Min(df, start + entry.BlockPostings); i++)
                {
                    var count = (int)block.Gamma();
                    var k = BitRules.RiceParameter(averageLength, count);
                    var offset = positions.Length;
                    for (var j = 0; j < count; j++) positions.Varint((int)block.Rice(k) + (j == 0 ? 0 : 1));
                    where[order[i]] = (offset, count);
                }
                if (block.Overrun) throw new InvalidDataException($"the positions of search term `{entry.Term}` are damaged");
                blockStart += length;
            }
        }
        var written = 0;
        for (var i = 0; i < df; i++)
            if (!leaveOut[docs[i]]) into[written++] = new Posting(docs[i], levels[i], positions.Bytes, where[i].Offset, where[i].Count);
        // The buffer may have grown while decoding: point every posting at its final array.
        for (var i = 0; i < written; i++) into[i] = into[i] with { Source = positions.Bytes };
        return written;
    }
}

public sealed class ByteBuffer
{
    public byte[] Bytes = new byte[256];
    public int Length;

    public void Varint(int value)
    {
        if (Length + 5 > Bytes.Length) Array.Resize(ref Bytes, Bytes.Length * 2);
        var v = (uint)value;
        while (v >= 0x80)
        {
            Bytes[Length++] = (byte)(v | 0x80);
            v >>= 7;
        }
        Bytes[Length++] = (byte)v;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (Length + bytes.Length > Bytes.Length) Array.Resize(ref Bytes, Math.Max(Length + bytes.Length, Bytes.Length * 2));
        bytes.CopyTo(Bytes.AsSpan(Length));
        Length += bytes.Length;
    }

    /// <summary>Two bytes, little-endian.</summary>
    public void UInt16(int value)
    {
        if (Length + 2 > Bytes.Length) Array.Resize(ref Bytes, Bytes.Length * 2);
        Bytes[Length++] = (byte)value;
        Bytes[Length++] = (byte)(value >> 8);
    }

    public byte[] ToArray() => Bytes.AsSpan(0, Length).ToArray();
}

/// <summary>A per-thread scratch array that only grows: the encoder's sort keys and decode buffers, without a pool's trimming work.</summary>
/// <remarks>A span from <see cref="Get"/> is valid until the same thread asks again for the same element type.</remarks>
public static class Scratch<T>
{
    [ThreadStatic] private static T[]? _array;

    public static Span<T> Get(int length)
    {
        if (_array is null || _array.Length < length) _array = new T[Math.Max(length, 2 * (_array?.Length ?? 0))];
        return _array.AsSpan(0, length);
    }
}
