using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

/// <summary>What the search tests add to <see cref="TestSite"/>: a configured site, reports given field by field, and the index folder.</summary>
public static class SearchTestSiteExtensions
{
    extension(TestSite)
    {
        /// <summary>A site with its site.yml written and no reports yet.</summary>
        public static TestSite ForSearch(string baseUrl = "/") =>
            new TestSite().File("content/site.yml", $"title: \"测试报告库\"\nbase_url: \"{baseUrl}\"\nlanguage: zh-CN\n");
    }

    extension(TestSite site)
    {
        /// <summary>The search index folder in the output.</summary>
        public string Index => Path.Combine(site.Output, "search", "idx");

        /// <summary>Adds content/reports/<paramref name="file"/>, a valid annual report with every field given.</summary>
        public TestSite Report(string file, string title, string agency, int year, string[] region, string body) =>
            site.Report(Path.GetFileNameWithoutExtension(file), agency, year, region, $"{year + 1}-02-01", title, body + "\n", "type: \"法治政府建设年度报告\"");
    }
}
