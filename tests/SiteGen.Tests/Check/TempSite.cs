namespace SiteGen.Tests.Check;

/// <summary>A small inline site in its own temporary folder (content/site.yml plus reports), deleted after the test.</summary>
internal sealed class TempSite : IDisposable
{
    /// <summary>A body with all five required items, in the order most reports use.</summary>
    public const string CompleteBody = """
        2024年，我局坚持依法行政。现将有关情况报告如下：

        ## 一、推进法治政府建设的主要举措和成效

        ### （一）强化行政执法保障

        全年开展执法检查。

        ## 二、推进法治政府建设存在的不足和原因

        执法人员不足。

        ## 三、党政主要负责人履行推进法治建设第一责任人职责情况

        主要负责人带头学法。

        ## 四、2025年推进法治政府建设的主要安排

        继续推进。

        ## 五、其他需要报告的情况

        无。

        """;

    public string Dir { get; }
    public string ContentDir => Path.Combine(Dir, "content");

    public TempSite(string siteYml = "title: \"测试报告库\"\nbase_url: \"/\"\n")
    {
        Dir = Directory.CreateTempSubdirectory("sitegen-test-").FullName;
        Directory.CreateDirectory(ContentDir);
        Write("content/site.yml", siteYml);
    }

    /// <summary>Writes a file below the site folder (creating folders) and returns its full path.</summary>
    public string Write(string relative, string text)
    {
        var full = Path.Combine(Dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    /// <summary>The text of a report file with the usual front matter.</summary>
    public static string Report(string agency, int year, string? published = null, string body = CompleteBody, string extra = "") =>
        "---\n"
        + $"title: \"{agency}{year}年法治政府建设工作情况报告\"\n"
        + $"agency: \"{agency}\"\n"
        + "region: [\"云南省\", \"玉溪市\", \"红塔区\"]\n"
        + $"year: {year}\n"
        + $"published: {published ?? $"{year + 1}-03-01"}\n"
        + extra
        + "---\n\n"
        + body;

    public string WriteReport(string name, string agency, int year, string? published = null, string body = CompleteBody, string extra = "") =>
        Write($"content/reports/{year}/{name}.md", Report(agency, year, published, body, extra));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
