using SiteGen.Build;
using SiteGen.Load;
using SiteGen.Model;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Site;

public sealed class IncrementalBuildTests
{
    private static readonly string[][] Regions =
    [
        ["云南省", "玉溪市", "红塔区"], ["云南省", "玉溪市", "江川区"], ["云南省", "昆明市", "五华区"], ["重庆市", "南岸区"], ["湖南省", "永州市", "新田县"],
    ];
    private static readonly string[] AgencyTypes = ["卫生健康局", "司法局", "教育局", "民政局"];

    private static BuildResult Build(TestSite site, string output, bool clean)
    {
        var result = SiteBuilder.Run(new BuildOptions { SiteDir = site.Root, OutputDir = output, Clean = clean });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    [Fact]
    public void A_rebuild_without_changes_renders_nothing_and_keeps_the_output_identical()
    {
        using var site = new TestSite().Report("a", "测试县司法局", 2024, Regions[0]).Report("b", "测试县教育局", 2023, Regions[1]);
        var first = Build(site, site.Output, clean: false);
        var before = site.Snapshot();

        var second = Build(site, site.Output, clean: false);

        Assert.Equal(first.PagesByKind.Values.Sum(), first.PagesRendered);
        Assert.Equal(0, second.PagesRendered);
        Assert.Equal(before.Keys, site.Snapshot().Keys);
        foreach (var (key, bytes) in site.Snapshot()) Assert.True(before[key].AsSpan().SequenceEqual(bytes), key);
    }

    [Fact]
    public void A_page_replaced_deleted_or_edited_by_hand_in_the_live_output_is_published_again_as_the_build_makes_it()
    {
        // Given a site built three times, so the staging tree beside the output holds the unchanged pages too
        using var site = new TestSite().Report("a", "测试县司法局", 2024, Regions[0]).Report("b", "测试县教育局", 2023, Regions[1]);
        for (var i = 0; i < 3; i++) Build(site, site.Output, clean: false);
        var expected = site.Snapshot();
        var pages = site.HtmlPages().Where(p => p.StartsWith("reports/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.True(pages.Count >= 2);

        // When one live page is replaced by a new file, one is deleted, and the home page is edited in place (the same file, which
        // the staging tree shares)
        var replaced = Path.Combine(site.Output, pages[0]);
        File.Delete(replaced);
        File.WriteAllText(replaced, "<p>replaced by hand</p>");
        File.Delete(Path.Combine(site.Output, pages[1]));
        using (var home = new FileStream(Path.Combine(site.Output, "index.html"), FileMode.Open, FileAccess.Write))
        {
            home.Position = 0;
            home.Write("<!-- edited -->"u8);
        }
        var rebuilt = Build(site, site.Output, clean: false);

        // Then every file of the output is again the one the build made, byte for byte
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), site.Snapshot().Keys.Order(StringComparer.Ordinal));
        foreach (var (key, bytes) in site.Snapshot()) Assert.True(expected[key].AsSpan().SequenceEqual(bytes), key);
        Assert.True(rebuilt.PagesRendered >= 1, "the home page edited in place is rendered again");
    }

    /// <summary>Twelve reports in five regions and three years; r0 is 红塔区卫生健康局's 2020 report in 云南省 › 玉溪市 › 红塔区, the
    /// only report of its agency and the only 2020 report of its county.</summary>
    private static TestSite TwelveReports()
    {
        var site = new TestSite();
        for (var i = 0; i < 12; i++) site.Report($"r{i}", $"{Regions[i % 5][^1]}{AgencyTypes[i % 4]}", 2020 + i % 3, Regions[i % 5]);
        return site;
    }

    /// <summary>Each HTML page of the output with the inode of its file: a page reused from the previous build is published as
    /// that build's very file (hard-linked), a page rendered again as a new one.</summary>
    private static Dictionary<string, long> PageFiles(TestSite site) =>
        site.HtmlPages().ToDictionary(p => p, p => SourceStamp.Of(Path.Combine(site.Output, p))!.Value.Inode);

    /// <summary>The pages of <paramref name="after"/> that are not the very files of <paramref name="before"/>, sorted.</summary>
    private static List<string> WrittenAgain(Dictionary<string, long> before, Dictionary<string, long> after) =>
        after.Where(p => !before.TryGetValue(p.Key, out var inode) || inode != p.Value).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Changing_one_report_re_renders_only_the_pages_that_show_it()
    {
        // Given a built site of twelve reports
        using var site = TwelveReports();
        var clean = Build(site, site.Output, clean: false);
        var before = PageFiles(site);

        // When one report's body changes
        var file = Path.Combine(site.Root, "content/reports/r0.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("正文。", "修改后的正文。"));
        var incremental = Build(site, site.Output, clean: false);

        // Then only that report page is rendered and written again (its title and lists are unchanged, so no list page changes)
        var report = $"reports/2020/{SiteUrls.Segment("红塔区卫生健康局")}/index.html";
        Assert.Equal(1, incremental.PagesRendered);
        Assert.Equal([report], WrittenAgain(before, PageFiles(site)));
        Assert.Contains("修改后的正文。", site.Read(report));
        Assert.True(clean.PagesRendered > 20);
    }

    [Fact]
    public void Changing_a_title_re_renders_the_report_and_every_list_that_shows_it_but_not_the_others()
    {
        // Given a built site of twelve reports
        using var site = TwelveReports();
        Build(site, site.Output, clean: false);
        var before = PageFiles(site);

        // When the title of r0 changes
        var file = Path.Combine(site.Root, "content/reports/r0.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("title: \"", "title: \"（修订）"));
        var incremental = Build(site, site.Output, clean: false);

        // Then exactly these pages are rendered and written again: the report, and the lists of its agency, its year, its series
        // and each level of its region. Every other page is the previous build's very file: the other reports (none links to r0),
        // the home page (its ten latest reports are of 2022, 2021 and two other agencies of 2020), every other term page, every index.
        string[] showIt =
        [
            $"reports/2020/{SiteUrls.Segment("红塔区卫生健康局")}/index.html",
            $"agencies/{SiteUrls.Segment("红塔区卫生健康局")}/index.html",
            "years/2020/index.html",
            $"series/{SiteUrls.Segment("法治政府建设年度报告")}/index.html",
            $"regions/{SiteUrls.Segment("云南省")}/index.html",
            $"regions/{SiteUrls.Segment("云南省/玉溪市")}/index.html",
            $"regions/{SiteUrls.Segment("云南省/玉溪市/红塔区")}/index.html",
        ];
        Assert.Equal(showIt.Order(StringComparer.Ordinal), WrittenAgain(before, PageFiles(site)));
        Assert.Equal(showIt.Length, incremental.PagesRendered);
        // And they are exactly the pages that show the new title
        Assert.Equal(showIt.Order(StringComparer.Ordinal), site.HtmlPages().Where(p => site.Read(p).Contains("（修订）", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Unchanged_feeds_and_sitemaps_are_shared_with_the_previous_output_and_changed_ones_rewritten()
    {
        // Given a built site
        using var site = new TestSite().Report("a", "测试县司法局", 2024, Regions[0]).Report("b", "测试县教育局", 2023, Regions[1]);
        Build(site, site.Output, clean: false);
        long InodeOf(string path) => SourceStamp.Of(Path.Combine(site.Output, path))!.Value.Inode;
        var feed = InodeOf("feed.xml");
        var sitemap = InodeOf("sitemap.xml");

        // When it is rebuilt unchanged, then after a title change
        Build(site, site.Output, clean: false);
        var feedAfterNoChange = InodeOf("feed.xml");
        var sitemapAfterNoChange = InodeOf("sitemap.xml");
        var file = Path.Combine(site.Root, "content/reports/a.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("title: \"", "title: \"（修订）"));
        Build(site, site.Output, clean: false);

        // Then the unchanged files are the very same files, and the changed feed is a new file with the new title
        Assert.Equal(feed, feedAfterNoChange);
        Assert.Equal(sitemap, sitemapAfterNoChange);
        Assert.NotEqual(feed, InodeOf("feed.xml"));
        Assert.Contains("（修订）", site.Read("feed.xml"));
    }

    [Fact]
    public void A_body_edit_keeps_the_sitemap_and_catalogue_and_a_new_publication_date_rewrites_them()
    {
        // Given a built site
        using var site = new TestSite().Report("a", "测试县司法局", 2024, Regions[0], published: "2025-03-01").Report("b", "测试县教育局", 2023, Regions[1]);
        Build(site, site.Output, clean: false);
        long InodeOf(string path) => SourceStamp.Of(Path.Combine(site.Output, path))!.Value.Inode;
        string[] modelFiles = ["sitemap.xml", SiteUrls.CatalogueCsv, SiteUrls.CatalogueJson];
        var before = modelFiles.Select(InodeOf).ToList();
        var file = Path.Combine(site.Root, "content/reports/a.md");

        // When a sentence is added to a report's body
        File.AppendAllText(file, "\n本年度还完成了一项整改。\n");
        Build(site, site.Output, clean: false);

        // Then the files made from the model alone are the very same files
        Assert.Equal(before, modelFiles.Select(InodeOf).ToList());

        // And when the report's publication date changes, they show the new date
        File.WriteAllText(file, File.ReadAllText(file).Replace("published: 2025-03-01", "published: 2025-03-20"));
        Build(site, site.Output, clean: false);
        Assert.Contains("<lastmod>2025-03-20</lastmod>", site.Read("sitemap.xml"));
        Assert.Contains("2025-03-20", site.Read(SiteUrls.CatalogueCsv));
        Assert.DoesNotContain("2025-03-01", site.Read("sitemap.xml"));
    }

    [Theory]
    [InlineData("note: {a: [1, 2]}", "note: {a: [1, 3]}")]
    [InlineData("note: {a: [1, 2]}", "note: {a: [1, \"2\"]}")]
    [InlineData("note: [true, 2.5]", "note: [false, 2.5]")]
    [InlineData("note: {b: {c: 西}}", "note: {b: {c: 东}}")]
    public void A_change_deep_inside_a_site_setting_SiteGen_does_not_know_renders_every_page_again(string before, string after)
    {
        // Given a built site whose site.yml carries a value SiteGen does not know (kept for themes as `site.extra`)
        using var site = new TestSite().File("content/site.yml", before + "\n")
            .Report("a", "测试县司法局", 2024, Regions[0]).Report("b", "测试县教育局", 2023, Regions[1]);
        var first = Build(site, site.Output, clean: false);

        // When only a value deep inside it changes (a number, its type, a flag, a nested text)
        site.File("content/site.yml", after + "\n");
        var rebuilt = Build(site, site.Output, clean: false);

        // Then every page's fingerprint sees it (the settings are part of what every page shares), and every page is rendered again
        Assert.Equal(first.PagesRendered, rebuilt.PagesRendered);
    }

    [Fact]
    public void A_theme_change_or_clean_flag_renders_every_page_again()
    {
        using var site = new TestSite().Report("a", "测试县司法局", 2024, Regions[0]);
        var first = Build(site, site.Output, clean: false);

        Assert.Equal(first.PagesRendered, Build(site, site.Output, clean: true).PagesRendered);
        site.File("themes/default/partials/footer.sbn-html", "<footer>新页脚</footer></body></html>\n");
        Assert.Equal(first.PagesRendered, Build(site, site.Output, clean: false).PagesRendered);
        Assert.Contains("新页脚", site.Read("index.html"));
    }

    [Fact]
    public void Incremental_output_equals_a_clean_build_after_random_edits_additions_deletions_and_renames()
    {
        const int seed = 20261122;
        var random = new Random(seed);
        using var site = new TestSite();
        var names = new List<string>();
        var next = 0;
        string NewReport()
        {
            var n = next++;
            var region = Regions[random.Next(Regions.Length)];
            var agency = $"{region[^1]}{AgencyTypes[random.Next(AgencyTypes.Length)]}{n}";
            var name = $"r{n}";
            site.Report(name, agency, 2018 + random.Next(7), region, $"2025-0{1 + random.Next(3)}-1{random.Next(10)}",
                body: $"## 一、举措{n}\n\n正文{random.Next(1000)}。\n");
            return name;
        }
        for (var i = 0; i < 15; i++) names.Add(NewReport());
        // Old files, so the load cache trusts the ones no round touches.
        LoadCacheTests.Backdate(site);
        Build(site, site.Output, clean: false);

        var applied = new HashSet<int>();
        for (var round = 0; round < 12; round++)
        {
            // When a random change is applied: edit a body, edit front matter, add, delete or rename a file, or edit a
            // file without changing its size and with its old modification time put back exactly or to the same second
            var change = random.Next(7);
            applied.Add(change);
            var victim = names[random.Next(names.Count)];
            var path = Path.Combine(site.Root, "content/reports", victim + ".md");
            switch (change)
            {
                case 0: File.AppendAllText(path, $"\n新增段落{round}。\n"); break;
                case 1: File.WriteAllText(path, File.ReadAllText(path).Replace("published: 2025-", "published: 2024-")); break;
                case 2: names.Add(NewReport()); break;
                case 3 when names.Count > 3: File.Delete(path); names.Remove(victim); break;
                case 5 or 6:
                    var mtime = File.GetLastWriteTimeUtc(path);
                    var text = File.ReadAllText(path);
                    var digit = text.LastIndexOfAny("0123456789".ToCharArray());
                    File.WriteAllText(path, text[..digit] + (char)('0' + (text[digit] - '0' + 1) % 10) + text[(digit + 1)..]);
                    File.SetLastWriteTimeUtc(path, change == 5 ? mtime : mtime.AddTicks(-(mtime.Ticks % TimeSpan.TicksPerSecond)));
                    break;
                default:
                    var renamed = victim + "x";
                    File.Move(path, Path.Combine(site.Root, "content/reports", renamed + ".md"));
                    names[names.IndexOf(victim)] = renamed;
                    break;
            }
            var incremental = Build(site, site.Output, clean: false);
            Assert.True(incremental.ReportsFromCache > 0, $"round {round}: the load cache was not used");

            // Then the incremental output is byte-identical to a clean build of the same content
            var cleanOutput = Path.Combine(site.Root, $"clean{round}");
            Build(site, cleanOutput, clean: true);
            TestSite.AssertSameFiles(cleanOutput, site.Output, $"(the clean build and the incremental one) after round {round} (change {change}, seed {seed})");
        }
        // The seed's rounds include both same-size edits, so the racy cases are really exercised.
        Assert.Contains(5, applied);
        Assert.Contains(6, applied);
    }
}
