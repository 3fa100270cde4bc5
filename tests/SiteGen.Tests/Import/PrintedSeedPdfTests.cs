using System.Net;
using SiteGen.Import;

namespace SiteGen.Tests.Import;

/// <summary>The five real reports printed to PDF import as their text does: the PDF reader hands the converter the same lines.</summary>
public sealed class PrintedSeedPdfTests(PrintedSeedPdfTests.Pdfs pdfs) : IClassFixture<PrintedSeedPdfTests.Pdfs>
{
    private static string GoldenFolder => Path.Combine(ImportTestSupport.SourceFolder(), "Golden");

    /// <summary>Each seed's lines as indented paragraphs on A4 pages, printed once for the class.</summary>
    public sealed class Pdfs : IDisposable
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("sitegen-pdf-").FullName;

        public Pdfs() => Parallel.ForEach(Seeds(), new ParallelOptions { MaxDegreeOfParallelism = 2 }, seed =>
        {
            var lines = PlainTextReader.Read(File.ReadAllBytes(Path.Combine(GoldenFolder, seed + ".txt"))).Lines.Select(l => l.Text.Trim()).Where(l => l.Length > 0);
            ChromiumPdf.Print(ChromiumPdf.Page(string.Concat(lines.Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>"))), PathOf(seed));
        });

        public string PathOf(string seed) => Path.Combine(Folder, seed + ".pdf");

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    private static IEnumerable<string> Seeds() =>
        Directory.GetFiles(GoldenFolder, "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static TheoryData<string> SeedNames() => new(Seeds());

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void A_real_report_printed_to_pdf_imports_like_its_text(string seed)
    {
        // Given a real report as text and the same report printed to a PDF of several pages
        var text = ImportRunner.Convert(Path.Combine(GoldenFolder, seed + ".txt"));

        // When the PDF is imported
        var pdf = ImportRunner.Convert(pdfs.PathOf(seed));

        // Then it has the same metadata and the same body, every paragraph re-joined where the printer broke it; only a space
        // the printer turned into a line break (`车辆 203` at the end of a line) cannot be told from none
        Assert.Equal((text.Title, text.Agency, text.Year, text.Published, text.Written), (pdf.Title, pdf.Agency, pdf.Year, pdf.Published, pdf.Written));
        Assert.Equal(text.Region, pdf.Region);
        Assert.Equal(text.Blocks.Select(Kind), pdf.Blocks.Select(Kind));
        Assert.Equal(WithoutSpaces(ImportTestSupport.Body(text)), WithoutSpaces(ImportTestSupport.Body(pdf)));
    }

    private static string Kind(ReportBlock block) => block is HeadingBlock h ? "h" + h.Level : block.GetType().Name;

    private static string WithoutSpaces(string text) => string.Concat(text.Where(c => c != ' '));
}
