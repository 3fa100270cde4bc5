using System.Text;
using SiteGen.Build;

namespace SiteGen.Tests.Search;

/// <summary>A small inline site in a temp folder for whole-site search tests; deleted on dispose.</summary>
internal sealed class SearchTestSite : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"sitegen-search-test-{Guid.NewGuid():N}");
    public string Output => Path.Combine(Root, "output");
    public string Index => Path.Combine(Output, "search", "idx");

    public SearchTestSite(string baseUrl = "/")
    {
        Directory.CreateDirectory(Path.Combine(Root, "content", "reports"));
        File.WriteAllText(Path.Combine(Root, "content", "site.yml"), $"title: \"测试报告库\"\nbase_url: \"{baseUrl}\"\nlanguage: zh-CN\n", Encoding.UTF8);
    }

    public SearchTestSite Report(string file, string title, string agency, int year, string[] region, string body)
    {
        var regionYaml = string.Join(", ", region.Select(r => $"\"{r}\""));
        var text = $"---\ntitle: \"{title}\"\nagency: \"{agency}\"\nregion: [{regionYaml}]\nyear: {year}\npublished: {year + 1}-02-01\ntype: \"法治政府建设年度报告\"\n---\n\n{body}\n";
        File.WriteAllText(Path.Combine(Root, "content", "reports", file), text, new UTF8Encoding(false));
        return this;
    }

    public BuildResult Build(string? output = null) => SiteBuilder.Run(new BuildOptions { SiteDir = Root, OutputDir = output ?? Output });

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
