namespace SiteGen.Search;

/// <summary>Turns one spill partition into encoded terms in term order.</summary>
/// <param name="lengths">Each document's length in positions.</param>
/// <param name="packs">The posting pack sequence of this partition.</param>
public sealed class PartitionInverter(int[] lengths, int averageLength, PackWriter packs)
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
}
