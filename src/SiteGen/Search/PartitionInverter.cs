namespace SiteGen.Search;

/// <summary>Turns one spill partition into encoded terms in term order: from the spill alone when every report was indexed in this
/// build, or merged with the previous index's terms of that partition when only some were (<paramref name="reindexed"/>).</summary>
/// <param name="lengths">Each document's length in positions.</param>
/// <param name="packs">The posting pack sequence of this partition.</param>
public sealed class PartitionInverter(int[] lengths, int averageLength, bool[] reindexed, PackWriter packs)
{
    /// <summary>Groups the records of one spill partition by term: for each term, the offsets of its records' document ids.</summary>
    private static Dictionary<string, List<int>> Group(byte[] data)
    {
        var byTerm = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var offset = 0;
        var chars = new char[64];
        var lookup = byTerm.GetAlternateLookup<ReadOnlySpan<char>>();
        while (offset < data.Length)
        {
            var length = Varints.Read(data, ref offset);
            if (chars.Length < length) chars = new char[length * 2];
            for (var k = 0; k < length; k++) chars[k] = (char)Varints.Read(data, ref offset);
            var term = chars.AsSpan(0, length);
            if (!lookup.TryGetValue(term, out var list))
            {
                list = [];
                lookup[term] = list;
            }
            list.Add(offset);
            Varints.Read(data, ref offset); // doc
            Varints.Read(data, ref offset); // weighted frequency
            var count = Varints.Read(data, ref offset);
            for (var k = 0; k < count; k++) Varints.Read(data, ref offset);
        }
        return byTerm;
    }

    /// <summary>Writes the postings of one term's spill records into <paramref name="into"/>.</summary>
    private void ReadSpilled(List<int> records, byte[] data, Span<Posting> into)
    {
        for (var r = 0; r < records.Count; r++)
        {
            var o = records[r];
            var doc = Varints.Read(data, ref o);
            var weighted = Varints.Read(data, ref o);
            var count = Varints.Read(data, ref o);
            into[r] = new Posting(doc, TermEncoder.Level(weighted, lengths[doc], averageLength), data, o, count);
        }
    }

    /// <summary>Encodes the terms of a spill partition (every report indexed in this build), in term order.</summary>
    public IEnumerable<TermData> Invert(byte[] data)
    {
        var byTerm = Group(data);
        foreach (var term in byTerm.Keys.Order(StringComparer.Ordinal).ToList())
        {
            var records = byTerm[term];
            var postings = Scratch<Posting>.Get(records.Count);
            ReadSpilled(records, data, postings);
            byTerm.Remove(term);
            yield return TermEncoder.Encode(term, postings, lengths.Length, averageLength, packs);
        }
    }

    /// <summary>Merges the previous index's terms of the partition with the postings of the reports indexed in this build: a term
    /// none of those reports had or has is copied as it is; the others are encoded again from their remaining and new postings.</summary>
    public IEnumerable<TermData> Merge(byte[] data, List<TermEntry> before, PreviousIndex from)
    {
        var added = Group(data);
        var addedTerms = added.Keys.Order(StringComparer.Ordinal).ToList();
        var (i, j) = (0, 0);
        while (i < before.Count || j < addedTerms.Count)
        {
            var order = i == before.Count ? 1 : j == addedTerms.Count ? -1 : string.CompareOrdinal(before[i].Term, addedTerms[j]);
            var entry = order <= 0 ? before[i++] : null;
            var term = entry?.Term ?? addedTerms[j];
            var fresh = order >= 0 ? added[addedTerms[j++]] : [];
            var bytes = entry is null ? [] : from.Object(entry);
            if (order < 0 && !TermEncoder.MentionsAny(bytes.AsSpan(0, entry!.DocsLength), entry.Df, lengths.Length, reindexed))
            {
                yield return TermEncoder.Copy(entry, bytes, packs);
                continue;
            }
            var buffer = Scratch<Posting>.Get((entry?.Df ?? 0) + fresh.Count);
            var kept = entry is null ? 0 : TermEncoder.Decode(entry, bytes, lengths.Length, averageLength, buffer, reindexed, new ByteBuffer());
            ReadSpilled(fresh, data, buffer.Slice(kept, fresh.Count));
            if (kept + fresh.Count > 0) yield return TermEncoder.Encode(term, buffer[..(kept + fresh.Count)], lengths.Length, averageLength, packs);
        }
    }
}
