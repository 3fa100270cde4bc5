using System.Security.Cryptography;
using SiteGen.Build;

namespace SiteGen.Tests.Site;

/// <summary>The stream the build state and the model hash are written through: it hashes and passes on exactly what was written.</summary>
public sealed class HashingStreamTests
{
    [Fact]
    public void Writes_small_and_larger_than_its_block_reach_the_inner_stream_in_order_and_hash_as_one_buffer_would()
    {
        // Given bytes written as single bytes, small spans and spans larger than the stream's 64 KB block, in a mix
        var random = new Random(7);
        var written = new MemoryStream();
        var inner = new MemoryStream();
        using var hashing = new HashingStream(inner);
        foreach (var size in new[] { 1, 3, 70_000, 5, 65_536, 65_535, 2, 200_000, 1 })
        {
            var chunk = new byte[size];
            random.NextBytes(chunk);
            written.Write(chunk);
            if (size == 1) hashing.WriteByte(chunk[0]);
            else hashing.Write(chunk, 0, size);
        }

        // When the hash is taken
        var hash = hashing.Hash();

        // Then the inner stream holds the same bytes and the hash is theirs
        Assert.Equal(written.ToArray(), inner.ToArray());
        Assert.Equal(SHA256.HashData(written.ToArray()), hash);
        Assert.Equal(written.Length, hashing.Length);
    }

    [Fact]
    public void Without_an_inner_stream_it_only_hashes_and_starts_a_new_hash_after_each()
    {
        // Given a stream with nothing behind it
        using var hashing = new HashingStream();

        // When two records are written, a hash taken after each
        hashing.Write("first"u8);
        var first = hashing.Hash();
        hashing.Write("second"u8);
        var second = hashing.Hash();

        // Then each hash is of its own record
        Assert.Equal(SHA256.HashData("first"u8), first);
        Assert.Equal(SHA256.HashData("second"u8), second);
    }
}
