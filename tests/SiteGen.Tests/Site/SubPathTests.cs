using System.Text.RegularExpressions;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Site;

public sealed partial class SubPathTests
{
    [Fact]
    public void Every_link_of_a_site_built_for_a_sub_path_stays_under_that_path_and_resolves()
    {
        // Given a small site
        using var site = new TestSite()
            .Report("a", "玉溪市红塔区卫生健康局", 2024, ["云南省", "玉溪市", "红塔区"], "2025-03-01", body: "## 一、举措\n\n文。\n")
            .Report("b", "重庆市南岸区卫生健康委员会", 2023, ["重庆市", "南岸区"], "2024-03-01");

        // When it is built for https://example.gov.cn/reports/
        site.BuildSucceeding(baseUrl: "https://example.gov.cn/reports/");

        // Then every href and src in every page is under /reports/ (or absolute, or an in-page anchor) and names an existing file
        var files = site.Snapshot();
        foreach (var (path, bytes) in files.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)))
        {
            var html = System.Text.Encoding.UTF8.GetString(bytes);
            foreach (Match m in LinkAttribute().Matches(html))
            {
                var url = System.Net.WebUtility.HtmlDecode(m.Groups[1].Value);
                if (url.StartsWith('#') || url.StartsWith("https://www.", StringComparison.Ordinal)) continue;
                if (url.StartsWith("https://example.gov.cn/reports/", StringComparison.Ordinal)) url = url["https://example.gov.cn".Length..];
                Assert.True(url.StartsWith("/reports/", StringComparison.Ordinal), $"{path}: link `{url}` leaves the sub-path");
                var target = url["/reports/".Length..].Split('#')[0].Split('?')[0];
                var file = target.Length == 0 || target.EndsWith('/') ? target + "index.html" : target;
                Assert.True(files.ContainsKey(file), $"{path}: link `{url}` points at a missing file `{file}`");
            }
        }
        // And the feed and sitemap use absolute URLs under the sub-path
        Assert.Contains("<loc>https://example.gov.cn/reports/</loc>", site.Read("sitemap.xml"));
        Assert.Contains("href=\"https://example.gov.cn/reports/feed.xml\"", site.Read("feed.xml"));
        Assert.Contains("Sitemap: https://example.gov.cn/reports/sitemap.xml", site.Read("robots.txt"));
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]*)\"")]
    private static partial Regex LinkAttribute();
}
