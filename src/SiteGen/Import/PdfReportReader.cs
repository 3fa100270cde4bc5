using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace SiteGen.Import;

/// <summary>Reads a text PDF report, the one place PdfPig is used: refuses files that are not whole, readable, text PDFs, takes each
/// page's characters and border rules, and passes them through the layout steps (lines and tables, page furniture, paragraphs).</summary>
internal static class PdfReportReader
{
    /// <summary>Thickest filled rectangle (points) taken for a drawn line such as a table border.</summary>
    private const double RuleThickness = 3;

    /// <summary>Pages <see cref="ReadText"/> reads at least, even past its budget.</summary>
    private const int FurniturePages = 5;

    /// <summary>The report's lines; <paramref name="warnings"/> says what had to be left out (image-only pages, turned text, undecodable characters).</summary>
    public static SourceDocument Read(byte[] bytes, out IReadOnlyList<string> warnings)
    {
        var (pages, turned, undecodable, total, _) = ReadPages(bytes, int.MaxValue);
        RefuseWithoutText(pages, undecodable, total);

        var notes = new List<string>();
        var images = pages.Where(p => p.ImagesOnly).Select(p => p.Number).ToList();
        if (images.Count > 0)
            notes.Add($"pdf: page(s) {string.Join(", ", images)} hold only images (scanned?) and no text: their content is not imported; add it by hand or OCR the pages");
        if (turned > 0)
            notes.Add($"pdf: {turned} characters of turned text (a watermark, a stamp or a rotated table) are left out; check them against the original");
        if (undecodable > 0)
            notes.Add($"pdf: {undecodable} characters without Unicode meaning are left out; check the text against the original");
        warnings = notes;
        return new SourceDocument(Lines(pages), new SourceFacts(), "pdf");
    }

    /// <summary>The text of a PDF for search (an attachment's): the lines <see cref="Read"/> finds, one per line, with pages read only until
    /// <paramref name="maxChars"/> characters are found (and at least five), so a long PDF costs no more than its first pages
    /// (<paramref name="complete"/> says whether every page was read). Refused like <see cref="Read"/>.</summary>
    public static string ReadText(byte[] bytes, int maxChars, out bool complete)
    {
        var (pages, _, undecodable, total, allPages) = ReadPages(bytes, maxChars);
        RefuseWithoutText(pages, undecodable, total);
        complete = allPages;
        return string.Join('\n', Lines(pages).Select(l => l.Text));
    }

    /// <summary>Each page's characters and border rules, pages read until <paramref name="maxGlyphs"/> characters are taken, with counts of
    /// the characters left out (turned, undecodable) and of all characters seen, and whether every page was read.</summary>
    private static (List<PdfPageContent> Pages, int Turned, int Undecodable, int Total, bool AllPages) ReadPages(byte[] bytes, int maxGlyphs)
    {
        CheckEnds(bytes);
        var pages = new List<PdfPageContent>();
        var (turned, undecodable, total, taken) = (0, 0, 0, 0);
        var pageCount = 0;
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            pageCount = pdf.NumberOfPages;
            // Past the budget, pages are still read up to the fifth: running headers and footers are recognised by repeating on several.
            for (var n = 1; n <= pdf.NumberOfPages && (taken < maxGlyphs || n <= FurniturePages); n++)
            {
                var page = pdf.GetPage(n);
                var glyphs = new List<PdfGlyph>();
                foreach (var letter in page.Letters)
                {
                    if (letter.Value.Length > 0 && string.IsNullOrWhiteSpace(letter.Value)) continue;
                    total++;
                    if (!Decodable(letter.Value)) undecodable++;
                    else if (letter.TextOrientation != TextOrientation.Horizontal) turned++;
                    else glyphs.Add(new PdfGlyph(letter.Value, letter.StartBaseLine.X, letter.EndBaseLine.X, letter.StartBaseLine.Y, letter.PointSize));
                }
                taken += glyphs.Count;
                pages.Add(new PdfPageContent(n, glyphs, Rules(page), glyphs.Count == 0 && page.NumberOfImages > 0));
            }
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new ImportException("the PDF is encrypted: it opens only with a password",
                "open it with its password and save or print an unprotected copy as PDF, then import that copy");
        }
        catch (Exception ex) when (ex is not ImportException and not OutOfMemoryException)
        {
            throw new ImportException($"the PDF is damaged and cannot be read ({ex.Message})",
                "open it in a PDF reader and save or print it as a new PDF, or fetch the original again");
        }
        return (pages, turned, undecodable, total, pages.Count == pageCount);
    }

    /// <summary>Refuses a PDF without readable text: a scan, blank pages, or fonts without a Unicode map.</summary>
    private static void RefuseWithoutText(List<PdfPageContent> pages, int undecodable, int total)
    {
        if (pages.All(p => p.Glyphs.Count == 0))
        {
            if (pages.Any(p => p.ImagesOnly))
                throw new ImportException("the PDF holds only page images (a scan) and no text",
                    "run OCR on it first (for example ocrmypdf or the scanner's own OCR) and import the result, or import the report's text or Word version");
            throw new ImportException("the PDF contains no text", "check that this is the report: its pages are blank or their text is drawn as shapes");
        }
        if (undecodable * 20 > total)
            throw new ImportException($"the PDF's text cannot be read: {undecodable} of its {total} characters have no Unicode meaning (fonts without a ToUnicode map)",
                "export the PDF again from the original document (Word or WPS: save as PDF), or run OCR on it");
    }

    /// <summary>The lines of the pages in reading order: lines and tables built, running headers and footers dropped, paragraphs re-joined.</summary>
    private static IReadOnlyList<SourceLine> Lines(List<PdfPageContent> pages) =>
        PdfParagraphs.Join(PdfPageFurniture.Remove(pages.Select(PdfLineBuilder.Lines).ToList()).SelectMany(p => p).ToList());

    /// <summary>A PDF starts with <c>%PDF-</c> and ends with <c>%%EOF</c> (readers allow some bytes around both); a file cut off in a download lacks the end.</summary>
    private static void CheckEnds(byte[] bytes)
    {
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) < 0)
            throw new ImportException("the file is not a PDF (it does not start with %PDF-)", "check the file: a saved web page is .html, a Word file .docx");
        if (bytes.AsSpan(Math.Max(0, bytes.Length - 1024)).IndexOf("%%EOF"u8) < 0)
            throw new ImportException("the PDF is truncated: its end (%%EOF) is missing, so the file was cut off",
                "download or copy the file again; if it opens in a PDF reader, save or print it as a new PDF");
    }

    /// <summary>False for what a font without a Unicode map yields: nothing, U+FFFD, a control or a private-use character.</summary>
    private static bool Decodable(string text) =>
        text.Length > 0 && !text.Any(c => c == '\uFFFD' || char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.PrivateUse);

    /// <summary>The straight lines drawn on a page (thin filled rectangles and stroked horizontal or vertical segments): the borders tables are found by.</summary>
    private static List<PdfRule> Rules(Page page)
    {
        var rules = new List<PdfRule>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping) continue;
            foreach (var subpath in path)
            {
                if (path.IsFilled && subpath.GetBoundingRectangle() is { } box && Math.Min(box.Width, box.Height) <= RuleThickness && Math.Max(box.Width, box.Height) > RuleThickness)
                    rules.Add(new PdfRule(box.Left, box.Bottom, box.Right, box.Top));
                else if (path.IsStroked)
                    rules.AddRange(Segments(subpath).Where(s => Math.Abs(s.From.X - s.To.X) < 0.5 || Math.Abs(s.From.Y - s.To.Y) < 0.5)
                        .Select(s => new PdfRule(Math.Min(s.From.X, s.To.X), Math.Min(s.From.Y, s.To.Y), Math.Max(s.From.X, s.To.X), Math.Max(s.From.Y, s.To.Y))));
            }
        }
        return rules;
    }

    /// <summary>The straight segments of a stroked subpath, its closing segment included.</summary>
    private static IEnumerable<(PdfPoint From, PdfPoint To)> Segments(PdfSubpath subpath)
    {
        PdfPoint? start = null;
        PdfPoint? current = null;
        foreach (var command in subpath.Commands)
        {
            switch (command)
            {
                case PdfSubpath.Move move:
                    start = current = move.Location;
                    break;
                case PdfSubpath.Line line:
                    yield return (line.From, line.To);
                    current = line.To;
                    break;
                case PdfSubpath.Close when start is { } s && current is { } c:
                    yield return (c, s);
                    current = s;
                    break;
            }
        }
    }
}
