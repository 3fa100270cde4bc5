using System.Diagnostics;
using System.Text;
using SiteGen.Build;
using SiteGen.Diagnostics;
using SiteGen.Load;

using SiteGen.Tests.Support;
namespace SiteGen.Tests.Hardening;

/// <summary>The corpus of broken sites: each gets its exact diagnostic (file, line, code), a failed build, and the previous output byte for byte.</summary>
public sealed class BadInputTests
{
    private const string Bad = "content/2024/bad.md";

    /// <summary>Builds a good site once, breaks it with <paramref name="breakIt"/>, builds again and checks the failure and the untouched output.</summary>
    private static BuildResult AssertRejected(Action<TestSite> breakIt, string code, string file, int line, Action<TestSite>? prepare = null)
    {
        using var site = TestSite.Good();
        prepare?.Invoke(site);
        site.BuildSucceeding();
        var before = site.OutputFingerprint();

        breakIt(site);
        var result = site.TryBuild();

        Assert.False(result.Succeeded, "the build should fail");
        Assert.True(result.Diagnostics.Any(d => d.Severity == Severity.Error && d.Code == code && d.File == file && d.Line == line),
            $"expected error {code} at {file}:{line}, got:\n{TestSite.Describe(result.Diagnostics)}");
        Assert.Equal(before, site.OutputFingerprint());
        Assert.Empty(site.Leftovers());
        return result;
    }

    private static string Report(string frontMatter, string body = "正文。\n") => $"---\n{frontMatter}---\n{body}";

    private const string Valid = "title: \"某局2024年法治政府建设工作情况报告\"\nagency: \"某局\"\nyear: 2024\n";

    [Fact]
    public void Malformed_yaml_is_reported_at_its_line()
    {
        AssertRejected(s => s.File(Bad, Report("title: 报告: 2024\nagency: \"某局\"\nyear: 2024\n")), DiagnosticCodes.YamlSyntax, Bad, 2);
    }

    [Fact]
    public void Front_matter_that_is_never_closed_is_reported_at_its_opening_line()
    {
        AssertRejected(s => s.File(Bad, "---\n" + Valid + "\n正文没有结束标记。\n"), DiagnosticCodes.FrontMatterNotClosed, Bad, 1);
    }

    [Fact]
    public void A_year_that_is_not_a_number_is_a_wrong_type_at_its_line()
    {
        AssertRejected(s => s.File(Bad, Report("title: \"报告\"\nagency: \"某局\"\nyear: 二〇二四\n")), DiagnosticCodes.WrongType, Bad, 4);
    }

    [Fact]
    public void A_region_that_is_a_mapping_is_a_wrong_type_at_its_line()
    {
        AssertRejected(s => s.File(Bad, Report(Valid + "region: {province: 云南省}\n")), DiagnosticCodes.WrongType, Bad, 5);
    }

    [Fact]
    public void An_impossible_date_is_reported_at_its_line()
    {
        var result = AssertRejected(s => s.File(Bad, Report(Valid + "published: 2025-02-30\n")), DiagnosticCodes.InvalidDate, Bad, 5);
        Assert.Contains("2025-02-30", result.Diagnostics.First(d => d.Code == DiagnosticCodes.InvalidDate).Message);
    }

    [Fact]
    public void A_missing_required_field_is_reported_on_the_front_matter()
    {
        var result = AssertRejected(s => s.File(Bad, Report("title: \"报告\"\nyear: 2024\n")), DiagnosticCodes.MissingField, Bad, 1);
        Assert.Contains("`agency`", result.Diagnostics.First(d => d.Code == DiagnosticCodes.MissingField).Message);
    }

    [Fact]
    public void A_second_report_of_the_same_agency_and_year_is_a_duplicate_at_its_agency_line()
    {
        var result = AssertRejected(s => s.ReportAt("content/2024/c.md", "红塔区卫生健康局", 2024), DiagnosticCodes.DuplicateReport, "content/2024/c.md", 3);
        Assert.Contains("content/2024/b.md", result.Diagnostics.First(d => d.Code == DiagnosticCodes.DuplicateReport).Message);
    }

    [Fact]
    public void Two_reports_with_the_same_slug_collide_at_a_slug_line_naming_the_other_file()
    {
        // Pages are checked in model order (newest first, then agency), so the error sits on the later of the two: b.md.
        var result = AssertRejected(s => s.ReportAt("content/2024/c.md", "另一个局", 2024, "slug: \"same-slug\"\n"),
            DiagnosticCodes.UrlCollision, "content/2024/b.md", 7,
            prepare: s => s.ReportAt("content/2024/b.md", "红塔区卫生健康局", 2024, "slug: \"same-slug\"\n"));
        Assert.Contains("content/2024/c.md", result.Diagnostics.First(d => d.Code == DiagnosticCodes.UrlCollision).Message);
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_the_line_of_the_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes(Report(Valid, "第一段。\n\n第二段")).Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("。\n")).ToArray();
        AssertRejected(s => s.File(Bad, bytes), DiagnosticCodes.InvalidEncoding, Bad, 8);
    }

    [Fact]
    public void A_gb18030_file_is_reported_as_not_utf8_at_its_first_chinese_line()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = Encoding.GetEncoding("GB18030").GetBytes(Report(Valid));
        var result = AssertRejected(s => s.File(Bad, gb), DiagnosticCodes.InvalidEncoding, Bad, 2);
        Assert.Contains("GB18030", result.Diagnostics.First(d => d.Code == DiagnosticCodes.InvalidEncoding).Hint);
    }

    [Fact]
    public void A_utf8_file_with_a_pasted_gb18030_paragraph_is_reported_at_that_paragraph()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.UTF8.GetBytes(Report(Valid, "第一段是UTF-8。\n\n")).Concat(Encoding.GetEncoding("GB18030").GetBytes("第二段是GB18030。\n")).ToArray();
        AssertRejected(s => s.File(Bad, bytes), DiagnosticCodes.InvalidEncoding, Bad, 8);
    }

    [Fact]
    public void A_nul_byte_is_reported_at_its_line()
    {
        var bytes = Encoding.UTF8.GetBytes(Report(Valid, "正文\n\n坏\0字节\n"));
        AssertRejected(s => s.File(Bad, bytes), DiagnosticCodes.InvalidEncoding, Bad, 8);
    }

    [Fact]
    public void A_50_MB_report_is_refused_by_its_size_quickly()
    {
        var clock = Stopwatch.StartNew();
        var result = AssertRejected(s =>
        {
            using var stream = File.Create(s.PathOf(Bad));
            stream.Write(Encoding.UTF8.GetBytes(Report(Valid)));
            var line = Encoding.UTF8.GetBytes(new string('段', 1000) + "\n");
            while (stream.Length < 50L * 1024 * 1024) stream.Write(line);
        }, DiagnosticCodes.FileTooLarge, Bad, 0);
        Assert.Contains("50 MiB", result.Diagnostics.First(d => d.Code == DiagnosticCodes.FileTooLarge).Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_50_MB_report_is_refused_without_being_read_into_memory()
    {
        using var site = new TestSite();
        var path = site.PathOf(Bad);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var stream = File.Create(path)) stream.SetLength(50L * 1024 * 1024);
        var diagnostics = new DiagnosticBag();

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var text = TextFileReader.ReadUtf8(path, Bad, diagnostics);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Null(text);
        Assert.Equal(DiagnosticCodes.FileTooLarge, Assert.Single(diagnostics.Sorted()).Code);
        Assert.True(allocated < 1024 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void A_list_nested_10000_deep_is_reported_at_its_line_without_overflowing_the_stack()
    {
        var deep = string.Concat(Enumerable.Repeat("- ", 10_000)) + "深\n";
        AssertRejected(s => s.File(Bad, Report(Valid, "第一段。\n\n" + deep)), DiagnosticCodes.MarkdownTooDeep, Bad, 8);
    }

    [Fact]
    public void Quotes_nested_10000_deep_are_reported_at_their_line_without_overflowing_the_stack()
    {
        var deep = new string('>', 10_000) + " 深\n";
        AssertRejected(s => s.File(Bad, Report(Valid, "第一段。\n\n" + deep)), DiagnosticCodes.MarkdownTooDeep, Bad, 8);
    }

    [Fact]
    public void Emphasis_nested_10000_deep_is_reported_at_its_line_without_overflowing_the_stack()
    {
        var deep = new string('*', 10_000) + "深" + new string('*', 10_000) + "\n";
        AssertRejected(s => s.File(Bad, Report(Valid, "第一段。\n\n" + deep)), DiagnosticCodes.MarkdownTooDeep, Bad, 8);
    }

    [Theory]
    [InlineData("[a](", 50_000)]
    [InlineData("*a", 50_000)]
    [InlineData("[", 50_000)]
    [InlineData("  - ", 50_000)]
    public void A_paragraph_of_thousands_of_unmatched_link_or_emphasis_marks_is_refused_quickly(string mark, int repeat)
    {
        // Markdig needs quadratic time for these (tens of seconds for 50,000); the limit refuses them before parsing.
        var clock = Stopwatch.StartNew();
        AssertRejected(s => s.File(Bad, Report(Valid, "第一段。\n\n" + string.Concat(Enumerable.Repeat(mark, repeat)) + "\n")),
            DiagnosticCodes.MarkdownTooDeep, Bad, 8);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_list_nested_by_indentation_hundreds_deep_is_refused_at_the_first_line_past_the_limit()
    {
        // Line 6 + k of the file holds level k (indented 2k columns); 2k first exceeds 128 columns at k = 65.
        var deep = string.Join("\n", Enumerable.Range(0, 2000).Select(k => new string(' ', 2 * k) + "- 项")) + "\n";
        AssertRejected(s => s.File(Bad, Report(Valid, deep)), DiagnosticCodes.MarkdownTooDeep, Bad, 6 + 65);
    }

    [Fact]
    public void Raw_html_nested_50000_deep_is_refused_quickly_when_the_site_allows_raw_html()
    {
        var clock = Stopwatch.StartNew();
        var deep = "<div>\n" + string.Concat(Enumerable.Repeat("<div><span>", 25_000)) + "深\n";
        AssertRejected(s => s.File(Bad, Report(Valid, "第一段。\n\n" + deep)), DiagnosticCodes.MarkdownTooDeep, Bad, 9,
            prepare: s => s.File("content/site.yml", "title: \"测试报告库\"\nraw_html: true\n"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_front_matter_list_nested_10000_deep_is_a_yaml_error_without_overflowing_the_stack()
    {
        var deep = "extra: " + new string('[', 10_000) + new string(']', 10_000) + "\n";
        AssertRejected(s => s.File(Bad, Report(Valid + deep)), DiagnosticCodes.YamlSyntax, Bad, 5);
    }

    [Fact]
    public void A_front_matter_dash_list_nested_10000_deep_is_a_yaml_error_without_overflowing_the_stack()
    {
        var deep = "extra:\n" + string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n";
        AssertRejected(s => s.File(Bad, Report(Valid + deep)), DiagnosticCodes.YamlSyntax, Bad, 6);
    }

    [Fact]
    public void A_yaml_alias_bomb_is_refused_instead_of_expanding()
    {
        var lines = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i <= 30; i++) lines.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        var clock = Stopwatch.StartNew();
        AssertRejected(s => s.File(Bad, Report(Valid + lines)), DiagnosticCodes.YamlSyntax, Bad, 6);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_theme_layout_with_a_syntax_error_is_reported_at_its_file_and_line()
    {
        const string layout = "themes/default/layouts/report.sbn-html";
        AssertRejected(s => s.File(layout, "<!DOCTYPE html>\n<body>\n{{ if report.title }}\n<h1>{{ report.title }}</h1>\n</body>\n"),
            DiagnosticCodes.ThemeTemplate, layout, 3);
    }

    [Fact]
    public void A_theme_layout_with_an_unclosed_expression_is_reported_at_its_file_and_line()
    {
        const string layout = "themes/default/layouts/home.sbn-html";
        AssertRejected(s => s.File(layout, "<!DOCTYPE html>\n<body>\n<h1>{{ site.title</h1>\n</body>\n"),
            DiagnosticCodes.ThemeTemplate, layout, 3);
    }

    [Fact]
    public void A_missing_partial_is_reported_at_the_line_that_includes_it()
    {
        const string layout = "themes/default/layouts/home.sbn-html";
        AssertRejected(s => s.File(layout, "<!DOCTYPE html>\n<body>\n{{ include 'no-such-partial' }}\n</body>\n"),
            DiagnosticCodes.ThemeMissing, layout, 3);
    }

    [Fact]
    public void A_symlink_loop_is_reported_on_the_link()
    {
        AssertRejected(s =>
        {
            File.CreateSymbolicLink(s.PathOf("content/2024/loop-a.md"), "loop-b.md");
            File.CreateSymbolicLink(s.PathOf("content/2024/loop-b.md"), "loop-a.md");
        }, DiagnosticCodes.UnreadableFile, "content/2024/loop-a.md", 0);
    }

    [Fact]
    public void A_folder_link_back_to_its_parent_is_walked_once_and_the_build_ends()
    {
        // Given a folder link that leads back up the tree (a cycle for a naive walker)
        using var site = TestSite.Good();
        Directory.CreateSymbolicLink(site.PathOf("content/2024/again"), "..");

        // When the site is built
        var result = site.TryBuild();

        // Then every report is published once and the build ends
        Assert.True(result.Succeeded, TestSite.Describe(result.Diagnostics));
        Assert.Equal(3, result.PagesByKind[Model.PageKind.Report]);
    }

    [Fact]
    public void A_symlink_to_a_file_outside_the_site_is_refused()
    {
        using var outside = new TestSite();
        outside.ReportAt("content/secret.md", "外部机关", 2024);
        AssertRejected(s => File.CreateSymbolicLink(s.PathOf("content/2024/leak.md"), outside.PathOf("content/secret.md")),
            DiagnosticCodes.UnreadableFile, "content/2024/leak.md", 0);
    }

    [Fact]
    public void A_symlink_to_a_folder_outside_the_site_is_refused()
    {
        using var outside = new TestSite();
        outside.ReportAt("content/secret.md", "外部机关", 2024);
        AssertRejected(s => Directory.CreateSymbolicLink(s.PathOf("content/elsewhere"), outside.PathOf("content")),
            DiagnosticCodes.UnreadableFile, "content/elsewhere", 0);
    }

    [Fact]
    public void A_dangling_symlink_is_reported_on_the_link()
    {
        AssertRejected(s => File.CreateSymbolicLink(s.PathOf("content/2024/gone.md"), "no-such-file.md"),
            DiagnosticCodes.UnreadableFile, "content/2024/gone.md", 0);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_file_without_read_permission_is_reported_as_unreadable()
    {
        using var site = TestSite.Good();
        site.BuildSucceeding();
        var before = site.OutputFingerprint();
        site.File(Bad, Report(Valid));
        File.SetUnixFileMode(site.PathOf(Bad), UnixFileMode.None);

        var result = site.TryBuild();

        if (CanStillRead(site.PathOf(Bad)))
        {
            // Running as root (as CI does), mode 000 does not stop reading, so there is nothing unreadable to report:
            // the file is an ordinary report here. The named-pipe test below covers a file that cannot be read.
            Assert.True(result.Succeeded, TestSite.Describe(result.Diagnostics));
            return;
        }
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.UnreadableFile && d.File == Bad && d.Line == 0);
        Assert.Equal(before, site.OutputFingerprint());
    }

    private static bool CanStillRead(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    [Fact]
    public void A_named_pipe_posing_as_a_report_does_not_hang_the_build()
    {
        var clock = Stopwatch.StartNew();
        AssertRejected(s =>
        {
            using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [s.PathOf(Bad)]))!;
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }, DiagnosticCodes.NoFrontMatter, Bad, 1);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

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

    [Theory]
    [InlineData("load")]
    [InlineData("model")]
    [InlineData("render")]
    [InlineData("feeds")]
    public void A_content_folder_that_vanishes_mid_build_fails_the_build_and_keeps_the_output(string stage)
    {
        // Given a site that built once
        using var site = TestSite.Good();
        site.BuildSucceeding();
        var before = site.OutputFingerprint();

        // When its content folder is removed while the next build is at the given stage
        var result = site.TryBuild(progress: new StageHook(stage, () => Directory.Delete(site.PathOf("content"), recursive: true)));

        // Then the build fails saying the content vanished, and the output is the previous one
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ContentVanished);
        Assert.Equal(before, site.OutputFingerprint());
        Assert.Empty(site.Leftovers());
    }
}
