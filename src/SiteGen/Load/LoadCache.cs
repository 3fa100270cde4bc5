using System.Collections.Concurrent;
using System.Security.Cryptography;
using SiteGen.Diagnostics;

namespace SiteGen.Load;

/// <summary>What the previous build's load stage produced for each error-free content file (validated front matter, body position,
/// content hash, file links, warnings), keyed by the file's <see cref="SourceStamp"/> and kept in <c>.sitegen-cache/</c> beside the output,
/// so an unchanged file is neither read nor parsed again.</summary>
public sealed class LoadCache
{
    /// <summary>A file modified this close to (or after) the moment the previous build began loading is read again: an edit made
    /// in the same tick of a coarse file-system clock would not change its modification time (git's "racy" timestamps).</summary>
    public static readonly long RacyMarginTicks = TimeSpan.FromSeconds(2).Ticks;

    private const int FormatVersion = 2;
    private static readonly byte[] Magic = "SGLC"u8.ToArray();
    private readonly string? _path;
    private readonly long _previousStart;
    private readonly Dictionary<string, LoadCacheEntry> _previous;
    private readonly ConcurrentDictionary<string, LoadCacheEntry> _next = new(StringComparer.Ordinal);
    private readonly long _start = SourceStamp.NowTicks();
    private int _reused;

    private LoadCache(string? path, long previousStart, Dictionary<string, LoadCacheEntry> previous)
    {
        _path = path;
        _previousStart = previousStart;
        _previous = previous;
    }

    /// <summary>Files whose load was taken from the cache in this build.</summary>
    public int Reused => Volatile.Read(ref _reused);

    public static string PathFor(string outputDir)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDir));
        return Path.Combine(Path.GetDirectoryName(full)!, ".sitegen-cache", Path.GetFileName(full) + ".load");
    }

    /// <summary>Reads the previous record; with <paramref name="clean"/>, or when it is absent, corrupt or outdated, every file is loaded afresh.</summary>
    public static LoadCache Open(string outputDir, bool clean)
    {
        var path = PathFor(outputDir);
        var empty = new Dictionary<string, LoadCacheEntry>(StringComparer.Ordinal);
        if (clean || !File.Exists(path)) return new LoadCache(path, 0, empty);
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length < Magic.Length + 32 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)
                || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
                return new LoadCache(path, 0, empty);
            using var reader = new BinaryReader(new MemoryStream(bytes, Magic.Length, bytes.Length - 32 - Magic.Length));
            if (reader.ReadInt32() != FormatVersion) return new LoadCache(path, 0, empty);
            var start = reader.ReadInt64();
            var count = reader.ReadInt32();
            var entries = new Dictionary<string, LoadCacheEntry>(Math.Max(0, Math.Min(count, 1 << 20)), StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var relative = reader.ReadString();
                entries[relative] = LoadCacheFormat.ReadEntry(reader, relative);
            }
            return new LoadCache(path, start, entries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException
                                       or FormatException or OverflowException)
        {
            return new LoadCache(path, 0, empty);
        }
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
    public void Save()
    {
        if (_path is null) return;
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(_start);
            writer.Write(_next.Count);
            foreach (var (relative, entry) in _next.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                writer.Write(relative);
                LoadCacheFormat.WriteEntry(writer, entry);
            }
        }
        var payload = buffer.ToArray();
        var temp = _path + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            using (var file = File.Create(temp))
            {
                file.Write(payload);
                file.Write(SHA256.HashData(payload));
            }
            File.Move(temp, _path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The cache only saves time: a build whose cache cannot be written still publishes; the next one reads every file.
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
