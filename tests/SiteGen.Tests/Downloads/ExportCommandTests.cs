using System.Text.Json;
using SiteGen.Tests.Check;
using SiteGen.Tests.Import;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Downloads;

/// <summary>`sitegen export`: one search-engine document per report, as NDJSON or as an OpenSearch `_bulk` body.</summary>
[Collection("Console")]
public sealed class ExportCommandTests
{
    private static TestSite TwoReports() => new TestSite()
        .Report("a", "红塔区司法局", 2024, SampleReports.Region, "2025-03-01", body: SampleReports.CompleteBody)
        .Report("b", "红塔区教育局", 2024, SampleReports.Region, body: "## 一、主要举措和成效\n\n**全年**开展培训。\n");

    [Fact]
    public void Ndjson_holds_one_document_per_report_with_its_metadata_sections_and_plain_text()
    {
        // Given a site of two reports
        using var site = TwoReports();
        var output = site.PathOf("reports.ndjson");

        // When it is exported as NDJSON
        var (exit, _, err) = ImportTestSupport.Sitegen("export", "--format", "ndjson", "--site", site.Root, "--output", output);

        // Then there is one JSON object per line, per report, with its facts, the items it has and lacks, its sections and text
        Assert.Equal(0, exit);
        Assert.Contains("exported 2 reports", err, StringComparison.Ordinal);
        var lines = File.ReadAllLines(output);
        Assert.Equal(2, lines.Length);
        var docs = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var complete = docs.Single(d => d.GetProperty("agency").GetString() == "红塔区司法局");
        Assert.Equal(["云南省", "玉溪市", "红塔区"], complete.GetProperty("region").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("2025-03-01", complete.GetProperty("published").GetString());
        Assert.Equal([1, 2, 3, 4, 5], complete.GetProperty("items").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(5, complete.GetProperty("sections").GetArrayLength());
        var partial = docs.Single(d => d.GetProperty("agency").GetString() == "红塔区教育局");
        Assert.Equal([2, 3, 4, 5], partial.GetProperty("missing_items").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Contains("全年开展培训。", partial.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("**", partial.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Matches("^[A-Za-z0-9-]+$", partial.GetProperty("id").GetString()!);
    }

    [Fact]
    public void The_bulk_format_puts_an_index_action_with_the_document_id_before_each_document()
    {
        using var site = TwoReports();
        var output = site.PathOf("bulk.ndjson");

        var (exit, _, _) = ImportTestSupport.Sitegen("export", "--format", "opensearch-bulk", "--site", site.Root, "--output", output);

        Assert.Equal(0, exit);
        var lines = File.ReadAllLines(output);
        Assert.Equal(4, lines.Length);
        for (var i = 0; i < lines.Length; i += 2)
        {
            var action = JsonDocument.Parse(lines[i]).RootElement.GetProperty("index");
            Assert.Equal(JsonDocument.Parse(lines[i + 1]).RootElement.GetProperty("id").GetString(), action.GetProperty("_id").GetString());
        }
    }

    [Fact]
    public void A_site_with_errors_exports_nothing_and_leaves_the_previous_file_as_it_was()
    {
        // Given a previous export and a site whose report lacks its agency
        using var site = new TestSite().Report("a", "title: \"无机构\"\nyear: 2024\n");
        var output = site.PathOf("reports.ndjson");
        File.WriteAllText(output, "previous\n");

        // When it is exported
        var (exit, _, err) = ImportTestSupport.Sitegen("export", "--site", site.Root, "--output", output);

        // Then the command fails with the error, and the previous file is untouched
        Assert.NotEqual(0, exit);
        Assert.Contains("nothing was written", err, StringComparison.Ordinal);
        Assert.Equal("previous\n", File.ReadAllText(output));
    }
}
