using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

/// <summary>What `sitegen build` says about the search index.</summary>
[Collection("Console")]
public sealed class SearchBuildCommandTests
{
    [Fact]
    public void Build_prints_the_search_index_size_and_time()
    {
        // Given a site with one report
        using var site = new TestSite().Report("a", "测试县司法局", 2024, ["测试省", "测试市", "测试县"]);
        var oldOut = Console.Out;
        using var stdout = new StringWriter();
        Console.SetOut(stdout);
        int exit;
        try
        {
            // When it is built from the command line
            exit = SiteGen.Cli.SitegenCommand.Run(["build", "--site", site.Root]);
        }
        finally
        {
            Console.SetOut(oldOut);
        }

        // Then the summary reports the index: documents, terms, files, size and time
        Assert.Equal(0, exit);
        Assert.Matches(@"search index: 1 reports \(1 indexed, 0 carried over\), \d+ terms, \d+ files, [\d.]+ MiB; tokenizing [\d.]+ s \(summed over threads\), writing [\d.]+ s", stdout.ToString());
    }
}
