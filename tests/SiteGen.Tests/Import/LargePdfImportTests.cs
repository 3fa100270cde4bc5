using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Import;

namespace SiteGen.Tests.Import;

/// <summary>A report of 300-odd printed pages, with a running header and footer on each, imports whole.</summary>
public sealed partial class LargePdfImportTests(LargePdfImportTests.Pdf pdf) : IClassFixture<LargePdfImportTests.Pdf>
{
    private const int Sections = 4;
    private const int Subsections = 30;
    private const int Paragraphs = 21;
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    /// <summary>The PDF, printed once for the class: the text flows over the pages as Chromium breaks them, so paragraphs break across pages
    /// wherever they fall, under a running header and over a running footer.</summary>
    public sealed class Pdf : IDisposable
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("sitegen-pdf-").FullName;
        public string Path => System.IO.Path.Combine(Folder, "long.pdf");

        public Pdf()
        {
            var body = new StringBuilder("<h1>新田县司法局关于2024年度法治政府建设情况的报告</h1>");
            for (var s = 1; s <= Sections; s++)
            {
                body.Append($"<p>{Heading(s)}</p>");
                for (var t = 1; t <= Subsections; t++)
                {
                    body.Append($"<p>{Subheading(s, t)}</p>");
                    for (var p = 1; p <= Paragraphs; p++) body.Append($"<p>{Paragraph(s, t, p)}</p>");
                }
            }
            body.Append("<div class=\"sign\"><p>新田县司法局</p><p>2025年1月20日</p></div>");
            // Fixed elements print on every page; the frame's empty header and footer rows, repeated on every page too, keep the text clear of them.
            var html = ChromiumPdf.Page(
                $"<div class=\"running top\">新田县司法局文件</div><div class=\"running bottom\">新田县人民政府印发</div>"
                + $"<table class=\"frame\"><thead><tr><td class=\"space\"></td></tr></thead><tfoot><tr><td class=\"space\"></td></tr></tfoot><tbody><tr><td>{body}</td></tr></tbody></table>",
                ".running { position: fixed; left: 0; right: 0; text-align: center; font-size: 10.5pt; } .top { top: 0; } .bottom { bottom: 0; }"
                + ".frame, .frame td { border: none; padding: 0; margin: 0; width: 100%; } .space { height: 12mm; }");
            ChromiumPdf.Print(html, Path);
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    private static string Chinese(int n) => n <= 10 ? Numerals[n - 1] : n < 20 ? "十" + Numerals[n - 11] : Numerals[n / 10 - 1] + "十" + (n % 10 == 0 ? "" : Numerals[n % 10 - 1]);
    private static string Heading(int s) => $"{Chinese(s)}、第{s}部分工作情况";
    private static string Subheading(int s, int t) => $"（{Chinese(t)}）第{s}部分第{t}项工作";
    private static readonly string[] Work =
    [
        "全年开展行政执法监督检查，依法办理行政复议和行政诉讼案件，行政机关负责人出庭应诉率逐年提高。",
        "严格落实重大行政决策程序规定，公众参与、专家论证、风险评估、合法性审查和集体讨论决定成为必经程序，决策质量明显提升。",
        "深化政务公开，主动公开政府信息，依申请公开全部按期办结。",
        "加强行政规范性文件合法性审核，清理不符合上位法规定的文件，建立健全备案审查衔接联动机制，做到有件必备、有备必审、有错必纠。",
        "推进“谁执法谁普法”普法责任制，开展法治宣传进机关、进乡村、进社区、进学校、进企业、进单位活动，群众满意度明显上升。",
    ];

    private static string Paragraph(int s, int t, int p) => $"第{s}部分第{t}项第{p}段：" + Work[(s + t + p) % Work.Length];

    [Fact]
    public void A_300_page_pdf_imports_whole_with_every_heading_and_paragraph_in_order()
    {
        // Given a PDF of more than 300 pages
        Assert.True(PageObject().Count(File.ReadAllText(pdf.Path, Encoding.Latin1)) >= 300);

        // When it is imported
        using var temp = new Support.TestSite();
        var outcome = ImportRunner.Run(new ImportOptions { Inputs = [pdf.Path], SiteDir = temp.PathOf("site") }).Single();

        // Then it is written with its metadata, every heading and every paragraph in order (none split at a page break,
        // none carrying a header or footer), and the 落款 last
        Assert.Equal(ImportStatus.Written, outcome.Status);
        var report = outcome.Report!;
        Assert.Equal("新田县司法局", report.Agency);
        Assert.Equal(new DateOnly(2025, 1, 20), report.Written);
        Assert.DoesNotContain(report.Warnings, w => w.StartsWith("pdf:", StringComparison.Ordinal));

        var expected = new List<string>();
        for (var s = 1; s <= Sections; s++)
        {
            expected.Add("## " + Heading(s));
            for (var t = 1; t <= Subsections; t++)
            {
                expected.Add("### " + Subheading(s, t));
                for (var p = 1; p <= Paragraphs; p++) expected.Add(Paragraph(s, t, p));
            }
        }
        expected.AddRange(["新田县司法局", "2025年1月20日"]);
        var actual = report.Blocks.Select(b => b switch
        {
            HeadingBlock h => new string('#', h.Level) + " " + h.Text,
            ParagraphBlock p => p.Text,
            _ => b.ToString()!,
        });
        Assert.Equal(expected, actual);
    }

    [GeneratedRegex(@"/Type\s*/Page\b")]
    private static partial Regex PageObject();
}
