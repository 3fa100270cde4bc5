using SiteGen.Server;

namespace SiteGen.Tests.Serve;

public sealed class ByteRangeTests
{
    [Theory]
    [InlineData("bytes=0-0", 0, 0)]
    [InlineData("bytes=10-19", 10, 19)]
    [InlineData("bytes=10-", 10, 99)]
    [InlineData("bytes=95-200", 95, 99)]
    [InlineData("bytes=-10", 90, 99)]
    [InlineData("bytes=-100000000000000000000000", 0, 99)]
    [InlineData("Bytes=0-9", 0, 9)]
    [InlineData(" bytes=0-9 ", 0, 9)]
    public void Given_one_range_overlapping_a_100_byte_file_when_it_is_read_then_it_names_the_first_and_last_byte(string header, long first, long last)
    {
        Assert.Equal((ByteRange.Outcome.Partial, first, last), ByteRange.Parse(header, 100));
    }

    [Theory]
    [InlineData("bytes=100-")]
    [InlineData("bytes=100-200")]
    [InlineData("bytes=99999999999999999999999-")]
    [InlineData("bytes=-0")]
    public void Given_a_range_starting_at_or_past_the_end_when_it_is_read_then_it_is_unsatisfiable(string header)
    {
        Assert.Equal(ByteRange.Outcome.Unsatisfiable, ByteRange.Parse(header, 100).Outcome);
    }

    [Fact]
    public void Given_an_empty_file_when_any_range_is_read_then_it_is_unsatisfiable()
    {
        Assert.Equal(ByteRange.Outcome.Unsatisfiable, ByteRange.Parse("bytes=0-", 0).Outcome);
        Assert.Equal(ByteRange.Outcome.Unsatisfiable, ByteRange.Parse("bytes=-5", 0).Outcome);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bytes=")]
    [InlineData("bytes=-")]
    [InlineData("bytes=5")]
    [InlineData("bytes=9-5")]
    [InlineData("bytes=0-9,20-29")]
    [InlineData("bytes=0-9,")]
    [InlineData("bytes= 0 - 9")]
    [InlineData("bytes=0x10-")]
    [InlineData("bytes=-+5")]
    [InlineData("bytes=１-２")]
    [InlineData("pages=0-9")]
    public void Given_a_missing_malformed_or_multi_range_header_when_it_is_read_then_the_whole_file_is_sent(string? header)
    {
        Assert.Equal(ByteRange.Outcome.Whole, ByteRange.Parse(header, 100).Outcome);
    }
}
