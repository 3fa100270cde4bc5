using System.Text.RegularExpressions;
using SiteGen.Diagnostics;
using SiteGen.Load;
using SiteGen.New;
using SiteGen.Tests.Hardening;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.New;

public sealed class NewSiteTests
{
    [Fact]
    public void A_new_site_builds_at_once_and_shows_its_sample_report()
    {
        // Given an empty place for a site
        using var scratch = new TestSite();
        var dir = Path.Combine(scratch.Root, "archive");

        // When `sitegen new site DIR` makes it and `sitegen build --site DIR` builds it
        var created = CliProcess.Run("new", "site", dir);
        var built = CliProcess.Run("build", "--site", dir);

        // Then both succeed, the sample report has its page, and the theme folder holds only the guide to overriding it
        Assert.True(created.ExitCode == 0, created.StdErr);
        Assert.True(built.ExitCode == 0, built.StdOut + built.StdErr);
        Assert.Contains("content/site.yml", created.StdOut, StringComparison.Ordinal);
        var home = File.ReadAllText(Path.Combine(dir, "output", "index.html"));
        Assert.Contains("<h1>示例县法治政府建设年度报告库</h1>", home, StringComparison.Ordinal);
        Assert.Contains("示例县司法局2024年法治政府建设年度报告", home, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(dir, "output", "reports", "2024"), "index.html", SearchOption.AllDirectories));
        Assert.Equal(["README.md"], Directory.GetFileSystemEntries(Path.Combine(dir, "themes", "default")).Select(Path.GetFileName));
        var readme = File.ReadAllText(Path.Combine(dir, "themes", "default", "README.md"));
        Assert.Contains("## Overriding a file", readme, StringComparison.Ordinal);
        Assert.Contains("themes/default/partials/footer.sbn-html", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void The_new_sites_settings_list_every_setting_and_each_one_loads_when_uncommented()
    {
        // Given the new site's site.yml with every commented-out setting switched on
        var yml = SiteSkeleton.Files()["content/site.yml"];
        var setting = new Regex(@"^# ( *)((?:- )?(?:[a-z_]+|\S+)):( |$)", RegexOptions.Multiline); // a key right after "# " (and its indentation), or a list's first key
        var uncommented = setting.Replace(yml, "$1$2:$3");
        using var site = new TestSite().File("content/site.yml", uncommented);

        // When SiteGen loads it
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(Path.Combine(site.Root, "content"), diagnostics);

        // Then every setting SiteGen has is there, known and valid
        Assert.Empty(diagnostics.Sorted());
        Assert.Empty(config.Extra);
        var keys = Regex.Matches(uncommented, @"^([a-z_]+):", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(typeof(SiteConfig).GetProperties().Length - 1, keys.Count); // every setting but Extra, which holds unknown ones
        Assert.Equal(typeof(FooterIdentifiers).GetProperties().Count(p => p.PropertyType == typeof(string)), Regex.Matches(uncommented, @"^  [a-z_]+: ""…""", RegexOptions.Multiline).Count);
        Assert.True(config.Footer.Any);
        Assert.Equal(2, config.Search.Synonyms.Count);
        Assert.Equal("topics", Assert.Single(config.Taxonomies).Key);
    }

    [Fact]
    public void A_new_site_is_not_made_in_a_folder_that_holds_files()
    {
        // Given a folder that already holds a site
        using var site = TestSite.Good();
        var before = TestSite.Fingerprint(site.Root);

        // When `sitegen new site` is pointed at it
        var result = CliProcess.Run("new", "site", site.Root);

        // Then it refuses with SG7006 and the folder is as it was
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error SG7006", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(before, TestSite.Fingerprint(site.Root));
    }
}
