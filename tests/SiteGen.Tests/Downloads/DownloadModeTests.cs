using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SiteGen.Diagnostics;
using SiteGen.Load;
using SiteGen.Model;
using SiteGen.Tests.Hardening;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Downloads;

/// <summary>site.yml <c>downloads:</c>: each report page's plain text and Markdown made by the reader's browser (<c>browser</c>, the
/// default), written as files beside the page (<c>files</c>), or not offered (<c>off</c>). What the browser makes of the page is
/// tested in headless Chromium (tests/js/downloads.test.js).</summary>
public sealed partial class DownloadModeTests
{
    private static readonly string Folder = $"reports/2024/{SiteUrls.Segment("红塔区司法局")}/";
    private static readonly string Name = SiteUrls.Segment("红塔区司法局");

    private static TestSite Site(string siteYml) => new TestSite().File("content/site.yml", siteYml)
        .Report("a", "红塔区司法局", 2024, ["云南省", "玉溪市", "红塔区"], "2025-03-01", extra: "index_no: \"11530402-2025-00001\"\n",
            body: "## 一、主要举措和成效\n\n**全年**查处违法行为81起。\n");

    private static (SiteConfig Config, IReadOnlyList<Diagnostic> Diagnostics) Load(string yaml)
    {
        using var site = new TestSite().File("content/site.yml", yaml);
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(Path.Combine(site.Root, "content"), diagnostics);
        return (config, diagnostics.Sorted());
    }

    /// <summary>Every .txt and .md file under reports/ of the output.</summary>
    private static List<string> DownloadFiles(TestSite site) =>
        site.Snapshot().Keys.Where(k => k.StartsWith("reports/", StringComparison.Ordinal) && (k.EndsWith(".txt", StringComparison.Ordinal) || k.EndsWith(".md", StringComparison.Ordinal))).ToList();

    [Theory]
    [InlineData("title: \"库\"\n", DownloadMode.Browser)]
    [InlineData("downloads: browser\n", DownloadMode.Browser)]
    [InlineData("downloads: files\n", DownloadMode.Files)]
    [InlineData("downloads: \"files\"\n", DownloadMode.Files)]
    [InlineData("downloads: off\n", DownloadMode.Off)] // YAML 1.1 would read a bare off as false; the setting reads the word
    public void The_downloads_setting_reads_browser_files_or_off_and_is_browser_when_absent(string yaml, DownloadMode expected)
    {
        var (config, diagnostics) = Load(yaml);

        Assert.Empty(diagnostics);
        Assert.Equal(expected, config.Downloads);
        Assert.False(config.Extra.ContainsKey("downloads"));
    }

    [Theory]
    [InlineData("title: \"库\"\ndownloads: zip\n", 2, 12, "not `zip`")]
    [InlineData("downloads: Files\n", 1, 12, "not `Files`")]
    [InlineData("downloads: true\n", 1, 12, "not `true`")]
    [InlineData("downloads: [files]\n", 1, 12, "not a list or mapping")]
    [InlineData("downloads:\n", 1, 11, "not empty")]
    public void A_bad_downloads_value_is_an_error_at_its_line_naming_the_allowed_values(string yaml, int line, int column, string what)
    {
        var (_, diagnostics) = Load(yaml);

        var error = Assert.Single(diagnostics);
        Assert.Equal((Severity.Error, DiagnosticCodes.SiteConfig, "content/site.yml", line, column), (error.Severity, error.Code, error.File, error.Line, error.Column));
        Assert.Equal($"setting `downloads` must be `browser`, `files` or `off`, {what}", error.Message);
        Assert.Contains("`browser` (the default)", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_downloads_value_fails_sitegen_build_with_file_line_and_a_non_zero_exit()
    {
        // Given a site whose site.yml asks for downloads as zip files
        using var site = Site("title: \"库\"\ndownloads: zip\n");

        // When `sitegen build` runs
        var (exit, _, stderr) = CliProcess.Run("build", "--site", site.Root);

        // Then it exits non-zero, naming the file, line and column, what is wrong and the values allowed, and publishes nothing
        Assert.NotEqual(0, exit);
        Assert.Contains("content/site.yml:2:12: error SG3001: setting `downloads` must be `browser`, `files` or `off`, not `zip`", stderr);
        Assert.False(site.Exists("index.html"));
    }

    [Fact]
    public void By_default_the_build_writes_no_download_file_and_the_page_carries_hidden_buttons_and_the_data_its_script_needs()
    {
        // Given a site that says nothing about downloads
        using var site = Site("title: \"库\"\n");

        // When it is built
        site.BuildSucceeding();

        // Then no .txt or .md is written beside any report page
        Assert.Empty(DownloadFiles(site));
        // and the page has two buttons, hidden until the script shows them, with the data block the script reads and the script itself
        var page = site.Read(Folder + "index.html");
        Assert.Contains("<p class=\"report-downloads\" data-search-ignore data-downloads hidden>下载：<button type=\"button\" data-download=\"text\">纯文本（.txt）</button> · "
            + "<button type=\"button\" data-download=\"markdown\">Markdown（.md，含元数据）</button><script type=\"application/json\" data-download-data>", page);
        Assert.DoesNotContain($"{Name}.txt\" download", page);
        var script = ScriptSrc().Match(page);
        Assert.True(script.Success, "the page loads the downloads module");
        Assert.True(site.Exists(script.Groups[1].Value.TrimStart('/')), "under its fingerprinted name");
        // and the data holds the page's URL, the files' names and what comes before the body: the text's heading lines, the front matter
        using var data = JsonDocument.Parse(DataBlock().Match(page).Groups[1].Value);
        var root = data.RootElement;
        Assert.Equal("/" + Folder, root.GetProperty("href").GetString());
        Assert.Equal(Name + ".txt", root.GetProperty("text").GetProperty("file").GetString());
        Assert.Equal(Name + ".md", root.GetProperty("markdown").GetProperty("file").GetString());
        var head = root.GetProperty("text").GetProperty("head").GetString()!;
        Assert.StartsWith("\uFEFF红塔区司法局2024年法治政府建设工作情况报告\n\n发布机构：红塔区司法局\n地区：云南省 › 玉溪市 › 红塔区\n", head);
        Assert.EndsWith($"索引号：11530402-2025-00001\n网址：/{Folder}\n\n", head);
        Assert.Equal("---\ntitle: \"红塔区司法局2024年法治政府建设工作情况报告\"\nagency: \"红塔区司法局\"\nregion: [\"云南省\", \"玉溪市\", \"红塔区\"]\nyear: 2024\n"
            + "published: 2025-03-01\ntype: \"法治政府建设年度报告\"\nindex_no: \"11530402-2025-00001\"\n---\n", root.GetProperty("markdown").GetProperty("head").GetString());
    }

    [Fact]
    public void With_downloads_files_the_build_writes_both_files_linked_directly_and_no_script()
    {
        // Given a site that writes its downloads as files
        using var site = Site("downloads: files\n");

        // When it is built
        site.BuildSucceeding();

        // Then both files sit beside the page, linked directly, and the page has no buttons, data block or downloads script
        Assert.Equal([Folder + Name + ".md", Folder + Name + ".txt"], DownloadFiles(site));
        var page = site.Read(Folder + "index.html");
        Assert.Contains($"<a href=\"/{Folder}{Name}.txt\" download>纯文本（.txt）</a> · <a href=\"/{Folder}{Name}.md\" download>Markdown（.md，含元数据）</a>", page);
        Assert.DoesNotContain("data-download", page);
        Assert.DoesNotContain("downloads/downloads.", page);
        // and the text is the page's text as plain text, after the BOM and the heading lines
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(site.Output, Folder + Name + ".txt")));
        Assert.EndsWith($"网址：/{Folder}\n\n一、主要举措和成效\n\n全年查处违法行为81起。\n", text);
    }

    [Fact]
    public void With_downloads_off_a_report_page_offers_none()
    {
        // Given a site without downloads
        using var site = Site("downloads: off\n");

        // When it is built
        site.BuildSucceeding();

        // Then no file is written and the page has neither links nor buttons nor the script
        Assert.Empty(DownloadFiles(site));
        var page = site.Read(Folder + "index.html");
        Assert.DoesNotContain("report-downloads", page);
        Assert.DoesNotContain("data-download", page);
        Assert.DoesNotContain("downloads/downloads.", page);
    }

    [Fact]
    public void Switching_from_files_to_browser_removes_the_files_from_the_output()
    {
        // Given a site built with its downloads as files
        using var site = Site("downloads: files\n");
        site.BuildSucceeding();
        Assert.Equal(2, DownloadFiles(site).Count);

        // When the setting changes to browser and the site is built again
        File.WriteAllText(site.PathOf("content/site.yml"), "downloads: browser\n");
        site.BuildSucceeding();

        // Then the files are gone, and the page offers the browser's downloads instead
        Assert.Empty(DownloadFiles(site));
        Assert.Contains("data-download-data", site.Read(Folder + "index.html"));
    }

    [Fact]
    public void The_download_data_cannot_end_its_script_element_whatever_the_front_matter_says()
    {
        // Given a report whose title and summary try to close the data block and open a script
        using var site = new TestSite().Report("a", "红塔区司法局", 2024, title: "标题</script><script>alert(1)</script><!--",
            extra: "summary: \"</SCRIPT >摘要\"\n");

        // When it is built
        site.BuildSucceeding();

        // Then the data block holds no < at all, and reads back as the title and summary written
        var block = DataBlock().Match(site.Read(Folder + "index.html")).Groups[1].Value;
        Assert.DoesNotContain("<", block);
        using var data = JsonDocument.Parse(block);
        Assert.Contains("title: \"标题</script><script>alert(1)</script><!--\"", data.RootElement.GetProperty("markdown").GetProperty("head").GetString());
        Assert.Contains("summary: \"</SCRIPT >摘要\"", data.RootElement.GetProperty("markdown").GetProperty("head").GetString());
    }

    [GeneratedRegex("<script type=\"application/json\" data-download-data>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataBlock();

    [GeneratedRegex("<script type=\"module\" src=\"([^\"]*/downloads/downloads\\.[0-9a-f]+\\.js)\"></script>")]
    private static partial Regex ScriptSrc();
}
