namespace SiteGen.Search;

/// <summary>Reading unsigned LEB128 varints, the integer encoding of the spill, posting blocks and filter ranges
/// (they are written with <see cref="ByteBuffer.Varint"/>).</summary>
public static class Varints
{
    public static int Read(ReadOnlySpan<byte> bytes, ref int offset)
    {
        uint result = 0;
        var shift = 0;
        while (true)
        {
            var b = bytes[offset++];
            result |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return (int)result;
            shift += 7;
        }
    }

    /// <summary>Like <see cref="Read"/>, but false instead of an exception when the bytes end inside the varint.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, ref int offset, out int value)
    {
        value = 0;
        for (var shift = 0; offset < bytes.Length; shift += 7)
        {
            var b = bytes[offset++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80) return true;
        }
        return false;
    }
}
