namespace SiteGen.Search;

/// <summary>One posting of a term: document, stored score, and where its position gaps are (varints in <see cref="Source"/>).</summary>
/// <remarks>Positions stay where they were read (a spill partition or a previous build's block) and are copied only when encoded.</remarks>
public readonly record struct Posting(int Doc, int Score, byte[] Source, int PosOffset, int PosCount);

/// <summary>A posting block written to a pack, before the pack has its name.</summary>
public sealed record BlockData(PackWriter.Address Address, int Count, int Max, int Min);

/// <summary>A term as encoded: inline postings, or blocks whose references are final once the posting packs are closed.</summary>
public sealed record TermData(string Term, int Df, string? Inline, IReadOnlyList<BlockData>? Blocks)
{
    public TermEntry ToEntry() => new(Term, Df, Inline, Blocks?.Select(b => new BlockRef(b.Address.Ref, b.Count, b.Max, b.Min)).ToList());
}

/// <summary>Scores postings and encodes a term's posting list: inline when small, else score-ordered blocks in a posting pack.</summary>
/// <remarks>The stored score is BM25's term-frequency part (× 1000, field boosts applied); the runtime multiplies it by the term's
/// idf, computed from df and the number of reports. Keeping idf out of stored scores means a term's postings change only when
/// a report containing it changes, which is what lets an incremental build reuse every other term's blocks as they are.</remarks>
public static class TermEncoder
{
    /// <summary>Documents in a term's first posting block; each further block doubles up to <see cref="MaxBlockSize"/>.</summary>
    public const int BlockSize = 32;

    public const int MaxBlockSize = 512;

    private const int InlineLimitBytes = 384;
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>The average document length used by BM25, rounded to two significant digits, so that editing a report almost
    /// never changes it (and with it every stored score); a change is detected and answered with a full rebuild.</summary>
    public static double AverageLength(long totalLength, int documents)
    {
        var average = documents == 0 ? 1.0 : Math.Max(1.0, totalLength / (double)documents);
        var scale = Math.Pow(10, Math.Floor(Math.Log10(average)) - 1);
        return Math.Max(1.0, Math.Round(average / scale) * scale);
    }

    /// <summary>The stored score of a term in a document: weighted frequency (× 10 in the spill) against the document's length.</summary>
    public static int Score(int weightedTimesTen, int length, double averageLength)
    {
        var weighted = weightedTimesTen / 10.0;
        var norm = K1 * (1 - B + B * length / averageLength);
        return Math.Max(1, (int)Math.Round(1000 * weighted * (K1 + 1) / (weighted + norm)));
    }

    /// <summary>Orders a term's postings and encodes them, inline or as blocks appended to <paramref name="packs"/>.</summary>
    public static TermData Encode(string term, Posting[] postings, int documents, int[] agencyOf, PackWriter packs)
    {
        var df = postings.Length;
        // A term in at least half the reports contributes almost nothing to a score (its idf is near zero) and is nearly
        // always queried with others; its blocks follow the document order (newest first), so the first blocks of two such
        // terms hold the same reports and their intersection fills the first page. Other terms: highest score first.
        if (df * 2 >= documents) Array.Sort(postings, static (a, b) => a.Doc.CompareTo(b.Doc));
        else Array.Sort(postings, static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Doc.CompareTo(b.Doc));

        if (df <= BlockSize)
        {
            var whole = EncodeBlock(postings, agencyOf);
            if (whole.Length <= InlineLimitBytes) return new TermData(term, df, System.Buffers.Text.Base64Url.EncodeToString(whole), null);
        }
        var blocks = new List<BlockData>();
        for (int start = 0, size = BlockSize; start < df; start += size, size = Math.Min(size * 2, MaxBlockSize))
        {
            var slice = postings.AsSpan(start, Math.Min(size, df - start));
            var (max, min) = (0, int.MaxValue);
            foreach (var posting in slice) (max, min) = (Math.Max(max, posting.Score), Math.Min(min, posting.Score));
            blocks.Add(Append(packs, EncodeBlock(slice, agencyOf), slice.Length, max, min));
        }
        return new TermData(term, df, null, blocks);
    }

    /// <summary>Appends an encoded block to a posting pack.</summary>
    public static BlockData Append(PackWriter packs, byte[] bytes, int count, int max, int min) =>
        new(packs.Append(bytes), count, max, min);

    /// <summary>Encodes postings as a binary posting block (see SearchFormat.cs).</summary>
    private static byte[] EncodeBlock(ReadOnlySpan<Posting> postings, int[] agencyOf)
    {
        var block = new ByteBuffer();
        block.Varint(postings.Length);
        foreach (var p in postings) block.Varint(p.Doc);
        foreach (var p in postings) block.Varint(p.Score);
        foreach (var p in postings) block.Varint(agencyOf[p.Doc]);
        foreach (var p in postings)
        {
            block.Varint(p.PosCount);
            var o = p.PosOffset;
            for (var k = 0; k < p.PosCount; k++) block.Varint(Varints.Read(p.Source, ref o));
        }
        return block.ToArray();
    }

    /// <summary>Reads the postings of an encoded block back (the previous build's blocks, for an incremental build).</summary>
    public static IEnumerable<Posting> Decode(byte[] block)
    {
        var offset = 0;
        var n = Varints.Read(block, ref offset);
        var docs = new int[n];
        var scores = new int[n];
        for (var i = 0; i < n; i++) docs[i] = Varints.Read(block, ref offset);
        for (var i = 0; i < n; i++) scores[i] = Varints.Read(block, ref offset);
        for (var i = 0; i < n; i++) Varints.Read(block, ref offset); // agency codes: recomputed when encoding
        var postings = new Posting[n];
        for (var i = 0; i < n; i++)
        {
            var count = Varints.Read(block, ref offset);
            postings[i] = new Posting(docs[i], scores[i], block, offset, count);
            for (var k = 0; k < count; k++) Varints.Read(block, ref offset);
        }
        return postings;
    }

    /// <summary>Whether an encoded block holds any of the marked documents, reading only its document ids.</summary>
    public static bool MentionsAny(byte[] block, bool[] docs)
    {
        var offset = 0;
        var n = Varints.Read(block, ref offset);
        for (var i = 0; i < n; i++) if (docs[Varints.Read(block, ref offset)]) return true;
        return false;
    }
}

/// <summary>A growable byte array with a varint writer; cheaper than a MemoryStream's per-byte calls.</summary>
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

    public byte[] ToArray() => Bytes.AsSpan(0, Length).ToArray();
}
