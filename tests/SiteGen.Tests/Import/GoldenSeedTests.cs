using SiteGen.Diagnostics;
using SiteGen.Import;
using SiteGen.Load;

namespace SiteGen.Tests.Import;

/// <summary>The five real scraped reports convert to the reviewed Markdown kept beside them (Golden/NAME.txt → Golden/NAME.md).</summary>
public sealed class GoldenSeedTests
{
    public static TheoryData<string> Seeds() =>
        new(Directory.GetFiles(Path.Combine(ImportTestSupport.SourceFolder(), "Golden"), "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_real_report_converts_to_its_reviewed_markdown(string seed)
    {
        // Given a real scraped report and the Markdown reviewed for it
        var folder = Path.Combine(ImportTestSupport.SourceFolder(), "Golden");
        var expectedPath = Path.Combine(folder, seed + ".md");

        // When it is imported
        var markdown = MarkdownReportWriter.Render(ImportRunner.Convert(Path.Combine(folder, seed + ".txt")));

        // Then the result is exactly the reviewed file (set SITEGEN_UPDATE_GOLDEN=1 to rewrite it after a deliberate change)
        if (Environment.GetEnvironmentVariable("SITEGEN_UPDATE_GOLDEN") == "1") File.WriteAllText(expectedPath, markdown);
        Assert.Equal(File.ReadAllText(expectedPath), markdown);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_converted_real_report_passes_the_sites_front_matter_validation(string seed)
    {
        // Given a converted real report
        var markdown = MarkdownReportWriter.Render(ImportRunner.Convert(Path.Combine(ImportTestSupport.SourceFolder(), "Golden", seed + ".txt")));

        // When the site's own loader validates it
        var diagnostics = new DiagnosticBag();
        var (frontMatter, _) = FrontMatterParser.Parse(markdown, seed + ".md", diagnostics);

        // Then it is accepted without warnings
        Assert.NotNull(frontMatter);
        Assert.Empty(diagnostics.Sorted());
    }

    [Fact]
    public void The_seeds_metadata_is_read_from_their_own_quirks()
    {
        // Given the five seeds (split title, title split by a space, 发布时间 header, repeated title and body)
        var folder = Path.Combine(ImportTestSupport.SourceFolder(), "Golden");
        ImportedReport Seed(string prefix) => ImportRunner.Convert(Directory.GetFiles(folder, prefix + "_*.txt").Single());

        // When they are converted, then title, agency, year, region and date are those of the report
        var hongta = Seed("000");
        Assert.Equal("玉溪市红塔区卫生健康局2024年法治政府建设工作情况报告", hongta.Title);
        Assert.Equal(["云南省", "玉溪市", "红塔区"], hongta.Region);
        Assert.Equal("530402", hongta.RegionCode);

        var nanan = Seed("001");
        Assert.Equal("重庆市南岸区卫生健康委员会关于2024年度法治政府建设情况的报告", nanan.Title);
        Assert.Equal(["重庆市", "南岸区"], nanan.Region);

        var xintian = Seed("002");
        Assert.Equal("2024年新田县卫健系统法治政府建设工作年度报告", xintian.Title);
        Assert.Equal("新田县卫生健康局", xintian.Agency);
        Assert.Equal(["湖南省", "永州市", "新田县"], xintian.Region);

        var zijin = Seed("003");
        Assert.Equal(2025, zijin.Year);
        Assert.Equal(new DateOnly(2026, 1, 28), zijin.Published);

        var songjiang = Seed("004");
        Assert.Equal("上海市松江区卫生健康委员会", songjiang.Agency);
        Assert.Equal(2022, songjiang.Year);
        Assert.Null(songjiang.Published);
        Assert.Equal(4, songjiang.TopHeadings.Count);
    }
}
