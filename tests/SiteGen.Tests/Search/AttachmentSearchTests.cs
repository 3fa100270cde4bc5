using DocumentFormat.OpenXml.Spreadsheet;
using SiteGen.Search;
using SiteGen.Tests.Import;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

/// <summary>The text of a report's attachments is indexed with the report, after its body, in chunks the index marks as the file's.</summary>
public sealed class AttachmentSearchTests
{
    private static readonly string[] Yuxi = ["云南省", "玉溪市", "红塔区"];

    private static byte[] Table(string remark) =>
        AttachmentTextTests.Workbook(("统计", [new Row(AttachmentTextTests.Inline("备注"), AttachmentTextTests.Inline(remark))]));

    private static TestSite SiteWithTable(string remark) => TestSite.ForSearch()
        .Report("a.md", "甲局2024年法治政府建设报告", "甲局", 2024, Yuxi, "## 一、主要举措\n\n推进依法行政。\n\n附件：[统计表](a/统计表.xlsx)")
        .Report("b.md", "乙局2024年法治政府建设报告", "乙局", 2024, Yuxi, "## 一、主要举措\n\n推进依法行政。")
        .File("content/reports/a/统计表.xlsx", Table(remark));

    private static (string Title, IReadOnlyList<SiteGen.Search.FileStart>? Files, List<string> Texts) Record(IndexReader index, string title)
    {
        var id = Enumerable.Range(0, index.Manifest.Docs).Single(i => index.Doc(i).Title == title);
        var record = index.Doc(id);
        return (record.Title, record.Files, Enumerable.Range(0, record.ChunkStarts.Count).Select(c => index.Chunk(id, c).Text).ToList());
    }

    [Fact]
    public void A_spreadsheets_text_is_indexed_after_the_body_and_marked_as_the_files()
    {
        // Given a report linking a spreadsheet whose text its body does not hold, and a report without files
        using var site = SiteWithTable("全部按期办结");

        // When the site is built
        site.BuildSucceeding();
        var index = new IndexReader(site.Index);

        // Then the spreadsheet's words are terms of the index, found in the first report only
        var postings = index.Postings(index.Entry("办结")!);
        Assert.Equal(["甲局2024年法治政府建设报告"], postings.Select(p => index.Doc(p.Doc).Title));
        // And that report's record names the file and the chunk where its text starts, after the body's chunks
        var (_, files, texts) = Record(index, "甲局2024年法治政府建设报告");
        var file = Assert.Single(files!);
        Assert.Equal("统计表.xlsx", file.Name);
        Assert.EndsWith("/" + Uri.EscapeDataString("统计表.xlsx"), file.Href, StringComparison.Ordinal);
        Assert.DoesNotContain("办结", string.Concat(texts.Take(file.Chunk)), StringComparison.Ordinal);
        Assert.Contains("全部按期办结", texts[file.Chunk], StringComparison.Ordinal);
        // And a report without files has no file list in its record
        Assert.Null(Record(index, "乙局2024年法治政府建设报告").Files);
    }

    [Fact]
    public void A_file_changed_in_place_is_read_again_by_the_next_build_into_the_delta()
    {
        // Given a built site whose report links a spreadsheet
        using var site = SiteWithTable("全部按期办结");
        site.BuildSucceeding();

        // When the spreadsheet is replaced by one with other text (the report's Markdown unchanged) and the site is built again
        site.File("content/reports/a/统计表.xlsx", Table("逾期两件已整改"));
        site.BuildSucceeding();
        var index = new IndexReader(site.Index);
        var clean = new IndexReader(Path.Combine(site.Build(outputDir: Path.Combine(site.Root, "clean")).OutputDir, "search", "idx"));

        // Then the index answers as a clean build's does
        Assert.Equal(clean.Contents(), index.Contents());
        // And it went to the delta segment, and the whole index holds the new text, not the old
        var delta = Assert.IsType<SegmentManifest>(index.Manifest.Delta);
        var id = Enumerable.Range(0, index.Manifest.Docs).Single(i => index.Locate(i).Segment == delta);
        Assert.Equal([id], index.DocsWith("整改"));
        Assert.Empty(index.DocsWith("办结"));
        // And its record in the delta marks the file's chunks as it would in a base
        var (_, local) = index.Locate(id);
        var record = index.DocWithPack(local, delta).Record;
        var file = Assert.Single(record.Files!);
        Assert.Equal("统计表.xlsx", file.Name);
        Assert.Contains("逾期两件已整改", index.Chunk(local, file.Chunk, delta).Text, StringComparison.Ordinal);
    }
}
