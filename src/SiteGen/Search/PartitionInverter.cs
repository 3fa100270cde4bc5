namespace SiteGen.Search;

/// <summary>Turns one spill partition into encoded terms in term order: from the spill alone when every report was indexed in this
/// build, or merged with the previous index's terms of that partition when only some were (<paramref name="reindexed"/>).</summary>
/// <param name="lengths">Each document's length in positions.</param>
/// <param name="agencyOf">Each document's agency code.</param>
/// <param name="packs">The posting pack sequence of this partition.</param>
public sealed class PartitionInverter(int[] lengths, double averageLength, int[] agencyOf, bool[] reindexed, PackWriter packs)
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
            into[r] = new Posting(doc, TermEncoder.Score(weighted, lengths[doc], averageLength), data, o, count);
        }
    }

    /// <summary>Encodes a term from its spill records alone.</summary>
    private TermData Encode(string term, List<int> records, byte[] data)
    {
        var postings = Scratch<Posting>.Get(records.Count);
        ReadSpilled(records, data, postings);
        return TermEncoder.Encode(term, postings, lengths.Length, agencyOf, packs);
    }

    /// <summary>Encodes the terms of a spill partition (every report indexed in this build), in term order.</summary>
    public IEnumerable<TermData> Invert(byte[] data)
    {
        var byTerm = Group(data);
        foreach (var term in byTerm.Keys.Order(StringComparer.Ordinal).ToList())
        {
            var encoded = Encode(term, byTerm[term], data);
            byTerm.Remove(term);
            yield return encoded;
        }
    }

    /// <summary>Merges the previous index's terms of the partition with the postings of the reports indexed in this build: a term
    /// none of those reports had or has is copied block for block; the others are encoded again from their remaining and new postings.</summary>
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
            var blocks = entry is null ? [] : from.Blocks(entry).ToList();
            if (order < 0 && !blocks.Any(b => TermEncoder.MentionsAny(b, reindexed)))
            {
                yield return entry!.Inline is not null
                    ? new TermData(term, entry.DocFrequency, entry.Inline, null)
                    : new TermData(term, entry.DocFrequency, null, entry.Blocks!.Select((b, k) => TermEncoder.Append(packs, blocks[k], b.Count, b.MaxScore, b.MinScore, b.HeaderLength)).ToList());
                continue;
            }
            if (Reencode(term, entry, blocks, fresh, data) is { } encoded) yield return encoded;
        }
    }

    /// <summary>Encodes a term again from its previous postings (without the re-indexed reports) and its new ones; null when none is left.</summary>
    /// <remarks>The previous postings are in their list's order already; while the order rule still applies, only the new ones are
    /// sorted and merged in.</remarks>
    private TermData? Reencode(string term, TermEntry? entry, List<byte[]> blocks, List<int> fresh, byte[] data)
    {
        var capacity = (entry?.DocFrequency ?? 0) + fresh.Count;
        var buffer = Scratch<Posting>.Get(2 * capacity);
        var kept = 0;
        foreach (var block in blocks) kept += TermEncoder.Decode(block, buffer[kept..], reindexed);
        ReadSpilled(fresh, data, buffer.Slice(kept, fresh.Count));
        var df = kept + fresh.Count;
        if (df == 0) return null;
        var documentOrder = TermEncoder.InDocumentOrder(df, lengths.Length);
        if (entry is null || TermEncoder.InDocumentOrder(entry.DocFrequency, lengths.Length) != documentOrder)
            return TermEncoder.Encode(term, buffer[..df], lengths.Length, agencyOf, packs);
        TermEncoder.Order(buffer.Slice(kept, fresh.Count), documentOrder);
        var merged = buffer.Slice(capacity, df);
        TermEncoder.MergeOrdered(buffer[..kept], buffer.Slice(kept, fresh.Count), merged, documentOrder);
        return TermEncoder.Encode(term, merged, lengths.Length, agencyOf, packs, ordered: true);
    }
}
