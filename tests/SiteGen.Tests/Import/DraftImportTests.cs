using SiteGen.Check;
using SiteGen.Diagnostics;
using SiteGen.Load;
using SiteGen.Model;
using SiteGen.Tests.Support;

using static SiteGen.Tests.Import.ImportTestSupport;

namespace SiteGen.Tests.Import;

/// <summary>Nothing is lost: a page whose title, agency or year cannot be found is written as a draft that names what is missing; `--strict` refuses it,
/// `sitegen check` lists it, and it never reaches the published site.</summary>
[Collection("Console")]
public sealed class DraftImportTests
{
    /// <summary>A report page that names its agency only by a short form and has no title line.</summary>
    private const string WithoutAgency = "2024年，区司法局扎实推进法治政府建设。\n一、主要举措和成效\n全年开展检查120次。\n";

    /// <summary>A complete report page.</summary>
    private const string Complete = "旺苍县司法局2024年法治政府建设年度报告\n发布时间:2025-02-10\n" + ImportTestSupport.SampleBody;

    private static string[] Written(string site) =>
        Directory.Exists(Path.Combine(site, "content")) ? Directory.GetFiles(Path.Combine(site, "content"), "*.md", SearchOption.AllDirectories) : [];

    [Fact]
    public void A_page_without_an_agency_is_written_as_a_draft_naming_what_is_missing()
    {
        // Given a page that never gives its agency's full name
        using var temp = new TestSite();
        var input = temp.File("in/r.txt", WithoutAgency).PathOf("in/r.txt");
        var site = temp.PathOf("site");

        // When it is imported
        var (exit, output, err) = Sitegen("import", input, "--site", site);

        // Then it is written with draft: true, a comment at the top of the front matter names the missing fields, and the summary counts it
        Assert.Equal(0, exit);
        var text = File.ReadAllText(Assert.Single(Written(site)));
        Assert.StartsWith("---\n# ", text, StringComparison.Ordinal);
        Assert.Contains("title, agency", text.Split('\n')[1], StringComparison.Ordinal);
        Assert.Contains("\ndraft: true\n", text, StringComparison.Ordinal);
        Assert.Contains("year: 2024", text, StringComparison.Ordinal);
        Assert.Contains("## 一、主要举措和成效", text, StringComparison.Ordinal);
        Assert.Contains("imported 0, 1 as drafts with missing fields, 0 failed", output, StringComparison.Ordinal);
        Assert.Contains("r.txt: warning: title, agency not found", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_draft_without_a_year_goes_to_the_drafts_folder()
    {
        using var temp = new TestSite();
        var input = temp.File("r.txt", "旺苍县司法局法治政府建设工作报告\n我局扎实推进法治政府建设。\n").PathOf("r.txt");
        var site = temp.PathOf("site");

        Sitegen("import", input, "--site", site);

        var path = Assert.Single(Written(site));
        Assert.Equal("drafts", Path.GetFileName(Path.GetDirectoryName(path)));
    }

    [Fact]
    public void Strict_refuses_drafts_with_a_non_zero_exit_and_writes_nothing_for_them()
    {
        // Given a complete page and a page that would be a draft
        using var temp = new TestSite();
        temp.File("in/a.txt", Complete);
        temp.File("in/b.txt", WithoutAgency);
        var site = temp.PathOf("site");

        // When they are imported with --strict
        var (exit, output, err) = Sitegen("import", temp.PathOf("in"), "--site", site, "--strict");

        // Then the complete report is written, the draft is refused, and the run fails
        Assert.Equal(1, exit);
        Assert.Single(Written(site));
        Assert.Contains("b.txt: error: required field(s) not found: title, agency; --strict refuses drafts", err, StringComparison.Ordinal);
        Assert.Contains("imported 1, 0 as drafts with missing fields, 1 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_lists_each_draft_that_still_lacks_required_fields()
    {
        // Given a site with an imported draft
        using var temp = new TestSite();
        var input = temp.File("r.txt", WithoutAgency).PathOf("r.txt");
        Sitegen("import", input, "--site", temp.Root);
        var draft = ContentLoader.Display(temp.PathOf("content"), Assert.Single(Written(temp.Root)));

        // When the site is checked
        var result = SiteChecker.Run(new CheckOptions { SiteDir = temp.Root });

        // Then the draft is listed with what it lacks, as a warning that does not fail the check
        var listed = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.IncompleteDraft);
        Assert.Equal(draft, listed.File);
        Assert.Contains("title, agency", listed.Message, StringComparison.Ordinal);
        Assert.True(result.Passed);
    }

    [Fact]
    public void A_draft_never_reaches_the_published_site()
    {
        // Given a site with one complete imported report and one imported draft
        using var temp = new TestSite();
        temp.File("in/a.txt", Complete);
        temp.File("in/b.txt", WithoutAgency);
        Sitegen("import", temp.PathOf("in"), "--site", temp.Root);
        Assert.Equal(2, Written(temp.Root).Length);

        // When the site is built
        var result = temp.Build();

        // Then it builds with only the complete report, and nothing of the draft's text is in any output file, search index included
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(1, result.PagesByKind[PageKind.Report]);
        Assert.Equal(1, result.Search!.Documents);
        Assert.DoesNotContain(temp.Snapshot(), f => System.Text.Encoding.UTF8.GetString(f.Value).Contains("区司法局扎实推进", StringComparison.Ordinal));
    }

    [Fact]
    public void A_preview_with_drafts_leaves_out_a_draft_that_lacks_required_fields_and_says_so()
    {
        using var temp = new TestSite();
        temp.File("in/a.txt", Complete);
        temp.File("in/b.txt", WithoutAgency);
        Sitegen("import", temp.PathOf("in"), "--site", temp.Root);

        var result = temp.Build(drafts: true);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(1, result.PagesByKind[PageKind.Report]);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.IncompleteDraft && d.Severity == Severity.Warning);
    }

    [Theory]
    [InlineData("draft: true\n", true)]
    [InlineData("", false)]
    public void Only_a_draft_may_lack_required_fields(string draft, bool accepted)
    {
        // Given front matter without an agency, marked as a draft or not
        var diagnostics = new DiagnosticBag();
        var (frontMatter, _) = FrontMatterParser.Parse("---\ntitle: \"某报告\"\nyear: 2024\n" + draft + "---\n\n正文。\n", "r.md", diagnostics);

        // Then a draft is accepted with the field named as missing; any other report is refused
        Assert.Equal(accepted, frontMatter is not null);
        if (accepted) Assert.Equal(["agency"], frontMatter!.MissingFields);
        else Assert.Contains(diagnostics.Sorted(), d => d.Code == DiagnosticCodes.MissingField);
    }
}
