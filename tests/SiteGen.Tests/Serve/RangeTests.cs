using System.Net;
using SiteGen.Server;
using SiteGen.Tests.Check;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Serve;

public sealed class RangeTests
{
    private static readonly HttpClient Http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>1,000 bytes that are all different from their neighbours, so a slice taken at the wrong offset cannot pass for the right one.</summary>
    private static readonly byte[] Pack = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7 % 251)).ToArray();

    /// <summary>A served site with a binary pack file written into its output, as the search index will have.</summary>
    private static async Task<(TestSite Site, DevServer Server, Uri Pack)> StartWithPack()
    {
        var site = new TestSite().File("content/site.yml", "title: \"测试报告库\"\nbase_url: \"/archive/\"\n");
        site.Report("2024/a", "红塔区卫生健康局", 2024, region: SampleReports.Region, published: SampleReports.Published(2024), body: SampleReports.CompleteBody);
        var server = await DevServer.StartAsync(new ServeOptions { SiteDir = site.Root, Port = 0, Debounce = TimeSpan.FromMilliseconds(100) }, _ => { });
        Directory.CreateDirectory(Path.Combine(server.OutputDir, "search"));
        await File.WriteAllBytesAsync(Path.Combine(server.OutputDir, "search", "pack-0.bin"), Pack);
        return (site, server, new Uri(server.Address, "search/pack-0.bin"));
    }

    private static async Task<HttpResponseMessage> Get(Uri url, string? range, HttpMethod? method = null, string? ifRange = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        if (range is not null) Assert.True(request.Headers.TryAddWithoutValidation("Range", range));
        if (ifRange is not null) Assert.True(request.Headers.TryAddWithoutValidation("If-Range", ifRange));
        return await Http.SendAsync(request);
    }

    private static string? ContentRange(HttpResponseMessage response) =>
        response.Content.Headers.TryGetValues("Content-Range", out var values) ? string.Join(",", values) : null;

    [Fact]
    public async Task Given_a_pack_file_when_a_range_in_its_middle_is_asked_then_206_brings_exactly_those_bytes_with_their_content_range()
    {
        var (site, server, pack) = await StartWithPack();
        using var _ = site;
        await using var __ = server;

        var response = await Get(pack, "bytes=100-199");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("bytes 100-199/1000", ContentRange(response));
        Assert.Equal(100, response.Content.Headers.ContentLength);
        Assert.Equal(Pack[100..200], body);
        Assert.Equal("bytes", string.Join(",", response.Headers.AcceptRanges));
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task Given_a_pack_file_when_an_open_ended_range_is_asked_then_206_brings_everything_from_its_start_to_the_end()
    {
        var (site, server, pack) = await StartWithPack();
        using var _ = site;
        await using var __ = server;

        var response = await Get(pack, "bytes=990-");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("bytes 990-999/1000", ContentRange(response));
        Assert.Equal(Pack[990..], body);
    }

    [Fact]
    public async Task Given_a_pack_file_when_a_suffix_range_is_asked_then_206_brings_its_last_bytes_and_a_suffix_longer_than_the_file_brings_all()
    {
        var (site, server, pack) = await StartWithPack();
        using var _ = site;
        await using var __ = server;

        var last = await Get(pack, "bytes=-24");
        var longer = await Get(pack, "bytes=-5000");

        Assert.Equal(HttpStatusCode.PartialContent, last.StatusCode);
        Assert.Equal("bytes 976-999/1000", ContentRange(last));
        Assert.Equal(Pack[976..], await last.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.PartialContent, longer.StatusCode);
        Assert.Equal("bytes 0-999/1000", ContentRange(longer));
        Assert.Equal(Pack, await longer.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Given_a_range_whose_end_lies_past_the_file_when_it_is_asked_then_it_is_cut_at_the_last_byte()
    {
        var (site, server, pack) = await StartWithPack();
        using var _ = site;
        await using var __ = server;

        var response = await Get(pack, "bytes=900-99999999999999999999999");

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("bytes 900-999/1000", ContentRange(response));
        Assert.Equal(Pack[900..], await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("bytes=1000-")]
    [InlineData("bytes=5000-6000")]
    [InlineData("bytes=-0")]
    public async Task Given_a_pack_file_when_a_range_starting_past_its_end_is_asked_then_416_names_the_files_length(string range)
    {
        var (site, server, pack) = await StartWithPack();
        using var _ = site;
        await using var __ = server;

        var response = await Get(pack, range);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal("bytes */1000", ContentRange(response));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("bytes=0-9,20-29")]
    [InlineData("bytes=0-9, 500-")]
    [InlineData("bytes=20-10")]
    [InlineData("bytes=abc-")]
    [InlineData("bytes=+5-9")]
    [InlineData("bytes=5")]
    [InlineData("items=0-9")]
    [InlineData("bytes 0-9")]
    public async Task Given_a_pack_file_when_the_range_header_is_malformed_or_asks_for_several_ranges_then_it_is_ignored_and_200_brings_the_whole_file(string range)
    {
        var (site, server, pack) = await StartWithPack();
        using var _ = site;
        await using var __ = server;

        var response = await Get(pack, range);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(ContentRange(response));
        Assert.Equal(1000, response.Content.Headers.ContentLength);
        Assert.Equal(Pack, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Given_a_pack_file_when_it_is_asked_whole_or_with_head_then_200_advertises_byte_ranges_and_the_full_length()
    {
        var (site, server, pack) = await StartWithPack();
        using var _ = site;
        await using var __ = server;

        var whole = await Get(pack, null);
        var head = await Get(pack, null, HttpMethod.Head);
        var headWithRange = await Get(pack, "bytes=0-9", HttpMethod.Head);

        Assert.Equal(Pack, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/octet-stream", whole.Content.Headers.ContentType?.ToString());
        foreach (var response in new[] { whole, head, headWithRange })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("bytes", string.Join(",", response.Headers.AcceptRanges));
            Assert.Equal(1000, response.Content.Headers.ContentLength);
            Assert.Equal(whole.Headers.ETag, response.Headers.ETag);
        }
    }

    [Fact]
    public async Task Given_a_range_with_if_range_when_it_is_asked_then_the_whole_file_is_sent_which_is_always_correct()
    {
        var (site, server, pack) = await StartWithPack();
        using var _ = site;
        await using var __ = server;

        var response = await Get(pack, "bytes=0-9", ifRange: "\"some-other-version\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Pack, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Given_an_html_page_when_a_range_is_asked_then_the_whole_page_with_the_reload_script_comes_with_200_and_no_accept_ranges()
    {
        var (site, server, _) = await StartWithPack();
        using var _site = site;
        await using var __ = server;

        var page = await Get(server.Address, "bytes=0-9");
        var html = await page.Content.ReadAsStringAsync();
        var notFound = await Get(new Uri(server.Address, "nothing/"), "bytes=0-9");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null(ContentRange(page));
        Assert.Empty(page.Headers.AcceptRanges);
        Assert.Contains(SiteResponder.ReloadTag + "</body>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Null(ContentRange(notFound));
        Assert.Empty(notFound.Headers.AcceptRanges);
    }

    [Fact]
    public async Task Given_a_range_on_a_path_leaving_the_output_folder_when_it_is_asked_then_it_is_still_refused()
    {
        var (site, server, _) = await StartWithPack();
        using var _site = site;
        await using var __ = server;
        var secret = Path.Combine(site.Root, "secret.bin");
        await File.WriteAllBytesAsync(secret, Pack);
        File.CreateSymbolicLink(Path.Combine(server.OutputDir, "search", "link.bin"), secret);

        var response = await Get(new Uri(server.Address, "search/link.bin"), "bytes=0-9");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(ContentRange(response));
        Assert.NotEqual(Pack[..10], await response.Content.ReadAsByteArrayAsync());
    }
}
