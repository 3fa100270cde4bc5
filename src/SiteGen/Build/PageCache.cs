using System.Collections.Concurrent;

namespace SiteGen.Build;

/// <summary>What the previous build published for each page and attachment (fingerprint, size and time of its file, a report's
/// summary) and what this build publishes; one part of <see cref="BuildState"/>, which decides with it what is reused.</summary>
public sealed class PageCache
{
    private readonly Dictionary<string, PageCacheEntry> _previous;
    private readonly ConcurrentDictionary<string, PageCacheEntry> _next = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Length, long WriteTicks)> _verified = new(StringComparer.Ordinal);
    private readonly string _outputDir;

    private PageCache(string outputDir, Dictionary<string, PageCacheEntry> previous)
    {
        _outputDir = outputDir;
        _previous = previous;
    }

    public static PageCache Empty(string outputDir) => new(outputDir, new Dictionary<string, PageCacheEntry>(StringComparer.Ordinal));

    /// <summary>Reads what <see cref="Write"/> wrote; throws on damaged input (the build state then starts empty).</summary>
    public static PageCache Read(BinaryReader reader, string outputDir)
    {
        var count = reader.ReadInt32();
        if (count < 0) throw new InvalidDataException("negative count of pages");
        var pages = new Dictionary<string, PageCacheEntry>(Math.Min(count, 1 << 20), StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var file = reader.ReadString();
            var fingerprint = reader.ReadString();
            var summary = reader.ReadBoolean() ? reader.ReadString() : null;
            pages[file] = new PageCacheEntry(fingerprint, summary, reader.ReadInt64(), reader.ReadInt64());
        }
        return new PageCache(outputDir, pages);
    }

    /// <summary>The previous output file to reuse for <paramref name="outputFile"/>, when its fingerprint matches and the file is still the one that build wrote.</summary>
    public bool TryReuse(string outputFile, string fingerprint, out string existingPath, out string? summary)
    {
        existingPath = Path.Combine(_outputDir, outputFile);
        summary = null;
        if (!_previous.TryGetValue(outputFile, out var entry) || entry.Fingerprint != fingerprint) return false;
        var info = new FileInfo(existingPath);
        if (!info.Exists || info.Length != entry.Length || info.LastWriteTimeUtc.Ticks != entry.WriteTicks) return false;
        // The reused file is published as a hard link to this very file, so Write need not look at it again.
        _verified[outputFile] = (entry.Length, entry.WriteTicks);
        summary = entry.Summary;
        return true;
    }

    public void Record(string outputFile, string fingerprint, string? summary) =>
        _next[outputFile] = new PageCacheEntry(fingerprint, summary, 0, 0);

    /// <summary>Writes the record of this build's files with the size and time each now has, once they are published; of the
    /// previous build's when this one published nothing (its files are still the live ones).</summary>
    public void Write(BinaryWriter writer, bool published)
    {
        var pages = new List<(string File, PageCacheEntry Entry)>(published ? _next.Count : _previous.Count);
        if (!published) pages.AddRange(_previous.Select(p => (p.Key, p.Value)));
        else
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
}

/// <summary>One page or attachment file as a build published it.</summary>
public sealed record PageCacheEntry(string Fingerprint, string? Summary, long Length, long WriteTicks);
