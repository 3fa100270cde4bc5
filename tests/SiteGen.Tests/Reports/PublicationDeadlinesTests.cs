using SiteGen.Build;
using SiteGen.Diagnostics;
using SiteGen.Load;
using SiteGen.Reports;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Reports;

public sealed class PublicationDeadlinesTests
{
    private static readonly PublicationDeadlines BuiltIn = new([]);

    [Theory]
    [InlineData("玉溪市红塔区卫生健康局", AgencyKind.Department)]
    [InlineData("玉溪市人民政府办公室", AgencyKind.Department)]
    [InlineData("玉溪市红塔区人民政府", AgencyKind.Government)]
    [InlineData("红塔区政府", AgencyKind.Government)]
    [InlineData("红塔区大营街镇人民政府", AgencyKind.Township)]
    [InlineData("某某乡政府", AgencyKind.Township)]
    [InlineData("玉兴路街道办事处", AgencyKind.Township)]
    [InlineData("大营街镇", AgencyKind.Township)]
    [InlineData("某某苏木人民政府", AgencyKind.Township)]
    public void The_kind_of_body_is_read_from_the_end_of_its_name(string agency, AgencyKind kind)
    {
        Assert.Equal(kind, PublicationDeadlines.KindOf(agency));
    }

    [Fact]
    public void Rule_of_law_reports_are_due_by_1_April_of_the_following_year_for_every_body()
    {
        Assert.Equal(new DateOnly(2025, 4, 1), BuiltIn.Deadline("法治政府建设年度报告", "红塔区司法局", 2024));
        Assert.Equal(new DateOnly(2025, 4, 1), BuiltIn.Deadline("法治政府建设年度报告", "红塔区人民政府", 2024));
    }

    [Fact]
    public void Information_disclosure_reports_are_due_by_31_January_for_a_department_and_31_March_for_a_government_or_township()
    {
        Assert.Equal(new DateOnly(2025, 1, 31), BuiltIn.Deadline("政府信息公开工作年度报告", "红塔区司法局", 2024));
        Assert.Equal(new DateOnly(2025, 3, 31), BuiltIn.Deadline("政府信息公开工作年度报告", "红塔区人民政府", 2024));
        Assert.Equal(new DateOnly(2025, 3, 31), BuiltIn.Deadline("政府信息公开工作年度报告", "玉兴路街道办事处", 2024));
    }

    [Fact]
    public void A_series_without_a_known_deadline_has_none()
    {
        Assert.Null(BuiltIn.Deadline("安全生产工作总结", "红塔区应急管理局", 2024));
    }

    [Fact]
    public void A_site_deadline_replaces_the_built_in_one_and_a_per_kind_one_keeps_the_kinds_it_leaves_out()
    {
        var deadlines = new PublicationDeadlines([
            new SeriesDeadline("法治政府建设年度报告", new MonthDay(3, 1), new MonthDay(3, 1), new MonthDay(3, 1)),
            new SeriesDeadline("政府信息公开工作年度报告", null, null, new MonthDay(2, 28)),
            new SeriesDeadline("安全生产工作总结", new MonthDay(6, 30), new MonthDay(6, 30), new MonthDay(6, 30)),
        ]);

        Assert.Equal(new DateOnly(2025, 3, 1), deadlines.Deadline("法治政府建设年度报告", "红塔区司法局", 2024));
        Assert.Equal(new DateOnly(2025, 1, 31), deadlines.Deadline("政府信息公开工作年度报告", "红塔区司法局", 2024));
        Assert.Equal(new DateOnly(2025, 2, 28), deadlines.Deadline("政府信息公开工作年度报告", "某某乡人民政府", 2024));
        Assert.Equal(new DateOnly(2025, 6, 30), deadlines.Deadline("安全生产工作总结", "红塔区应急管理局", 2024));
    }

    private static (SiteConfig Config, IReadOnlyList<Diagnostic> Diagnostics) Load(string yaml)
    {
        using var site = new TestSite();
        site.File("content/site.yml", yaml);
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(Path.Combine(site.Root, "content"), diagnostics);
        return (config, diagnostics.Sorted());
    }

    [Fact]
    public void Site_yml_sets_a_deadline_per_series_or_per_kind_of_body()
    {
        var (config, diagnostics) = Load("deadlines:\n  法治政府建设年度报告: \"03-15\"\n  政府信息公开工作年度报告:\n    department: 02-15\n    township: \"03-15\"\n");

        Assert.Empty(diagnostics);
        Assert.Equal([
            new SeriesDeadline("法治政府建设年度报告", new MonthDay(3, 15), new MonthDay(3, 15), new MonthDay(3, 15)),
            new SeriesDeadline("政府信息公开工作年度报告", new MonthDay(2, 15), null, new MonthDay(3, 15)),
        ], config.Deadlines);
        Assert.False(config.Extra.ContainsKey("deadlines"));
    }

    [Theory]
    [InlineData("deadlines: \"04-01\"\n", 1, 12, "must be a mapping")]
    [InlineData("deadlines:\n  法治政府建设年度报告: 4-1\n", 2, 15, "MM-DD")]
    [InlineData("deadlines:\n  法治政府建设年度报告: \"13-01\"\n", 2, 15, "not a day of the year")]
    [InlineData("deadlines:\n  法治政府建设年度报告: \"02-29\"\n", 2, 15, "not a day of the year")]
    [InlineData("deadlines:\n  政府信息公开工作年度报告:\n    county: \"01-31\"\n", 3, 13, "unknown kind of body `county`")]
    [InlineData("deadlines:\n  法治政府建设年度报告: [04-01]\n", 2, 15, "MM-DD")]
    public void A_bad_deadline_is_an_error_at_its_line_and_column_and_is_left_out(string yaml, int line, int column, string message)
    {
        var (config, diagnostics) = Load(yaml);

        var error = Assert.Single(diagnostics);
        Assert.Equal((Severity.Error, DiagnosticCodes.SiteConfig, "content/site.yml", line, column), (error.Severity, error.Code, error.File, error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Hint);
        Assert.Empty(config.Deadlines);
    }

    [Fact]
    public void A_bad_site_deadline_fails_the_build_with_its_position()
    {
        using var site = new TestSite();
        site.File("content/site.yml", "deadlines:\n  法治政府建设年度报告: \"4月1日\"\n");
        site.Report("2024/a", "红塔区司法局", 2024, published: "2025-03-01");

        var result = site.TryBuild();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.File == "content/site.yml" && d.Line == 2 && d.Message.Contains("MM-DD", StringComparison.Ordinal));
    }
}
