using System.Numerics;

namespace SiteGen.Search;

/// <summary>Writes bits least significant first into bytes (the bit order of DEFLATE), with the Elias-gamma and Rice codes of
/// term objects (see SearchFormat.cs). Reused per thread: <see cref="Clear"/> starts a new stream.</summary>
public sealed class BitWriter
{
    private byte[] _bytes = new byte[256];
    private int _length;
    private ulong _pending;
    private int _pendingBits;

    public void Clear()
    {
        _length = 0;
        _pending = 0;
        _pendingBits = 0;
    }

    /// <summary>Writes the low <paramref name="count"/> bits of <paramref name="value"/> (count ≤ 32).</summary>
    public void Write(uint value, int count)
    {
        if (count == 0) return;
        _pending |= (ulong)(value & (count == 32 ? uint.MaxValue : (1u << count) - 1)) << _pendingBits;
        _pendingBits += count;
        while (_pendingBits >= 8)
        {
            if (_length == _bytes.Length) Array.Resize(ref _bytes, _bytes.Length * 2);
            _bytes[_length++] = (byte)_pending;
            _pending >>= 8;
            _pendingBits -= 8;
        }
    }

    /// <summary>Elias gamma code of value ≥ 1: ⌊log₂ v⌋ zero bits, a one, then the bits of v below its top bit (low first).</summary>
    public void Gamma(uint value)
    {
        var top = BitOperations.Log2(value);
        Write(0, top);
        Write(1, 1);
        Write(value, top);
    }

    /// <summary>Rice code of value ≥ 0 with parameter k: value >> k in unary (that many one bits, then a zero), then the low k bits.</summary>
    public void Rice(uint value, int k)
    {
        var quotient = value >> k;
        while (quotient >= 32)
        {
            Write(uint.MaxValue, 32);
            quotient -= 32;
        }
        Write((1u << (int)quotient) - 1, (int)quotient);
        Write(0, 1);
        Write(value, k);
    }

    /// <summary>Pads the stream with zero bits to a whole byte.</summary>
    public void AlignToByte()
    {
        if (_pendingBits > 0) Write(0, 8 - _pendingBits);
    }

    /// <summary>The bytes written so far (call <see cref="AlignToByte"/> first); valid until the next write.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, _length);

    [ThreadStatic] private static BitWriter? _shared;

    /// <summary>A writer of this thread, cleared.</summary>
    public static BitWriter ForThread()
    {
        var writer = _shared ??= new BitWriter();
        writer.Clear();
        return writer;
    }
}

/// <summary>Reads what <see cref="BitWriter"/> writes; past the end it reads zero bits and <see cref="Overrun"/> tells.</summary>
public ref struct BitReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private long _bit;

    /// <summary>True once a read went past the last byte (the data is cut short or damaged).</summary>
    public readonly bool Overrun => _bit > 8L * _bytes.Length;

    public uint Read(int count)
    {
        uint value = 0;
        for (var i = 0; i < count; i++) value |= (uint)Bit() << i;
        return value;
    }

    private int Bit()
    {
        var index = _bit >> 3;
        var bit = index < _bytes.Length ? (_bytes[(int)index] >> (int)(_bit & 7)) & 1 : 0;
        _bit++;
        return bit;
    }

    public uint Gamma()
    {
        var top = 0;
        while (Bit() == 0)
        {
            if (++top > 31 || Overrun) throw new InvalidDataException("a gamma code in the search index is damaged");
        }
        return (1u << top) | Read(top);
    }

    public uint Rice(int k)
    {
        uint quotient = 0;
        while (Bit() == 1)
        {
            if (++quotient > (uint.MaxValue >> k) || Overrun) throw new InvalidDataException("a Rice code in the search index is damaged");
        }
        return (quotient << k) | Read(k);
    }
}

/// <summary>The integer rules shared by the index writer and the browser runtime, so both derive the same code parameters.</summary>
public static class BitRules
{
    /// <summary>The Rice parameter for gaps whose mean is about <paramref name="range"/> / <paramref name="count"/>:
    /// ⌊log₂(0.69 × range / count)⌋, at least 0 (integer arithmetic, as in JavaScript).</summary>
    public static int RiceParameter(long range, long count)
    {
        if (count <= 0) return 0;
        var mean = range * 69 / (count * 100);
        return mean < 1 ? 0 : BitOperations.Log2((ulong)mean);
    }

    /// <summary>A document's place in the order of positions: a bijective 32-bit mix of its id (MurmurHash3's finalizer), so that
    /// any prefix of that order holds the documents whose keys are the smallest: a random sample of the archive, free of the
    /// patterns of catalogue order (every county listing its agencies in the same order).</summary>
    public static uint SampleKey(int doc)
    {
        var h = (uint)doc;
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        h ^= h >> 16;
        return h;
    }
}
