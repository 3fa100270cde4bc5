using SiteGen.Import;

namespace SiteGen.Tests.Import;

/// <summary>Title, agency, year and dates are read from the report as published, and never invented.</summary>
public sealed class MetadataExtractionTests
{
    [Fact]
    public void A_title_split_over_two_lines_with_the_agency_first_is_joined()
    {
        var report = ImportTestSupport.ConvertText("玉溪市江川区司法局\n2024年法治政府建设工作情况报告\n" + ImportTestSupport.SampleBody);

        Assert.Equal("玉溪市江川区司法局2024年法治政府建设工作情况报告", report.Title);
        Assert.Equal("玉溪市江川区司法局", report.Agency);
        Assert.Equal(2024, report.Year);
    }

    [Fact]
    public void A_title_broken_by_a_space_is_closed_up()
    {
        var report = ImportTestSupport.ConvertText("\n\n2024年新田县司法局法治政府建设工作 年度报告\n\n" + ImportTestSupport.SampleBody);

        Assert.Equal("2024年新田县司法局法治政府建设工作年度报告", report.Title);
        Assert.Equal("新田县司法局", report.Agency);
    }

    [Fact]
    public void A_title_repeated_under_a_mail_header_is_read_once()
    {
        const string title = "上海市松江区卫生健康委员会2022年法治政府建设情况报告";
        var report = ImportTestSupport.ConvertText(title + "\n\n内容\n \n发送至邮箱\n\n" + title + "\n\n" + ImportTestSupport.SampleBody);

        Assert.Equal(title, report.Title);
        Assert.IsType<ParagraphBlock>(report.Blocks[0]);
    }

    [Fact]
    public void An_abbreviated_agency_is_expanded_where_the_body_gives_the_full_name()
    {
        // Given a title naming 卫健系统 and a body that names the 卫生健康局
        var report = ImportTestSupport.ConvertText("2024年新田县卫健系统法治政府建设工作年度报告\n制定了《2024年度新田县卫生健康局普法责任清单》。\n");

        // Then the agency is the full name, with a warning that says so
        Assert.Equal("新田县卫生健康局", report.Agency);
        Assert.Contains(report.Warnings, w => w.StartsWith("agency:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_year_comes_from_the_opening_sentence_when_the_title_has_none()
    {
        var report = ImportTestSupport.ConvertText("某某县司法局法治政府建设情况报告\n发布时间:2025-02-10\n2024年，我局扎实推进法治政府建设。\n");

        Assert.Equal(2024, report.Year);
        Assert.Contains(report.Warnings, w => w.StartsWith("year:", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_an_agency_in_the_title_the_sign_off_names_it_with_a_warning()
    {
        var report = ImportTestSupport.ConvertText("关于2024年度法治政府建设情况的报告\n" + ImportTestSupport.SampleBody + "\n新田县司法局\n2025年1月28日\n");

        Assert.Equal("新田县司法局", report.Agency);
        Assert.Contains(report.Warnings, w => w.StartsWith("agency: taken from the sign-off", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2025, 1, 28), report.Written);
    }

    [Fact]
    public void The_year_is_never_taken_from_the_publication_date_alone()
    {
        // Given a report whose only year is the publication date of the page
        var report = ImportTestSupport.ConvertText("某某县司法局法治政府建设情况报告\n发布时间:2025-02-10\n我局扎实推进法治政府建设。\n");

        // Then the year is unknown and the report is incomplete
        Assert.Null(report.Year);
        Assert.Equal(["year"], report.MissingFields);
        Assert.Equal(new DateOnly(2025, 2, 10), report.Published);
    }

    [Theory]
    [InlineData("发布时间:2025-01-28 来源: 本网 阅读人次: 12", 2025, 1, 28)]
    [InlineData("来源：新田县人民政府    发布时间：2025-03-05 09:30    浏览次数：77", 2025, 3, 5)]
    [InlineData("发布日期：2025年4月1日", 2025, 4, 1)]
    public void The_publication_date_comes_from_the_page_header(string header, int y, int m, int d)
    {
        var report = ImportTestSupport.ConvertText("某某县司法局2024年法治政府建设年度报告\n" + header + "\n" + ImportTestSupport.SampleBody);

        Assert.Equal(new DateOnly(y, m, d), report.Published);
    }

    [Fact]
    public void Without_a_date_on_the_page_the_publication_date_stays_empty_and_is_warned_about()
    {
        var report = ImportTestSupport.ConvertText("某某县司法局2024年法治政府建设年度报告\n" + ImportTestSupport.SampleBody);

        Assert.Null(report.Published);
        Assert.DoesNotContain("published:", MarkdownReportWriter.Render(report), StringComparison.Ordinal);
        Assert.Contains(report.Warnings, w => w.StartsWith("published:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sign_off_date_is_used_as_publication_date_only_with_a_warning()
    {
        var report = ImportTestSupport.ConvertText("某某县司法局2024年法治政府建设年度报告\n" + ImportTestSupport.SampleBody + "\n某某县司法局\n二〇二五年一月二十八日\n");

        Assert.Equal(new DateOnly(2025, 1, 28), report.Published);
        Assert.Equal(new DateOnly(2025, 1, 28), report.Written);
        Assert.Contains(report.Warnings, w => w.Contains("sign-off", StringComparison.Ordinal));
    }

    [Fact]
    public void A_catalogue_block_in_the_text_becomes_metadata_and_leaves_the_body()
    {
        // Given a 政府信息公开 catalogue block above the report
        const string catalogue = "索引号：11500111MB15011811/2026-00005  主题分类：卫生\n发文字号：大足卫健发〔2026〕3号\n发布机构：大足区卫生健康委  发布日期：2026-01-20\n成文日期：2026-01-13\n";
        var report = ImportTestSupport.ConvertText(catalogue + "重庆市大足区卫生健康委员会2025年法治政府建设年度报告\n" + ImportTestSupport.SampleBody);

        // Then its fields are kept as front matter and none of it is left in the body
        Assert.Equal("11500111MB15011811/2026-00005", report.IndexNo);
        Assert.Equal("卫生", report.Topic);
        Assert.Equal("大足卫健发〔2026〕3号", report.DocNo);
        Assert.Equal("大足区卫生健康委", report.Publisher);
        Assert.Equal(new DateOnly(2026, 1, 20), report.Published);
        Assert.Equal(new DateOnly(2026, 1, 13), report.Written);
        Assert.DoesNotContain("索引号", ImportTestSupport.Body(report), StringComparison.Ordinal);
    }
}
