namespace SiteGen.Search;

/// <summary>Turns one spill partition into encoded terms in term order.</summary>
/// <param name="lengths">Each document's length in positions.</param>
/// <param name="packs">The posting pack sequence of this partition.</param>
/// <param name="workspace">The arrays this inverter groups records in, reused by the next partition inverted with them.</param>
/// <remarks>A slice's records are grouped by term with a counting sort (a term number per record, then the records' offsets in
/// term order), in structures the thread reuses from slice to slice, not a growing list per term: at 25,000 reports the lists of
/// common terms, and the term tables of each slice, were large arrays allocated afresh for every slice. One slice's terms are
/// therefore enumerated to the end before the next slice is inverted.</remarks>
public sealed class PartitionInverter(int[] lengths, int averageLength, PackWriter packs, PartitionInverter.Workspace workspace)
{
    /// <summary>What one partition at a time groups a slice's records in, kept from slice to slice (it grows to the largest slice).</summary>
    public sealed class Workspace
    {
        /// <summary>Each term of the slice and its number; sorted by term once the slice is read.</summary>
        internal readonly List<(string Term, int Id)> Terms = [];
        internal readonly Dictionary<string, int> Ids = new(StringComparer.Ordinal);
        internal readonly List<int> Counts = [];
        internal int[] Starts = [];
        internal int[] TermOf = [];
        internal int[] Offsets = [];
    }

    /// <summary>Fills the workspace from one slice: <see cref="Workspace.Terms"/> in ordinal order, and for term number <c>id</c>
    /// the offsets (of their document ids, in spill order) of its <c>Counts[id]</c> records from <c>Offsets[Starts[id]]</c> on.</summary>
    private void Group(byte[] data, int length)
    {
        var (ids, counts) = (workspace.Ids, workspace.Counts);
        ids.Clear();
        counts.Clear();
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        var termOf = workspace.TermOf;
        var chars = new char[64];
        var records = 0;
        for (var offset = 0; offset < length;)
        {
            var termLength = Varints.Read(data, ref offset);
            if (chars.Length < termLength) chars = new char[termLength * 2];
            for (var k = 0; k < termLength; k++) chars[k] = (char)Varints.Read(data, ref offset);
            if (!lookup.TryGetValue(chars.AsSpan(0, termLength), out var id))
            {
                lookup[chars.AsSpan(0, termLength)] = id = counts.Count;
                counts.Add(0);
            }
            counts[id]++;
            // Records take 5 bytes at least and about 10 in an index's slices: a first guess of one per 8 bytes grows once or never.
            if (records == termOf.Length) Array.Resize(ref termOf, Math.Max(Math.Max(1024, length / 8), 2 * termOf.Length));
            termOf[records++] = id;
            SkipPosting(data, ref offset);
        }
        workspace.TermOf = termOf;

        // Each term's records start where the previous term's end; a second pass puts each record's offset at its term's cursor.
        if (workspace.Starts.Length < counts.Count) workspace.Starts = new int[Math.Max(counts.Count, 2 * workspace.Starts.Length)];
        if (workspace.Offsets.Length < records) workspace.Offsets = new int[termOf.Length];
        var (starts, offsets) = (workspace.Starts, workspace.Offsets);
        for (int id = 0, start = 0; id < counts.Count; start += counts[id++]) starts[id] = start;
        for (int offset = 0, r = 0; offset < length; r++)
        {
            var termLength = Varints.Read(data, ref offset);
            for (var k = 0; k < termLength; k++) Varints.Read(data, ref offset);
            offsets[starts[termOf[r]]++] = offset;
            SkipPosting(data, ref offset);
        }
        for (var id = 0; id < counts.Count; id++) starts[id] -= counts[id];

        workspace.Terms.Clear();
        foreach (var (term, id) in ids) workspace.Terms.Add((term, id));
        workspace.Terms.Sort((a, b) => string.CompareOrdinal(a.Term, b.Term));
        ids.Clear();
    }

    /// <summary>Reads past a record's document id, weighted frequency and positions.</summary>
    private static void SkipPosting(byte[] data, ref int offset)
    {
        Varints.Read(data, ref offset); // doc
        Varints.Read(data, ref offset); // weighted frequency
        var count = Varints.Read(data, ref offset);
        for (var k = 0; k < count; k++) Varints.Read(data, ref offset);
    }

    /// <summary>Writes the postings of the spill records at <paramref name="records"/> (offsets of their document ids) into <paramref name="into"/>.</summary>
    private void ReadSpilled(ReadOnlySpan<int> records, byte[] data, Span<Posting> into)
    {
        for (var r = 0; r < records.Length; r++)
        {
            var o = records[r];
            var doc = Varints.Read(data, ref o);
            var weighted = Varints.Read(data, ref o);
            var count = Varints.Read(data, ref o);
            into[r] = new Posting(doc, TermEncoder.Level(weighted, lengths[doc], averageLength), data, o, count);
        }
    }

    /// <summary>Encodes the terms of a slice of a spill partition (every report indexed in this build), in term order.</summary>
    public IEnumerable<TermData> Invert(PostingSpill.Slice slice)
    {
        var data = slice.Records;
        Group(data, slice.Length);
        foreach (var (term, id) in workspace.Terms)
        {
            var count = workspace.Counts[id];
            var postings = Scratch<Posting>.Get(count);
            ReadSpilled(workspace.Offsets.AsSpan(workspace.Starts[id], count), data, postings);
            var encoded = TermEncoder.Encode(term, postings, lengths.Length, averageLength, packs);
            // The postings point into the slice; the thread's scratch array would otherwise keep it alive after the partition.
            postings.Clear();
            yield return encoded;
        }
    }
}
