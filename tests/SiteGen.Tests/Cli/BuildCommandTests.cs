using SiteGen.Tests.Support;

namespace SiteGen.Tests.Cli;

/// <summary>The `sitegen build` command line, run in-process with its output captured.</summary>
[Collection("Console")]
public sealed class BuildCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            var exit = SiteGen.Cli.SitegenCommand.Run(args);
            return (exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }

    [Fact]
    public void Build_prints_a_plain_summary_and_exits_zero()
    {
        using var site = new TestSite().Report("a", "测试县司法局", 2024, ["测试省", "测试市", "测试县"]);
        var (exit, stdout, _) = Run("build", "--site", site.Root);
        Assert.Equal(0, exit);
        Assert.Contains("report\t1", stdout);
        Assert.Matches(@"built \d+ pages \(\d+ rendered, \d+ unchanged\), \d+ files, [\d.]+ MiB in [\d.]+ s", stdout);
        Assert.True(site.Exists("index.html"));
    }

    [Fact]
    public void Build_errors_are_printed_as_path_line_column_and_exit_non_zero()
    {
        using var site = new TestSite().Report("a", "title: \"报告\"\nagency: \"局\"\nyear: 二〇二四");
        var (exit, _, stderr) = Run("build", "--site", site.Root);
        Assert.NotEqual(0, exit);
        Assert.Contains("content/reports/a.md:4:7: error SG1005:", stderr);
        Assert.Contains("build failed: 1 error(s)", stderr);
    }

    [Fact]
    public void Output_and_base_url_options_are_honoured()
    {
        using var site = new TestSite().Report("a", "测试县司法局", 2024);
        var output = Path.Combine(site.Root, "public");
        var (exit, _, _) = Run("build", "--site", site.Root, "--output", output, "--base-url", "/reports/");
        Assert.Equal(0, exit);
        Assert.Contains("href=\"/reports/agencies/\"", File.ReadAllText(Path.Combine(output, "index.html")));
    }

    [Fact]
    public void A_folder_without_content_is_a_clear_error()
    {
        using var site = new TestSite();
        var (exit, _, stderr) = Run("build", "--site", site.Root);
        Assert.NotEqual(0, exit);
        Assert.Contains("error SG5003: no content folder", stderr);
    }
}
