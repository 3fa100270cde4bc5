using System.Buffers;
using System.Security.Cryptography;

namespace SiteGen.Search;

/// <summary>Concatenates index objects into pack files of about a target size, each named by a hash of its bytes when it is closed.</summary>
/// <remarks>An object's reference is final only once its pack is closed, so objects that point to others are serialized after
/// the packs they point into (blocks before shards, chunks before document records). Not thread-safe: one writer per sequence,
/// so the objects of a pack, and therefore its name, do not depend on thread timing. The buffer comes from the shared array pool
/// and a pack is emitted straight from it: the 64 partitions' writers of a large index would otherwise each allocate (and copy)
/// several large arrays per pack, hundreds of megabytes the garbage collector lets pile up before it reclaims them.</remarks>
public sealed class PackWriter(string folder, int targetBytes, Action<string, ReadOnlySpan<byte>> emit)
{
    /// <summary>A pack being filled or closed; its name is known once closed.</summary>
    public sealed class Pack
    {
        public string? Name { get; internal set; }
    }

    /// <summary>Where an object is: its pack, offset and length.</summary>
    public readonly record struct Address(Pack Pack, int Offset, int Length)
    {
        public string Ref => $"{Pack.Name ?? throw new InvalidOperationException("the pack of this object is still open")}:{Offset}:{Length}";
    }

    private readonly List<Pack> _closed = [];
    private byte[] _buffer = [];
    private int _length;
    private Pack? _current;

    /// <summary>Appends one object; closes the pack once it has reached the target size.</summary>
    public Address Append(ReadOnlySpan<byte> bytes) => Append(bytes, [], []);

    /// <summary>Appends one object given in three consecutive parts (so the caller need not join them first).</summary>
    public Address Append(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third)
    {
        _current ??= new Pack();
        var length = first.Length + second.Length + third.Length;
        var address = new Address(_current, _length, length);
        Reserve(length);
        first.CopyTo(_buffer.AsSpan(_length));
        second.CopyTo(_buffer.AsSpan(_length + first.Length));
        third.CopyTo(_buffer.AsSpan(_length + first.Length + second.Length));
        _length += length;
        if (_length >= targetBytes) Seal();
        return address;
    }

    private void Reserve(int more)
    {
        if (_length + more <= _buffer.Length) return;
        var grown = ArrayPool<byte>.Shared.Rent(Math.Max(_length + more, Math.Max(4096, Math.Min(_buffer.Length * 2, targetBytes + more))));
        _buffer.AsSpan(0, _length).CopyTo(grown);
        Return();
        _buffer = grown;
    }

    private void Return()
    {
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    /// <summary>The packs written so far, in order.</summary>
    public IReadOnlyList<Pack> Closed => _closed;

    /// <summary>Writes the current pack, if any, and gives the buffer back: a writer is closed when its sequence is done, and 64
    /// partitions' writers each holding a pack-sized buffer until the index is written would hold 300 MB.</summary>
    public void Close()
    {
        Seal();
        Return();
    }

    /// <summary>Writes the current pack, if any, under the hash of its bytes; the buffer is kept for the next pack.</summary>
    private void Seal()
    {
        if (_current is null) return;
        var bytes = _buffer.AsSpan(0, _length);
        _current.Name = NameFor(folder, bytes, ".bin");
        emit(_current.Name, bytes);
        _closed.Add(_current);
        _current = null;
        _length = 0;
    }

    /// <summary>A content-addressed file name: folder, the first 12 hex digits of the SHA-256 of the bytes, extension.</summary>
    public static string NameFor(string folder, ReadOnlySpan<byte> bytes, string extension) =>
        $"{folder}{Convert.ToHexStringLower(SHA256.HashData(bytes))[..12]}{extension}";
}
