using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using SiteGen.Build;
using SiteGen.Search;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

public sealed class SearchIndexTests
{
    private static readonly string[] Yuxi = ["云南省", "玉溪市", "红塔区"];

    /// <summary>Notes when each build stage starts, to bound the times a build reports.</summary>
    private sealed class StageClock : IBuildProgress
    {
        private readonly Dictionary<string, long> _started = [];

        public void Stage(string name, int total) => _started[name] = Stopwatch.GetTimestamp();

        public void Advance(int count = 1)
        {
        }

        public TimeSpan Between(string first, string next) => Stopwatch.GetElapsedTime(_started[first], _started[next]);
    }

    [Fact]
    public void A_build_writes_the_index_and_reports_its_size_and_time()
    {
        // Given a site with two reports
        using var site = TestSite.ForSearch()
            .Report("a.md", "甲局2024年法治政府建设报告", "甲局", 2024, Yuxi, "## 一、主要举措\n\n推进行政处罚规范化。")
            .Report("b.md", "乙局2023年法治政府建设报告", "乙局", 2023, Yuxi, "## 一、主要举措\n\n加强执法监督。");

        // When it is built, with the moment each stage starts taken from outside
        var stages = new StageClock();
        var clock = Stopwatch.StartNew();
        var result = site.Build(progress: stages);
        var wall = clock.Elapsed;

        // Then the build reports the index: its documents, its files and their bytes as they lie in the output
        Assert.True(result.Succeeded);
        Assert.NotNull(result.Search);
        var stats = result.Search!;
        Assert.Equal(2, stats.Documents);
        var files = Directory.EnumerateFiles(site.Index, "*", SearchOption.AllDirectories).ToList();
        Assert.Equal(files.Count, stats.Files);
        Assert.Equal(files.Sum(f => new FileInfo(f).Length), stats.Bytes);
        // And its times, each within the stage it measures: tokenizing happens while pages render, summed over at most one
        // thread per core; writing the index is the index stage; and the build's own time is within the measured one
        var rendering = stages.Between("render", "index");
        Assert.True(stats.Indexing > TimeSpan.Zero && stats.Indexing <= rendering * Environment.ProcessorCount,
            $"tokenizing {stats.Indexing} while rendering took {rendering} on {Environment.ProcessorCount} cores");
        var indexing = stages.Between("index", "write");
        Assert.True(stats.Writing > TimeSpan.Zero && stats.Writing <= indexing, $"writing {stats.Writing} in an index stage of {indexing}");
        Assert.True(result.Elapsed <= wall, $"the build says {result.Elapsed}, measured {wall}");
        // And the index holds both documents and their catalogue
        var index = new IndexReader(site.Index);
        Assert.Equal(2, index.Manifest.Docs);
        var catalogue = index.Catalogue().Info;
        Assert.Equal(["2024", "2023"], catalogue.Years.Select(v => v.Name));
        Assert.Equal("云南省", catalogue.RegionNames[0]);
    }

    [Fact]
    public void Rebuilding_the_same_site_writes_byte_identical_index_files()
    {
        // Given a site
        using var site = TestSite.ForSearch()
            .Report("a.md", "甲局2024年法治政府建设报告", "甲局", 2024, Yuxi, string.Concat(Enumerable.Repeat("## 标题\n\n依法行政，执法规范。\n\n", 30)))
            .Report("b.md", "乙局2024年法治政府建设报告", "乙局", 2024, Yuxi, "医疗纠纷调解工作。");

        // When it is built twice into two folders
        site.Build(outputDir: Path.Combine(site.Root, "out1"));
        site.Build(outputDir: Path.Combine(site.Root, "out2"));

        // Then every index file has the same name and the same bytes
        static Dictionary<string, string> Files(string root) => Directory.EnumerateFiles(Path.Combine(root, "search", "idx"), "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(File.ReadAllBytes(f)));
        var first = Files(Path.Combine(site.Root, "out1"));
        var second = Files(Path.Combine(site.Root, "out2"));
        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        foreach (var (name, bytes) in first) Assert.Equal(bytes, second[name]);
    }

    [Fact]
    public void An_incremental_rebuild_keeps_the_index_complete_and_current()
    {
        // Given a built site
        using var site = TestSite.ForSearch()
            .Report("a.md", "甲局2024年法治政府建设报告", "甲局", 2024, Yuxi, "医疗纠纷调解工作。")
            .Report("b.md", "乙局2024年法治政府建设报告", "乙局", 2024, Yuxi, "双随机抽查。");
        site.Build();
        static Dictionary<string, string> Files(string index) => Directory.EnumerateFiles(index, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(index, f), f => Convert.ToHexString(File.ReadAllBytes(f)));
        var before = Files(site.Index);

        // When it is rebuilt unchanged into the same output, then again after one report changed
        site.Build();
        var unchanged = Files(site.Index);
        site.Report("b.md", "乙局2024年法治政府建设报告", "乙局", 2024, Yuxi, "行政复议应诉。");
        site.Build();
        var index = new IndexReader(site.Index);
        var contents = index.Contents();

        // Then the unchanged rebuild has the very same index files, and the changed one finds the new text and not the old
        Assert.Equal(before, unchanged);
        Assert.Contains("\n复议 ", contents);
        Assert.DoesNotContain("\n随机 ", contents);
        Assert.Equal(2, index.Manifest.Docs);
    }

    [Fact]
    public void Positions_tell_a_phrase_from_its_parts_far_apart()
    {
        // Given one report with the phrase 行政处罚 and one with 行政 and 处罚 far apart
        using var site = TestSite.ForSearch()
            .Report("a.md", "甲局报告", "甲局", 2024, Yuxi, "规范行政处罚裁量。")
            .Report("b.md", "乙局报告", "乙局", 2024, Yuxi, "推进行政审批改革，依法查处罚没物品。");
        site.Build();
        var index = new IndexReader(site.Index);

        // When the postings of 行政 and 处罚 are read
        var xingzheng = index.Postings(index.Entry("行政")!).ToDictionary(p => p.Doc);
        var chufa = index.Postings(index.Entry("处罚")!).ToDictionary(p => p.Doc);

        // Then both reports contain both bigrams, but only the first has 处罚 two positions after 行政
        Assert.Equal(2, xingzheng.Count);
        Assert.Equal(2, chufa.Count);
        var phraseDocs = xingzheng.Keys.Where(d => xingzheng[d].Positions.Any(p => chufa[d].Positions.Contains(p + 2)))
            .Select(d => index.Doc(d).Agency).ToList();
        Assert.Equal(["甲局"], phraseDocs);
    }

    [Fact]
    public void Positions_are_stored_in_sample_order_in_blocks_and_read_back_for_the_right_reports()
    {
        // Given 200 reports that all contain 调解 several times, enough for many position blocks
        using var site = TestSite.ForSearch();
        for (var i = 0; i < 200; i++)
            site.Report($"r{i:D3}.md", $"第{i}号报告", $"机构{i:D3}", 2024, Yuxi, string.Concat(Enumerable.Repeat($"调解纠纷第{i}件。", 20 + i % 7)));
        site.Build();
        var index = new IndexReader(site.Index);

        // When the object of 调解 is read
        var entry = index.Entry("调解")!;
        var bytes = index.Object(entry);
        var blockLengths = new List<int>();
        for (var o = entry.HeadLength; o < entry.HeadLength + entry.IndexLength;) blockLengths.Add(Varints.Read(bytes, ref o));

        // Then its positions are cut into blocks of B postings whose lengths the index gives
        Assert.True(blockLengths.Count > 4, $"{blockLengths.Count} blocks");
        Assert.Equal((200 + entry.BlockPostings - 1) / entry.BlockPostings, blockLengths.Count);
        Assert.Equal(entry.Length - entry.HeadLength - entry.IndexLength, blockLengths.Sum());
        // And read in sample order, every report gets back its own positions (report i has 调解 20 + i % 7 times)
        var postings = index.Postings(entry);
        Assert.Equal(Enumerable.Range(0, 200), postings.Select(p => p.Doc));
        Assert.All(postings, p => Assert.Equal(20 + p.Doc % 7, p.Positions.Count));
    }

    [Fact]
    public void Every_prefix_of_the_sample_order_is_spread_over_the_whole_catalogue()
    {
        // Given the ids of a 10,000-report archive, and a catalogue pattern: every county lists its eight agencies in the same order
        var order = Enumerable.Range(0, 10_000).OrderBy(BitRules.SampleKey).ToList();
        Assert.Equal(10_000, order.Distinct().Count());
        // When the first 400 of the sample order are taken
        var sample = order.Take(400).ToList();
        // Then each agency of the pattern is about an eighth of them, and each tenth of the catalogue about a tenth
        Assert.All(sample.GroupBy(d => d % 8), g => Assert.InRange(g.Count(), 30, 70));
        Assert.All(sample.GroupBy(d => d / 1000), g => Assert.InRange(g.Count(), 20, 60));
    }

    [Fact]
    public void A_terms_document_ids_take_about_one_bit_per_report_when_common_and_a_few_bytes_when_rare()
    {
        // Given 300 reports that all contain 工作 and three that contain 复议
        using var site = TestSite.ForSearch();
        for (var i = 0; i < 300; i++)
            site.Report($"r{i:D3}.md", $"第{i}号报告", $"机构{i:D3}", 2024, Yuxi, "工作。" + (i % 100 == 0 ? "行政复议。" : ""));
        site.Build();
        var index = new IndexReader(site.Index);

        // When their heads are read
        var common = index.Entry("工作")!;
        var rare = index.Entry("复议")!;

        // Then the common term's ids take one bit per report and its levels three bits each; the rare one's ids are a few Rice codes
        Assert.Equal((300 + 7) / 8, common.DocsLength);
        Assert.Equal((300 + 7) / 8 + (3 * 300 + 7) / 8, common.HeadLength);
        Assert.Equal(Enumerable.Range(0, 300), TermEncoder.Documents(index.Object(common).AsSpan(0, common.DocsLength), 300, 300));
        Assert.Equal([0, 100, 200], TermEncoder.Documents(index.Object(rare).AsSpan(0, rare.DocsLength), 3, 300));
        Assert.True(rare.DocsLength <= 4, $"{rare.DocsLength} bytes");
    }

    [Fact]
    public void Document_ids_follow_the_catalogue_and_the_catalogue_holds_each_reports_year_region_agency_and_series()
    {
        // Given reports of two years, two provinces (one with a city and county), and two dates in one agency's year
        using var site = TestSite.ForSearch()
            .Report("a.md", "甲", "湖南乙局", 2023, ["湖南省", "长沙市"], "正文。")
            .Report("b.md", "乙", "红塔区甲局", 2024, Yuxi, "正文。")
            .Report("c.md", "丙", "湖南乙局", 2024, ["湖南省", "长沙市"], "正文。")
            .Report("d.md", "丁", "云南丙局", 2024, ["云南省"], "正文。");
        site.Build();
        var index = new IndexReader(site.Index);

        // When the catalogue and the records are read
        var (info, profiles, docProfiles) = index.Catalogue();
        var agencies = index.AgencyNames();

        // Then ids run by year (newest first), then region path, and each document's profile gives its agency, region and series
        Assert.Equal(["丁", "乙", "丙", "甲"], Enumerable.Range(0, 4).Select(d => index.Doc(d).Title));
        Assert.Equal([("2024", 3), ("2023", 1)], info.Years.Select(y => (y.Name, y.Count)));
        string Path(int node) => node < 0 ? "" : (IndexReader.RegionParent(info, node) < 0 ? "" : Path(IndexReader.RegionParent(info, node)) + "›") + info.RegionNames[node];
        var shown = Enumerable.Range(0, 4).Select(d => profiles[docProfiles[d]]).Select(p => $"{agencies[p.Agency]}|{Path(p.Region)}|{info.Series[p.Series]}").ToList();
        Assert.Equal(["云南丙局|云南省|法治政府建设年度报告", "红塔区甲局|云南省›玉溪市›红塔区|法治政府建设年度报告", "湖南乙局|湖南省›长沙市|法治政府建设年度报告", "湖南乙局|湖南省›长沙市|法治政府建设年度报告"], shown);
        // And the region tree has each province, city and county once, under its parent
        Assert.Equal(["云南省", "玉溪市", "红塔区", "湖南省", "长沙市"], info.RegionNames);
        Assert.Equal([-1, 0, 1, -1, 3], Enumerable.Range(0, 5).Select(n => IndexReader.RegionParent(info, n)));
    }

    [Fact]
    public void A_result_record_points_to_the_chunk_and_section_of_its_text()
    {
        // Given a report whose second section mentions 双随机
        using var site = TestSite.ForSearch("/reports/")
            .Report("a.md", "甲局报告", "甲局", 2024, Yuxi, "## 一、概况\n\n总体情况。\n\n## 二、监管\n\n全面推行双随机抽查。");
        site.Build();
        var index = new IndexReader(site.Index);

        // When its document record and the chunk holding the phrase are read
        var doc = index.Doc(0);
        var chunk = index.Chunk(0, 0);
        var at = chunk.Text.IndexOf("双随机", StringComparison.Ordinal);
        var section = chunk.Sections.Last(s => s.At <= at).Id;

        // Then the link is under the base path and the phrase lies in the section of heading 二、监管
        Assert.StartsWith("/reports/reports/", doc.Url);
        Assert.Equal("二监管", section);
        Assert.Equal("2025-02-01", doc.Published);
        Assert.Contains($"id=\"{section}\"", File.ReadAllText(Path.Combine(site.Output, doc.Url["/reports/".Length..], "index.html")));
    }

    [Fact]
    public void Many_reports_make_a_few_pack_files_not_a_file_per_object()
    {
        // Given 300 reports, each long enough for several text chunks, sharing terms that need posting blocks
        using var site = TestSite.ForSearch();
        for (var i = 0; i < 300; i++)
        {
            var body = string.Concat(Enumerable.Range(0, 20).Select(k => $"## 第{k}部分\n\n{string.Concat(Enumerable.Repeat($"依法行政第{i}号措施落实，执法规范化建设推进。", 8 + i % 5))}\n\n"));
            site.Report($"r{i:D3}.md", $"第{i}号报告", $"机构{i:D3}", 2020 + i % 4, Yuxi, body);
        }

        // When it is built
        Assert.True(site.Build().Succeeded);
        var index = new IndexReader(site.Index);
        var files = Directory.EnumerateFiles(site.Index, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(site.Index, f)).ToList();

        // Then the index is a few dozen files, far fewer than the text chunks it holds: documents in packs of DocsPerPack,
        // term objects inside posting packs, addressed by byte ranges that lie within their pack
        var chunks = Enumerable.Range(0, 300).Sum(d => index.Doc(d).ChunkStarts.Count);
        Assert.True(files.Count < 50 && files.Count * 20 < chunks, $"{files.Count} index files for {chunks} chunks");
        Assert.Single(files, f => f.StartsWith("r/", StringComparison.Ordinal));
        var entry = index.Entry("依法")!;
        Assert.Null(entry.Inline);
        Assert.StartsWith("p/", index.Manifest.Base.Postings[entry.Pack]);
        Assert.True(entry.Offset + entry.Length <= new FileInfo(Path.Combine(site.Index, index.Manifest.Base.Postings[entry.Pack])).Length);
        // and the head (documents and levels) comes before the positions, which are most of the object
        Assert.InRange(entry.HeadLength, 1, entry.Length / 10);
        var last = Enumerable.Range(0, 300).Single(d => index.Doc(d).Title == "第299号报告");
        Assert.True(index.Doc(last).ChunkStarts.Count > 1);
        Assert.Contains("第299号措施", index.Chunk(last, 1).Text);
    }

    private static Dictionary<string, string> IndexFiles(string index) => Directory.EnumerateFiles(index, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(index, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    private static string Json(SegmentManifest segment) => JsonSerializer.Serialize(segment, SearchJsonContext.Default.SegmentManifest);

    /// <summary>A site of eight reports in two agencies' worth of text, long enough for posting blocks.</summary>
    private static TestSite EightReports()
    {
        var site = TestSite.ForSearch();
        for (var i = 0; i < 8; i++)
            site.Report($"r{i}.md", $"第{i}号报告", $"机构{i}", 2024, Yuxi, string.Concat(Enumerable.Repeat($"依法行政，执法规范，第{i}号措施。\n\n", 40 + i)));
        return site;
    }

    [Fact]
    public void An_incremental_build_keeps_the_base_and_indexes_only_the_changed_report_into_a_delta_that_answers_as_a_clean_build()
    {
        // Given a built site of eight reports
        using var site = EightReports();
        site.Build();
        var baseSegment = new IndexReader(site.Index).Manifest.Base;
        var before = IndexFiles(site.Index);

        // When one sentence of a report changes and the site is built again, and the same content is built clean elsewhere
        site.Report("r3.md", "第3号报告", "机构3", 2024, Yuxi, "调解纠纷，执法规范，第3号措施。\n\n" + string.Concat(Enumerable.Repeat("依法行政，执法规范，第3号措施。\n\n", 42)));
        var incremental = site.Build();
        var clean = new IndexReader(Path.Combine(site.Build(outputDir: Path.Combine(site.Root, "clean")).OutputDir, "search", "idx"));

        // Then only that report was indexed again, into a delta beside the unchanged base, and the index holds what the clean one does
        var index = new IndexReader(site.Index);
        Assert.Equal(1, incremental.Search!.Reindexed);
        Assert.Equal(Json(baseSegment), Json(index.Manifest.Base));
        Assert.Equal(1, index.Manifest.Delta!.Docs);
        Assert.Null(clean.Manifest.Delta);
        Assert.Equal(clean.Contents(), index.Contents());
        Assert.Contains("\n调解 ", index.Contents());
        // And the files it wrote anew are the delta segment's, the catalogue, the dates, the layout and the manifest: every base
        // file is the previous build's, unchanged, and what was written is a fraction of the index
        var after = IndexFiles(site.Index);
        var written = after.Where(f => before.GetValueOrDefault(f.Key) != f.Value).Select(f => f.Key.Replace('\\', '/')).ToHashSet();
        var delta = index.Manifest.Delta;
        var expected = new[] { "manifest.json", index.Manifest.Catalogue, index.Manifest.Dates, index.Manifest.Layout!, delta.Shards.File, delta.Documents.Dictionary }
            .Concat(delta.Postings).Concat(delta.Documents.Packs).Concat(index.Catalogue().Info.AgencyPages).OfType<string>().Select(r => r.Split(':')[0]).ToHashSet();
        Assert.Subset(expected, written);
        Assert.True(written.Sum(f => new FileInfo(Path.Combine(site.Index, f)).Length) < after.Keys.Sum(f => new FileInfo(Path.Combine(site.Index, f)).Length) / 2,
            "an incremental build rewrote most of the index");
    }

    [Fact]
    public void A_removed_report_is_deleted_from_the_base_by_the_layout()
    {
        // Given a built site of eight reports
        using var site = EightReports();
        site.Build();

        // When a report is removed, another of the same length added, and the site is built again (and clean elsewhere)
        File.Delete(Path.Combine(site.Root, "content", "reports", "r4.md"));
        site.Report("r8.md", "第8号报告", "机构8", 2024, Yuxi, string.Concat(Enumerable.Repeat("依法行政，执法规范，第8号措施。\n\n", 44)));
        site.Build();
        var clean = new IndexReader(Path.Combine(site.Build(outputDir: Path.Combine(site.Root, "clean")).OutputDir, "search", "idx"));

        // Then the base is kept with a deletion, and the index holds what the clean one does (the removed report nowhere)
        var index = new IndexReader(site.Index);
        Assert.Equal(8, index.Manifest.Base.Docs);
        Assert.NotNull(index.Manifest.Layout);
        Assert.DoesNotContain("第4号", index.Contents());
        Assert.Equal(clean.Contents(), index.Contents());
    }

    [Fact]
    public void A_change_that_reorders_the_catalogue_goes_to_the_delta_and_the_ids_follow_the_clean_builds()
    {
        // Given a built site
        using var site = EightReports();
        site.Build();

        // When a report moves to a new agency (its document id and those of the reports after it shift) and the site is built again
        site.Report("r0.md", "第0号报告", "新机构", 2024, Yuxi, string.Concat(Enumerable.Repeat("依法行政，执法规范，第0号措施。\n\n", 40)));
        site.Build();
        var clean = new IndexReader(Path.Combine(site.Build(outputDir: Path.Combine(site.Root, "clean")).OutputDir, "search", "idx"));

        // Then the index, read through its layout, holds what the clean build's does under the same ids
        var index = new IndexReader(site.Index);
        Assert.NotNull(index.Manifest.Delta);
        Assert.Equal(clean.Contents(), index.Contents());
    }

    [Fact]
    public void A_delta_past_the_merge_share_is_merged_into_a_new_base_byte_for_byte_a_clean_builds()
    {
        // Given a site of 40 reports built once, then with one change (a delta)
        using var site = TestSite.ForSearch();
        for (var i = 0; i < 40; i++) site.Report($"r{i}.md", $"第{i}号报告", $"机构{i}", 2024, Yuxi, $"依法行政，第{i}号措施。");
        site.Build();
        site.Report("r1.md", "第1号报告", "机构1", 2024, Yuxi, "行政复议。");
        site.Build();
        Assert.NotNull(new IndexReader(site.Index).Manifest.Delta);

        // When more reports change than a delta may hold (SearchIndexBuilder.MergeMinimum for a small archive)
        for (var i = 0; i < SearchIndexBuilder.MergeMinimum; i++) site.Report($"r{i}.md", $"第{i}号报告", $"机构{i}", 2024, Yuxi, $"行政应诉，第{i}号措施。");
        var merged = site.Build();
        site.Build(outputDir: Path.Combine(site.Root, "clean"));

        // Then every report was indexed into one new base, the very index a clean build writes
        Assert.Equal(40, merged.Search!.Reindexed);
        Assert.Null(new IndexReader(site.Index).Manifest.Delta);
        Assert.Equal(IndexFiles(Path.Combine(site.Root, "clean", "search", "idx")), IndexFiles(site.Index));
    }

    [Fact]
    public void A_report_changed_back_to_its_base_version_is_indexed_from_its_new_page_when_the_delta_is_merged()
    {
        // Given a site of 40 reports built once, then with one report changed (a delta)
        using var site = TestSite.ForSearch();
        for (var i = 0; i < 40; i++) site.Report($"r{i}.md", $"第{i}号报告", $"机构{i}", 2024, Yuxi, $"依法行政，第{i}号措施。");
        site.Build();
        site.Report("r0.md", "第0号报告", "机构0", 2024, Yuxi, "行政复议。");
        site.Build();

        // When that report is changed back (its page rendered again, as the base has it) while more reports change than a delta holds
        site.Report("r0.md", "第0号报告", "机构0", 2024, Yuxi, "依法行政，第0号措施。");
        for (var i = 1; i <= SearchIndexBuilder.MergeMinimum + 1; i++) site.Report($"r{i}.md", $"第{i}号报告", $"机构{i}", 2024, Yuxi, $"行政应诉，第{i}号措施。");
        var merged = site.Build();
        site.Build(outputDir: Path.Combine(site.Root, "clean"));

        // Then the build succeeds with every report in one new base, the clean build's index
        Assert.True(merged.Succeeded);
        Assert.Equal(40, merged.Search!.Reindexed);
        Assert.Equal(IndexFiles(Path.Combine(site.Root, "clean", "search", "idx")), IndexFiles(site.Index));
    }

    [Fact]
    public void A_damaged_index_record_or_published_index_makes_the_next_build_index_everything()
    {
        // Given a built site whose build state (which holds the index record) is then damaged
        using var site = EightReports();
        site.Build();
        File.WriteAllText(SiteGen.Build.BuildState.PathFor(site.Output), "{ not json");
        site.Report("r1.md", "第1号报告", "机构1", 2024, Yuxi, "行政复议。");

        // When it is built again, then again after a published pack was cut short by hand (its manifest untouched)
        var afterDamagedRecord = site.Build();
        var pack = Directory.EnumerateFiles(site.Index, "*.bin", SearchOption.AllDirectories).First();
        File.WriteAllBytes(pack, new byte[10]);
        site.Report("r2.md", "第2号报告", "机构2", 2024, Yuxi, "行政应诉。");
        var afterDamagedIndex = site.Build();
        site.Build(outputDir: Path.Combine(site.Root, "clean"));

        // Then both builds indexed every report, and the result is the clean build's
        Assert.Equal(8, afterDamagedRecord.Search!.Reindexed);
        Assert.Equal(8, afterDamagedIndex.Search!.Reindexed);
        Assert.Equal(IndexFiles(Path.Combine(site.Root, "clean", "search", "idx")), IndexFiles(site.Index));
    }

    [Fact]
    public void A_lost_or_hand_replaced_index_makes_the_next_build_index_everything()
    {
        // Given a built site whose published index is then deleted by hand
        using var site = EightReports();
        site.Build();
        Directory.Delete(site.Index, recursive: true);
        site.Report("r1.md", "第1号报告", "机构1", 2024, Yuxi, "行政复议。");

        // When it is built again, then again after its index was replaced by hand with another build's (of other content)
        var afterLost = site.Build();
        site.Report("r2.md", "第2号报告", "机构2", 2024, Yuxi, "行政应诉。");
        var other = site.Build(outputDir: Path.Combine(site.Root, "other")).OutputDir;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(other, "search", "idx"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(site.Index, Path.GetRelativePath(Path.Combine(other, "search", "idx"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
        site.Report("r3.md", "第3号报告", "机构3", 2024, Yuxi, "行政调解。");
        var afterReplaced = site.Build();
        site.Build(outputDir: Path.Combine(site.Root, "clean"));

        // Then both builds indexed every report into one base, and the index is the clean build's, file for file
        Assert.Equal(8, afterLost.Search!.Reindexed);
        Assert.Equal(8, afterReplaced.Search!.Reindexed);
        Assert.Null(new IndexReader(site.Index).Manifest.Delta);
        Assert.Equal(IndexFiles(Path.Combine(site.Root, "clean", "search", "idx")), IndexFiles(site.Index));
    }

    [Fact]
    public void A_partition_read_in_slices_gives_the_same_index_as_one_read_whole()
    {
        // Given a site built with the default slice budget (every partition read whole)
        using var site = EightReports();
        site.Build();

        // When it is built clean again with a budget so small that every partition is read in many slices
        var budget = PostingSpill.SliceBudgetBytes;
        PostingSpill.SliceBudgetBytes = 64;
        try
        {
            site.Build(outputDir: Path.Combine(site.Root, "sliced"));
        }
        finally
        {
            PostingSpill.SliceBudgetBytes = budget;
        }

        // Then the index is byte for byte the same
        Assert.Equal(IndexFiles(site.Index), IndexFiles(Path.Combine(site.Root, "sliced", "search", "idx")));
    }
}
