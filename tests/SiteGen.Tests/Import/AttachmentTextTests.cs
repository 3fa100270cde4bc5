using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SiteGen.Import;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace SiteGen.Tests.Import;

/// <summary>The text of Word and Excel attachments for search: what a reader of the file sees, in its order, cut at the budget; files
/// that are not what their name says, or that unpack to too much, give a reason instead of text. (PDFs: <see cref="PdfImportTests"/>.)</summary>
public sealed class AttachmentTextTests
{
    private static Cell Shared(int index) => new() { DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) };
    private static Cell Number(string value) => new() { CellValue = new CellValue(value) };
    internal static Cell Inline(string text) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    /// <summary>A workbook as Excel saves one: shared strings (one in rich text runs, one with a phonetic guide), numbers, an inline string,
    /// a boolean and an error cell, on two sheets.</summary>
    internal static byte[] Workbook(params (string Name, Row[] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("地区")),
                new SharedStringItem(new Text("行政复议件数")),
                new SharedStringItem(new Run(new Text("红塔")), new Run(new Text("区"))),
                new SharedStringItem(new Text("江川区"), new PhoneticRun(new Text("jiāngchuān")) { BaseTextStartIndex = 0, EndingBaseIndex = 3 }));
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = new Worksheet(new SheetData(rows));
                workbook.Workbook.Sheets!.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }
        }
        return stream.ToArray();
    }

    private static byte[] StatisticsWorkbook() => Workbook(
        ("2024年统计", [
            new Row(Shared(0), Shared(1)),
            new Row(Shared(2), Number("15")),
            new Row(Shared(3), Number("8.5"), new Cell { DataType = CellValues.Boolean, CellValue = new CellValue("1") }),
            new Row(),
            new Row(new Cell { DataType = CellValues.Error, CellValue = new CellValue("#DIV/0!") }, Number("97.32")),
        ]),
        ("附表", [new Row(Inline("备注"), Inline("全部按期办结"))]));

    [Fact]
    public void A_workbook_reads_as_its_sheet_names_and_rows_with_shared_and_inline_strings_and_numbers()
    {
        var result = AttachmentText.Read(StatisticsWorkbook(), ".xlsx");

        Assert.Null(result.Problem);
        Assert.False(result.Truncated);
        Assert.Equal("2024年统计\n地区\t行政复议件数\n红塔区\t15\n江川区\t8.5\n97.32\n\n附表\n备注\t全部按期办结", result.Text);
    }

    [Fact]
    public void A_large_workbook_is_read_only_up_to_the_budget()
    {
        // Given a sheet of 20,000 rows
        var rows = Enumerable.Range(0, 20_000).Select(i => new Row(Inline($"第{i}行"), Number(i.ToString(CultureInfo.InvariantCulture)))).ToArray();

        // When its text is read with a budget of 1,000 characters
        var result = AttachmentText.Read(Workbook(("大表", rows)), ".xlsx", maxChars: 1000);

        // Then exactly the budget's worth of its first rows comes back, marked as cut
        Assert.True(result.Truncated);
        Assert.Equal(1000, result.Text.Length);
        Assert.StartsWith("大表\n第0行\t0\n第1行\t1\n", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_document_reads_as_its_paragraphs_with_their_numbering_and_its_table_rows()
    {
        // Given a Word file with a paragraph, an automatically numbered heading and a table
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Word.Numbering(
                new Word.AbstractNum(new Word.Level(new Word.StartNumberingValue { Val = 1 }, new Word.NumberingFormat { Val = Word.NumberFormatValues.ChineseCounting },
                    new Word.LevelText { Val = "%1、" }) { LevelIndex = 0 }) { AbstractNumberId = 1 },
                new Word.NumberingInstance(new Word.AbstractNumId { Val = 1 }) { NumberID = 3 });
            Word.TableCell Cell(string text) => new(new Word.Paragraph(new Word.Run(new Word.Text(text))));
            main.Document = new Word.Document(new Word.Body(
                new Word.Paragraph(new Word.Run(new Word.Text("附件：2024年行政复议案件统计"))),
                new Word.Paragraph(new Word.ParagraphProperties(new Word.NumberingProperties(new Word.NumberingLevelReference { Val = 0 }, new Word.NumberingId { Val = 3 })),
                    new Word.Run(new Word.Text("案件情况"))),
                new Word.Table(new Word.TableRow(Cell("事项"), Cell("件数")), new Word.TableRow(Cell("行政复议"), Cell("15")))));
        }

        // When its text is read, then it comes line by line, the numbering written out and the cells separated by tabs
        var result = AttachmentText.Read(stream.ToArray(), ".docx");
        Assert.Equal("附件：2024年行政复议案件统计\n一、案件情况\n事项\t件数\n行政复议\t15", result.Text);
        Assert.Null(result.Problem);
    }

    [Theory]
    [InlineData(".xlsx", "damaged")]
    [InlineData(".docx", "damaged")]
    [InlineData(".zip", "no text to read")]
    public void A_file_that_is_not_what_its_name_says_gives_a_reason_instead_of_text(string extension, string reason)
    {
        var result = AttachmentText.Read("这不是一个Office文件"u8.ToArray(), extension);

        Assert.Equal("", result.Text);
        Assert.Contains(reason, result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_office_file_that_unpacks_to_more_than_the_limit_is_not_read()
    {
        // Given a workbook whose one part unpacks to just over the limit (a few hundred kilobytes packed)
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest).Open();
            var block = new byte[1 << 20];
            for (long written = 0; written <= AttachmentText.MaxUnpackedBytes; written += block.Length) entry.Write(block);
        }

        // When its text is read, then it is refused before anything is unpacked
        var result = AttachmentText.Read(stream.ToArray(), ".xlsx");
        Assert.Contains("unpacks to more than 256 MB", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_pdf_docx_and_xlsx_files_have_text_to_read()
    {
        Assert.True(AttachmentText.CanRead("统计表.XLSX"));
        Assert.True(AttachmentText.CanRead("原文.pdf"));
        Assert.True(AttachmentText.CanRead("草稿.docx"));
        Assert.False(AttachmentText.CanRead("草稿.doc"));
        Assert.False(AttachmentText.CanRead("图.png"));
    }
}
