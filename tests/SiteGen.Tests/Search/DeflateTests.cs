using System.IO.Compression;
using System.Text;
using SiteGen.Search;

namespace SiteGen.Tests.Search;

public sealed class DeflateTests
{
    private static byte[] Inflate(byte[] stream)
    {
        using var inflater = new DeflateStream(new MemoryStream(stream), CompressionMode.Decompress);
        using var output = new MemoryStream();
        inflater.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Inputs of every kind the index compresses, and the edge cases of the encoder: empty, one byte, runs longer than a
    /// match, more tokens than one block, incompressible bytes.</summary>
    public static TheoryData<string, byte[]> Inputs()
    {
        var random = new Random(7);
        var noise = new byte[70_000];
        random.NextBytes(noise);
        var text = Encoding.Unicode.GetBytes(string.Concat(Enumerable.Range(0, 400).Select(i => $"第{i}项：深入推进依法行政，严格规范公正文明执法，{i % 7}。")));
        return new TheoryData<string, byte[]>
        {
            { "empty", [] },
            { "one byte", [42] },
            { "a long run", Enumerable.Repeat((byte)'a', 5_000).ToArray() },
            { "Chinese text as UTF-16", text },
            { "random bytes", noise },
            { "varints", Enumerable.Range(0, 50_000).SelectMany(i => new[] { (byte)(i % 251), (byte)(i % 13), (byte)(i >> 8) }).ToArray() },
        };
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void A_compressed_stream_inflates_to_its_input(string kind, byte[] data)
    {
        // Given data of some kind; When it is compressed with our encoder and inflated with the platform's decoder
        var compressed = Deflater.Compress(data);
        // Then the input comes back, and text shrinks
        Assert.Equal(data, Inflate(compressed));
        if (kind == "Chinese text as UTF-16") Assert.True(compressed.Length * 4 < data.Length, $"{compressed.Length} of {data.Length}");
    }

    [Fact]
    public void Compressing_the_same_input_twice_gives_the_same_bytes()
    {
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("法治政府建设年度报告，", 300)));
        Assert.Equal(Deflater.Compress(text), Deflater.Compress(text));
    }

    [Fact]
    public void A_text_compressed_after_a_dictionary_inflates_after_the_dictionary_prefix_and_refers_back_to_it()
    {
        // Given a dictionary of recurring clauses and a text made of them
        var dictionary = new DeflateDictionary(Encoding.Unicode.GetBytes("深入学习贯彻习近平法治思想严格落实法治政府建设第一责任人职责全面推进依法行政"));
        var text = Encoding.Unicode.GetBytes("本年度，我局深入学习贯彻习近平法治思想，严格落实法治政府建设第一责任人职责。");

        // When the text is compressed as the dictionary's continuation
        var compressed = dictionary.Compress(text);

        // Then the prefix followed by it inflates to the dictionary followed by the text, and it is smaller than the text alone compressed
        Assert.Equal([.. dictionary.Bytes, .. text], Inflate([.. dictionary.Prefix, .. compressed]));
        Assert.True(compressed.Length < Deflater.Compress(text).Length, $"{compressed.Length} after the dictionary, {Deflater.Compress(text).Length} alone");
    }

    [Fact]
    public void An_empty_dictionary_has_an_empty_prefix_and_leaves_streams_whole()
    {
        var dictionary = new DeflateDictionary([]);
        var text = Encoding.Unicode.GetBytes("行政复议");
        Assert.Empty(dictionary.Prefix);
        Assert.Equal(text, Inflate(dictionary.Compress(text)));
    }
}
