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

    /// <summary>Reads the index the way the runtime does: manifest → directory page → shard (in a term pack) → entry → blocks (in posting packs).</summary>
    private sealed class IndexReader(string folder)
    {
        public JsonElement Manifest => ReadJson("manifest.json");

        /// <summary>The bytes a reference names: a whole file, or "PACK:OFFSET:LENGTH".</summary>
        public byte[] Read(string reference)
        {
            var parts = reference.Split(':');
            var bytes = File.ReadAllBytes(Path.Combine(folder, parts[0]));
            return parts.Length == 1 ? bytes : bytes.AsSpan(int.Parse(parts[1]), int.Parse(parts[2])).ToArray();
        }

        public JsonElement ReadJson(string reference) => JsonDocument.Parse(Read(reference)).RootElement.Clone();

        private static JsonElement Floor(JsonElement list, string term) =>
            list.EnumerateArray().Last(e => string.CompareOrdinal(e.GetProperty("first").GetString(), term) <= 0);

        public JsonElement? Entry(string term)
        {
            var page = ReadJson(Floor(Manifest.GetProperty("directory"), term).GetProperty("ref").GetString()!);
            var shard = ReadJson(Floor(page.GetProperty("shards"), term).GetProperty("ref").GetString()!);
            foreach (var e in shard.GetProperty("terms").EnumerateArray())
                if (e.GetProperty("t").GetString() == term) return e;
            return null;
        }

        public List<(int Doc, int Score, List<int> Positions)> Postings(JsonElement entry)
        {
            var blocks = entry.TryGetProperty("inline", out var inline)
                ? [System.Buffers.Text.Base64Url.DecodeFromChars(inline.GetString()!)]
                : entry.GetProperty("blocks").EnumerateArray().Select(b => Read(b.GetProperty("ref").GetString()!)).ToList();
            var result = new List<(int, int, List<int>)>();
            foreach (var block in blocks)
            {
                var offset = 0;
                var n = Varints.Read(block, ref offset);
                var docs = Enumerable.Range(0, n).Select(_ => Varints.Read(block, ref offset)).ToList();
                var scores = Enumerable.Range(0, n).Select(_ => Varints.Read(block, ref offset)).ToList();
                for (var i = 0; i < n; i++) Varints.Read(block, ref offset); // agency codes
                for (var i = 0; i < n; i++)
                {
                    var count = Varints.Read(block, ref offset);
                    var positions = new List<int>();
                    var last = 0;
                    for (var j = 0; j < count; j++) positions.Add(last += Varints.Read(block, ref offset));
                    result.Add((docs[i], scores[i], positions));
                }
            }
            return result;
        }

        /// <summary>A document record, found through the document directory and its pack's header; also returns the pack's name.</summary>
        public (JsonElement Record, string Pack) DocWithPack(int id)
        {
            var perPack = Manifest.GetProperty("docsPerPack").GetInt32();
            var perPage = Manifest.GetProperty("packsPerDocPage").GetInt32();
            var packNumber = id / perPack;
            var page = ReadJson(Manifest.GetProperty("docPages")[packNumber / perPage].GetString()!);
            var pack = page.GetProperty("packs")[packNumber % perPage].GetString()!;
            var bytes = Read(pack);
            var index = id - packNumber * perPack;
            var from = (int)BitConverter.ToUInt32(bytes, 4 * index);
            var to = (int)BitConverter.ToUInt32(bytes, 4 * index + 4);
            return (JsonDocument.Parse(bytes.AsMemory(from, to - from)).RootElement.Clone(), pack);
        }

        public JsonElement Doc(int id) => DocWithPack(id).Record;

        /// <summary>Chunk number <paramref name="index"/> of a document.</summary>
        public JsonElement Chunk(int id, int index)
        {
            var (record, pack) = DocWithPack(id);
            var chunks = record.GetProperty("chunks");
            return ReadJson($"{pack}:{chunks[2 * index].GetInt32()}:{chunks[2 * index + 1].GetInt32()}");
        }
    }

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
        // And the manifest lists both documents and their filters
        var manifest = new IndexReader(site.Index).Manifest;
        Assert.Equal(2, manifest.GetProperty("docs").GetInt32());
        Assert.Equal(["2024", "2023"], manifest.GetProperty("filters").GetProperty("year").EnumerateArray().Select(v => v.GetProperty("name").GetString()));
        Assert.Equal("云南省", manifest.GetProperty("filters").GetProperty("region")[0].GetProperty("name").GetString());
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

        // Then the unchanged rebuild has the very same index files, and the changed one finds the new text and not the old
        Assert.Equal(before, unchanged);
        Assert.NotNull(index.Entry("复议"));
        Assert.Null(index.Entry("随机"));
        Assert.Equal(2, index.Manifest.GetProperty("docs").GetInt32());
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
        var xingzheng = index.Postings(index.Entry("行政")!.Value).ToDictionary(p => p.Doc);
        var chufa = index.Postings(index.Entry("处罚")!.Value).ToDictionary(p => p.Doc);

        // Then both reports contain both bigrams, but only the first has 处罚 two positions after 行政
        Assert.Equal(2, xingzheng.Count);
        Assert.Equal(2, chufa.Count);
        var phraseDocs = xingzheng.Keys.Where(d => xingzheng[d].Positions.Any(p => chufa[d].Positions.Contains(p + 2)))
            .Select(d => index.Doc(d).GetProperty("agency").GetString()).ToList();
        Assert.Equal(["甲局"], phraseDocs);
    }

    [Fact]
    public void A_long_posting_list_is_split_into_blocks_ordered_by_score()
    {
        // Given more reports containing 调解 than fit in one block (but fewer than half of all), with different term frequencies
        using var site = TestSite.ForSearch();
        const int withTerm = SearchIndexBuilder.BlockSize + 20;
        for (var i = 0; i < 2 * withTerm + 1; i++)
        {
            var body = i < withTerm ? string.Concat(Enumerable.Repeat("调解纠纷。", 1 + i % 7)) : "其他工作。";
            site.Report($"r{i:D3}.md", $"第{i}号报告", $"机构{i:D3}", 2024, Yuxi, body + "工作内容。");
        }
        site.Build();
        var index = new IndexReader(site.Index);

        // When the entry of 调解 is read
        var entry = index.Entry("调解")!.Value;
        var blocks = entry.GetProperty("blocks").EnumerateArray().ToList();

        // Then the first block holds the best-scoring BlockSize documents and scores never rise from block to block
        Assert.Equal(2, blocks.Count);
        Assert.Equal(SearchIndexBuilder.BlockSize, blocks[0].GetProperty("n").GetInt32());
        Assert.True(blocks[0].GetProperty("min").GetInt32() >= blocks[1].GetProperty("max").GetInt32());
        var scores = index.Postings(entry).Select(p => p.Score).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public void A_term_in_half_the_reports_or_more_is_blocked_in_document_order()
    {
        // Given every report contains 工作
        using var site = TestSite.ForSearch();
        for (var i = 0; i < SearchIndexBuilder.BlockSize + 20; i++)
            site.Report($"r{i:D3}.md", $"第{i}号报告", $"机构{i:D3}", 2024, Yuxi, string.Concat(Enumerable.Repeat("工作。", 1 + i % 5)));
        site.Build();
        var index = new IndexReader(site.Index);

        // When its postings are read
        var docs = index.Postings(index.Entry("工作")!.Value).Select(p => p.Doc).ToList();

        // Then they follow the document order, so such terms' first blocks hold the same reports
        Assert.Equal(Enumerable.Range(0, SearchIndexBuilder.BlockSize + 20), docs);
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
        var text = chunk.GetProperty("text").GetString()!;
        var at = text.IndexOf("双随机", StringComparison.Ordinal);
        var section = chunk.GetProperty("sections").EnumerateArray().Last(s => s.GetProperty("at").GetInt32() <= at).GetProperty("id").GetString();

        // Then the link is under the base path and the phrase lies in the section of heading 二、监管
        Assert.StartsWith("/reports/reports/", doc.GetProperty("url").GetString());
        Assert.Equal("二监管", section);
        Assert.Contains($"id=\"{section}\"", File.ReadAllText(Path.Combine(site.Output, doc.GetProperty("url").GetString()!["/reports/".Length..], "index.html")));
    }

    [Fact]
    public void Many_reports_make_a_few_pack_files_not_a_file_per_object()
    {
        // Given 300 reports, each long enough for several text chunks, sharing terms that need posting blocks
        using var site = TestSite.ForSearch();
        for (var i = 0; i < 300; i++)
        {
            var body = string.Concat(Enumerable.Range(0, 12).Select(k => $"## 第{k}部分\n\n{string.Concat(Enumerable.Repeat($"依法行政第{i}号措施落实，执法规范化建设推进。", 8 + i % 5))}\n\n"));
            site.Report($"r{i:D3}.md", $"第{i}号报告", $"机构{i:D3}", 2020 + i % 4, Yuxi, body);
        }

        // When it is built
        Assert.True(site.Build().Succeeded);
        var index = new IndexReader(site.Index);
        var files = Directory.EnumerateFiles(site.Index, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(site.Index, f)).ToList();

        // Then the index is a few dozen files, far fewer than the text chunks it holds: documents in packs of DocsPerPack,
        // posting blocks inside posting packs, addressed by byte ranges that lie within their pack
        var chunks = Enumerable.Range(0, 300).Sum(d => index.Doc(d).GetProperty("chunkStarts").GetArrayLength());
        Assert.True(files.Count < 50 && files.Count * 20 < chunks, $"{files.Count} index files for {chunks} chunks");
        Assert.Equal((300 + DocumentStore.DocsPerPack - 1) / DocumentStore.DocsPerPack, files.Count(f => f.StartsWith("c/", StringComparison.Ordinal)));
        var blocks = index.Entry("依法")!.Value.GetProperty("blocks").EnumerateArray().ToList();
        Assert.True(blocks.Count > 1);
        foreach (var block in blocks)
        {
            var parts = block.GetProperty("ref").GetString()!.Split(':');
            Assert.StartsWith("p/", parts[0]);
            Assert.True(int.Parse(parts[1]) + int.Parse(parts[2]) <= new FileInfo(Path.Combine(site.Index, parts[0])).Length);
            // and the header (documents, scores, agencies) comes before the positions, which are most of the block
            Assert.InRange(block.GetProperty("h").GetInt32(), 1, int.Parse(parts[2]) / 2);
        }
        var last = Enumerable.Range(0, 300).Single(d => index.Doc(d).GetProperty("title").GetString() == "第299号报告");
        Assert.True(index.Doc(last).GetProperty("chunkStarts").GetArrayLength() > 1);
        Assert.Contains("第299号措施", index.Chunk(last, 1).GetProperty("text").GetString());
    }

    private static Dictionary<string, string> IndexFiles(string index) => Directory.EnumerateFiles(index, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(index, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    /// <summary>A site of eight reports in two agencies' worth of text, long enough for posting blocks.</summary>
    private static TestSite EightReports()
    {
        var site = TestSite.ForSearch();
        for (var i = 0; i < 8; i++)
            site.Report($"r{i}.md", $"第{i}号报告", $"机构{i}", 2024, Yuxi, string.Concat(Enumerable.Repeat($"依法行政，执法规范，第{i}号措施。\n\n", 40 + i)));
        return site;
    }

    [Fact]
    public void An_incremental_build_indexes_only_the_changed_report_and_equals_a_clean_build()
    {
        // Given a built site of eight reports
        using var site = EightReports();
        site.Build();

        // When one report's text changes (its length barely) and the site is built again, and the same content is built clean elsewhere
        site.Report("r3.md", "第3号报告", "机构3", 2024, Yuxi, "医疗纠纷调解工作。\n\n" + string.Concat(Enumerable.Repeat("依法行政，执法规范，第3号措施。\n\n", 42)));
        var incremental = site.Build();
        site.Build(outputDir: Path.Combine(site.Root, "clean"));

        // Then only that report was indexed again, and the index is byte for byte the clean build's
        Assert.Equal(1, incremental.Search!.Reindexed);
        Assert.Equal(IndexFiles(Path.Combine(site.Root, "clean", "search", "idx")), IndexFiles(site.Index));
        Assert.NotNull(new IndexReader(site.Index).Entry("调解"));
    }

    [Fact]
    public void A_change_that_shifts_agency_codes_rebuilds_the_index_whole_and_still_equals_a_clean_build()
    {
        // Given a built site
        using var site = EightReports();
        site.Build();

        // When a report moves to a new agency (every agency code after it shifts) and the site is built again
        site.Report("r0.md", "第0号报告", "新机构", 2024, Yuxi, "依法行政。");
        var incremental = site.Build();
        site.Build(outputDir: Path.Combine(site.Root, "clean"));

        // Then every report was indexed again, with the clean build's result
        Assert.Equal(8, incremental.Search!.Reindexed);
        Assert.Equal(IndexFiles(Path.Combine(site.Root, "clean", "search", "idx")), IndexFiles(site.Index));
    }

    [Fact]
    public void A_damaged_index_record_or_published_index_makes_the_next_build_index_everything()
    {
        // Given a built site whose index record is then damaged
        using var site = EightReports();
        site.Build();
        File.WriteAllText(SearchIndexState.PathFor(site.Output), "{ not json");
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
