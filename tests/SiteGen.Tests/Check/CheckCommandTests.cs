using System.Text.Json;
using SiteGen.Check;
using SiteGen.Cli;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Check;

public sealed class CheckCommandTests
{
    private static (int Exit, string Output) Run(TestSite site, string format)
    {
        using var output = new StringWriter();
        var exit = CheckHandler.Run(new CheckOptions { SiteDir = site.Root }, format, output);
        return (exit, output.ToString());
    }

    [Fact]
    public void Warnings_alone_exit_zero_and_print_as_path_line_column_severity_code_message()
    {
        using var site = new TestSite();
        site.Report("2024/a", "红塔区卫生健康局", 2024, region: SampleReports.Region, published: SampleReports.Published(2024), body: "## 一、主要举措和成效\n\n正文。\n");

        var (exit, output) = Run(site, "text");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("content/reports/2024/a.md:8:1: warning SG6002: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_exits_non_zero()
    {
        using var site = new TestSite();
        site.Report("2025/a", "红塔区卫生健康局", 2025, region: SampleReports.Region, body: SampleReports.CompleteBody, published: "2024-06-01");

        var (exit, output) = Run(site, "text");

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("error SG6001", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_carries_the_summary_and_every_diagnostic_with_its_position()
    {
        using var site = new TestSite();
        site.Report("2024/a", "红塔区卫生健康局", 2024, region: SampleReports.Region, body: SampleReports.CompleteBody, published: "2025-05-01");

        var (exit, output) = Run(site, "json");

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.True(root.GetProperty("passed").GetBoolean());
        Assert.Equal(1, root.GetProperty("infos").GetInt32());
        var d = root.GetProperty("diagnostics")[0];
        Assert.Equal(("info", "SG6003", "content/reports/2024/a.md", 6),
            (d.GetProperty("severity").GetString(), d.GetProperty("code").GetString(), d.GetProperty("file").GetString(), d.GetProperty("line").GetInt32()));
    }
}
