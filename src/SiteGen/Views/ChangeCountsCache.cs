using System.Collections.Concurrent;
using SiteGen.Model;
using SiteGen.Reports;

namespace SiteGen.Views;

/// <summary>The sentence counts of each comparison of a report with its previous year, by the current report's path, each with both
/// reports' source hashes (and SiteGen's build, whose comparison made them), so an incremental build reads and compares only the pairs
/// of which a report changed; one part of the build state (<c>Build/BuildState</c>), which stores it in <c>.sitegen-cache/</c>.</summary>
public sealed class ChangeCountsCache
{
    private static readonly byte[] Build = typeof(ChangeCountsCache).Assembly.ManifestModule.ModuleVersionId.ToByteArray();

    private readonly Dictionary<string, ChangeCountsEntry> _previous;
    private readonly ConcurrentDictionary<string, ChangeCountsEntry> _next = new(StringComparer.Ordinal);
    private int _reused;
    private bool _used;

    private ChangeCountsCache(Dictionary<string, ChangeCountsEntry> previous) => _previous = previous;

    public static ChangeCountsCache Empty() => new(new Dictionary<string, ChangeCountsEntry>(StringComparer.Ordinal));

    /// <summary>Comparisons whose counts were taken from the cache in this build.</summary>
    public int Reused => Volatile.Read(ref _reused);

    /// <summary>Whether the previous build compared <paramref name="previous"/> with <paramref name="current"/> as they are now; its
    /// counts are then kept for the next build. Called once per pair, from one thread, before any <see cref="Counts"/>.</summary>
    public bool Confirm(Report previous, Report current)
    {
        _used = true;
        if (!_previous.TryGetValue(current.Path, out var entry) || !entry.Compares(previous, current)) return false;
        entry.Confirmed = true;
        _reused++;
        return true;
    }

    /// <summary>The counts <see cref="Confirm"/> found for the current report's pair in this build, or null. Thread-safe once the
    /// pairs are confirmed.</summary>
    public ChangeCountsEntry? Counts(Report current) =>
        _previous.TryGetValue(current.Path, out var entry) && entry.Confirmed ? entry : null;

    /// <summary>Keeps for the next build the counts of a comparison made in this one. Thread-safe.</summary>
    public void Record(ChangeSummary summary) => _next[summary.Current.Path] = ChangeCountsEntry.Of(summary);

    /// <summary>Reads what <see cref="Write"/> wrote; throws on damaged input (the build state then starts empty). Counts another
    /// build of SiteGen made are read past and left out: its comparison may have counted otherwise.</summary>
    public static ChangeCountsCache Read(BinaryReader reader)
    {
        var sameBuild = reader.ReadBytes(Build.Length).AsSpan().SequenceEqual(Build);
        var count = reader.ReadInt32();
        if (count < 0) throw new InvalidDataException("negative count of comparisons");
        var entries = new Dictionary<string, ChangeCountsEntry>(Math.Min(count, 1 << 20), StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var path = reader.ReadString();
            var previousHash = ReadHash(reader);
            var currentHash = ReadHash(reader);
            var approximate = reader.ReadBoolean();
            var items = new ItemCountsEntry[reader.ReadByte()];
            if (items.Length != RequiredSections.All.Count) throw new InvalidDataException("a comparison of another number of required items");
            for (var n = 0; n < items.Length; n++)
                items[n] = new ItemCountsEntry(reader.ReadBoolean(), reader.ReadBoolean(),
                    new ChangeCounts(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32()));
            entries[path] = new ChangeCountsEntry(previousHash, currentHash, approximate, items);
        }
        return new ChangeCountsCache(sameBuild ? entries : new Dictionary<string, ChangeCountsEntry>(StringComparer.Ordinal));
    }

    private static byte[] ReadHash(BinaryReader reader)
    {
        var length = reader.ReadByte();
        return reader.ReadBytes(length);
    }

    /// <summary>Writes the comparisons this build used (confirmed or made); the previous build's when this one compared nothing (no
    /// views were built).</summary>
    public void Write(BinaryWriter writer)
    {
        var entries = (_used ? _previous.Where(e => e.Value.Confirmed).Concat(_next) : _previous)
            .OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        writer.Write(Build);
        writer.Write(entries.Count);
        foreach (var (path, entry) in entries)
        {
            writer.Write(path);
            writer.Write((byte)entry.PreviousHash.Length);
            writer.Write(entry.PreviousHash);
            writer.Write((byte)entry.CurrentHash.Length);
            writer.Write(entry.CurrentHash);
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

/// <summary>One comparison's counts as cached, with the source hashes of the two reports compared: per required item (in order),
/// whether each year has it and its counts.</summary>
public sealed class ChangeCountsEntry(byte[] previousHash, byte[] currentHash, bool approximate, IReadOnlyList<ItemCountsEntry> items)
{
    public byte[] PreviousHash { get; } = previousHash;
    public byte[] CurrentHash { get; } = currentHash;
    public bool Approximate { get; } = approximate;
    public IReadOnlyList<ItemCountsEntry> Items { get; } = items;

    /// <summary>Found by this build to compare the same two sources again (see <see cref="ChangeCountsCache.Confirm"/>).</summary>
    internal bool Confirmed { get; set; }

    public static ChangeCountsEntry Of(ChangeSummary summary) =>
        new(summary.Previous.Source.SourceHash, summary.Current.Source.SourceHash, summary.Approximate,
            summary.Items.Select(i => new ItemCountsEntry(i.InPrevious, i.InCurrent, i.Counts)).ToList());

    /// <summary>Whether these are the counts of a comparison of these two reports' sources.</summary>
    public bool Compares(Report previous, Report current) =>
        PreviousHash.AsSpan().SequenceEqual(previous.Source.SourceHash) && CurrentHash.AsSpan().SequenceEqual(current.Source.SourceHash);

    public ChangeSummary ToSummary(Report previous, Report current)
    {
        var items = RequiredSections.All.Select((item, n) => new ItemChanges(item, Items[n].InPrevious, Items[n].InCurrent, Items[n].Counts, null)).ToList();
        return new ChangeSummary(current, previous, items, items.Aggregate(ChangeCounts.None, (sum, i) => sum.Plus(i.Counts)), Approximate);
    }
}

/// <summary>One required item's part of a cached comparison.</summary>
public sealed record ItemCountsEntry(bool InPrevious, bool InCurrent, ChangeCounts Counts);
