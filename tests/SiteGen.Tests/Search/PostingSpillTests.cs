using SiteGen.Search;

namespace SiteGen.Tests.Search;

public sealed class PostingSpillTests
{
    /// <summary>One spill record: a one-character term, a document id, a weight and no positions.</summary>
    private static byte[] Record(char term, int doc)
    {
        var buffer = new ByteBuffer();
        buffer.Varint(1);
        buffer.Varint(term);
        buffer.Varint(doc);
        buffer.Varint(10);
        buffer.Varint(0);
        return buffer.Bytes.AsSpan(0, buffer.Length).ToArray();
    }

    /// <summary>The (term, document) of each record of <see cref="Record"/>'s shape in <paramref name="bytes"/>.</summary>
    private static List<(char Term, int Doc)> Records(byte[] bytes)
    {
        var records = new List<(char, int)>();
        for (var offset = 0; offset < bytes.Length;)
        {
            Assert.Equal(1, Varints.Read(bytes, ref offset));
            var term = (char)Varints.Read(bytes, ref offset);
            var doc = Varints.Read(bytes, ref offset);
            Assert.Equal(10, Varints.Read(bytes, ref offset));
            Assert.Equal(0, Varints.Read(bytes, ref offset));
            records.Add((term, doc));
        }
        return records;
    }

    [Fact]
    public void A_partition_larger_than_the_budget_comes_back_in_ascending_slices_that_hold_every_record_once()
    {
        // Given a partition holding records of eight first characters (140 bytes each), and a budget of 200 bytes
        using var scratch = new ScratchFolder();
        using var spill = new PostingSpill(scratch);
        var written = new List<byte[]>();
        for (var doc = 0; doc < 20; doc++)
        {
            foreach (var c in "一丁七万丈三上下")
            {
                var record = Record(c, doc);
                spill.Append(PostingSpill.PartitionOf(c), record);
                written.Add(record);
            }
        }
        var partition = PostingSpill.PartitionOf('一');
        var budget = PostingSpill.SliceBudgetBytes;
        PostingSpill.SliceBudgetBytes = 200;
        List<PostingSpill.Slice> slices;
        try
        {
            // When it is read back (each slice copied as it comes: the next one reuses the buffer)
            slices = spill.ReadPartition(partition, spill.NewSliceBuffer()).Select(s => s with { Records = s.Records[..s.Length] }).ToList();
        }
        finally
        {
            PostingSpill.SliceBudgetBytes = budget;
        }

        // Then it comes in several slices whose character ranges follow each other from the first character to the last,
        // each within the budget here (no single character exceeds it), and together they hold exactly the records written
        Assert.True(slices.Count > 1, $"{slices.Count} slice(s)");
        Assert.Equal('\0', slices[0].First);
        Assert.Equal(char.MaxValue, slices[^1].Last);
        for (var i = 1; i < slices.Count; i++) Assert.Equal(slices[i - 1].Last + 1, slices[i].First);
        Assert.All(slices, s => Assert.InRange(s.Records.Length, 1, 200));
        var read = slices.SelectMany(s => Records(s.Records).Select(r => (Slice: s, Record: r))).ToList();
        Assert.All(read, r => Assert.InRange(r.Record.Term, r.Slice.First, r.Slice.Last));
        Assert.Equal(written.Select(r => Records(r).Single()).Order(), read.Select(r => r.Record).Order());
    }
}
