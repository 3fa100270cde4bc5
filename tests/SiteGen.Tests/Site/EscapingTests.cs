using System.Xml.Linq;
using SiteGen.Model;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Site;

public sealed class EscapingTests
{
    private static bool IsData(string path) =>
        path is "catalogue.csv" or "catalogue.json" || path.StartsWith("reports/", StringComparison.Ordinal) && (path.EndsWith(".txt", StringComparison.Ordinal) || path.EndsWith(".md", StringComparison.Ordinal));

    private const string Evil = "<script>alert(1)</script>\"'&";

    [Fact]
    public void Content_in_titles_and_agency_names_is_escaped_in_html_feeds_json_ld_and_sitemap()
    {
        // Given a report whose title and agency carry markup
        using var site = new TestSite().Report("a",
            $"title: \"报告{Evil.Replace("\"", "\\\"")}\"\nagency: \"局</script><img src=x onerror=alert(2)>\"\nyear: 2024\nregion: [\"省<b>\", \"市\", \"县\"]");

        // When the site is built
        site.BuildSucceeding(baseUrl: "https://example.gov.cn/");

        // Then no output file contains the markup unescaped
        // (the downloads and the catalogue are data, not markup: they carry the text exactly as written, and no browser reads them as HTML)
        foreach (var (path, bytes) in site.Snapshot().Where(f => !f.Key.StartsWith("assets/", StringComparison.Ordinal) && !IsData(f.Key)))
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            Assert.DoesNotContain("<script>alert", text);
            Assert.DoesNotContain("<img src=x", text);
            Assert.DoesNotContain("</script><img", text);
            Assert.DoesNotContain("<b>", text);
        }
        // And the feed is well-formed XML that still carries the text
        var feed = XDocument.Parse(site.Read("feed.xml"));
        Assert.Contains(feed.Descendants(), e => e.Name.LocalName == "title" && e.Value == "报告" + Evil);
        // And the JSON-LD escapes < so it cannot close its script element
        var report = site.Read($"reports/2024/{SiteUrls.Segment("局</script><img src=x onerror=alert(2)>")}/index.html");
        Assert.Contains("\\u003Cscript\\u003E", report);
    }

    [Fact]
    public void Raw_html_in_markdown_is_escaped_unless_the_site_opts_in()
    {
        using var site = new TestSite().Report("a", "测试局", 2024, body: "文<b>粗</b>。\n\n<div onclick=\"x()\">块</div>\n\n<script>alert(1)</script>\n");
        site.BuildSucceeding();
        var html = site.Read($"reports/2024/{SiteUrls.Segment("测试局")}/index.html");
        Assert.Contains("文&lt;b&gt;粗&lt;/b&gt;。", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<div onclick", html);
    }

    [Fact]
    public void Opted_in_raw_html_keeps_markup_but_loses_scripts_event_handlers_and_script_urls()
    {
        using var site = new TestSite().File("content/site.yml", "raw_html: true\n").Report("a", "测试局", 2024, body:
            "文<b>粗</b>。\n\n<div onclick=\"x()\" class=\"box\">块</div>\n\n<script>alert(1)</script>\n\n<a href=\"javascript:alert(1)\">链</a> <iframe src=\"https://evil.example\"></iframe>\n\n<img src=\"a.png\" onerror=\"alert(1)\" alt=\"图\">\n");
        site.BuildSucceeding();
        var html = site.Read($"reports/2024/{SiteUrls.Segment("测试局")}/index.html");
        var body = html[html.IndexOf("<div class=\"report-body\">", StringComparison.Ordinal)..html.IndexOf("</article>", StringComparison.Ordinal)];
        Assert.Contains("<b>粗</b>", body);
        Assert.Contains("<div class=\"box\">块</div>", body);
        Assert.DoesNotContain("<script", body);
        Assert.DoesNotContain("onclick", body);
        Assert.DoesNotContain("onerror", body);
        Assert.DoesNotContain("javascript:", body);
        Assert.DoesNotContain("<iframe", body);
        Assert.Contains("<img src=\"a.png\" alt=\"图\">", body);
    }

    [Theory]
    [InlineData("[链接](javascript:alert(1))")]
    [InlineData("[链接](JaVaScRiPt:alert(1))")]
    [InlineData("[链接](java\tscript:alert(1))")]
    [InlineData("[链接](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<javascript:alert(1)>")]
    public void Markdown_links_with_script_urls_become_inert(string markdown)
    {
        using var site = new TestSite().Report("a", "测试局", 2024, body: markdown + "\n");
        site.BuildSucceeding();
        var html = site.Read($"reports/2024/{SiteUrls.Segment("测试局")}/index.html");
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"java\tscript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", html);
    }

    [Fact]
    public void Safe_links_are_kept()
    {
        using var site = new TestSite().Report("a", "测试局", 2024, body: "[政府网](https://www.gov.cn/) [邮件](mailto:a@b.cn) [本页](#一举措) [相对](../2023/)\n");
        site.BuildSucceeding();
        var html = site.Read($"reports/2024/{SiteUrls.Segment("测试局")}/index.html");
        Assert.Contains("href=\"https://www.gov.cn/\"", html);
        Assert.Contains("href=\"mailto:a@b.cn\"", html);
        Assert.Contains("href=\"#%E4%B8%80%E4%B8%BE%E6%8E%AA\"", html); // #一举措, percent-encoded as browsers expect
        Assert.Contains("href=\"../2023/\"", html);
    }
}
