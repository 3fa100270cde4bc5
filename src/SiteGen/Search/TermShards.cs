using System.Numerics;

namespace SiteGen.Search;

/// <summary>A term's entry in its shard: document frequency, and where its term object is (inline, or in posting pack
/// <see cref="Pack"/>, a number into the manifest's list).</summary>
public sealed record TermEntry(string Term, int Df, bool Positional, byte[]? Inline, int Pack, long Offset, int DocsLength, int HeadLength, int IndexLength, int Length, int BlockPostings);

/// <summary>The term dictionary: terms spread over a power-of-two number of shards by a hash of the term, so a lookup reads one
/// shard and no directory (see SearchFormat.cs for the layout).</summary>
public static class TermShards
{
    private const int TargetShardBytes = 2_500;

    /// <summary>FNV-1a (32 bits) over the term's UTF-16 code units, each as two little-endian bytes (the runtime computes the same).</summary>
    public static uint Hash(string term)
    {
        var h = 2166136261u;
        foreach (var c in term)
        {
            h = (h ^ (byte)c) * 16777619u;
            h = (h ^ (byte)(c >> 8)) * 16777619u;
        }
        return h;
    }

    /// <summary>A shard count for entries of about <paramref name="bytes"/> bytes in all: shards of about TargetShardBytes before compression.</summary>
    public static int ShardCount(long bytes) => (int)BitOperations.RoundUpToPowerOf2((ulong)Math.Max(1, (bytes + TargetShardBytes - 1) / TargetShardBytes));

    /// <summary>Bytes an entry takes in a shard, near enough to choose the shard count.</summary>
    public static int Size(TermEntry e) => 2 * e.Term.Length + 13 + (e.Inline?.Length ?? 0);

    /// <summary>The shard file: a table of (count + 1) little-endian uint32 offsets, then the compressed shards they delimit.</summary>
    public static byte[] File(IReadOnlyList<byte[]> compressed)
    {
        var table = 4 * (compressed.Count + 1);
        var file = new byte[table + compressed.Sum(c => c.Length)];
        var at = table;
        for (var s = 0; s < compressed.Count; s++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4 * s), (uint)at);
            compressed[s].CopyTo(file, at);
            at += compressed[s].Length;
        }
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4 * compressed.Count), (uint)at);
        return file;
    }

    /// <summary>A shard's bytes before compression; <paramref name="entries"/> in ordinal term order.</summary>
    public static byte[] Serialize(IReadOnlyList<TermEntry> entries)
    {
        var b = new ByteBuffer();
        b.Varint(entries.Count);
        foreach (var e in entries)
        {
            b.Varint(e.Term.Length);
            foreach (var c in e.Term) b.UInt16(c);
            b.Varint(e.Df);
            b.Varint((e.Positional ? 1 : 0) | (e.Inline is null ? 0 : 2));
            b.Varint(e.DocsLength);
            b.Varint(e.HeadLength);
            b.Varint(e.IndexLength);
            if (e.Positional) b.Varint(e.BlockPostings);
            if (e.Inline is not null)
            {
                b.Varint(e.Inline.Length);
                b.Append(e.Inline);
                continue;
            }
            b.Varint(e.Pack);
            b.Varint(checked((int)e.Offset));
            b.Varint(e.Length);
        }
        return b.ToArray();
    }

    /// <summary>Reads a shard's bytes (inflated) back.</summary>
    public static List<TermEntry> Parse(ReadOnlySpan<byte> bytes)
    {
        var o = 0;
        var count = Varints.Read(bytes, ref o);
        var entries = new List<TermEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var length = Varints.Read(bytes, ref o);
            var chars = new char[length];
            for (var k = 0; k < length; k++, o += 2) chars[k] = (char)(bytes[o] | (bytes[o + 1] << 8));
            var df = Varints.Read(bytes, ref o);
            var flags = Varints.Read(bytes, ref o);
            var positional = (flags & 1) != 0;
            var ids = Varints.Read(bytes, ref o);
            var head = Varints.Read(bytes, ref o);
            var index = Varints.Read(bytes, ref o);
            var perBlock = positional ? Varints.Read(bytes, ref o) : 0;
            if ((flags & 2) != 0)
            {
                var size = Varints.Read(bytes, ref o);
                var inline = bytes.Slice(o, size).ToArray();
                o += size;
                entries.Add(new TermEntry(new string(chars), df, positional, inline, -1, 0, ids, head, index, size, perBlock));
                continue;
            }
            var pack = Varints.Read(bytes, ref o);
            var offset = Varints.Read(bytes, ref o);
            var total = Varints.Read(bytes, ref o);
            entries.Add(new TermEntry(new string(chars), df, positional, null, pack, offset, ids, head, index, total, perBlock));
        }
        return entries;
    }
}
