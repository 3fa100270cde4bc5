using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SiteGen.Import;

/// <summary>The text found in an attachment: plain text of at most the character budget, whether the file held more (<c>Truncated</c>),
/// and why no text could be read (a scan, an encrypted or damaged file), else null.</summary>
public sealed record AttachmentTextResult(string Text, bool Truncated, string? Problem);

/// <summary>The plain text of an attachment, for searching inside it: PDF (through the import's PDF reader: reading order, running headers,
/// footers and page numbers dropped, paragraphs re-joined), Word .docx (through its Word reader: paragraphs, numbering, table rows) and
/// Excel .xlsx (each sheet's name on a line, then its rows, cells separated by tabs: shared and inline strings, numbers as stored).</summary>
/// <remarks>Reading stops at the budget where the format allows it (PDF pages, spreadsheet cells and shared strings), so a long file costs
/// no more than its first part. A .docx or .xlsx whose parts unpack to more than <see cref="MaxUnpackedBytes"/> is not read.</remarks>
public static class AttachmentText
{
    public const int DefaultMaxChars = 100_000;
    public const long MaxUnpackedBytes = 256L * 1024 * 1024;

    private static readonly string[] Readable = [".pdf", ".docx", ".xlsx"];

    /// <summary>Whether files of this name's type have text to read here.</summary>
    public static bool CanRead(string fileName) => Readable.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);

    public static AttachmentTextResult Read(string path, int maxChars = DefaultMaxChars)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new AttachmentTextResult("", false, $"cannot read the file: {ex.Message}");
        }
        return Read(bytes, Path.GetExtension(path), maxChars);
    }

    /// <summary>The text of a file of type <paramref name="extension"/> (<c>.pdf</c>, <c>.docx</c>, <c>.xlsx</c>) held in <paramref name="bytes"/>.</summary>
    public static AttachmentTextResult Read(byte[] bytes, string extension, int maxChars = DefaultMaxChars)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxChars);
        try
        {
            var (text, complete) = extension.ToLowerInvariant() switch
            {
                ".pdf" => (PdfReportReader.ReadText(bytes, maxChars, out var allPages), allPages),
                ".docx" => (DocxReportReader.ReadText(Unpackable(bytes)), true),
                ".xlsx" => Spreadsheet(Unpackable(bytes), maxChars),
                _ => throw new ImportException($"`{extension}` files have no text to read", $"text is read from {string.Join(", ", Readable)} files"),
            };
            return text.Length > maxChars || !complete ? new AttachmentTextResult(Cut(text, maxChars), true, null) : new AttachmentTextResult(text, false, null);
        }
        catch (ImportException ex)
        {
            return new AttachmentTextResult("", false, ex.Message);
        }
    }

    /// <summary>The first <paramref name="maxChars"/> characters, never half of a surrogate pair.</summary>
    private static string Cut(string text, int maxChars)
    {
        if (text.Length <= maxChars) return text;
        return text[..(char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : maxChars)];
    }

    /// <summary>Refuses an Office file that is not a zip package, or whose parts unpack to more than <see cref="MaxUnpackedBytes"/>.</summary>
    private static byte[] Unpackable(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
                throw new ImportException($"the file unpacks to more than {MaxUnpackedBytes / (1024 * 1024)} MB, too much to read for search", "split it into smaller files");
        }
        catch (InvalidDataException ex)
        {
            throw new ImportException($"the file is damaged: it is not an Office document ({ex.Message})", "open it in Office or WPS and save it again");
        }
        return bytes;
    }

    /// <summary>A workbook's sheets in their order, each its name and then its rows; reading stops once <paramref name="maxChars"/> characters are found.</summary>
    private static (string Text, bool Complete) Spreadsheet(byte[] bytes, int maxChars)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
        {
            throw new ImportException($"the file is not a readable Excel workbook ({ex.Message})", "open it in Excel or WPS and save it again as .xlsx");
        }
        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new ImportException("the Excel file has no workbook", "open it in Excel or WPS and save it again as .xlsx");
            var shared = SharedStrings(workbook.SharedStringTablePart, maxChars);
            var text = new StringBuilder();
            foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
            {
                if (text.Length > maxChars) return (text.ToString(), false);
                // A chart sheet has no cells.
                if (sheet.Id?.Value is not { } id || !workbook.TryGetPartById(id, out var part) || part is not WorksheetPart worksheet) continue;
                if (text.Length > 0) text.Append("\n\n");
                text.Append(sheet.Name?.Value);
                AppendRows(worksheet, shared, text, maxChars);
            }
            return (text.ToString(), text.Length <= maxChars);
        }
    }

    /// <summary>The workbook's shared strings (rich text runs joined, phonetic guides left out) until <paramref name="maxChars"/> characters
    /// are read: cells referring to later ones are beyond the budget anyway, since Excel stores strings in the order cells first use them.</summary>
    private static List<string> SharedStrings(SharedStringTablePart? part, int maxChars)
    {
        var strings = new List<string>();
        if (part is null) return strings;
        var total = 0;
        using var reader = OpenXmlReader.Create(part);
        reader.Read();
        while (!reader.EOF && total <= maxChars)
        {
            if (reader.ElementType != typeof(SharedStringItem) || !reader.IsStartElement)
            {
                reader.Read();
                continue;
            }
            var item = (SharedStringItem)reader.LoadCurrentElement()!;
            var value = string.Concat(item.Elements<Text>().Select(t => t.Text)) + string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));
            strings.Add(value);
            total += value.Length;
        }
        return strings;
    }

    /// <summary>Appends each row with a value as a line, its cells' values separated by tabs.</summary>
    private static void AppendRows(WorksheetPart worksheet, List<string> shared, StringBuilder text, int maxChars)
    {
        using var reader = OpenXmlReader.Create(worksheet);
        var row = new List<string>();
        void EndRow()
        {
            if (row.Count > 0) text.Append('\n').AppendJoin('\t', row);
            row.Clear();
        }
        reader.Read();
        while (!reader.EOF && text.Length <= maxChars)
        {
            if (reader.IsStartElement && reader.ElementType == typeof(Row)) EndRow();
            if (!reader.IsStartElement || reader.ElementType != typeof(Cell))
            {
                reader.Read();
                continue;
            }
            // Loading the cell moves the reader past it.
            var value = CellText((Cell)reader.LoadCurrentElement()!, shared);
            if (value.Length > 0) row.Add(value);
        }
        EndRow();
    }

    private static string CellText(Cell cell, List<string> shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(cell.CellValue?.Text, out var index) && index >= 0 && index < shared.Count ? shared[index] : "";
        if (type == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        if (type == CellValues.Boolean || type == CellValues.Error) return "";
        // A number (or a date, which Excel stores as a number of days) as stored, or a formula's text result.
        return cell.CellValue?.Text ?? "";
    }
}
