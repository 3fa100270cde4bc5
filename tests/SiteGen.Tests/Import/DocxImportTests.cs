using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SiteGen.Import;

namespace SiteGen.Tests.Import;

/// <summary>Word files: heading levels by style or by numbering, automatic numbering written out, tables as Markdown, same cleaning rules.</summary>
public sealed class DocxImportTests
{
    /// <summary>Builds a small .docx the way Word saves a report: a title, heading styles, an automatically numbered heading, a table and a Word bookmark.</summary>
    private static byte[] BuildDocument()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new Style(new StyleName { Val = "Title" }) { Type = StyleValues.Paragraph, StyleId = "Title" },
                new Style(new StyleName { Val = "heading 1" }) { Type = StyleValues.Paragraph, StyleId = "1" },
                new Style(new StyleName { Val = "heading 2" }) { Type = StyleValues.Paragraph, StyleId = "2" });

            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.ChineseCounting }, new LevelText { Val = "（%1）" }) { LevelIndex = 0 })
                { AbstractNumberId = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 7 });

            Paragraph Styled(string style, string text) => new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text)));
            Paragraph Numbered(string text) => new(new ParagraphProperties(new ParagraphStyleId { Val = "2" }, new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 7 })), new Run(new Text(text)));
            Paragraph Plain(params string[] runs) => new(runs.Select(r => new Run(new Text(r) { Space = SpaceProcessingModeValues.Preserve })));

            main.Document = new Document(new Body(
                Styled("Title", "重庆市南岸区卫生健康委员会关于2024年度法治政府建设情况的报告"),
                Plain("2024年，南岸区卫生健康委深入学习贯彻习近平法治思想，", "积极推进法治政府建设。"),
                Styled("1", "一、2024年推进法治政府建设的主要举措和成效"),
                Numbered("依法履行政府职能能力有效提升"),
                new Paragraph(new BookmarkStart { Name = "_GoBack", Id = "0" }, new BookmarkEnd { Id = "0" }, new Run(new Text("1.加强政务规范，优化营商环境。严格落实信息公开制度。"))),
                Numbered("规范议事机制强化监督制约"),
                new Table(
                    new TableRow(new TableCell(new Paragraph(new Run(new Text("事项")))), new TableCell(new Paragraph(new Run(new Text("件数"))))),
                    new TableRow(new TableCell(new Paragraph(new Run(new Text("“三重一大”事项")))), new TableCell(new Paragraph(new Run(new Text("119")))))),
                Styled("1", "二、2025年推进法治政府建设的工作思路"),
                Plain("强化监督执法。")));
        }
        return stream.ToArray();
    }

    [Fact]
    public void A_word_report_converts_with_heading_levels_numbering_and_tables()
    {
        // Given a Word report built with heading styles, automatic numbering and a table
        var report = ReportConverter.Convert(DocxReportReader.Read(BuildDocument()));

        // When converted, then its metadata is read as from any other input
        Assert.Equal("重庆市南岸区卫生健康委员会关于2024年度法治政府建设情况的报告", report.Title);
        Assert.Equal("重庆市南岸区卫生健康委员会", report.Agency);
        Assert.Equal(["重庆市", "南岸区"], report.Region);
        Assert.Equal(2024, report.Year);

        // And the body keeps its structure: styled headings, numbered headings written out, the table in Markdown
        Assert.Equal("""

            2024年，南岸区卫生健康委深入学习贯彻习近平法治思想，积极推进法治政府建设。

            ## 一、2024年推进法治政府建设的主要举措和成效

            ### （一）依法履行政府职能能力有效提升

            #### 1.加强政务规范，优化营商环境

            严格落实信息公开制度。

            ### （二）规范议事机制强化监督制约

            | 事项 | 件数 |
            | --- | --- |
            | “三重一大”事项 | 119 |

            ## 二、2025年推进法治政府建设的工作思路

            强化监督执法。

            """, ImportTestSupport.Body(report));
    }

    [Fact]
    public void A_file_that_is_not_a_word_document_is_refused_with_a_reason()
    {
        var ex = Assert.Throws<ImportException>(() => DocxReportReader.Read("not a zip archive"u8.ToArray()));

        Assert.Contains("Word", ex.Message, StringComparison.Ordinal);
    }
}
