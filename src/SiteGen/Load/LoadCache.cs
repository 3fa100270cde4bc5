using System.Collections.Concurrent;
using SiteGen.Diagnostics;

namespace SiteGen.Load;

/// <summary>What the previous build's load stage produced for each error-free content file (validated front matter, body position,
/// content hash, file links, warnings), keyed by the file's <see cref="SourceStamp"/>, so an unchanged file is neither read nor parsed
/// again. It is one part of the build state (<c>Build/BuildState</c>), which stores it in <c>.sitegen-cache/</c>.</summary>
public sealed class LoadCache
{
    /// <summary>A file modified this close to (or after) the moment the previous build began loading is read again: an edit made
    /// in the same tick of a coarse file-system clock would not change its modification time (git's "racy" timestamps).</summary>
    public static readonly long RacyMarginTicks = TimeSpan.FromSeconds(2).Ticks;

    private readonly long _previousStart;
    private readonly Dictionary<string, LoadCacheEntry> _previous;
    private readonly ConcurrentDictionary<string, LoadCacheEntry> _next = new(StringComparer.Ordinal);
    private readonly long _start = SourceStamp.NowTicks();
    private int _reused;

    private LoadCache(long previousStart, Dictionary<string, LoadCacheEntry> previous)
    {
        _previousStart = previousStart;
        _previous = previous;
    }

    /// <summary>Nothing known from a previous build: every file is loaded afresh.</summary>
    public static LoadCache Empty() => new(0, new Dictionary<string, LoadCacheEntry>(StringComparer.Ordinal));

    /// <summary>Files whose load was taken from the cache in this build.</summary>
    public int Reused => Volatile.Read(ref _reused);

    /// <summary>Reads what <see cref="Write"/> wrote; throws on damaged input (the build state then starts empty).</summary>
    public static LoadCache Read(BinaryReader reader)
    {
        var start = reader.ReadInt64();
        var count = reader.ReadInt32();
        if (count < 0) throw new InvalidDataException("negative count of loaded files");
        var entries = new Dictionary<string, LoadCacheEntry>(Math.Min(count, 1 << 20), StringComparer.Ordinal);
        var end = reader.BaseStream.Length;
        for (var i = 0; i < count; i++)
        {
            var relative = reader.ReadString();
            entries[relative] = LoadCacheFormat.ReadEntry(reader, relative, end);
        }
        return new LoadCache(start, entries);
    }

    /// <summary>The cached load of <paramref name="relativePath"/>, when its stamp is unchanged and old enough to be trusted.</summary>
    public bool TryGet(string relativePath, SourceStamp stamp, out LoadCacheEntry entry)
    {
        if (!_previous.TryGetValue(relativePath, out entry!) || entry.Stamp != stamp
            || stamp.ModifiedTicks >= _previousStart - RacyMarginTicks) return false;
        Interlocked.Increment(ref _reused);
        return true;
    }

    /// <summary>Remembers an error-free load for the next build.</summary>
    public void Record(string relativePath, LoadCacheEntry entry) => _next[relativePath] = entry;

    /// <summary>Writes what this build loaded; the time it began loading decides which entries the next build may trust.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(_start);
        writer.Write(_next.Count);
        foreach (var (relative, entry) in _next.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.Write(relative);
            LoadCacheFormat.WriteEntry(writer, entry);
        }
    }
}

/// <summary>One content file's load result as cached: the stamp it was read under and everything the later stages need from it.</summary>
public sealed record LoadCacheEntry(SourceStamp Stamp, byte[] SourceHash, int BodyOffset, int BodyLine, FrontMatter FrontMatter,
    IReadOnlyList<BodyLink> Links, IReadOnlyList<Diagnostic> Warnings)
{
    public ContentFile ToContentFile(string fullPath, string relativePath) =>
        new(fullPath, relativePath, FrontMatter, BodyOffset, BodyLine, SourceHash, Links);
}
