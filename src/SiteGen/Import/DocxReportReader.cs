using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SiteGen.Import;

/// <summary>Reads a Word (.docx) report: paragraphs with their heading level (from the heading style or outline level), automatic numbering written out, and tables as Markdown.</summary>
internal static class DocxReportReader
{
    public static SourceDocument Read(byte[] bytes) =>
        new(Lines(bytes, table => TableRows(table).Select(r => new SourceLine(r, SourceLineKind.Verbatim))), new SourceFacts(), "docx");

    /// <summary>The text of a Word document for search (an attachment's): its paragraphs, numbering written out, and its tables' rows, cells
    /// separated by tabs; one per line.</summary>
    public static string ReadText(byte[] bytes) =>
        string.Join('\n', Lines(bytes, table => table.Elements<TableRow>().Select(r => new SourceLine(string.Join('\t', CellTexts(r))))).Select(l => l.Text));

    /// <summary>The document's paragraphs as lines, and each table as the lines <paramref name="tableLines"/> makes of it.</summary>
    private static List<SourceLine> Lines(byte[] bytes, Func<Table, IEnumerable<SourceLine>> tableLines)
    {
        WordprocessingDocument word;
        try
        {
            word = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
        {
            throw new ImportException($"the file is not a readable Word document ({ex.Message})",
                "open it in Word or WPS and save it again as .docx; old .doc files must be saved as .docx first");
        }
        using (word)
        {
            var body = word.MainDocumentPart?.Document?.Body
                ?? throw new ImportException("the Word document has no body", "open it in Word or WPS and save it again as .docx");
            var styles = Styles(word.MainDocumentPart!);
            var numbering = new NumberingFormatter(word.MainDocumentPart!.NumberingDefinitionsPart?.Numbering);
            var lines = new List<SourceLine>();
            foreach (var element in body.ChildElements)
            {
                if (element is Paragraph paragraph) AddParagraph(paragraph, styles, numbering, lines);
                else if (element is Table table) lines.AddRange(tableLines(table));
            }
            return lines;
        }
    }

    private static void AddParagraph(Paragraph paragraph, Dictionary<string, (string Name, int? Outline)> styles, NumberingFormatter numbering, List<SourceLine> lines)
    {
        var text = Text(paragraph);
        var number = numbering.Next(paragraph, styles);
        if (text.Trim().Length == 0) return;
        if (number.Length > 0) text = number + text.TrimStart();

        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var style = styleId is not null && styles.TryGetValue(styleId, out var s) ? s : (Name: "", Outline: null);
        var outline = paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value ?? style.Outline;
        var name = style.Name.ToLowerInvariant();
        var parts = text.Split('\n');
        if (name is "title" or "标题")
        {
            lines.AddRange(parts.Select(p => new SourceLine(p)));
            return;
        }
        // Heading 1 is the report's first section level (##): the document title is the front matter's title.
        int? level = outline is { } o and < 8 ? o + 2 : HeadingNumber(name) is { } n ? n + 1 : null;
        if (level is { } l && parts.Length == 1 && text.Length <= 80) lines.Add(new SourceLine(text.Trim(), SourceLineKind.Heading, Math.Min(l, 6)));
        else lines.AddRange(parts.Select(p => new SourceLine(p)));
    }

    private static int? HeadingNumber(string styleName)
    {
        foreach (var prefix in new[] { "heading ", "标题 ", "标题" })
            if (styleName.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(styleName[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 5)
                return n;
        return null;
    }

    private static Dictionary<string, (string Name, int? Outline)> Styles(MainDocumentPart part)
    {
        var result = new Dictionary<string, (string, int?)>(StringComparer.Ordinal);
        foreach (var style in part.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
        {
            var id = style.StyleId?.Value;
            if (id is null) continue;
            result[id] = (style.StyleName?.Val?.Value ?? id, style.StyleParagraphProperties?.OutlineLevel?.Val?.Value);
        }
        return result;
    }

    /// <summary>The visible text of a paragraph: runs, tabs and line breaks; deleted revisions and field codes are left out.</summary>
    private static string Text(OpenXmlElement paragraph)
    {
        var sb = new StringBuilder();
        foreach (var e in paragraph.Descendants())
        {
            switch (e)
            {
                case Text t: sb.Append(t.Text); break;
                case TabChar: sb.Append(' '); break;
                case Break or CarriageReturn: sb.Append('\n'); break;
            }
        }
        return sb.ToString();
    }

    private static List<string> TableRows(Table table) => MarkdownTable.Rows(table.Elements<TableRow>().Select(CellTexts));

    /// <summary>Each cell's text, its paragraphs joined by spaces.</summary>
    private static IReadOnlyList<string> CellTexts(TableRow row) => row.Elements<TableCell>()
        .Select(c => string.Join(" ", c.Elements<Paragraph>().Select(p => Text(p).Replace('\n', ' ').Trim()).Where(t => t.Length > 0))).ToList();

    /// <summary>Writes out Word's automatic numbering (<c>一、</c>, <c>（一）</c>, <c>1.</c>), which is not part of the paragraph text.</summary>
    private sealed class NumberingFormatter(Numbering? numbering)
    {
        private readonly Dictionary<(int NumId, int Level), int> _counters = new();

        public string Next(Paragraph paragraph, Dictionary<string, (string Name, int? Outline)> styles)
        {
            var props = paragraph.ParagraphProperties?.NumberingProperties;
            if (numbering is null || props?.NumberingId?.Val?.Value is not { } numId || numId == 0) return "";
            var level = props.NumberingLevelReference?.Val?.Value ?? 0;
            var instance = numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var definition = numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
            var levelDef = definition?.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);
            if (levelDef is null) return "";

            var start = levelDef.StartNumberingValue?.Val?.Value ?? 1;
            _counters[(numId, level)] = _counters.TryGetValue((numId, level), out var c) ? c + 1 : start;
            foreach (var deeper in _counters.Keys.Where(k => k.NumId == numId && k.Level > level).ToList()) _counters.Remove(deeper);

            var pattern = levelDef.LevelText?.Val?.Value ?? "";
            var text = new StringBuilder();
            for (var i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] == '%' && i + 1 < pattern.Length && char.IsAsciiDigit(pattern[i + 1]))
                {
                    var ref_ = pattern[i + 1] - '1';
                    var value = _counters.TryGetValue((numId, ref_), out var v) ? v : 1;
                    var format = definition!.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == ref_)?.NumberingFormat?.Val?.Value;
                    text.Append(Format(value, format));
                    i++;
                }
                else text.Append(pattern[i]);
            }
            return text.ToString();
        }

        private static string Format(int value, NumberFormatValues? format)
        {
            if (format == NumberFormatValues.ChineseCounting || format == NumberFormatValues.ChineseCountingThousand
                || format == NumberFormatValues.IdeographTraditional || format == NumberFormatValues.ChineseLegalSimplified)
                return Chinese(value);
            return value.ToString(CultureInfo.InvariantCulture);
        }

        private static string Chinese(int n)
        {
            const string digits = "零一二三四五六七八九";
            if (n < 10) return digits[n].ToString();
            if (n < 20) return "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString());
            if (n < 100) return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString());
            return n.ToString(CultureInfo.InvariantCulture);
        }
    }
}
