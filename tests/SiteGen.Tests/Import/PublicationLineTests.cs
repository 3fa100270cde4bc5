using SiteGen.Import;

namespace SiteGen.Tests.Import;

/// <summary>The publication line above a report gives the publication date and the source; dates that do not say they are the publication date are not taken for one.</summary>
public sealed class PublicationLineTests
{
    private const string Title = "通江县水利局2024年法治政府建设年度报告";

    private static ImportedReport Convert(string header) => ImportTestSupport.ConvertText(Title + "\n" + header + "\n" + ImportTestSupport.SampleBody);

    [Theory]
    [InlineData("发布时间：2025-02-18 09:40  来源：本站  浏览量：36")]
    [InlineData("时间:2025-02-18  浏览次数:")]
    [InlineData("日期:2025-02-18")]
    [InlineData("发布日期: 2025-02-18 17:02      来源: 水利局")]
    [InlineData("2025年02月18日 09时40分")]
    [InlineData("2025-02-18 09:40 来源: 通江县人民政府网 【字体：大 中 小】")]
    [InlineData("阅读人次：88 2025-02-18")]
    public void A_publication_line_gives_the_publication_date_and_leaves_the_body(string line)
    {
        var report = Convert(line);

        Assert.Equal(new DateOnly(2025, 2, 18), report.Published);
        Assert.DoesNotContain("2025-02-18", ImportTestSupport.Body(report), StringComparison.Ordinal);
        Assert.DoesNotContain("2025年02月18日", ImportTestSupport.Body(report), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-02-18")]
    [InlineData("今天是2025年2月18日 星期二")]
    [InlineData("成文日期：2025-02-18")]
    public void A_date_that_does_not_say_it_is_the_publication_date_is_not_taken_for_one(string line)
    {
        var report = Convert(line);

        Assert.Null(report.Published);
    }

    [Fact]
    public void A_date_printed_after_the_title_is_not_part_of_the_title()
    {
        var report = ImportTestSupport.ConvertText(Title + " (2025-02-18)\n" + ImportTestSupport.SampleBody);

        Assert.Equal(Title, report.Title);
        Assert.Null(report.Published);
    }

    [Fact]
    public void The_catalogue_date_wins_over_the_publication_line()
    {
        var report = ImportTestSupport.ConvertText("发布日期：2025-02-20\n" + Title + "\n发布时间：2025-02-18\n" + ImportTestSupport.SampleBody);

        Assert.Equal(new DateOnly(2025, 2, 20), report.Published);
    }

    [Fact]
    public void A_source_line_alone_leaves_the_body()
    {
        var report = Convert("来源：通江县水利局");

        Assert.DoesNotContain("来源", ImportTestSupport.Body(report), StringComparison.Ordinal);
    }
}
