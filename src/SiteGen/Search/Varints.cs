namespace SiteGen.Search;

/// <summary>Unsigned LEB128 varints: the packed integer encoding of the base64 fields of posting blocks.</summary>
public static class Varints
{
    public static void Write(List<byte> bytes, int value)
    {
        var v = (uint)value;
        while (v >= 0x80)
        {
            bytes.Add((byte)(v | 0x80));
            v >>= 7;
        }
        bytes.Add((byte)v);
    }

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

    /// <summary>Decodes a base64url varint field of the index format (used by tests to read what the runtime reads).</summary>
    public static List<int> Decode(string base64Url)
    {
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(base64Url);
        var values = new List<int>();
        var offset = 0;
        while (offset < bytes.Length) values.Add(Read(bytes, ref offset));
        return values;
    }
}
