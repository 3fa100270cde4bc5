using System.Collections.Concurrent;
using System.Security.Cryptography;
using SiteGen.Model;
using SiteGen.Reports;

namespace SiteGen.Views;

/// <summary>The sentence counts of each comparison of a report with its previous year, keyed by both reports' source hashes (and
/// SiteGen's build, whose comparison made them), so an incremental build reads and compares only the pairs of which a report
/// changed; one part of the build state (<c>Build/BuildState</c>), which stores it in <c>.sitegen-cache/</c>.</summary>
public sealed class ChangeCountsCache
{
    private static readonly byte[] Build = typeof(ChangeCountsCache).Assembly.ManifestModule.ModuleVersionId.ToByteArray();

    private readonly Dictionary<string, ChangeCountsEntry> _previous;
    private readonly ConcurrentDictionary<string, ChangeCountsEntry> _next = new(StringComparer.Ordinal);
    private int _reused;

    private ChangeCountsCache(Dictionary<string, ChangeCountsEntry> previous) => _previous = previous;

    public static ChangeCountsCache Empty() => new(new Dictionary<string, ChangeCountsEntry>(StringComparer.Ordinal));

    /// <summary>Comparisons whose counts were taken from the cache in this build.</summary>
    public int Reused => Volatile.Read(ref _reused);

    /// <summary>What a comparison of <paramref name="previous"/> with <paramref name="current"/> depends on.</summary>
    public static string Key(Report previous, Report current) =>
        Convert.ToHexString(SHA256.HashData([.. Build, .. previous.Source.SourceHash, .. current.Source.SourceHash]));

    /// <summary>The counts the previous build found for <paramref name="key"/>; kept for the next build when found.</summary>
    public bool TryGet(string key, out ChangeCountsEntry entry)
    {
        if (!_previous.TryGetValue(key, out entry!)) return false;
        _next[key] = entry;
        Interlocked.Increment(ref _reused);
        return true;
    }

    public void Record(string key, ChangeCountsEntry entry) => _next[key] = entry;

    /// <summary>Reads what <see cref="Write"/> wrote; throws on damaged input (the build state then starts empty).</summary>
    public static ChangeCountsCache Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0) throw new InvalidDataException("negative count of comparisons");
        var entries = new Dictionary<string, ChangeCountsEntry>(Math.Min(count, 1 << 20), StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadString();
            var approximate = reader.ReadBoolean();
            var items = new ItemCountsEntry[reader.ReadByte()];
            if (items.Length != RequiredSections.All.Count) throw new InvalidDataException("a comparison of another number of required items");
            for (var n = 0; n < items.Length; n++)
                items[n] = new ItemCountsEntry(reader.ReadBoolean(), reader.ReadBoolean(),
                    new ChangeCounts(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32()));
            entries[key] = new ChangeCountsEntry(approximate, items);
        }
        return new ChangeCountsCache(entries);
    }

    /// <summary>Writes the comparisons this build used; the previous build's when this one compared nothing (no views were built).</summary>
    public void Write(BinaryWriter writer)
    {
        var entries = (_next.IsEmpty ? _previous.AsEnumerable() : _next).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        writer.Write(entries.Count);
        foreach (var (key, entry) in entries)
        {
            writer.Write(key);
            writer.Write(entry.Approximate);
            writer.Write((byte)entry.Items.Count);
            foreach (var item in entry.Items)
            {
                writer.Write(item.InPrevious);
                writer.Write(item.InCurrent);
                writer.Write(item.Counts.Added);
                writer.Write(item.Counts.Dropped);
                writer.Write(item.Counts.Changed);
                writer.Write(item.Counts.Unchanged);
            }
        }
    }
}

/// <summary>One comparison's counts as cached: per required item (in order), whether each year has it and its counts.</summary>
public sealed record ChangeCountsEntry(bool Approximate, IReadOnlyList<ItemCountsEntry> Items)
{
    public static ChangeCountsEntry Of(ChangeSummary summary) =>
        new(summary.Approximate, summary.Items.Select(i => new ItemCountsEntry(i.InPrevious, i.InCurrent, i.Counts)).ToList());

    public ChangeSummary ToSummary(Report previous, Report current)
    {
        var items = RequiredSections.All.Select((item, n) => new ItemChanges(item, Items[n].InPrevious, Items[n].InCurrent, Items[n].Counts, null)).ToList();
        return new ChangeSummary(current, previous, items, items.Aggregate(ChangeCounts.None, (sum, i) => sum.Plus(i.Counts)), Approximate);
    }
}

/// <summary>One required item's part of a cached comparison.</summary>
public sealed record ItemCountsEntry(bool InPrevious, bool InCurrent, ChangeCounts Counts);
