using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace SiteGen.Build;

/// <summary>What the previous build wrote (fingerprint, size and time of each page file, report summaries), kept in <c>.sitegen-cache/</c> beside the output so the next build reuses unchanged pages.</summary>
/// <remarks>A compact binary file with a SHA-256 trailer: it is read and written on every build, and a corrupt one is simply ignored.</remarks>
public sealed class BuildCache
{
    private const int FormatVersion = 2;
    private static readonly byte[] Magic = "SGBC"u8.ToArray();
    private readonly Dictionary<string, BuildCacheEntry> _previous;
    private readonly ConcurrentDictionary<string, BuildCacheEntry> _next = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Length, long WriteTicks)> _verified = new(StringComparer.Ordinal);
    private readonly string _outputDir;

    private BuildCache(string outputDir, Dictionary<string, BuildCacheEntry> previous)
    {
        _outputDir = outputDir;
        _previous = previous;
    }

    public static string PathFor(string outputDir)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDir));
        return Path.Combine(Path.GetDirectoryName(full)!, ".sitegen-cache", Path.GetFileName(full) + ".pages");
    }

    /// <summary>Reads the previous build's record; an absent, unreadable, corrupt or outdated record simply means nothing is reused.</summary>
    public static BuildCache Load(string outputDir, bool clean)
    {
        var empty = new Dictionary<string, BuildCacheEntry>(StringComparer.Ordinal);
        var path = PathFor(outputDir);
        if (clean || !File.Exists(path) || !Directory.Exists(outputDir)) return new BuildCache(outputDir, empty);
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length < Magic.Length + 32 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)
                || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
                return new BuildCache(outputDir, empty);
            using var reader = new BinaryReader(new MemoryStream(bytes, Magic.Length, bytes.Length - 32 - Magic.Length), Encoding.UTF8);
            if (reader.ReadInt32() != FormatVersion) return new BuildCache(outputDir, empty);
            var count = reader.ReadInt32();
            if (count < 0 || count > bytes.Length) return new BuildCache(outputDir, empty);
            var pages = new Dictionary<string, BuildCacheEntry>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var file = reader.ReadString();
                var fingerprint = reader.ReadString();
                var summary = reader.ReadBoolean() ? reader.ReadString() : null;
                pages[file] = new BuildCacheEntry(fingerprint, summary, reader.ReadInt64(), reader.ReadInt64());
            }
            return new BuildCache(outputDir, pages);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or FormatException)
        {
            return new BuildCache(outputDir, empty);
        }
    }

    /// <summary>The previous output file to reuse for <paramref name="outputFile"/>, when its fingerprint matches and the file is still the one that build wrote.</summary>
    public bool TryReuse(string outputFile, string fingerprint, out string existingPath, out string? summary)
    {
        existingPath = Path.Combine(_outputDir, outputFile);
        summary = null;
        if (!_previous.TryGetValue(outputFile, out var entry) || entry.Fingerprint != fingerprint) return false;
        var info = new FileInfo(existingPath);
        if (!info.Exists || info.Length != entry.Length || info.LastWriteTimeUtc.Ticks != entry.WriteTicks) return false;
        // The reused file is published as a hard link to this very file, so Save need not look at it again.
        _verified[outputFile] = (entry.Length, entry.WriteTicks);
        summary = entry.Summary;
        return true;
    }

    public void Record(string outputFile, string fingerprint, string? summary) =>
        _next[outputFile] = new BuildCacheEntry(fingerprint, summary, 0, 0);

    /// <summary>Writes the record of the build just published, with the size and time of each file as it now is.</summary>
    public void Save()
    {
        var pages = new List<(string File, BuildCacheEntry Entry)>(_next.Count);
        foreach (var (file, entry) in _next)
        {
            if (_verified.TryGetValue(file, out var known))
            {
                pages.Add((file, entry with { Length = known.Length, WriteTicks = known.WriteTicks }));
                continue;
            }
            var info = new FileInfo(Path.Combine(_outputDir, file));
            if (info.Exists) pages.Add((file, entry with { Length = info.Length, WriteTicks = info.LastWriteTimeUtc.Ticks }));
        }
        pages.Sort((a, b) => string.CompareOrdinal(a.File, b.File));

        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(pages.Count);
            foreach (var (file, entry) in pages)
            {
                writer.Write(file);
                writer.Write(entry.Fingerprint);
                writer.Write(entry.Summary is not null);
                if (entry.Summary is not null) writer.Write(entry.Summary);
                writer.Write(entry.Length);
                writer.Write(entry.WriteTicks);
            }
        }
        var payload = buffer.ToArray();
        var path = PathFor(_outputDir);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        using (var file = File.Create(temp))
        {
            file.Write(payload);
            file.Write(SHA256.HashData(payload));
        }
        File.Move(temp, path, overwrite: true);
    }
}

/// <summary>One page file as the previous build wrote it.</summary>
public sealed record BuildCacheEntry(string Fingerprint, string? Summary, long Length, long WriteTicks);
