using System.Text;
using SiteGen.Model;
using SiteGen.Server;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Serve;

/// <summary>`sitegen serve` sends attachments as a host should: the media type of their kind, and a charset only for a text file in UTF-8.</summary>
public sealed class AttachmentServingTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Attachments_are_served_with_their_media_types_and_text_in_GB18030_without_a_UTF8_label()
    {
        // Given a report linking a PDF, a workbook, an OFD file, a CSV saved in GB18030 and a text file in UTF-8
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
        using var site = new TestSite()
            .Report("2024/a", "红塔区卫生健康局", 2024, body: "[原文](原文.pdf) [表](统计表.xlsx) [版式](原文.ofd) [数据](数据.csv) [说明](说明.txt)\n")
            .File("content/reports/2024/原文.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray())
            .File("content/reports/2024/统计表.xlsx", [80, 75, 3, 4])
            .File("content/reports/2024/原文.ofd", [80, 75, 3, 4])
            .File("content/reports/2024/数据.csv", gb18030.GetBytes("地区,件数\n红塔区,120\n"))
            .File("content/reports/2024/说明.txt", "说明文字\n");

        // When the site is served and each file is asked for by its link
        await using var server = await DevServer.StartAsync(new ServeOptions { SiteDir = site.Root, Port = 0 }, _ => { });
        var folder = $"reports/2024/{SiteUrls.Segment("红塔区卫生健康局")}/";
        async Task<string?> TypeOf(string name)
        {
            var response = await Http.GetAsync(new Uri(server.Address, folder + Uri.EscapeDataString(name)));
            response.EnsureSuccessStatusCode();
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            return response.Content.Headers.ContentType?.ToString();
        }

        // Then each comes with the media type of its kind
        Assert.Equal("application/pdf", await TypeOf("原文.pdf"));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", await TypeOf("统计表.xlsx"));
        Assert.Equal("application/ofd", await TypeOf("原文.ofd"));
        Assert.Equal("text/csv", await TypeOf("数据.csv"));
        Assert.Equal("text/plain; charset=utf-8", await TypeOf("说明.txt"));
    }
}
