using SiteGen.Build;
using SiteGen.Diagnostics;
using SiteGen.Load;
using SiteGen.Model;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Site;

/// <summary>Files a report links are published beside its page under a URL of their own, with their type and size beside the links;
/// missing, unlinked, outside, refused and oversized files are reported at the Markdown line that links them.</summary>
public sealed class AttachmentTests
{
    private const string Agency = "红塔区卫生健康局";
    private static readonly string Folder = $"reports/2024/{SiteUrls.Segment(Agency)}/";

    /// <summary>A file of <paramref name="length"/> bytes, each <paramref name="fill"/>.</summary>
    private static byte[] Bytes(int length, byte fill = 7) => Enumerable.Repeat(fill, length).ToArray();

    /// <summary>A site whose one report, content/reports/2024/a.md, has <paramref name="body"/>.</summary>
    private static TestSite SiteWith(string body, string extra = "") => new TestSite().Report("2024/a", Agency, 2024, body: body, extra: extra);

    private static string Encoded(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>The 1-based line of the report file holding <paramref name="text"/>.</summary>
    private static int LineOf(TestSite site, string text, string report = "content/reports/2024/a.md") =>
        Array.FindIndex(File.ReadAllLines(site.PathOf(report)), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    private static Diagnostic Single(BuildResult result, string code) => Assert.Single(result.Diagnostics, d => d.Code == code);

    [Fact]
    public void Files_beside_a_report_and_in_its_folder_are_published_with_its_page_and_its_links_lead_to_them()
    {
        // Given a report that links a table beside it, the original in its own folder (at its second page) and shows a chart from there
        using var site = SiteWith("附件1：[统计表](统计表.xlsx)\n\n附件2：[报告原文](a/报告原文.pdf#page=2)\n\n![图表](a/图表.png)\n")
            .File("content/reports/2024/统计表.xlsx", Bytes(2048))
            .File("content/reports/2024/a/报告原文.pdf", Bytes(1_258_291))
            .File("content/reports/2024/a/图表.png", Bytes(100));

        // When the site is built
        var result = site.BuildSucceeding();

        // Then the files are published, byte for byte, in the report's URL folder (the folder named after the report left out)
        Assert.Equal(Bytes(2048), File.ReadAllBytes(Path.Combine(site.Output, Folder + "统计表.xlsx")));
        Assert.Equal(Bytes(1_258_291), File.ReadAllBytes(Path.Combine(site.Output, Folder + "报告原文.pdf")));
        Assert.Equal(Bytes(100), File.ReadAllBytes(Path.Combine(site.Output, Folder + "图表.png")));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity != Severity.Info);

        // And the links and the image lead there, percent-encoded, the #page kept; each link is followed by its type and size, the image by nothing
        var page = site.Page(Folder + "index.html");
        var links = page.QuerySelectorAll(".report-body a[href*='.xlsx'], .report-body a[href*='.pdf']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/" + Encoded(Folder + "统计表.xlsx"), "/" + Encoded(Folder + "报告原文.pdf") + "#page=2"], links);
        Assert.Equal("/" + Encoded(Folder + "图表.png"), page.QuerySelector("main img")!.GetAttribute("src"));
        Assert.Equal(["（XLSX，2.0 KB）", "（PDF，1.2 MB）"], page.QuerySelectorAll(".report-body .attachment-info").Select(s => s.TextContent));
        Assert.Equal("统计表", page.QuerySelector(".report-body .attachment-info")!.PreviousElementSibling!.TextContent);
    }

    [Fact]
    public void The_report_page_lists_its_files_in_one_place_in_the_order_the_body_first_links_them()
    {
        // Given a report that links its original twice and a table once, and shows a chart as an image
        using var site = SiteWith("见[报告原文](a/报告原文.pdf)。\n\n附件：[统计表](统计表.xlsx)\n\n再见[原文](a/报告原文.pdf#page=2)。\n\n![图表](a/图表.png)\n")
            .File("content/reports/2024/统计表.xlsx", Bytes(2048))
            .File("content/reports/2024/a/报告原文.pdf", Bytes(1_258_291))
            .File("content/reports/2024/a/图表.png", Bytes(100));

        // When the site is built
        site.BuildSucceeding();

        // Then the page has one list of its files under a heading: each once, named by its first link, with its type and size and a link to it
        var page = site.Page(Folder + "index.html");
        var list = page.QuerySelector("section.report-attachments")!;
        Assert.Equal("附件", list.QuerySelector("h2")!.TextContent);
        Assert.Equal(list.QuerySelector("h2")!.Id, list.GetAttribute("aria-labelledby"));
        var items = list.QuerySelectorAll("li").Select(li => (li.QuerySelector("a")!.TextContent, li.QuerySelector("a")!.GetAttribute("href"),
            li.QuerySelector("a")!.GetAttribute("type"), li.QuerySelector(".attachment-info")!.TextContent)).ToList();
        Assert.Equal([
            ("报告原文", "/" + Encoded(Folder + "报告原文.pdf"), "application/pdf", "PDF，1.2 MB"),
            ("统计表", "/" + Encoded(Folder + "统计表.xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX，2.0 KB"),
        ], items);
        // And the list is not part of the searchable text (the body's links already are)
        Assert.NotNull(list.GetAttribute("data-search-ignore"));
    }

    [Fact]
    public void A_report_without_files_has_no_list_of_files()
    {
        // Given a report that links nothing; When the site is built
        using var site = SiteWith("正文，没有附件。\n");
        site.BuildSucceeding();

        // Then its page has no list of files
        Assert.Null(site.Page(Folder + "index.html").QuerySelector(".report-attachments"));
    }

    [Fact]
    public void Links_lead_to_the_attachment_under_a_slug_and_under_a_sub_path_base_URL()
    {
        // Given a site published under /reports/ whose report has a slug and links its original
        using var site = new TestSite().File("content/site.yml", "base_url: \"https://example.gov.cn/reports/\"\n")
            .Report("2024/a", Agency, 2024, body: "[报告原文](a.pdf)\n", extra: "slug: hongta-2024\n")
            .File("content/reports/2024/a.pdf", Bytes(10));

        // When it is built
        site.BuildSucceeding();

        // Then the file is published beside the slug's page and the link names it under the sub-path
        Assert.True(site.Exists("reports/hongta-2024/a.pdf"));
        Assert.Equal("/reports/reports/hongta-2024/a.pdf", site.Page("reports/hongta-2024/index.html").QuerySelector("main a[href$='.pdf']")!.GetAttribute("href"));
    }

    [Fact]
    public void Type_and_size_are_worded_in_the_sites_language()
    {
        // Given an English site whose report links a PDF of 1.2 MB
        using var site = new TestSite().File("content/site.yml", "language: en\n")
            .Report("2024/a", Agency, 2024, body: "[Original](a.pdf)\n").File("content/reports/2024/a.pdf", Bytes(1_258_291));

        // When it is built, then the link is followed by the English wording
        site.BuildSucceeding();
        Assert.Equal(" (PDF, 1.2 MB)", site.Page(Folder + "index.html").QuerySelector(".attachment-info")!.TextContent);
    }

    [Fact]
    public void A_linked_file_that_does_not_exist_is_an_error_on_the_Markdown_line_that_links_it()
    {
        // Given a report that links a table that is not there, and one whose name differs from the file's in letter case
        using var site = SiteWith("正文。\n\n见[统计表](统计表.xlsx)。\n\n见[附表](Table.xlsx)。\n").File("content/reports/2024/table.xlsx", Bytes(10));

        // When it is built
        var result = site.TryBuild();

        // Then the build fails with an error on each link's line, and nothing is published
        Assert.False(result.Succeeded);
        var missing = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.AttachmentMissing).ToList();
        Assert.Equal([("content/reports/2024/a.md", LineOf(site, "统计表.xlsx")), ("content/reports/2024/a.md", LineOf(site, "Table.xlsx"))],
            missing.Select(d => (d.File, d.Line)));
        Assert.Contains("content/reports/2024/统计表.xlsx", missing[0].Message, StringComparison.Ordinal);
        Assert.Contains("`table.xlsx`", missing[1].Hint, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_file_that_nothing_links_is_a_warning_and_is_not_published()
    {
        // Given two reports in one folder: a links nothing, b links a shared file; beside them a's original, a's table in its folder,
        // a file linked by b, and a file that belongs to no report and that nothing links
        using var site = new TestSite()
            .Report("2024/a", Agency, 2024)
            .Report("2024/b", "红塔区司法局", 2024, body: "[通知](通知.pdf)\n")
            .File("content/reports/2024/a.pdf", Bytes(10))
            .File("content/reports/2024/a/附表.xlsx", Bytes(10))
            .File("content/reports/2024/通知.pdf", Bytes(10))
            .File("content/reports/2024/旧文件.doc", Bytes(10));

        // When the site is built
        var result = site.BuildSucceeding();

        // Then a's files are warned about on a, the stray file on itself; the file b links is published with b only, the others nowhere
        var unlinked = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.AttachmentUnlinked).ToList();
        Assert.All(unlinked, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.Equal([("content/reports/2024/a.md", "`a.pdf`"), ("content/reports/2024/a.md", "`a/附表.xlsx`"), ("content/reports/2024/旧文件.doc", "no")],
            unlinked.Select(d => (d.File, d.Message.Split(' ')[0])).Order());
        Assert.StartsWith("no report links this file", unlinked.Single(d => d.File.EndsWith(".doc", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
        Assert.Equal([$"reports/2024/{SiteUrls.Segment("红塔区司法局")}/通知.pdf"],
            site.Snapshot().Keys.Where(k => k.StartsWith("reports/", StringComparison.Ordinal) && !k.EndsWith(".html", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("../../../../etc/passwd", "outside the site's content folder")]
    [InlineData("%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "outside the site's content folder")]
    [InlineData("%2Fetc%2Fpasswd", "outside the site's content folder")]
    [InlineData("../2023/b.pdf", "out of the report's folder")]
    [InlineData("file:///etc/passwd", "a file on a computer")]
    [InlineData(@"C:\Users\编辑\统计表.xlsx", "a file on a computer")]
    [InlineData(@"a\统计表.xlsx", "separates folders")]
    [InlineData(".secret.pdf", "hidden")]
    [InlineData("a/.git/config.txt", "hidden")]
    public void A_link_that_leaves_the_reports_folder_is_refused_on_its_line(string url, string reason)
    {
        // Given a report linking a file by a path that leads elsewhere (the files it could mean exist)
        using var site = SiteWith($"正文。\n\n[附件]({url})\n")
            .File("content/reports/2023/b.pdf", Bytes(10)).File("content/reports/2024/.secret.pdf", Bytes(10))
            .File("content/reports/2024/a/.git/config.txt", Bytes(10));

        // When it is built, then it fails with the reason on the link's line and publishes nothing
        var result = site.TryBuild();
        Assert.False(result.Succeeded);
        var refused = Single(result, DiagnosticCodes.AttachmentOutside);
        Assert.Equal(("content/reports/2024/a.md", LineOf(site, "[附件]")), (refused.File, refused.Line));
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_symbolic_link_to_a_file_outside_the_content_folder_is_refused()
    {
        // Given a report linking a file of its folder that is a symbolic link to a file outside the site
        using var outside = new TestSite().File("secret.pdf", Bytes(10));
        using var site = SiteWith("[附件](a/原文.pdf)\n");
        Directory.CreateDirectory(site.PathOf("content/reports/2024/a"));
        File.CreateSymbolicLink(site.PathOf("content/reports/2024/a/原文.pdf"), outside.PathOf("secret.pdf"));

        // When it is built, then the link is refused and the file is not published
        var result = site.TryBuild();
        Assert.False(result.Succeeded);
        Assert.Contains("symbolic link to a file outside", Single(result, DiagnosticCodes.AttachmentOutside).Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
    }

    [Theory]
    [InlineData("setup.exe", "`.exe` files are not an allowed attachment type")]
    [InlineData("图.svg", "SVG images are refused")]
    [InlineData("README", "without an extension")]
    public void A_file_of_a_type_not_allowed_is_refused(string name, string reason)
    {
        using var site = SiteWith($"[附件]({name})\n").File($"content/reports/2024/{name}", Bytes(10));

        var result = site.TryBuild();

        Assert.False(result.Succeeded);
        var refused = Single(result, DiagnosticCodes.AttachmentType);
        Assert.Equal(LineOf(site, "[附件]"), refused.Line);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.Contains("pdf, ofd, doc, docx, wps, xls, xlsx, et, csv, txt, zip, png, jpg, jpeg, gif, webp", refused.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_size_limit_of_site_yml_is_refused()
    {
        // Given a site that allows attachments of 1 KB and a report linking one of 2 KB
        using var site = SiteWith("[附件](a.pdf)\n").File("content/site.yml", "attachments:\n  max_size: 1KB\n").File("content/reports/2024/a.pdf", Bytes(2048));

        // When it is built, then the file is refused with both sizes
        var result = site.TryBuild();
        Assert.False(result.Succeeded);
        var refused = Single(result, DiagnosticCodes.AttachmentTooLarge);
        Assert.Equal(LineOf(site, "[附件]"), refused.Line);
        Assert.Contains("is 2.0 KB, over the attachment size limit of 1.0 KB", refused.Message, StringComparison.Ordinal);
        Assert.Contains("max_size", refused.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("max_size: lots", 2, 13)]
    [InlineData("max_size: 0MB", 2, 13)]
    [InlineData("max_size: [50, MB]", 2, 13)]
    public void A_bad_size_limit_is_an_error_at_its_line_and_column(string setting, int line, int column)
    {
        using var site = new TestSite().File("content/site.yml", $"attachments:\n  {setting}\n").Report("2024/a", Agency, 2024);

        var result = site.TryBuild();

        Assert.False(result.Succeeded);
        var error = Single(result, DiagnosticCodes.SiteConfig);
        Assert.Equal(("content/site.yml", line, column), (error.File, error.Line, error.Column));
        Assert.Contains("max_size", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("50MB", 50L * 1024 * 1024)]
    [InlineData("50 mb", 50L * 1024 * 1024)]
    [InlineData("1.5GB", 3L * 512 * 1024 * 1024)]
    [InlineData("500KB", 500L * 1024)]
    [InlineData("2 MiB", 2L * 1024 * 1024)]
    [InlineData("1048576", 1048576L)]
    public void Size_limits_are_read_with_binary_units(string text, long bytes) => Assert.Equal(bytes, AttachmentSettingsReader.ParseSize(text));

    [Theory]
    [InlineData("统计表.xlsx", "统计表.xlsx")]
    [InlineData("附件 1（统计表）.XLSX", "附件-1（统计表）.xlsx")]
    [InlineData("a#b?c%d&e+f'g.pdf", "a-b-c-d-e-f-g.pdf")]
    [InlineData("..隐藏.pdf", "隐藏.pdf")]
    [InlineData("报告\u3000原文\u200b.pdf", "报告-原文.pdf")]
    [InlineData("CON.pdf", "_CON.pdf")]
    public void Published_names_keep_their_words_and_lose_what_breaks_a_URL_or_a_host(string name, string safe) =>
        Assert.Equal(safe, AttachmentNames.Safe(name, isFile: true));

    [Fact]
    public void A_name_of_nothing_but_punctuation_gets_a_stable_name_of_its_own() =>
        Assert.Equal("file-" + SiteUrls.Segment("###.pdf") + ".pdf", AttachmentNames.Safe("###.pdf", isFile: true));

    [Fact]
    public void A_name_with_spaces_is_published_under_its_safe_name_and_two_files_never_meet_at_one_URL()
    {
        // Given a report linking a file whose name has spaces, and two files that would be published under one name
        using var site = SiteWith("[统计表](<附件 1 统计表.XLSX>)\n\n[原文](a/原文.pdf)\n\n[原文副本](原文.pdf)\n")
            .File("content/reports/2024/附件 1 统计表.XLSX", Bytes(10))
            .File("content/reports/2024/a/原文.pdf", Bytes(10)).File("content/reports/2024/原文.pdf", Bytes(20));

        // When it is built, then the two files that meet are an error on the second link
        var result = site.TryBuild();
        var collision = Single(result, DiagnosticCodes.AttachmentCollision);
        Assert.Equal(LineOf(site, "[原文副本]"), collision.Line);
        Assert.Contains($"/{Folder}原文.pdf", collision.Message, StringComparison.Ordinal);

        // And once the second link is removed, the first file is published under its safe name
        File.WriteAllText(site.PathOf("content/reports/2024/a.md"), File.ReadAllText(site.PathOf("content/reports/2024/a.md")).Replace("[原文副本](原文.pdf)", ""));
        File.Delete(site.PathOf("content/reports/2024/原文.pdf"));
        site.BuildSucceeding();
        Assert.True(site.Exists(Folder + "附件-1-统计表.xlsx"));
        Assert.Equal("/" + Encoded(Folder + "附件-1-统计表.xlsx"), site.Page(Folder + "index.html").QuerySelector("main a[href*='xlsx']")!.GetAttribute("href"));
    }

    private static BuildResult Build(TestSite site, string output, bool clean = false)
    {
        var result = SiteBuilder.Run(new BuildOptions { SiteDir = site.Root, OutputDir = output, Clean = clean });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    private static long InodeOf(TestSite site, string outputPath) => SourceStamp.Of(Path.Combine(site.Output, outputPath))!.Value.Inode;

    /// <summary>Sets the content's files (attachments too) an hour back, so the build caches trust them.</summary>
    private static void Backdate(TestSite site)
    {
        foreach (var file in Directory.EnumerateFiles(site.PathOf("content"), "*", SearchOption.AllDirectories))
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1));
    }

    [Fact]
    public void An_unchanged_attachment_is_the_previous_builds_file_a_changed_one_is_published_again_and_the_page_follows_its_size()
    {
        // Given a built site whose report links a PDF of 2 KB
        using var site = SiteWith("[原文](a.pdf)\n").File("content/reports/2024/a.pdf", Bytes(2048));
        Backdate(site);
        Build(site, site.Output);
        var published = InodeOf(site, Folder + "a.pdf");

        // When it is built again unchanged (the report's links taken from the load cache), then the file is the very same one and no page is rendered
        var unchanged = Build(site, site.Output);
        Assert.Equal((1, 0), (unchanged.ReportsFromCache, unchanged.PagesRendered));
        Assert.Equal(published, InodeOf(site, Folder + "a.pdf"));

        // When the file changes but keeps its size, then it is published again and the page (same label) is not rendered
        site.File("content/reports/2024/a.pdf", Bytes(2048, fill: 8));
        Assert.Equal(0, Build(site, site.Output).PagesRendered);
        Assert.NotEqual(published, InodeOf(site, Folder + "a.pdf"));
        Assert.Equal(Bytes(2048, fill: 8), File.ReadAllBytes(Path.Combine(site.Output, Folder + "a.pdf")));

        // When its size changes, then only the report page is rendered again, with the new size
        site.File("content/reports/2024/a.pdf", Bytes(5000));
        Assert.Equal(1, Build(site, site.Output).PagesRendered);
        Assert.Equal("（PDF，4.9 KB）", site.Page(Folder + "index.html").QuerySelector(".attachment-info")!.TextContent);
    }

    [Fact]
    public void An_attachment_no_longer_linked_or_deleted_leaves_the_output()
    {
        // Given a built site whose report links two files
        using var site = SiteWith("[原文](a.pdf)\n\n[统计表](统计表.xlsx)\n")
            .File("content/reports/2024/a.pdf", Bytes(10)).File("content/reports/2024/统计表.xlsx", Bytes(10));
        Build(site, site.Output);
        Assert.True(site.Exists(Folder + "a.pdf") && site.Exists(Folder + "统计表.xlsx"));

        // When one link is removed and the other file deleted with its link
        var report = site.PathOf("content/reports/2024/a.md");
        File.WriteAllText(report, File.ReadAllText(report).Replace("[原文](a.pdf)", "").Replace("[统计表](统计表.xlsx)", ""));
        File.Delete(site.PathOf("content/reports/2024/统计表.xlsx"));
        var result = Build(site, site.Output);

        // Then neither is published any more (the one still beside the report is warned about)
        Assert.False(site.Exists(Folder + "a.pdf"));
        Assert.False(site.Exists(Folder + "统计表.xlsx"));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.AttachmentUnlinked && d.Message.StartsWith("`a.pdf`", StringComparison.Ordinal));
    }

    [Fact]
    public void Incremental_builds_with_attachments_equal_clean_builds_after_random_changes()
    {
        const int seed = 17;
        var random = new Random(seed);
        using var site = new TestSite();
        var attached = new List<string>();
        var next = 0;
        void AddReport()
        {
            var n = next++;
            var file = n % 2 == 0 ? $"r{n}.pdf" : $"r{n}/附表{n}.xlsx";
            site.Report($"2024/r{n}", $"红塔区第{n}局", 2024, body: $"正文{n}。\n\n[附件{n}]({file})\n");
            site.File($"content/reports/2024/{file}", Bytes(100 + random.Next(3000), (byte)n));
            attached.Add(file);
        }
        for (var i = 0; i < 6; i++) AddReport();
        Backdate(site);
        Build(site, site.Output);

        for (var round = 0; round < 10; round++)
        {
            // When a random change is made: an attachment rewritten with the same size or another, a report added, or an attachment
            // (with its link) deleted
            var change = random.Next(4);
            if (change == 3 && attached.Count == 1) change = 2;
            var victim = attached[random.Next(attached.Count)];
            var path = site.PathOf($"content/reports/2024/{victim}");
            switch (change)
            {
                case 0: File.WriteAllBytes(path, Bytes((int)new FileInfo(path).Length, (byte)(100 + round))); break;
                case 1: File.WriteAllBytes(path, Bytes(100 + random.Next(3000), (byte)(100 + round))); break;
                case 2: AddReport(); break;
                default:
                    var n = victim[1..victim.IndexOfAny(['.', '/'])];
                    var report = site.PathOf($"content/reports/2024/r{n}.md");
                    File.WriteAllText(report, File.ReadAllText(report).Replace($"[附件{n}]({victim})", ""));
                    File.Delete(path);
                    attached.Remove(victim);
                    break;
            }
            Build(site, site.Output);

            // Then the incremental output is byte-identical to a clean build of the same content
            var clean = site.PathOf($"clean{round}");
            Build(site, clean, clean: true);
            TestSite.AssertSameFiles(clean, site.Output, $"after round {round} (change {change}, seed {seed})");
        }
    }
}
