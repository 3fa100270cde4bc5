using SiteGen.Build;
using SiteGen.Check;
using SiteGen.Diagnostics;
using SiteGen.Import;
using SiteGen.Tests.Hardening;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Import;

/// <summary>Text PDFs printed by Chromium: reading order, the title over two lines, headings, tables and the 落款 as from any input;
/// running headers, footers and page numbers dropped, paragraphs re-joined across pages; scans, encrypted and damaged files refused.</summary>
public sealed class PdfImportTests(PdfImportTests.Pdfs pdfs) : IClassFixture<PdfImportTests.Pdfs>
{
    /// <summary>The test PDFs, printed once for the class.</summary>
    public sealed class Pdfs : IDisposable
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("sitegen-pdf-").FullName;
        public string OnePage => Path.Combine(Folder, "one-page.pdf");
        public string SeveralPages => Path.Combine(Folder, "several-pages.pdf");
        public string Scan => Path.Combine(Folder, "scan.pdf");
        public string WithScannedPage => Path.Combine(Folder, "with-scanned-page.pdf");
        public string Encrypted => Path.Combine(Folder, "encrypted.pdf");
        public string Restricted => Path.Combine(Folder, "restricted.pdf");
        public string LongTable => Path.Combine(Folder, "long-table.pdf");
        public string Watermarked => Path.Combine(Folder, "watermarked.pdf");
        public string Blank => Path.Combine(Folder, "blank.pdf");

        public Pdfs()
        {
            Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = 2 },
                () => ChromiumPdf.Print(ChromiumPdf.Page(OnePageBody), OnePage),
                () => ChromiumPdf.Print(ChromiumPdf.Page(SeveralPagesBody, PageStyle), SeveralPages),
                () => ChromiumPdf.Print(ChromiumPdf.Page(Canvas), Scan),
                () => ChromiumPdf.Print(ChromiumPdf.Page(OnePageBody + "<div style=\"break-before: page\"></div>" + Canvas), WithScannedPage),
                () => ChromiumPdf.Print(ChromiumPdf.Page(LongTableBody), LongTable),
                () => ChromiumPdf.Print(ChromiumPdf.Page(OnePageBody + Watermark), Watermarked),
                () => ChromiumPdf.Print(ChromiumPdf.Page(""), Blank));
            // A password to open it (AES-256), and one that only restricts printing and copying (an empty user password).
            ChromiumPdf.Run("qpdf", "--encrypt", "open-sesame", "owner-secret", "256", "--", OnePage, Encrypted);
            ChromiumPdf.Run("qpdf", "--encrypt", "", "owner-secret", "256", "--print=none", "--extract=n", "--", OnePage, Restricted);
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    private const string OnePageBody = """
        <h1>新田县司法局关于2024年度法治政府建设情况的报告</h1>
        <p>2024年，我局在县委、县政府的坚强领导下，深入学习贯彻习近平法治思想，全面落实法治政府建设实施纲要，扎实推进各项工作，取得了明显成效。现将有关情况报告如下：</p>
        <p>一、推进法治政府建设的主要举措和成效</p>
        <p>（一）强化行政执法保障。全年开展行政执法监督检查120次，查处违法案件8件，办理行政复议案件15件，行政诉讼案件出庭应诉率达到100%。</p>
        <table>
          <tr><th>事项</th><th>件数</th><th>说明</th></tr>
          <tr><td>行政执法监督检查</td><td>120</td><td>覆盖全县十六个乡镇和县直各执法单位</td></tr>
          <tr><td>行政复议</td><td>15</td><td>全部按期办结</td></tr>
        </table>
        <p>二、存在的不足和原因</p>
        <p>执法人员数量不足，专业能力有待提高。</p>
        <p>三、党政主要负责人履行推进法治建设第一责任人职责情况</p>
        <p>主要负责人认真履行第一责任人职责，亲自部署重要工作，开通 12345 热线和 Web site 在线咨询。</p>
        <p>四、2025年工作安排</p>
        <p>继续深化法治政府建设，全面提升依法行政水平。</p>
        <div class="sign"><p>新田县司法局</p><p>2025年1月20日</p></div>
        """;

    /// <summary>An image of text and nothing else, as a scanner makes: a canvas prints as a picture.</summary>
    private const string Canvas = """
        <canvas id="scan" width="900" height="600"></canvas>
        <script>
          const c = document.getElementById("scan").getContext("2d");
          c.fillStyle = "#fff"; c.fillRect(0, 0, 900, 600); c.fillStyle = "#000"; c.font = "40px 'WenQuanYi Micro Hei'";
          c.fillText("新田县司法局2024年法治政府建设年度报告", 20, 80);
          c.fillText("一、推进法治政府建设的主要举措和成效", 20, 160);
        </script>
        """;

    /// <summary>Printed pages of their own, each with the running header on top and a running footer and a page number (in four styles) at the bottom.</summary>
    private const string PageStyle = """
        section { height: 245mm; position: relative; break-after: page; }
        .running { text-align: center; font-size: 10.5pt; margin-bottom: 12pt; }
        .foot { position: absolute; bottom: 0; width: 100%; text-align: center; font-size: 10.5pt; }
        .full { text-align-last: justify; }
        .cont { text-indent: 0; }
        """;

    private static string Section(string body, string folio) =>
        $"<section><div class=\"running\">新田县司法局文件</div>{body}<div class=\"foot\"><div>新田县司法局2024年法治政府建设年度报告</div><div>{folio}</div></div></section>";

    private static readonly string SeveralPagesBody = string.Concat(
        Section("""
            <h1>新田县司法局关于2024年度法治政府建设情况的报告</h1>
            <p>2024年，我局在县委、县政府的坚强领导下，扎实推进法治政府建设。现将有关情况报告如下：</p>
            <p>一、推进法治政府建设的主要举措和成效</p>
            <p class="full">（一）强化行政执法保障。全年开展行政执法监督检查120次，查处违法案件8件，办理行政复议案件15件，</p>
            """, "— 1 —"),
        Section("""
            <p class="cont">行政诉讼案件出庭应诉率达到100%，行政机关负责人出庭应诉率逐年提高。</p>
            <p>（二）深化政务公开。主动公开政府信息360条，依申请公开办结率100%。</p>
            """, "- 2 -"),
        Section("""
            <p>二、存在的不足和原因</p>
            <p>执法人员数量不足，专业能力有待提高。</p>
            <p>三、党政主要负责人履行推进法治建设第一责任人职责情况</p>
            <p>主要负责人认真履行第一责任人职责。</p>
            """, "第 3 页 共 4 页"),
        Section("""
            <p>四、2025年工作安排</p>
            <p>继续深化法治政府建设。</p>
            <div class="sign"><p>新田县司法局</p><p>2025年1月20日</p></div>
            """, "4/4"));

    private const string Watermark =
        "<div style=\"position: fixed; top: 45%; left: 25%; transform: rotate(-30deg); color: #ccc; font-size: 40pt\">内部资料</div>";

    private const int TableRows = 60;

    /// <summary>A table too long for one page: Chromium repeats its header row on the next.</summary>
    private static readonly string LongTableBody =
        "<h1>新田县司法局2024年法治政府建设年度报告</h1><p>一、行政执法情况</p><table><thead><tr><th>乡镇</th><th>检查次数</th></tr></thead><tbody>"
        + string.Concat(Enumerable.Range(1, TableRows).Select(i => $"<tr><td>第{i}执法片区</td><td>{i * 3}</td></tr>"))
        + "</tbody></table><p>全县执法工作有序开展。</p>";

    private static ImportedReport Import(string path) => ImportRunner.Convert(path);

    [Fact]
    public void A_one_page_pdf_converts_like_any_report_with_its_title_over_two_lines_table_and_signature()
    {
        // Given a one-page report printed by Chromium: a centred title set over two lines, numbered headings, a table with a wrapped cell, the 落款
        // When it is imported
        var report = Import(pdfs.OnePage);

        // Then the metadata is read from the text as for any input, the date of the 落款 being the date written
        Assert.Equal("新田县司法局关于2024年度法治政府建设情况的报告", report.Title);
        Assert.Equal("新田县司法局", report.Agency);
        Assert.Equal(2024, report.Year);
        Assert.Equal(["湖南省", "永州市", "新田县"], report.Region);
        Assert.Equal(new DateOnly(2025, 1, 20), report.Written);
        Assert.Equal("pdf", report.Encoding);

        // And the body keeps every paragraph whole, the spaces around Latin words, the headings, the table in Markdown, and the 落款 as its last two lines
        Assert.Equal("""

            2024年，我局在县委、县政府的坚强领导下，深入学习贯彻习近平法治思想，全面落实法治政府建设实施纲要，扎实推进各项工作，取得了明显成效。现将有关情况报告如下：

            ## 一、推进法治政府建设的主要举措和成效

            ### （一）强化行政执法保障

            全年开展行政执法监督检查120次，查处违法案件8件，办理行政复议案件15件，行政诉讼案件出庭应诉率达到100%。

            | 事项 | 件数 | 说明 |
            | --- | --- | --- |
            | 行政执法监督检查 | 120 | 覆盖全县十六个乡镇和县直各执法单位 |
            | 行政复议 | 15 | 全部按期办结 |

            ## 二、存在的不足和原因

            执法人员数量不足，专业能力有待提高。

            ## 三、党政主要负责人履行推进法治建设第一责任人职责情况

            主要负责人认真履行第一责任人职责，亲自部署重要工作，开通 12345 热线和 Web site 在线咨询。

            ## 四、2025年工作安排

            继续深化法治政府建设，全面提升依法行政水平。

            新田县司法局

            2025年1月20日

            """, ImportTestSupport.Body(report));
    }

    [Fact]
    public void Running_headers_footers_and_page_numbers_are_dropped_and_a_paragraph_goes_on_across_the_page_break()
    {
        // Given four printed pages, each with a running header, a running footer and a page number (— 1 —, - 2 -, 第 3 页 共 4 页, 4/4),
        // and a paragraph that runs to the right margin at the bottom of page 1 and goes on at the top of page 2
        // When the PDF is imported
        var report = Import(pdfs.SeveralPages);

        // Then only the report's own text is left, the broken paragraph is whole again and the 落款 is read at the end
        Assert.Equal("""

            2024年，我局在县委、县政府的坚强领导下，扎实推进法治政府建设。现将有关情况报告如下：

            ## 一、推进法治政府建设的主要举措和成效

            ### （一）强化行政执法保障

            全年开展行政执法监督检查120次，查处违法案件8件，办理行政复议案件15件，行政诉讼案件出庭应诉率达到100%，行政机关负责人出庭应诉率逐年提高。

            ### （二）深化政务公开

            主动公开政府信息360条，依申请公开办结率100%。

            ## 二、存在的不足和原因

            执法人员数量不足，专业能力有待提高。

            ## 三、党政主要负责人履行推进法治建设第一责任人职责情况

            主要负责人认真履行第一责任人职责。

            ## 四、2025年工作安排

            继续深化法治政府建设。

            新田县司法局

            2025年1月20日

            """, ImportTestSupport.Body(report));
        Assert.Equal("新田县司法局关于2024年度法治政府建设情况的报告", report.Title);
        Assert.Equal(new DateOnly(2025, 1, 20), report.Written);
    }

    [Fact]
    public void A_table_broken_by_a_page_break_is_one_table_with_its_header_once()
    {
        // Given a table of 60 rows that runs over two pages, its header row printed again on the second
        var report = Import(pdfs.LongTable);

        // Then it is one Markdown table: the header, then every row in order
        var table = Assert.Single(report.Blocks.OfType<TableBlock>());
        string[] expected = ["| 乡镇 | 检查次数 |", "| --- | --- |", .. Enumerable.Range(1, TableRows).Select(i => $"| 第{i}执法片区 | {i * 3} |")];
        Assert.Equal(expected, table.Rows);
        Assert.Equal("全县执法工作有序开展。", Assert.IsType<ParagraphBlock>(report.Blocks[^1]).Text);
    }

    [Fact]
    public void A_pdf_of_page_images_only_is_refused_as_a_scan_that_needs_ocr()
    {
        var ex = Assert.Throws<ImportException>(() => Import(pdfs.Scan));

        Assert.Contains("only page images (a scan)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("OCR", ex.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scanned_page_among_text_pages_is_named_in_a_warning()
    {
        // Given a text page followed by a page that is only an image
        var report = Import(pdfs.WithScannedPage);

        // Then the text is imported and the image page is not passed over in silence
        Assert.Equal("新田县司法局", report.Agency);
        Assert.Contains(report.Warnings, w => w.Contains("page(s) 2 hold only images", StringComparison.Ordinal));
    }

    [Fact]
    public void A_turned_watermark_is_left_out_of_the_text_with_a_warning()
    {
        // Given the one-page report with 内部资料 printed across it at an angle
        var report = Import(pdfs.Watermarked);

        // Then the text is the report's alone, and the warning says turned text was left out
        Assert.Equal(ImportTestSupport.Body(Import(pdfs.OnePage)), ImportTestSupport.Body(report));
        Assert.Contains(report.Warnings, w => w.Contains("4 characters of turned text", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pdf_without_text_or_images_is_refused_as_empty()
    {
        var ex = Assert.Throws<ImportException>(() => Import(pdfs.Blank));

        Assert.Contains("contains no text", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_that_needs_a_password_is_refused_as_encrypted()
    {
        var ex = Assert.Throws<ImportException>(() => Import(pdfs.Encrypted));

        Assert.Contains("encrypted", ex.Message, StringComparison.Ordinal);
        Assert.Contains("password", ex.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_encrypted_only_against_printing_and_copying_imports_like_the_plain_one()
    {
        var plain = ImportTestSupport.Body(Import(pdfs.OnePage));

        Assert.Equal(plain, ImportTestSupport.Body(Import(pdfs.Restricted)));
    }

    [Fact]
    public void A_truncated_pdf_is_refused_as_cut_off()
    {
        // Given a download cut off halfway
        var bytes = File.ReadAllBytes(pdfs.OnePage);
        var path = Path.Combine(pdfs.Folder, "truncated.pdf");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var ex = Assert.Throws<ImportException>(() => Import(path));

        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_pdf_is_refused_as_damaged()
    {
        // Given a PDF whose middle (its pages, fonts and cross-reference table) was overwritten, its first and last bytes intact
        var bytes = File.ReadAllBytes(pdfs.OnePage);
        var path = Path.Combine(pdfs.Folder, "damaged.pdf");
        bytes.AsSpan(64, bytes.Length - 64 - 16).Fill((byte)'x');
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<ImportException>(() => Import(path));

        Assert.Contains("damaged", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_named_pdf_that_is_not_one_is_refused()
    {
        var path = Path.Combine(pdfs.Folder, "page.pdf");
        File.WriteAllText(path, "<html><body>新田县司法局</body></html>");

        var ex = Assert.Throws<ImportException>(() => Import(path));

        Assert.Contains("not a PDF", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_names_each_refused_pdf_with_its_reason_and_hint_and_exits_non_zero()
    {
        // Given a scan and a truncated PDF
        using var temp = new TestSite();
        var bytes = File.ReadAllBytes(pdfs.OnePage);
        temp.File("in/cut.pdf", bytes[..(bytes.Length / 3)]);
        File.Copy(pdfs.Scan, temp.PathOf("in/scan.pdf"));

        // When the folder is imported
        var (exit, stdout, stderr) = CliProcess.Run("import", temp.PathOf("in"), "--site", temp.PathOf("site"));

        // Then both fail, each with its file, its reason and a hint, and nothing is written
        Assert.Equal(1, exit);
        Assert.Contains("imported 0, 0 as drafts with missing fields, 2 failed", stdout, StringComparison.Ordinal);
        Assert.Contains("cut.pdf: error: the PDF is truncated", stderr, StringComparison.Ordinal);
        Assert.Contains("scan.pdf: error: the PDF holds only page images (a scan) and no text\n  hint: run OCR on it first", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.PathOf("site/content")));
    }

    [Fact]
    public void Keep_original_copies_the_pdf_beside_the_report_and_links_it_at_the_end()
    {
        // Given a site and a PDF report
        using var temp = new TestSite();
        var options = new ImportOptions { Inputs = [pdfs.OnePage], SiteDir = temp.PathOf("site"), KeepOriginal = true };

        // When it is imported with --keep-original
        var outcome = ImportRunner.Run(options).Single();

        // Then the PDF sits beside the Markdown under the same name, byte for byte, and the report ends with a link to it
        Assert.Equal(ImportStatus.Written, outcome.Status);
        Assert.Equal(Path.ChangeExtension(outcome.Output, ".pdf"), outcome.Original);
        Assert.Equal(File.ReadAllBytes(pdfs.OnePage), File.ReadAllBytes(outcome.Original!));
        var markdown = File.ReadAllText(outcome.Output!);
        Assert.EndsWith($"2025年1月20日\n\n[附件：报告原文（PDF）]({Path.GetFileName(outcome.Original)})\n", markdown, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(Path.GetDirectoryName(outcome.Output)!).Length);
    }

    [Fact]
    public void Keep_original_replaces_neither_file_without_force_and_a_dry_run_writes_neither()
    {
        // Given a report imported with its original, and then only the Markdown removed
        using var temp = new TestSite();
        var options = new ImportOptions { Inputs = [pdfs.OnePage], SiteDir = temp.PathOf("site"), KeepOriginal = true };
        Assert.Equal(ImportStatus.Converted, ImportRunner.Run(options with { DryRun = true }).Single().Status);
        Assert.False(Directory.Exists(temp.PathOf("site/content")));
        var first = ImportRunner.Run(options).Single();
        File.Delete(first.Output!);
        File.WriteAllText(first.Original!, "edited");

        // When it is imported again without --force, then it fails on the existing copy and writes no Markdown either
        var again = ImportRunner.Run(options).Single();
        Assert.Equal(ImportStatus.Failed, again.Status);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(first.Output));
        Assert.Equal("edited", File.ReadAllText(first.Original!));

        // And with --force both are written
        Assert.Equal(ImportStatus.Written, ImportRunner.Run(options with { Force = true }).Single().Status);
        Assert.Equal(File.ReadAllBytes(pdfs.OnePage), File.ReadAllBytes(first.Original!));
        Assert.True(File.Exists(first.Output));
    }

    [Fact]
    public void A_report_imported_with_its_original_builds_publishes_the_pdf_and_passes_sitegen_check()
    {
        // Given a PDF report imported with --keep-original
        using var temp = new TestSite();
        var site = temp.PathOf("site");
        var outcome = ImportRunner.Run(new ImportOptions { Inputs = [pdfs.OnePage], SiteDir = site, KeepOriginal = true }).Single();
        Assert.Equal(ImportStatus.Written, outcome.Status);

        // When the site is checked and built
        var check = SiteChecker.Run(new CheckOptions { SiteDir = site });
        var build = SiteBuilder.Run(new BuildOptions { SiteDir = site });

        // Then the check passes without a missing attachment, and the PDF is published beside the report's page, which links it
        Assert.True(check.Passed, string.Join("\n", check.Diagnostics));
        Assert.True(check.OutputChecked);
        Assert.DoesNotContain(check.Diagnostics, d => d.Code is DiagnosticCodes.MissingAttachment or DiagnosticCodes.AttachmentUnlinked);
        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics));
        var published = Directory.GetFiles(build.OutputDir, Path.GetFileName(outcome.Original)!, SearchOption.AllDirectories).Single();
        Assert.Equal(File.ReadAllBytes(pdfs.OnePage), File.ReadAllBytes(published));
        var page = File.ReadAllText(Path.Combine(Path.GetDirectoryName(published)!, "index.html"));
        Assert.Contains($"href=\"/{Path.GetRelativePath(build.OutputDir, published)}\">附件：报告原文（PDF）</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_of_a_pdf_attachment_is_its_paragraphs_without_running_headers_footers_or_page_numbers()
    {
        // Given a four-page report with a running header, a running footer and page numbers
        // When its text is read for search
        var result = AttachmentText.Read(pdfs.SeveralPages);

        // Then it is the report's text, paragraphs re-joined across the page break, without what repeats on every page
        Assert.Null(result.Problem);
        Assert.False(result.Truncated);
        Assert.Contains("办理行政复议案件15件，行政诉讼案件出庭应诉率达到100%", result.Text, StringComparison.Ordinal);
        Assert.EndsWith("新田县司法局\n2025年1月20日", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("新田县司法局文件", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("第 3 页", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("— 1 —", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_of_a_long_pdf_is_read_only_up_to_the_budget()
    {
        var whole = AttachmentText.Read(pdfs.SeveralPages);
        var cut = AttachmentText.Read(pdfs.SeveralPages, maxChars: 60);

        Assert.True(cut.Truncated);
        Assert.Equal(60, cut.Text.Length);
        Assert.Equal(whole.Text[..60], cut.Text);
    }

    [Fact]
    public void A_scanned_encrypted_or_damaged_pdf_attachment_gives_its_reason_instead_of_text()
    {
        var bytes = File.ReadAllBytes(pdfs.OnePage);

        Assert.Contains("only page images", AttachmentText.Read(pdfs.Scan).Problem, StringComparison.Ordinal);
        Assert.Contains("encrypted", AttachmentText.Read(pdfs.Encrypted).Problem, StringComparison.Ordinal);
        Assert.Contains("truncated", AttachmentText.Read(bytes[..(bytes.Length / 2)], ".pdf").Problem, StringComparison.Ordinal);
        Assert.All(new[] { pdfs.Scan, pdfs.Encrypted }, f => Assert.Equal("", AttachmentText.Read(f).Text));
    }

    [Fact]
    public void Keep_original_warns_that_it_keeps_only_pdfs()
    {
        using var temp = new TestSite();
        temp.File("r.txt", "新田县司法局2024年法治政府建设年度报告\n" + ImportTestSupport.SampleBody);

        var outcome = ImportRunner.Run(new ImportOptions { Inputs = [temp.PathOf("r.txt")], SiteDir = temp.PathOf("site"), KeepOriginal = true }).Single();

        Assert.Equal(ImportStatus.Written, outcome.Status);
        Assert.Null(outcome.Original);
        Assert.Contains(outcome.Report!.Warnings, w => w.Contains("keeps PDF originals only", StringComparison.Ordinal));
        Assert.DoesNotContain("附件", File.ReadAllText(outcome.Output!), StringComparison.Ordinal);
    }
}
