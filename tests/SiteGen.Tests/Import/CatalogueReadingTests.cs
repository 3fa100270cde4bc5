using SiteGen.Import;

namespace SiteGen.Tests.Import;

/// <summary>The 政府信息公开 catalogue is read in every shape pages print it, mapped to the content model's catalogue fields, and kept out of the body.</summary>
public sealed class CatalogueReadingTests
{
    private const string Title = "青川县林业局2024年法治政府建设年度报告";

    private static ImportedReport Convert(string catalogue) => ImportTestSupport.ConvertText(catalogue + "\n" + Title + "\n" + ImportTestSupport.SampleBody);

    private static void AssertNotInBody(ImportedReport report, params string[] words)
    {
        var body = ImportTestSupport.Body(report);
        foreach (var word in words) Assert.DoesNotContain(word, body, StringComparison.Ordinal);
    }

    [Fact]
    public void Bracketed_labels_paired_on_one_line_fill_their_fields()
    {
        // Given a catalogue printed as [ label ] value pairs
        var report = Convert("[ 索引号 ] 008123456/2025-00031 [ 发文字号 ] 青林发〔2025〕7号\n[ 发布机构 ] 青川县林业局 [ 成文日期 ] 2025-02-11");

        // Then each value lands in its field and the catalogue leaves the body
        Assert.Equal("008123456/2025-00031", report.IndexNo);
        Assert.Equal("青林发〔2025〕7号", report.DocNo);
        Assert.Equal("青川县林业局", report.Publisher);
        Assert.Equal(new DateOnly(2025, 2, 11), report.Written);
        AssertNotInBody(report, "索引号", "008123456");
    }

    [Fact]
    public void A_bulleted_label_with_its_value_on_the_next_line_is_read()
    {
        // Given a catalogue whose bullets give each label and, on the next bullet, its value
        var report = Convert("  • [ 索引号 ]\n  • 008123456/2025-00031\n  • [ 主题分类 ]\n  • 农业、林业\n  • [ 发布日期 ]\n  • 2025-02-12");

        Assert.Equal("008123456/2025-00031", report.IndexNo);
        Assert.Equal("农业、林业", report.Topic);
        Assert.Equal(new DateOnly(2025, 2, 12), report.Published);
        AssertNotInBody(report, "农业、林业", "主题分类");
    }

    [Fact]
    public void A_bracketed_label_that_lost_a_character_is_still_recognised()
    {
        // Given labels garbled by a copy that dropped one character (索引号 → 索号, 成文日期 → 成日期)
        var report = Convert("[ 索号 ]\n008123456/2025-00031\n[ 成日期 ]\n2025-02-12");

        Assert.Equal("008123456/2025-00031", report.IndexNo);
        Assert.Equal(new DateOnly(2025, 2, 12), report.Written);
    }

    [Fact]
    public void A_catalogue_cut_short_does_not_take_the_title_for_the_value_of_its_last_label()
    {
        // Given a last bracketed label whose value the page lost, followed by the title
        var report = Convert("[ 索引号 ] 008123456/2025-00031\n[ 有效性 ]");

        // Then the title is still the title
        Assert.Equal(Title, report.Title);
    }

    [Fact]
    public void A_pipe_table_gives_label_value_pairs_and_may_hold_the_only_title()
    {
        // Given a catalogue rendered as a pipe table whose 标 题 cell is the only place the title appears
        var report = ImportTestSupport.ConvertText("""
            索引号 | 008123456/2025-00031 | 发文字号 | ||
            成文日期 | 2025-02-10 | 发布日期 | 2025-02-12 ||
            标 题 | 青川县林业局2024年政府信息公开工作年度报告 | |||
            发布机构 | 林业局 | 有效性 | 有效 ||
            一、总体情况
            2024年，我局依法做好政府信息公开工作。
            """);

        // Then its fields are read, the empty 发文字号 stays empty, and the title comes from the 标题 cell
        Assert.Equal("008123456/2025-00031", report.IndexNo);
        Assert.Null(report.DocNo);
        Assert.Equal(new DateOnly(2025, 2, 10), report.Written);
        Assert.Equal(new DateOnly(2025, 2, 12), report.Published);
        Assert.Equal("青川县林业局2024年政府信息公开工作年度报告", report.Title);
        AssertNotInBody(report, "索引号", "林业局 |");
    }

    [Fact]
    public void Spaced_labels_on_lines_of_their_own_are_read()
    {
        // Given a catalogue whose labels are spaced out and whose title is given only in the 标题 field
        var report = ImportTestSupport.ConvertText("索 引 号：008123456/2025-00031\n标　　题：青川县林业局2024年法治政府建设年度报告\n发文机关：青川县林业局\n所属主题：林业\n" + ImportTestSupport.SampleBody);

        Assert.Equal("008123456/2025-00031", report.IndexNo);
        Assert.Equal(Title, report.Title);
        Assert.Equal("青川县林业局", report.Publisher);
        Assert.Equal("林业", report.Topic);
    }

    [Fact]
    public void A_label_alone_takes_the_line_below_as_its_value()
    {
        var report = Convert("索引号\n008123456/2025-00031\n发布机构\n青川县林业局");

        Assert.Equal("008123456/2025-00031", report.IndexNo);
        Assert.Equal("青川县林业局", report.Publisher);
    }

    [Fact]
    public void A_written_date_is_written_and_a_validity_date_is_neither_written_nor_published()
    {
        // Given a catalogue with 成文日期 and 生效日期 but no publication date
        var report = Convert("成文日期：2025-02-10  生效日期：2025-03-01");

        Assert.Equal(new DateOnly(2025, 2, 10), report.Written);
        Assert.Null(report.Published);
    }

    [Fact]
    public void Placeholder_values_are_left_out()
    {
        var report = Convert("索引号：008123456/2025-00031  发文字号：无  主题分类：-");

        Assert.Null(report.DocNo);
        Assert.Null(report.Topic);
    }

    [Fact]
    public void An_index_number_without_its_label_is_recognised_by_its_shape()
    {
        // Given a catalogue that lost its labels: the index number stands alone under the title
        var report = ImportTestSupport.ConvertText(Title + "\n1151092300A123456B/2025-0004471\n" + ImportTestSupport.SampleBody);

        Assert.Equal("1151092300A123456B/2025-0004471", report.IndexNo);
        AssertNotInBody(report, "1151092300A123456B");
    }

    [Fact]
    public void A_sentence_in_the_body_that_starts_like_a_label_stays_in_the_body()
    {
        // Given a body sentence beginning with 标题 (a catalogue label only in the page head)
        var report = ImportTestSupport.ConvertText(Title + "\n一、主要举措\n标题：规范执法文书，统一格式。\n");

        Assert.Contains("标题：规范执法文书", ImportTestSupport.Body(report), StringComparison.Ordinal);
    }
}
