using SiteGen.Build;
using SiteGen.Diagnostics;
using SiteGen.Load;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Site;

public sealed class LoadCacheTests
{
    private static readonly string[] Region = ["云南省", "玉溪市", "红塔区"];

    private static BuildResult Build(TestSite site, bool clean = false, IBuildProgress? progress = null) =>
        SiteBuilder.Run(new BuildOptions { SiteDir = site.Root, OutputDir = site.Output, Clean = clean, LockWait = TimeSpan.FromSeconds(5) }, progress);

    private static BuildResult BuildOk(TestSite site, bool clean = false)
    {
        var result = Build(site, clean);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    private static string ReportPath(TestSite site, string name) => Path.Combine(site.Root, "content/reports", name + ".md");

    /// <summary>Moves every content file's modification time an hour back, out of the racy window, so the load cache may trust it.</summary>
    internal static void Backdate(TestSite site)
    {
        var old = DateTime.UtcNow.AddHours(-1);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(site.Root, "content"), "*.md", SearchOption.AllDirectories))
            File.SetLastWriteTimeUtc(file, old);
    }

    private static TestSite ThreeReports() =>
        new TestSite().Report("a", "红塔区司法局", 2024, Region).Report("b", "红塔区教育局", 2024, Region).Report("c", "红塔区民政局", 2023, Region);

    /// <summary>Runs an action when the build enters a stage, to change the disk under a running build.</summary>
    private sealed class StageHook(string stage, Action action) : IBuildProgress
    {
        public void Stage(string name, int total)
        {
            if (name == stage) action();
        }

        public void Advance(int count = 1)
        {
        }
    }

    [Fact]
    public void Unchanged_reports_are_taken_from_the_load_cache_and_only_the_edited_one_is_read()
    {
        // Given a built site whose files are older than the racy window
        using var site = ThreeReports();
        Backdate(site);
        var first = BuildOk(site);

        // When one report is edited and the site rebuilt
        File.AppendAllText(ReportPath(site, "a"), "\n新增段落。\n");
        var second = BuildOk(site);

        // Then the first build read all three, the second reused the two unchanged ones and shows the edit
        Assert.Equal(0, first.ReportsFromCache);
        Assert.Equal(2, second.ReportsFromCache);
        Assert.Single(site.Find("reports/2024/*/index.html"), p => site.Read(p).Contains("新增段落。"));
    }

    [Fact]
    public void A_file_modified_within_the_racy_window_is_read_again_even_when_its_stamp_is_unchanged()
    {
        // Given a site built right after its files were written (modification times inside the racy window)
        using var site = ThreeReports();
        BuildOk(site);

        // When it is rebuilt with nothing changed
        var second = BuildOk(site);

        // Then no file is trusted from the cache: an edit in the same clock tick would have kept the stamp
        Assert.Equal(0, second.ReportsFromCache);
    }

    [Fact]
    public void A_same_size_edit_that_puts_the_old_modification_time_back_is_still_seen()
    {
        // Given a built site with old files
        using var site = ThreeReports();
        Backdate(site);
        BuildOk(site);
        BuildOk(site);

        // When a report's body is edited without changing its size, and its modification time is put back
        var path = ReportPath(site, "a");
        var mtime = File.GetLastWriteTimeUtc(path);
        var before = File.ReadAllBytes(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("正文。", "改文。"));
        File.SetLastWriteTimeUtc(path, mtime);
        Assert.Equal(before.Length, new FileInfo(path).Length);
        var result = BuildOk(site);

        // Then the edit is published (the change time or inode differs), and the other two reports came from the cache
        Assert.Equal(2, result.ReportsFromCache);
        Assert.Single(site.Find("reports/2024/*/index.html"), p => site.Read(p).Contains("改文。"));
    }

    [Fact]
    public void A_new_validation_error_in_a_changed_report_fails_the_build_with_its_location()
    {
        // Given a built site with old files
        using var site = ThreeReports();
        Backdate(site);
        BuildOk(site);

        // When one report's year becomes invalid
        var path = ReportPath(site, "b");
        File.WriteAllText(path, File.ReadAllText(path).Replace("year: 2024", "year: 二〇二四"));
        var result = Build(site);

        // Then the build fails naming that file and line, and the next build (error still there) reports it again
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.WrongType && d.File == "content/reports/b.md" && d.Line == 5);
        Backdate(site);
        var again = Build(site);
        Assert.False(again.Succeeded);
        Assert.Contains(again.Diagnostics, d => d.Code == DiagnosticCodes.WrongType && d.File == "content/reports/b.md");
    }

    [Fact]
    public void A_file_that_failed_validation_is_never_cached_as_good()
    {
        // Given a site where one old file has an error, built once (failing)
        using var site = ThreeReports();
        site.Report("bad", "title: \"无机关\"\nyear: 2024");
        Backdate(site);
        Assert.False(Build(site).Succeeded);

        // When it is built again with nothing changed, and then once more after the error is fixed
        var again = Build(site);
        site.Report("bad", "title: \"有机关\"\nagency: \"红塔区财政局\"\nyear: 2024");
        var fixedBuild = BuildOk(site);

        // Then the failing file was read again and its error reported again, while the good files, cached by the failed build, were not
        Assert.False(again.Succeeded);
        Assert.Contains(again.Diagnostics, d => d.Code == DiagnosticCodes.MissingField && d.File == "content/reports/bad.md");
        Assert.Equal(3, fixedBuild.ReportsFromCache);
    }

    [Fact]
    public void Warnings_of_a_cached_report_are_reported_again()
    {
        // Given an old report with a misspelt field, built once
        using var site = new TestSite().Report("a", "红塔区司法局", 2024, Region, extra: "sumary: \"摘要\"\n");
        Backdate(site);
        var first = BuildOk(site);

        // When the site is rebuilt from the cache
        var second = BuildOk(site);

        // Then the warning appears both times
        Assert.Equal(1, second.ReportsFromCache);
        Assert.Contains(first.Diagnostics, d => d.Code == DiagnosticCodes.UnknownField);
        Assert.Equal(first.Diagnostics, second.Diagnostics);
    }

    [Fact]
    public void A_new_report_duplicating_a_cached_one_is_reported()
    {
        // Given a built site whose reports come from the cache
        using var site = ThreeReports();
        Backdate(site);
        BuildOk(site);
        Assert.Equal(3, BuildOk(site).ReportsFromCache);

        // When a new file repeats the agency and year of a cached report
        site.Report("dup", "红塔区司法局", 2024, Region, title: "另一份报告");
        var result = Build(site);

        // Then the duplicate is reported
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.DuplicateReport);
    }

    [Fact]
    public void A_new_report_whose_slug_collides_with_a_cached_one_is_reported()
    {
        using var site = new TestSite().Report("a", "红塔区司法局", 2024, Region, extra: "slug: \"same\"\n");
        Backdate(site);
        BuildOk(site);
        Assert.Equal(1, BuildOk(site).ReportsFromCache);

        site.Report("b", "红塔区教育局", 2024, Region, extra: "slug: \"same\"\n");
        var result = Build(site);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.UrlCollision);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("empty")]
    [InlineData("flipped")]
    public void Corrupt_load_and_page_caches_are_ignored_and_the_output_equals_a_clean_build(string damage)
    {
        // Given a built site whose build state (load cache and page cache in one file) is then damaged
        using var site = ThreeReports();
        Backdate(site);
        var first = BuildOk(site);
        foreach (var cacheFile in new[] { BuildState.PathFor(site.Output) })
        {
            var bytes = File.ReadAllBytes(cacheFile);
            File.WriteAllBytes(cacheFile, damage switch
            {
                "garbage" => "not a cache at all"u8.ToArray(),
                "truncated" => bytes[..(bytes.Length / 2)],
                "empty" => [],
                _ => bytes.Select((b, i) => i == bytes.Length / 2 ? (byte)(b ^ 0x20) : b).ToArray(),
            });
        }

        // When the site is rebuilt
        var result = BuildOk(site);

        // Then nothing came from either cache, the output is that of a clean build, and the caches are good again
        Assert.Equal(0, result.ReportsFromCache);
        Assert.Equal(first.PagesRendered, result.PagesRendered);
        var incremental = site.Snapshot();
        BuildOk(site, clean: true);
        Assert.Equal(site.Snapshot().Keys, incremental.Keys);
        foreach (var (key, content) in site.Snapshot()) Assert.True(incremental[key].AsSpan().SequenceEqual(content), key);
        var third = BuildOk(site);
        Assert.Equal(3, third.ReportsFromCache);
        Assert.Equal(0, third.PagesRendered);
    }

    [Fact]
    public void The_clean_flag_ignores_the_load_cache()
    {
        using var site = ThreeReports();
        Backdate(site);
        BuildOk(site);

        Assert.Equal(0, BuildOk(site, clean: true).ReportsFromCache);
        Assert.Equal(3, BuildOk(site).ReportsFromCache);
    }

    [Fact]
    public void A_cached_report_deleted_while_the_build_renders_fails_the_build_with_content_vanished()
    {
        // Given a site built twice, so its reports come from the load cache and its pages are reused
        using var site = ThreeReports();
        Backdate(site);
        BuildOk(site);
        Assert.Equal(3, BuildOk(site).ReportsFromCache);
        var before = site.Snapshot();

        // When a report file is deleted as the next build starts rendering
        var result = Build(site, progress: new StageHook("render", () => File.Delete(ReportPath(site, "c"))));

        // Then the build fails with SG5004 naming that report, and the output is unchanged
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ContentVanished && d.File == "content/reports/c.md");
        var after = site.Snapshot();
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, f => Assert.True(f.Value.AsSpan().SequenceEqual(after[f.Key]), $"{f.Key} changed"));
    }
}
