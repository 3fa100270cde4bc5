using System.Text;
using SiteGen.Build;
using SiteGen.Import;

using SiteGen.Tests.Support;
using static SiteGen.Tests.Import.ImportTestSupport;

namespace SiteGen.Tests.Import;

/// <summary>`sitegen import` as a user runs it: files and folders in, reports written without overwriting, a failure per file, an exit code for the batch.</summary>
[Collection("Console")]
public sealed class ImportCommandTests
{
    private static string ValidReport(string county) =>
        $"{county}司法局2024年法治政府建设年度报告\n发布时间:2025-02-10 来源: 本网\n" + ImportTestSupport.SampleBody;

    [Fact]
    public void Importing_a_folder_writes_each_report_under_its_year_and_agency_segment()
    {
        // Given a site and a folder with a UTF-8 and a GB18030 report
        using var temp = new TestSite();
        var inbox = Path.Combine(temp.Root, "inbox");
        temp.File("inbox/a.txt", ValidReport("新田县"));
        temp.File("inbox/sub/b.txt", TextDecoder.Gb18030.GetBytes(ValidReport("宁远县")));
        var site = Path.Combine(temp.Root, "site");

        // When both are imported
        var (exit, output, _) = Sitegen("import", inbox, "--site", site);

        // Then each is written to content/reports/<year>/<segment>.md and the summary counts them
        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(site, "content", "reports", "2024", SiteGen.Model.SiteUrls.Segment("新田县司法局") + ".md")));
        Assert.True(File.Exists(Path.Combine(site, "content", "reports", "2024", SiteGen.Model.SiteUrls.Segment("宁远县司法局") + ".md")));
        Assert.Contains("imported 2, 0 as drafts with missing fields, 0 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_report_is_not_overwritten_without_force()
    {
        // Given a report already imported and then edited by hand
        using var temp = new TestSite();
        var input = temp.File("r.txt", ValidReport("新田县")).PathOf("r.txt");
        var site = Path.Combine(temp.Root, "site");
        Sitegen("import", input, "--site", site);
        var written = Directory.GetFiles(Path.Combine(site, "content"), "*.md", SearchOption.AllDirectories).Single();
        File.AppendAllText(written, "编辑补充。\n");

        // When it is imported again without --force, then it fails and the edit survives
        var (exit, _, err) = Sitegen("import", input, "--site", site);
        Assert.Equal(1, exit);
        Assert.Contains("--force", err, StringComparison.Ordinal);
        Assert.EndsWith("编辑补充。\n", File.ReadAllText(written), StringComparison.Ordinal);

        // And with --force it is replaced
        Assert.Equal(0, Sitegen("import", input, "--site", site, "--force").Exit);
        Assert.DoesNotContain("编辑补充", File.ReadAllText(written), StringComparison.Ordinal);
    }

    [Fact]
    public void A_dry_run_writes_nothing()
    {
        using var temp = new TestSite();
        var input = temp.File("r.txt", ValidReport("新田县")).PathOf("r.txt");
        var site = Path.Combine(temp.Root, "site");

        var (exit, output, _) = Sitegen("import", input, "--site", site, "--dry-run");

        Assert.Equal(0, exit);
        Assert.False(Directory.Exists(Path.Combine(site, "content")));
        Assert.Contains("nothing was written", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_file_fails_alone_and_the_batch_goes_on()
    {
        // Given a garbled file, a binary file and a good report
        using var temp = new TestSite();
        temp.File("in/1-garbled.txt", "红塔区锟斤拷卫生健康局锟斤拷\n");
        temp.File("in/2-binary.txt", [0x25, 0x50, 0x44, 0x46, 0x00, 0x00, 0x01]);
        temp.File("in/3-good.txt", ValidReport("新田县"));
        var site = Path.Combine(temp.Root, "site");

        // When the folder is imported
        var (exit, output, err) = Sitegen("import", Path.Combine(temp.Root, "in"), "--site", site);

        // Then the good report is written, each bad file has its own error, and the exit code says some failed
        Assert.Equal(1, exit);
        Assert.Contains("imported 1, 0 as drafts with missing fields, 2 failed", output, StringComparison.Ordinal);
        Assert.Contains("1-garbled.txt: error: the text is garbled", err, StringComparison.Ordinal);
        Assert.Contains("2-binary.txt: error: the file contains NUL bytes", err, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(site, "content"), "*.md", SearchOption.AllDirectories));
    }

    [Fact]
    public void Json_output_lists_the_extracted_fields_per_file()
    {
        using var temp = new TestSite();
        var input = temp.File("r.txt", ValidReport("新田县")).PathOf("r.txt");

        var (exit, output, _) = Sitegen("import", input, "--site", Path.Combine(temp.Root, "site"), "--dry-run", "--format", "json");

        Assert.Equal(0, exit);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var row = json.RootElement.EnumerateArray().Single();
        Assert.Equal("新田县司法局", row.GetProperty("agency").GetString());
        Assert.Equal(["湖南省", "永州市", "新田县"], row.GetProperty("region").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("2025-02-10", row.GetProperty("published").GetString());
        Assert.Equal(4, row.GetProperty("top_headings").GetArrayLength());
    }

    [Fact]
    public void Two_inputs_for_the_same_agency_and_year_do_not_overwrite_each_other()
    {
        using var temp = new TestSite();
        temp.File("in/a.txt", ValidReport("新田县"));
        temp.File("in/b.htm", Encoding.UTF8.GetBytes("<html><body><p>" + ValidReport("新田县").Replace("\n", "</p><p>", StringComparison.Ordinal) + "</p></body></html>"));

        var (exit, _, err) = Sitegen("import", Path.Combine(temp.Root, "in"), "--site", Path.Combine(temp.Root, "site"));

        Assert.Equal(1, exit);
        Assert.Contains("same agency, year and series as", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_of_two_series_for_one_agency_and_year_are_both_written()
    {
        // Given an agency's rule-of-law report and its information-disclosure report of the same year
        using var temp = new TestSite();
        temp.File("in/a.txt", ValidReport("新田县"));
        temp.File("in/b.txt", "新田县司法局2024年政府信息公开工作年度报告\n一、总体情况\n2024年，我局依法做好政府信息公开工作。\n");
        var site = Path.Combine(temp.Root, "site");

        var (exit, _, err) = Sitegen("import", Path.Combine(temp.Root, "in"), "--site", site);

        Assert.True(exit == 0, err);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(site, "content"), "*.md", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void Imported_real_reports_build_into_a_site()
    {
        // Given a site whose reports were all imported from the five real seeds
        using var temp = new TestSite();
        var site = Path.Combine(temp.Root, "site");
        temp.File("site/content/site.yml", "title: \"测试站\"\nbase_url: \"/\"\n");
        var (importExit, _, importErr) = Sitegen("import", Path.Combine(ImportTestSupport.SourceFolder(), "Golden"), "--site", site);
        Assert.True(importExit == 0, importErr);

        // When the site is built
        var result = SiteBuilder.Run(new BuildOptions { SiteDir = site });

        // Then it builds with the five reports and no errors
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(5, result.PagesByKind[SiteGen.Model.PageKind.Report]);
    }
}
