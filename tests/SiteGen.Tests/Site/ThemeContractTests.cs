using System.Reflection;
using System.Text.RegularExpressions;
using SiteGen.Render;
using SiteGen.Tests.Check;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Site;

/// <summary>The template contract: what templates see is documented, and they see it under its documented names.</summary>
public sealed class ThemeContractTests
{
    /// <summary>The types of the view model: SiteGen's types reachable from <see cref="PageView"/>.</summary>
    private static IEnumerable<Type> ViewTypes()
    {
        var found = new HashSet<Type>();
        var pending = new Stack<Type>([typeof(PageView)]);
        while (pending.TryPop(out var type))
        {
            if (type.IsGenericType) { foreach (var argument in type.GetGenericArguments()) pending.Push(argument); continue; }
            if (type.Assembly != typeof(PageView).Assembly || !found.Add(type)) continue;
            foreach (var property in type.GetProperties()) pending.Push(property.PropertyType);
        }
        return found;
    }

    private static string SnakeCase(string name) => Regex.Replace(name, "(?<=[a-z0-9])([A-Z])", "_$1").ToLowerInvariant();

    [Fact]
    public void Every_value_of_the_view_model_is_described_in_the_theme_guide()
    {
        // Given the theme guide and every property of the view model
        var guide = File.ReadAllText(Path.Combine(SiteCheckerTests.FindRepoRoot(), "docs", "themes.md"));
        var properties = ViewTypes().SelectMany(t => t.GetProperties().Select(p => (Type: t.Name, Name: SnakeCase(p.Name)))).ToList();

        // Then each is named in it (as `name` or as the last part of `object.name`)
        Assert.True(properties.Count > 60, $"only {properties.Count} properties found");
        var missing = properties.Where(p => !guide.Contains($"`{p.Name}`", StringComparison.Ordinal) && !guide.Contains($".{p.Name}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "not in docs/themes.md: " + string.Join(", ", missing.Select(m => $"{m.Type}.{m.Name}")));
    }

    [Fact]
    public void Templates_read_the_view_model_under_snake_case_names()
    {
        // Given a layout that writes values from every level of the view model by their documented names
        using var site = new TestSite()
            .File("content/site.yml", "title: \"库\"\nfooter:\n  police_record: \"公网安备1号\"\n  site_code: \"5300000001\"\n")
            .Report("a", "测试局", 2024, ["云南省", "玉溪市"], "2025-03-01", body: "## 一、举措\n\n正文。\n")
            .File("themes/default/layouts/report.sbn-html",
                "<p>{{ page.head_title }}|{{ page.kind }}|{{ site.footer.police_record }}|{{ site.footer.site_code }}|{{ report.agency_href }}|{{ report.toc[0].text }}|{{ report.has_related }}|{{ for place in report.region }}{{ place.name }};{{ end }}</p>{{ report.body_html }}\n");

        // When it is built
        site.BuildSucceeding();

        // Then each value is there, and the body is markup rather than escaped text
        var html = site.Read(site.Find("reports/2024/*/index.html").Single());
        Assert.Contains($"<p>测试局2024年法治政府建设工作情况报告 - 库|report|公网安备1号|5300000001|/agencies/{Model.SiteUrls.Segment("测试局")}/|一、举措|false|云南省;玉溪市;</p>", html);
        Assert.Contains("<h2 id=\"一举措\">一、举措</h2>", html);
    }

    [Fact]
    public void The_view_model_decides_the_current_navigation_entry_and_the_breadcrumb_trail()
    {
        // Given a site with a report in a region
        using var site = new TestSite().Report("a", "测试局", 2024, ["云南省", "玉溪市"]);

        // When the views of its pages are made
        var views = site.Views();

        // Then the regions index is the current page of its own navigation, a region's page is in the regions section,
        // and every other entry is not current
        IEnumerable<(string, string?)> Nav(string path) => views.View(path).Page.Nav.Select(l => (l.Href, l.Current));
        (string, string?)[] Expected(string? regions) =>
            [("/", null), ("/agencies/", null), ("/years/", null), ("/regions/", regions), ("/series/", null), ("/search/", null)];
        Assert.Equal(Expected(regions: "page"), Nav("regions/"));
        Assert.Equal(Expected(regions: "true"), Nav(Model.SiteUrls.TermPath("regions", Model.SiteUrls.Segment("云南省"))));
        // And a report's trail runs home › agencies › agency › report with only the report current
        var report = views.View(Model.SiteUrls.ReportPath(2024, Model.SiteUrls.Segment("测试局"))).Page.Breadcrumbs;
        Assert.Equal(["首页", "机构", "测试局", "测试局2024年法治政府建设工作情况报告"], report.Select(c => c.Name));
        Assert.Equal([false, false, false, true], report.Select(c => c.Current));
    }
}
