using SiteGen.Tests.Support;

namespace SiteGen.Tests.Site;

public sealed class StaticModuleImportTests
{
    [Fact]
    public void A_module_imports_another_under_its_hashed_name()
    {
        // Given theme modules that import each other by relative paths
        using var site = new TestSite()
            .Report("a", "测试县司法局", 2024)
            .File("themes/default/static/lib/util.js", "export const answer = 42;\n")
            .File("themes/default/static/app/main.js", "import { answer } from \"../lib/util.js\";\nexport const lazy = () => import('./later.js');\n")
            .File("themes/default/static/app/later.js", "export default 1;\n");

        // When the site is built
        site.BuildSucceeding();

        // Then the importer names the hashed files, so the browser finds them
        var util = site.Find("assets/lib/util.*.js").Single();
        var later = site.Find("assets/app/later.*.js").Single();
        var main = site.Read(site.Find("assets/app/main.*.js").Single());
        Assert.Contains($"from \"../lib/{Path.GetFileName(util)}\"", main);
        Assert.Contains($"import('./{Path.GetFileName(later)}')", main);
        Assert.Equal("export const answer = 42;\n", site.Read(util));
    }

    [Fact]
    public void Changing_an_imported_module_renames_its_importer()
    {
        // Given a module importing another, built once
        using var site = new TestSite()
            .Report("a", "测试县司法局", 2024)
            .File("themes/default/static/lib/util.js", "export const answer = 42;\n")
            .File("themes/default/static/main.js", "import { answer } from \"./lib/util.js\";\n");
        site.BuildSucceeding();
        var before = site.Find("assets/main.*.js").Single();

        // When only the imported module changes
        site.File("themes/default/static/lib/util.js", "export const answer = 43;\n");
        site.BuildSucceeding();

        // Then the importer's name changes too, so no browser keeps the old importer with a cached old import
        Assert.NotEqual(before, site.Find("assets/main.*.js").Single());
    }

    [Fact]
    public void Modules_that_import_each_other_are_refused_with_the_file_named()
    {
        using var site = new TestSite()
            .Report("a", "测试县司法局", 2024)
            .File("themes/default/static/a.js", "import \"./b.js\";\n")
            .File("themes/default/static/b.js", "import \"./a.js\";\n");

        var result = site.Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Message.Contains("imports", StringComparison.Ordinal));
        Assert.Matches("static/[ab][.]js$", error.File);
        Assert.Contains("static/a.js", error.Message);
        Assert.Contains("static/b.js", error.Message);
        Assert.Contains("break the import cycle", error.Hint);
    }
}
