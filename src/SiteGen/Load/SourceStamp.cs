using System.Runtime.InteropServices;

namespace SiteGen.Load;

/// <summary>What the file system says about a content file without reading it (size, modification and change times, inode), the key of the load cache.</summary>
/// <remarks>Times are 100-ns ticks since the Unix epoch. On Linux one statx call gives all four; elsewhere the inode is 0 and the
/// creation time stands in for the change time. Any edit changes the size, the modification time or (even when an editor puts the
/// old modification time back) the change time; a file replaced by another gets a new inode.</remarks>
public readonly record struct SourceStamp(long Length, long ModifiedTicks, long ChangedTicks, long Inode)
{
    /// <summary>The stamp of <paramref name="path"/> (following links, as reading does), or null when it cannot be read.</summary>
    public static SourceStamp? Of(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                const int atFdCwd = -100;
                const uint basicStats = 0x7ff;
                if (Statx(atFdCwd, path, 0, basicStats, out var s) != 0) return null;
                return new SourceStamp((long)s.Size, s.MtimeSec * TimeSpan.TicksPerSecond + s.MtimeNsec / 100,
                    s.CtimeSec * TimeSpan.TicksPerSecond + s.CtimeNsec / 100, (long)s.Inode);
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // An old C library without statx: fall back to what .NET reports.
            }
        }
        var info = new FileInfo(path);
        if (!info.Exists) return null;
        return new SourceStamp(info.Length, info.LastWriteTimeUtc.Ticks - DateTime.UnixEpoch.Ticks,
            info.CreationTimeUtc.Ticks - DateTime.UnixEpoch.Ticks, 0);
    }

    /// <summary>Now, in the stamps' time base.</summary>
    public static long NowTicks() => DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks;

    /// <summary>The fields of Linux's <c>struct statx</c> that SiteGen uses; its layout is the same on every architecture.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(32)] public ulong Inode;
        [FieldOffset(40)] public ulong Size;
        [FieldOffset(96)] public long CtimeSec;
        [FieldOffset(104)] public uint CtimeNsec;
        [FieldOffset(112)] public long MtimeSec;
        [FieldOffset(120)] public uint MtimeNsec;
    }

    [DllImport("libc", SetLastError = true, EntryPoint = "statx")]
    private static extern int Statx(int dirfd, string path, int flags, uint mask, out StatxBuffer buffer);
}
