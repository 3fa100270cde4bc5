namespace SiteGen.Tests.Check;

/// <summary>Report bodies and front matter values shared by the check, serve and new tests.</summary>
internal static class SampleReports
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

    public static readonly string[] Region = ["云南省", "玉溪市", "红塔区"];

    /// <summary>An on-time publication date for a report of <paramref name="year"/>.</summary>
    public static string Published(int year) => $"{year + 1}-03-01";
}
