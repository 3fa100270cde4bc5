using SiteGen.Check;
using SiteGen.Reports;
using SiteGen.Diagnostics;
using SiteGen.Load;
using SiteGen.Model;
using SiteGen.New;
using SiteGen.Tests.Check;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.New;

public sealed class ReportSkeletonTests
{
    private static (FrontMatter? Meta, string Body, DiagnosticBag Diagnostics) Parse(string full)
    {
        var text = File.ReadAllText(full);
        var diagnostics = new DiagnosticBag();
        var (meta, split) = FrontMatterParser.Parse(text, "new.md", diagnostics);
        return (meta, split is null ? "" : text[split.BodyOffset..], diagnostics);
    }

    [Fact]
    public void A_new_report_is_named_after_its_agency_and_year_and_its_front_matter_passes_the_parser()
    {
        using var site = new TestSite();

        var relative = ReportSkeleton.Create(site.Root, "玉溪市红塔区卫生健康局", 2024, ["云南省", "玉溪市", "红塔区"]);

        Assert.Equal($"content/reports/2024/{SiteUrls.Segment("玉溪市红塔区卫生健康局")}.md", relative);
        var (meta, _, diagnostics) = Parse(Path.Combine(site.Root, relative));
        Assert.Empty(diagnostics.Sorted());
        Assert.NotNull(meta);
        Assert.Equal(("玉溪市红塔区卫生健康局", 2024), (meta.Agency, meta.Year));
        Assert.Equal(["云南省", "玉溪市", "红塔区"], meta.Region);
        Assert.Contains("2024", meta.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void The_skeleton_holds_the_five_required_sections_and_no_invented_publication_date()
    {
        using var site = new TestSite();

        var relative = ReportSkeleton.Create(site.Root, "红塔区司法局", 2024, []);

        var (meta, body, _) = Parse(Path.Combine(site.Root, relative));
        Assert.Empty(RequiredSections.Missing(body));
        Assert.Equal(5, RequiredSections.TopLevelHeadings(body).Count);
        Assert.Null(meta!.Published);
        Assert.True(meta.Draft);
    }

    [Fact]
    public void An_existing_report_is_never_overwritten()
    {
        using var site = new TestSite();
        var relative = ReportSkeleton.Create(site.Root, "红塔区司法局", 2024, []);
        var full = Path.Combine(site.Root, relative);
        File.WriteAllText(full, "edited by hand");

        var error = Assert.Throws<SiteGenException>(() => ReportSkeleton.Create(site.Root, "红塔区司法局", 2024, []));

        Assert.Equal(DiagnosticCodes.ReportExists, error.Code);
        Assert.Equal("edited by hand", File.ReadAllText(full));
    }

    [Fact]
    public void Quotes_and_backslashes_in_a_name_stay_one_valid_yaml_value()
    {
        using var site = new TestSite();

        var relative = ReportSkeleton.Create(site.Root, "某\"局\\办公室", 2024, []);

        var (meta, _, diagnostics) = Parse(Path.Combine(site.Root, relative));
        Assert.Empty(diagnostics.Sorted());
        Assert.Equal("某\"局\\办公室", meta!.Agency);
    }

    [Theory]
    [InlineData("红塔区司法局", 1900, "")]
    [InlineData("", 2024, "")]
    [InlineData("红塔区司法局", 2024, "a,b,c,d")]
    [InlineData("红塔区\n司法局", 2024, "")]
    public void Bad_arguments_are_refused_without_creating_a_file(string agency, int year, string region)
    {
        using var site = new TestSite();

        var error = Assert.Throws<SiteGenException>(() =>
            ReportSkeleton.Create(site.Root, agency, year, region.Length == 0 ? [] : region.Split(',')));

        Assert.Equal(DiagnosticCodes.InvalidArgument, error.Code);
        Assert.False(Directory.Exists(Path.Combine(site.Root, "content", "reports")));
    }

    [Fact]
    public void A_new_report_once_given_a_date_and_undrafted_builds_and_checks_without_warnings()
    {
        using var site = new TestSite();
        var full = Path.Combine(site.Root, ReportSkeleton.Create(site.Root, "红塔区司法局", 2024, ["云南省", "玉溪市", "红塔区"]));
        File.WriteAllText(full, File.ReadAllText(full).Replace("draft: true\n", "published: 2025-03-01\n", StringComparison.Ordinal));

        var result = SiteChecker.Run(new CheckOptions { SiteDir = site.Root });

        Assert.Empty(result.Diagnostics);
        Assert.Equal(1, result.ReportsChecked);
    }
}
