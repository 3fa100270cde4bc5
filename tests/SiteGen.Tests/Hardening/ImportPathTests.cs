using SiteGen.Import;

namespace SiteGen.Tests.Hardening;

public sealed class ImportPathTests
{
    [Theory]
    [InlineData("../../../../tmp/卫生健康局")]
    [InlineData("/etc/卫生健康局")]
    [InlineData("..\\..\\卫生健康局")]
    public void An_imported_report_is_written_inside_the_reports_folder_whatever_its_agency_name_says(string agency)
    {
        // Given a plain-text report whose agency line carries path segments
        var root = Directory.CreateTempSubdirectory("sitegen-import-path-").FullName;
        try
        {
            var input = Path.Combine(root, "in.txt");
            File.WriteAllText(input, $"{agency}\n2024年法治政府建设工作情况报告\n\n2024年，我局依法行政。\n\n一、主要举措和成效\n\n全年开展执法检查。\n");
            var site = Path.Combine(root, "site");

            // When it is imported
            var outcomes = ImportRunner.Run(new ImportOptions { Inputs = [input], SiteDir = site });

            // Then every file written lies under content/reports/<year>/, named by the agency's hashed segment
            var reports = Path.Combine(site, "content", "reports") + Path.DirectorySeparatorChar;
            var written = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories).ToList();
            Assert.All(written, f => Assert.StartsWith(reports, Path.GetFullPath(f), StringComparison.Ordinal));
            Assert.All(written, f => Assert.Matches(@"/content/reports/\d{4}/[a-z2-7]{8}\.md$", f));
            Assert.Single(outcomes);
            Assert.Single(written);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
