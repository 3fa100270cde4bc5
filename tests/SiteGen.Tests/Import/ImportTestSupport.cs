using System.Runtime.CompilerServices;
using System.Text;
using SiteGen.Import;

namespace SiteGen.Tests.Import;

/// <summary>Helpers shared by the importer's tests: converting inline text and locating test data.</summary>
internal static class ImportTestSupport
{
    /// <summary>Converts plain text as `sitegen import` converts a .txt file.</summary>
    public static ImportedReport ConvertText(string text) => ReportConverter.Convert(PlainTextReader.Read(new UTF8Encoding(false).GetBytes(text)));

    /// <summary>Runs the `sitegen` command line in-process and returns its exit code and what it printed (tests using it share the "Console" collection).</summary>
    public static (int Exit, string Out, string Err) Sitegen(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            return (SiteGen.Cli.SitegenCommand.Run(args), stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }

    public static string Body(ImportedReport report)
    {
        var markdown = MarkdownReportWriter.Render(report);
        var end = markdown.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        return markdown[(end + 5)..];
    }

    /// <summary>This folder in the source tree (the golden files live beside the tests).</summary>
    public static string SourceFolder([CallerFilePath] string file = "") => System.IO.Path.GetDirectoryName(file)!;

    /// <summary>The repository root, found from the source tree.</summary>
    public static string RepoRoot() => System.IO.Path.GetFullPath(System.IO.Path.Combine(SourceFolder(), "..", "..", ".."));

    /// <summary>A report body long enough to look like a real one, with the four sections.</summary>
    public const string SampleBody = """
        2024年，我局在县委、县政府的领导下，扎实推进法治政府建设。现将有关情况报告如下：
        一、推进法治政府建设的主要举措和成效
        （一）强化行政执法保障。全年开展监督检查120次，查处案件8件。
        二、存在的不足和原因
        执法人员数量不足，专业能力有待提高。
        三、党政主要负责人履行推进法治建设第一责任人职责情况
        主要负责人认真履行第一责任人职责。
        四、2025年工作安排
        继续深化法治政府建设。
        """;
}
