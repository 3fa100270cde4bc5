using SiteGen.Tests.Support;

namespace SiteGen.Tests.Site;

public sealed class ThemeOverrideTests
{
    [Fact]
    public void A_site_overrides_a_partial_by_placing_a_file_at_the_same_path()
    {
        // Given a site with its own footer partial
        using var site = new TestSite()
            .Report("a", "测试县司法局", 2024)
            .File("themes/default/partials/footer.sbn-html", "<footer class=\"custom\">本站页脚 {{ site.title }}</footer></body></html>\n");

        // When it is built
        site.BuildSucceeding();

        // Then every page uses the site's footer and the other built-in files still apply
        Assert.Contains("<footer class=\"custom\">本站页脚 法治政府建设年度报告库</footer>", site.Read("index.html"));
        Assert.Contains("<footer class=\"custom\">", site.Read("years/2024/index.html"));
        Assert.Contains("class=\"site-header\"", site.Read("index.html"));
    }

    [Fact]
    public void A_site_overrides_a_layout_and_a_static_asset()
    {
        using var site = new TestSite()
            .Report("a", "测试县司法局", 2024)
            .File("themes/default/layouts/404.sbn-html", "<!DOCTYPE html><html lang=\"{{ site.language }}\"><title>404</title><h1>{{ t 'not_found' }}!</h1></html>\n")
            .File("themes/default/static/site.css", "body { color: black; }\n");

        site.BuildSucceeding();

        Assert.Contains("<h1>页面不存在!</h1>", site.Read("404.html"));
        var css = site.Find("assets/site.*.css").Single();
        Assert.Equal("body { color: black; }\n", site.Read(css));
    }

    [Fact]
    public void The_English_interface_is_used_when_the_site_language_is_en()
    {
        using var site = new TestSite().File("content/site.yml", "language: en\ntitle: \"Report archive\"\n").Report("a", "测试县司法局", 2024);

        site.BuildSucceeding();

        var home = site.Read("index.html");
        Assert.Contains("<html lang=\"en\">", home);
        Assert.Contains(">Agencies</a>", home);
        Assert.Contains("Latest reports", home);
        Assert.DoesNotContain("最新报告", home);
    }

    [Fact]
    public void Footer_identifiers_are_shown_only_when_configured()
    {
        using var bare = new TestSite().Report("a", "测试县司法局", 2024);
        bare.BuildSucceeding();
        var plain = bare.Read("index.html");
        Assert.DoesNotContain("网站标识码", plain);
        Assert.DoesNotContain("ICP备案号", plain);
        Assert.DoesNotContain("公安备案号", plain);

        using var configured = new TestSite()
            .File("content/site.yml", "footer:\n  site_code: \"5304020001\"\n  icp: \"滇ICP备12345678号\"\n  sponsor: \"测试县人民政府办公室\"\n")
            .Report("a", "测试县司法局", 2024);
        configured.BuildSucceeding();
        var html = configured.Read("index.html");
        Assert.Contains("<dt>网站标识码</dt><dd>5304020001</dd>", html);
        Assert.Contains("<dt>ICP备案号</dt><dd>滇ICP备12345678号</dd>", html);
        Assert.Contains("<dt>主办单位</dt><dd>测试县人民政府办公室</dd>", html);
        Assert.DoesNotContain("公安备案号", html);
    }
}
