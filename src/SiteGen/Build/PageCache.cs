using System.Collections.Concurrent;
using SiteGen.Write;

namespace SiteGen.Build;

/// <summary>What the previous build published for each page and attachment (fingerprint, size and time of its file, a report's
/// summary) and what this build publishes; one part of <see cref="BuildState"/>, which decides with it what is reused.</summary>
public sealed class PageCache
{
    private readonly Dictionary<string, PageCacheEntry> _previous;
    private readonly ConcurrentDictionary<string, PageCacheEntry> _next;
    private readonly string _outputDir;
    private Func<string, long, long, bool>? _stagedCopy;

    private PageCache(string outputDir, Dictionary<string, PageCacheEntry> previous)
    {
        _outputDir = outputDir;
        _previous = previous;
        // Sized for the previous build's files: growing a concurrent dictionary of 50,000 entries step by step cost more than filling it.
        _next = new(Environment.ProcessorCount, Math.Max(31, previous.Count), StringComparer.Ordinal);
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
            var inputKey = reader.ReadBoolean() ? reader.ReadString() : null;
            pages[file] = new PageCacheEntry(fingerprint, summary, reader.ReadInt64(), reader.ReadInt64()) { InputKey = inputKey };
        }
        return new PageCache(outputDir, pages);
    }

    /// <summary>Lets reuse check a file against the staging tree's copy of it (<see cref="OutputPublisher.HoldsStaged"/>) before
    /// the live output: a page unchanged for two builds is then known to be the file that build wrote without a stat (26,000 stats
    /// at 10,000 reports, a tenth of a one-report rebuild).</summary>
    public void CheckStagedCopiesWith(Func<string, long, long, bool> stagedCopy) => _stagedCopy = stagedCopy;

    /// <summary>The previous output file to reuse for <paramref name="outputFile"/>, when its fingerprint matches and the file is still the one that build wrote.</summary>
    public bool TryReuse(string outputFile, string fingerprint, out LiveFile existing, out string? summary)
    {
        var existingPath = Path.Combine(_outputDir, outputFile);
        existing = new LiveFile(existingPath, 0, 0);
        summary = null;
        if (!_previous.TryGetValue(outputFile, out var entry) || entry.Fingerprint != fingerprint) return false;
        // A staged copy with the recorded size and time is the file that build wrote (the live one is a hard link to it, or was
        // replaced by hand, and publishing keeps the staged copy either way); otherwise the live file must be it.
        if (_stagedCopy?.Invoke(outputFile, entry.Length, entry.WriteTicks) != true)
        {
            var info = new FileInfo(existingPath);
            if (!info.Exists || info.Length != entry.Length || info.LastWriteTimeUtc.Ticks != entry.WriteTicks) return false;
        }
        existing = new LiveFile(existingPath, entry.Length, entry.WriteTicks);
        summary = entry.Summary;
        return true;
    }

    /// <summary>The previous output file to reuse for a page whose view was made from the same inputs (<see cref="PageFingerprints.InputKey"/>)
    /// as that build's, with the fingerprint it had then: the page's view need not be built to know it is unchanged.</summary>
    public bool TryReuseUnchanged(string outputFile, string inputKey, out LiveFile existing, out string fingerprint, out string? summary)
    {
        fingerprint = "";
        if (!_previous.TryGetValue(outputFile, out var entry) || entry.InputKey != inputKey)
        {
            existing = new LiveFile(Path.Combine(_outputDir, outputFile), 0, 0);
            summary = null;
            return false;
        }
        fingerprint = entry.Fingerprint;
        return TryReuse(outputFile, entry.Fingerprint, out existing, out summary);
    }

    /// <summary>The decision every page, view page and feed goes through: reused unchanged when its inputs' key is the previous build's
    /// (without calling <paramref name="fingerprint"/>, so nothing of its inputs is read); else fingerprinted by <paramref name="fingerprint"/>
    /// and reused when that matches; else to be rendered. Either reuse needs the live file still to be the one that build wrote.</summary>
    public ReuseDecision Decide(string outputFile, string inputKey, Func<string> fingerprint)
    {
        if (TryReuseUnchanged(outputFile, inputKey, out var live, out var previous, out var summary))
            return new ReuseDecision(previous, summary, live, InputsUnchanged: true);
        var computed = fingerprint();
        return TryReuse(outputFile, computed, out live, out summary)
            ? new ReuseDecision(computed, summary, live, InputsUnchanged: false)
            : new ReuseDecision(computed, null, null, InputsUnchanged: false);
    }

    /// <summary>Files made together from the same inputs (the catalogue's two, the sitemap's parts) are reused only all together: each
    /// must have been made from <paramref name="inputKey"/> and still be the file that build wrote. Null when any must be made again.</summary>
    public IReadOnlyList<(string File, LiveFile Live, string Fingerprint)>? DecideTogether(IReadOnlyList<string> outputFiles, string inputKey)
    {
        var live = new List<(string, LiveFile, string)>(outputFiles.Count);
        foreach (var file in outputFiles)
        {
            if (!TryReuseUnchanged(file, inputKey, out var existing, out var fingerprint, out _)) return null;
            live.Add((file, existing, fingerprint));
        }
        return live;
    }

    /// <summary>Records what this build publishes at <paramref name="outputFile"/>: its fingerprint, a report's summary, for a page
    /// the key of the inputs its view was made from, and the previous build's file when it is reused (<paramref name="reused"/>,
    /// as <see cref="TryReuse"/> checked it). A reused file is published as a hard link to that very file, so its size and time
    /// are known without a stat; a file written anew is looked at once it is published.</summary>
    public void Record(string outputFile, string fingerprint, string? summary, string? inputKey = null, LiveFile? reused = null) =>
        _next[outputFile] = new PageCacheEntry(fingerprint, summary, reused?.Length ?? 0, reused?.WriteTicks ?? 0) { InputKey = inputKey };

    /// <summary>Writes the record of this build's files with the size and time each now has, once they are published; of the
    /// previous build's when this one published nothing (its files are still the live ones).</summary>
    public void Write(BinaryWriter writer, bool published)
    {
        var pages = new List<(string File, PageCacheEntry Entry)>(published ? _next.Count : _previous.Count);
        if (!published) pages.AddRange(_previous.Select(p => (p.Key, p.Value)));
        else
            foreach (var (file, entry) in _next)
            {
                // A time of zero (year 1) is no file's: it marks a file written anew, whose size and time are not known yet.
                if (entry.WriteTicks != 0)
                {
                    pages.Add((file, entry));
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
            writer.Write(entry.InputKey is not null);
            if (entry.InputKey is not null) writer.Write(entry.InputKey);
            writer.Write(entry.Length);
            writer.Write(entry.WriteTicks);
        }
    }
}

/// <summary>One page or attachment file as a build published it.</summary>
public sealed record PageCacheEntry(string Fingerprint, string? Summary, long Length, long WriteTicks)
{
    /// <summary>For a page, what its view was made from (<see cref="PageFingerprints.InputKey"/>); null for other files.</summary>
    public string? InputKey { get; init; }
}

/// <summary>How an output file is to be published (<see cref="PageCache.Decide"/>): reused from the previous build's file
/// <c>Reused</c>, with the fingerprint and summary it had then, or rendered anew (<c>Reused</c> null) with the fingerprint computed for it.</summary>
/// <param name="InputsUnchanged">Reused by the inputs' key alone: the fingerprint was not computed, so nothing of the inputs was read.</param>
public readonly record struct ReuseDecision(string Fingerprint, string? Summary, LiveFile? Reused, bool InputsUnchanged)
{
    public bool MustRender => Reused is null;
}
