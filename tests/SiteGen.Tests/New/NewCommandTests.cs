using SiteGen.Cli;
using SiteGen.Tests.Check;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.New;

[Collection("Console")]
public sealed class NewCommandTests
{
    [Fact]
    public void The_command_splits_the_region_on_commas_says_where_the_file_is_and_fails_when_the_report_exists()
    {
        using var site = new TestSite().File("content/site.yml", "title: \"测试报告库\"\n");
        var stdout = Console.Out;
        var stderr = Console.Error;
        using var output = new StringWriter();
        using var errors = new StringWriter();
        Console.SetOut(output);
        Console.SetError(errors);
        int first, second;
        try
        {
            first = NewHandler.Report(site.Root, "红塔区司法局", 2024, "云南省，玉溪市,红塔区");
            second = NewHandler.Report(site.Root, "红塔区司法局", 2024, null);
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }

        Assert.Equal((ExitCodes.Ok, ExitCodes.Failed), (first, second));
        var file = Directory.GetFiles(Path.Combine(site.Root, "content", "reports", "2024")).Single();
        Assert.Contains($"created content/reports/2024/{Path.GetFileName(file)}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("error SG7001", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("region: [\"云南省\", \"玉溪市\", \"红塔区\"]", File.ReadAllText(file), StringComparison.Ordinal);
    }
}
