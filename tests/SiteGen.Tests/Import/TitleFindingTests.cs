using SiteGen.Import;

namespace SiteGen.Tests.Import;

/// <summary>The title is chosen among scored candidates — one line, two lines, a repeat, the catalogue's 标题, a cover sentence — and it also marks where the report starts; a page without one gets none.</summary>
public sealed class TitleFindingTests
{
    private const string Body = "2024年，我局扎实推进法治政府建设。\n一、主要举措和成效\n全年开展检查120次。\n";

    [Fact]
    public void A_title_on_one_line_is_taken_and_the_body_starts_below_it()
    {
        var report = ImportTestSupport.ConvertText("平昌县交通运输局2024年法治政府建设工作报告\n" + Body);

        Assert.Equal("平昌县交通运输局2024年法治政府建设工作报告", report.Title);
        Assert.Equal(new ParagraphBlock("2024年，我局扎实推进法治政府建设。"), report.Blocks[0]);
    }

    [Theory]
    [InlineData("平昌县交通运输局\n关于2024年度法治政府建设情况的报告", "平昌县交通运输局关于2024年度法治政府建设情况的报告")]
    [InlineData("平昌县交通运输局关于2024年度法治政府\n建设情况的报告", "平昌县交通运输局关于2024年度法治政府建设情况的报告")]
    [InlineData("平昌县交通运输局\n关于 2024 年法治政府建设情况的报告", "平昌县交通运输局关于2024年法治政府建设情况的报告")]
    public void A_title_split_over_two_lines_is_joined_with_its_spaces_closed_up(string lines, string title)
    {
        var report = ImportTestSupport.ConvertText(lines + "\n" + Body);

        Assert.Equal(title, report.Title);
        Assert.Equal("平昌县交通运输局", report.Agency);
    }

    [Fact]
    public void A_section_label_above_the_title_is_not_joined_to_it()
    {
        // Given the name of the page's column on the line above a complete title
        var report = ImportTestSupport.ConvertText("工作动态\n平昌县2024年法治政府建设年度报告\n" + Body);

        Assert.Equal("平昌县2024年法治政府建设年度报告", report.Title);
    }

    [Fact]
    public void A_title_printed_again_in_two_parts_under_itself_is_read_once()
    {
        // Given a title on one line, then the same title split over two lines (agency, then the rest)
        var report = ImportTestSupport.ConvertText("平昌县交通运输局2024年政府信息公开工作年度报告\n日期:2025-01-15\n平昌县交通运输局\n2024年政府信息公开工作年度报告\n" + Body);

        Assert.Equal("平昌县交通运输局2024年政府信息公开工作年度报告", report.Title);
        Assert.DoesNotContain("平昌县交通运输局", ImportTestSupport.Body(report), StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_that_only_a_cover_sentence_quotes_is_taken_with_a_warning()
    {
        // Given no title line, and an opening sentence that names the report in 《》
        var report = ImportTestSupport.ConvertText("按照上级通知要求，现将《平昌县交通运输局2024年度法治政府建设情况报告》予以公开。\n" + Body);

        Assert.Equal("平昌县交通运输局2024年度法治政府建设情况报告", report.Title);
        Assert.Contains(report.Warnings, w => w.StartsWith("title: taken from the sentence", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quoted_notice_is_not_taken_for_the_report_title()
    {
        // Given an opening sentence that quotes the notice asking for the report, not the report
        var report = ImportTestSupport.ConvertText("根据《关于报送2024年度法治政府建设情况报告的通知》要求，我局认真总结。\n" + Body);

        Assert.Null(report.Title);
    }

    [Fact]
    public void A_page_whose_body_starts_at_once_has_no_title()
    {
        // Given a page that opens with the first sentence of the report
        var report = ImportTestSupport.ConvertText("2024年，平昌县交通运输局坚持依法行政，扎实推进法治政府建设。\n一、主要举措和成效\n全年开展检查120次。\n");

        Assert.Null(report.Title);
        Assert.Contains("title", report.MissingFields);
        Assert.Equal("平昌县交通运输局", report.Agency);
        Assert.Equal(2024, report.Year);
    }

    [Fact]
    public void A_body_that_opens_with_its_addressee_keeps_it_as_its_first_paragraph()
    {
        var report = ImportTestSupport.ConvertText("平昌县交通运输局\n关于2024年度法治政府建设情况的报告\n县委、县政府：\n" + Body);

        Assert.Equal("平昌县交通运输局关于2024年度法治政府建设情况的报告", report.Title);
        Assert.Equal(new ParagraphBlock("县委、县政府："), report.Blocks[0]);
    }

    [Fact]
    public void A_cover_letter_above_the_title_is_left_out_with_a_warning()
    {
        // Given a cover letter (addressee, request, signature) printed above the report itself
        var report = ImportTestSupport.ConvertText("""
            县委：
            现将《2024年平昌县法治政府建设情况报告》呈上，请审阅。
            平昌县司法局
            2025年1月6日
            2024年平昌县法治政府建设情况报告
            2024年，平昌县坚持依法行政，扎实推进法治政府建设。
            一、主要举措和成效
            全年开展检查120次。
            """);

        // Then the report starts at its title, and the editor is told what was left out
        Assert.Equal("2024年平昌县法治政府建设情况报告", report.Title);
        Assert.Equal(new ParagraphBlock("2024年，平昌县坚持依法行政，扎实推进法治政府建设。"), report.Blocks[0]);
        Assert.Contains(report.Warnings, w => w.StartsWith("body: 4 line(s) above the title were left out", StringComparison.Ordinal));
    }

    [Fact]
    public void An_agency_printed_under_the_title_names_the_agency()
    {
        // Given a title without the agency, and the agency on its own line below
        var report = ImportTestSupport.ConvertText("2024年度法治政府建设工作报告\n平昌县交通运输局\n" + Body);

        Assert.Equal("2024年度法治政府建设工作报告", report.Title);
        Assert.Equal("平昌县交通运输局", report.Agency);
        Assert.DoesNotContain("平昌县交通运输局", ImportTestSupport.Body(report), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("平昌县交通运输局2024年法治政府建设情况报告", true)]
    [InlineData("2024年法治政府建设工作总结", true)]
    [InlineData("2024年，我局扎实推进法治政府建设。", false)]
    [InlineData("工作动态", false)]
    [InlineData("平昌县交通运输局", false)]
    public void A_line_scores_as_a_title_for_what_titles_have(string line, bool isTitle)
    {
        Assert.Equal(isTitle, TitleFinder.Score(line) >= 4);
    }
}
