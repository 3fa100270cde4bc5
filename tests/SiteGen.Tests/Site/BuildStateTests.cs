using SiteGen.Build;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Site;

/// <summary>The build state: one record of what a build loaded and published, beside the output, saved once per build.</summary>
public sealed class BuildStateTests
{
    private static readonly string[] Region = ["云南省", "玉溪市", "红塔区"];

    private static TestSite ThreeReports() =>
        new TestSite().Report("a", "红塔区司法局", 2024, Region).Report("b", "红塔区教育局", 2024, Region).Report("c", "红塔区民政局", 2023, Region);

    [Fact]
    public void A_build_keeps_one_state_file_beside_its_output_and_removes_the_records_of_earlier_versions()
    {
        // Given a site whose cache folder still holds the three records earlier versions kept
        using var site = ThreeReports();
        foreach (var former in new[] { "output.load", "output.pages", "output.search.json" }) site.File(".sitegen-cache/" + former, "old");

        // When it is built
        site.BuildSucceeding();

        // Then the cache folder holds the one state file of the output
        Assert.Equal(["output.state"], Directory.GetFiles(site.PathOf(".sitegen-cache")).Select(Path.GetFileName));
        Assert.Equal(site.PathOf(".sitegen-cache/output.state"), BuildState.PathFor(site.Output));
    }

    [Fact]
    public void A_failed_build_records_what_it_loaded_and_keeps_the_record_of_the_live_output()
    {
        // Given a built site (its files old enough for their stamps to be trusted)
        using var site = ThreeReports();
        LoadCacheTests.Backdate(site);
        site.BuildSucceeding();

        // When a report that duplicates another is added, the build fails, and once it is removed the site is built again
        site.Report("d", "红塔区司法局", 2024, Region);
        LoadCacheTests.Backdate(site);
        Assert.False(site.Build().Succeeded);
        File.Delete(site.PathOf("content/reports/d.md"));
        var after = site.BuildSucceeding();

        // Then that build read no file and rendered no page: the failed one recorded its loads and kept the pages' record
        Assert.Equal(3, after.ReportsFromCache);
        Assert.Equal(0, after.PagesRendered);
    }
}
