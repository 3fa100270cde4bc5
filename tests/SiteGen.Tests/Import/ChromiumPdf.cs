using System.Diagnostics;

namespace SiteGen.Tests.Import;

/// <summary>Makes test PDFs the way many reports are made: HTML printed by Debian's headless Chromium with the WenQuanYi CJK font,
/// and encrypted copies by Debian's qpdf (./test.sh installs all three).</summary>
internal static class ChromiumPdf
{
    private const string Font = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    /// <summary>The page style of the test reports: A4, 公文-like margins, the CJK font, 16 pt text with paragraphs indented by two
    /// characters; the font has no bold, so Chromium draws the bold title and table headers with Type 3 fonts of its own.</summary>
    public const string Style = """
        @page { size: A4; margin: 25mm 26mm; }
        body { font-family: "WenQuanYi Micro Hei"; font-size: 16pt; line-height: 1.6; margin: 0; }
        h1 { font-size: 22pt; text-align: center; margin: 0 0 16pt; line-height: 1.4; }
        p { text-indent: 2em; margin: 0; text-align: justify; }
        .sign { text-align: right; padding-right: 2em; margin-top: 24pt; }
        .sign p { text-indent: 0; text-align: right; }
        table { border-collapse: collapse; margin: 8pt 0; }
        td, th { border: 1px solid #000; padding: 2pt 6pt; }
        """;

    /// <summary>A whole HTML page with <see cref="Style"/> and the given body.</summary>
    public static string Page(string body, string extraStyle = "") =>
        $"<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>test</title><style>{Style}{extraStyle}</style></head><body>{body}</body></html>";

    /// <summary>Prints <paramref name="html"/> to <paramref name="pdf"/> with headless Chromium.</summary>
    public static void Print(string html, string pdf)
    {
        if (!File.Exists(Font)) throw new InvalidOperationException($"the CJK font {Font} is missing: install Debian's fonts-wqy-microhei (./test.sh does)");
        var folder = Path.GetDirectoryName(pdf)!;
        var input = Path.Combine(folder, Path.GetFileNameWithoutExtension(pdf) + ".html");
        File.WriteAllText(input, html);
        var profile = Directory.CreateTempSubdirectory("sitegen-chromium-").FullName;
        try
        {
            Run("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", $"--print-to-pdf={pdf}", "--no-pdf-header-footer",
                new Uri(input).AbsoluteUri);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
        if (!File.Exists(pdf) || new FileInfo(pdf).Length == 0) throw new InvalidOperationException($"chromium did not print {pdf}");
    }

    /// <summary>Runs a tool to completion (two minutes at most) and fails with its output when it does not succeed.</summary>
    public static void Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"`{tool}` is not installed: ./test.sh installs it from Debian", ex);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{tool} did not finish within two minutes");
            }
            // qpdf exits 3 for warnings with a usable result.
            if (process.ExitCode != 0 && !(tool == "qpdf" && process.ExitCode == 3))
                throw new InvalidOperationException($"{tool} exited {process.ExitCode}: {stdout.Result}{stderr.Result}");
        }
    }
}
