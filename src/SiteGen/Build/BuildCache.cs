using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SiteGen.Build;

/// <summary>What the previous build wrote (fingerprint, size and time of each page file, report summaries), kept in <c>.sitegen-cache/</c> beside the output so the next build reuses unchanged pages.</summary>
public sealed class BuildCache
{
    private const int FormatVersion = 1;
    private readonly Dictionary<string, BuildCacheEntry> _previous;
    private readonly ConcurrentDictionary<string, BuildCacheEntry> _next = new(StringComparer.Ordinal);
    private readonly string _outputDir;

    private BuildCache(string outputDir, Dictionary<string, BuildCacheEntry> previous)
    {
        _outputDir = outputDir;
        _previous = previous;
    }

    public static string PathFor(string outputDir)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDir));
        return Path.Combine(Path.GetDirectoryName(full)!, ".sitegen-cache", Path.GetFileName(full) + ".json");
    }

    /// <summary>Reads the previous build's record; an absent, unreadable or outdated record simply means nothing is reused.</summary>
    public static BuildCache Load(string outputDir, bool clean)
    {
        var empty = new Dictionary<string, BuildCacheEntry>(StringComparer.Ordinal);
        var path = PathFor(outputDir);
        if (clean || !File.Exists(path) || !Directory.Exists(outputDir)) return new BuildCache(outputDir, empty);
        try
        {
            var file = JsonSerializer.Deserialize(File.ReadAllBytes(path), BuildCacheJson.Default.BuildCacheFile);
            if (file is null || file.Version != FormatVersion) return new BuildCache(outputDir, empty);
            return new BuildCache(outputDir, new Dictionary<string, BuildCacheEntry>(file.Pages, StringComparer.Ordinal));
        }
        catch (Exception ex) when (ex is JsonException or IOException or NotSupportedException)
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
        summary = entry.Summary;
        return true;
    }

    public void Record(string outputFile, string fingerprint, string? summary) =>
        _next[outputFile] = new BuildCacheEntry(fingerprint, summary, 0, 0);

    /// <summary>Writes the record of the build just published, with the size and time of each file as it now is.</summary>
    public void Save()
    {
        var pages = new SortedDictionary<string, BuildCacheEntry>(StringComparer.Ordinal);
        foreach (var (file, entry) in _next)
        {
            var info = new FileInfo(Path.Combine(_outputDir, file));
            if (info.Exists) pages[file] = entry with { Length = info.Length, WriteTicks = info.LastWriteTimeUtc.Ticks };
        }
        var path = PathFor(_outputDir);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(new BuildCacheFile(FormatVersion, pages), BuildCacheJson.Default.BuildCacheFile));
        File.Move(temp, path, overwrite: true);
    }
}

/// <summary>One page file as the previous build wrote it.</summary>
public sealed record BuildCacheEntry(string Fingerprint, string? Summary, long Length, long WriteTicks);

/// <summary>The cache file's contents.</summary>
public sealed record BuildCacheFile(int Version, IDictionary<string, BuildCacheEntry> Pages);

/// <summary>Source-generated JSON for the cache file.</summary>
[JsonSerializable(typeof(BuildCacheFile))]
internal sealed partial class BuildCacheJson : JsonSerializerContext;
