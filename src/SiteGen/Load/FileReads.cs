using Microsoft.Win32.SafeHandles;

namespace SiteGen.Load;

/// <summary>Reads an open file into a buffer the caller holds (a pooled one), so reading a file makes no array of its own.</summary>
public static class FileReads
{
    /// <summary>Reads from the start of <paramref name="handle"/> until <paramref name="buffer"/> is full or the file ends, and
    /// returns how many bytes were read (fewer when the file is shorter than the buffer).</summary>
    public static int FromStart(SafeFileHandle handle, Span<byte> buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = RandomAccess.Read(handle, buffer[read..], read);
            if (n == 0) break;
            read += n;
        }
        return read;
    }
}
