using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SiteGen.Diagnostics;
using SiteGen.Html;
using SiteGen.Write;

using SiteGen.Tests.Support;
namespace SiteGen.Tests.Hardening;

/// <summary>Content is untrusted: script injection through every field that reaches HTML, feeds, JSON-LD and the sitemap is neutralised, and paths cannot escape.</summary>
public sealed class AttackTests
{
    private const string Title = "标题</title><script>alert('title')</script>\"><img src=x onerror=alert(1)>";
    private const string Agency = "机关</script><script>alert('agency')</script>";
    private const string Series = "<b onmouseover=alert('series')>类</b>";

    /// <summary>Every way a link in Markdown might smuggle a script.</summary>
    private static readonly string[] MarkdownLinks =
    [
        "[a](javascript:alert('link'))",
        "[b](JaVaScRiPt:alert('case'))",
        "[c](java&#x09;script:alert('entity-tab'))",
        "[d](&#106;avascript:alert('entity'))",
        "[e]( javascript:alert('space'))",
        "<javascript:alert('autolink')>",
        "![f](javascript:alert('image'))",
        "[g][ref]",
        "[h](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[i](vbscript:msgbox('vb'))",
        "[j](\"onmouseover=alert('quote'))",
    ];

    private const string MarkdownBody = """
        ## 一、<script>alert('heading')</script>标题

        <script>alert('raw')</script>

        <img src=x onerror=alert('img')>

        [ref]: javascript:alert('reference')

        正文 <b onclick="alert('inline')">加粗</b>

        """;

    /// <summary>Raw HTML a site that opted in with raw_html: true might contain.</summary>
    private const string RawHtml = """
        <img src=x onerror=alert('raw-img')>

        <a href="jav&#x61;script:alert('raw-href')">x</a> <a href=" javascript:alert('raw-space')">y</a>

        <iframe srcdoc="<script>alert('srcdoc')</script>"></iframe>

        <svg><script>alert('svg')</script><animate onbegin=alert('animate') attributeName=x /></svg>

        <math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')></style></mglyph></table></mtext></math>

        <noscript><p title="</noscript><img src=x onerror=alert('noscript')>"></p></noscript>

        <div style="background:url(javascript:alert('style'))">s</div>

        <form action="javascript:alert('form')"><button formaction="javascript:alert('formaction')">f</button></form>

        <object data="javascript:alert('object')"></object><embed src="javascript:alert('embed')">

        <meta http-equiv="refresh" content="0;url=javascript:alert('meta')"><base href="javascript:alert('base')//">

        <details open ontoggle=alert('toggle')>d</details><input autofocus onfocus=alert('focus')>

        <template><script>alert('template')</script></template><textarea></textarea><img src=x onerror=alert('textarea')>

        """;

    private static TestSite PayloadSite(bool rawHtml)
    {
        var site = new TestSite();
        site.File("content/site.yml", $"""
            title: "库</title><script>alert('site')</script>"
            description: "\"><script>alert('description')</script>"
            base_url: "https://example.gov.cn/"
            raw_html: {(rawHtml ? "true" : "false")}
            banner: "<script>alert('site-extra')</script>"
            footer:
              sponsor: "<img src=x onerror=alert('sponsor')>"
              contact: "<a href=javascript:alert('contact')>c</a>"
              icp: "ICP</dd><script>alert('icp')</script>"
            """);
        var links = string.Join("\n\n", MarkdownLinks);
        site.File("content/2024/evil.md", $"""
            ---
            title: "{Title.Replace("\"", "\\\"")}"
            agency: "{Agency}"
            region: ["省\"><svg onload=alert('region')>", "市<script>alert('city')</script>"]
            year: 2024
            published: 2025-03-01
            type: "{Series}"
            summary: "摘要\"><script>alert('summary')</script>"
            index_no: "<script>alert('index')</script>"
            doc_no: "<img src=x onerror=alert('doc')>"
            publisher: "\"><script>alert('publisher')</script>"
            topic: "<svg onload=alert('topic')>"
            tags: ["<script>alert('tag')</script>"]
            source_url: "https://example.com/\"><script>alert('source')</script>"
            note: "<script>alert('extra')</script>"
            control: "\u0001\u0008\uFFFE"
            ---
            {MarkdownBody}
            {links}

            {(rawHtml ? RawHtml : "")}
            """);
        site.ReportAt("content/2024/plain.md", "普通机关", 2024);
        // A theme that shows the extras, as a site's own theme might.
        site.File("themes/default/partials/footer.sbn-html",
            "<footer><p>{{ site.extra.banner }}</p>{{ if report }}<p>{{ report.extra.note }}</p>{{ end }}{{ site.footer.sponsor }} {{ site.footer.contact }} {{ site.footer.icp }}</footer>\n</body>\n</html>\n");
        return site;
    }

    private static readonly HtmlParser Parser = new();

    private static IEnumerable<(string Path, IDocument Document)> Pages(TestSite site) =>
        Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => (Path.GetRelativePath(site.Output, p), (IDocument)Parser.ParseDocument(File.ReadAllText(p))));

    /// <summary>Fails unless the document can run no script: only JSON data (the JSON-LD, the downloads' data) and the theme's own modules, no handlers, no unsafe URLs, no inline style.</summary>
    private static void AssertInert(string path, IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script"))
        {
            var type = script.GetAttribute("type");
            var src = script.GetAttribute("src");
            Assert.True(type is "application/ld+json" or "application/json" && src is null || type is null or "module" && src is not null && src.StartsWith("/assets/", StringComparison.Ordinal),
                $"{path}: unexpected script {script.OuterHtml}");
        }
        foreach (var element in document.All)
        {
            // The status page's chart is SiteGen's own inline SVG (its texts escaped); no other SVG may reach a page.
            var ownChart = element.Closest("svg.status-chart") is not null && element.LocalName is "svg" or "title" or "desc" or "g" or "line" or "rect" or "text";
            if (!ownChart) Assert.DoesNotContain(element.LocalName, new[] { "iframe", "object", "embed", "svg", "math", "base", "frame", "applet", "template" });
            if (element.LocalName == "meta") Assert.Null(element.GetAttribute("http-equiv"));
            if (element.LocalName == "noscript") Assert.Null(element.Closest(".report-body")); // the theme's own notice on the search page is fine
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{path}: handler {attribute.Name} on {element.OuterHtml}");
                Assert.NotEqual("style", attribute.Name);
                Assert.NotEqual("srcdoc", attribute.Name);
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "data" or "poster" or "srcset" or "xlink:href")
                    Assert.True(UrlSafety.IsSafe(attribute.Value), $"{path}: unsafe {attribute.Name}=\"{attribute.Value}\"");
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_html_page_of_a_site_full_of_payloads_is_inert(bool rawHtml)
    {
        // Given a site whose every field and body carries script payloads
        using var site = PayloadSite(rawHtml);

        // When it is built
        site.BuildSucceeding();

        // Then no page can run a script, and the payloads show as text on the report page
        var pages = Pages(site).ToList();
        Assert.True(pages.Count > 10);
        foreach (var (path, document) in pages) AssertInert(path, document);
        var report = pages.Single(p => p.Document.QuerySelector("body.kind-report h1")?.TextContent == Title).Document;
        Assert.Contains(Agency, report.QuerySelector(".report-facts")!.TextContent);
        Assert.Contains("<script>alert('extra')</script>", report.QuerySelector("footer")!.TextContent);
        Assert.Equal("库</title><script>alert('site')</script>", report.QuerySelector(".site-title")!.TextContent);
    }

    [Fact]
    public void Raw_html_is_escaped_as_text_when_the_site_has_not_opted_in()
    {
        using var site = PayloadSite(rawHtml: false);
        site.BuildSucceeding();
        var body = Pages(site).Select(p => p.Document.QuerySelector(".report-body")).Single(b => b?.TextContent.Contains("alert('raw')") == true)!;
        Assert.Empty(body.QuerySelectorAll("script, img[onerror], b[onclick]"));
        Assert.Contains("<img src=x onerror=alert('img')>", body.TextContent);
    }

    [Fact]
    public void Every_markdown_link_with_a_script_url_becomes_inert()
    {
        using var site = PayloadSite(rawHtml: false);
        site.BuildSucceeding();
        var body = Pages(site).Select(p => p.Document.QuerySelector(".report-body")).Single(b => b?.TextContent.Contains("alert('raw')") == true)!;
        var links = body.QuerySelectorAll("a[href], img[src]").ToList();
        Assert.True(links.Count >= 8, $"only {links.Count} links rendered");
        foreach (var link in links)
        {
            var url = link.GetAttribute("href") ?? link.GetAttribute("src")!;
            Assert.True(UrlSafety.IsSafe(url), url);
            Assert.DoesNotContain("script:", url.Replace("\t", ""), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("data:", url, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Json_ld_keeps_payloads_as_data_that_cannot_close_its_script_element()
    {
        using var site = PayloadSite(rawHtml: false);
        site.BuildSucceeding();
        var report = Pages(site).Single(p => p.Document.QuerySelector("h1")?.TextContent == Title);
        var raw = File.ReadAllText(Path.Combine(site.Output, report.Path));
        var start = raw.IndexOf("<script type=\"application/ld+json\">", StringComparison.Ordinal);
        var end = raw.IndexOf("</script>", start, StringComparison.Ordinal);
        var json = raw[(start + "<script type=\"application/ld+json\">".Length)..end];

        Assert.DoesNotContain("<", json);
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(Title, parsed.RootElement.GetProperty("name").GetString());
        Assert.Equal(Agency, parsed.RootElement.GetProperty("publisher").GetProperty("name").GetString());
    }

    [Fact]
    public void Feeds_are_well_formed_xml_with_payloads_as_text_and_control_characters_dropped()
    {
        // Given a report whose title and body hold characters XML 1.0 cannot carry
        using var site = PayloadSite(rawHtml: false);
        site.File("content/2024/control.md", "---\ntitle: \"控制\\u0001字符\\uFFFE\"\nagency: \"控制字符局\"\nyear: 2024\n---\n正文\u0001\u000b有控制字符。\n");

        // When the site is built
        site.BuildSucceeding();

        // Then every feed parses, keeps the payload title as text, and the control characters are gone
        var feeds = Directory.EnumerateFiles(site.Output, "feed.xml", SearchOption.AllDirectories).ToList();
        Assert.True(feeds.Count > 3);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        foreach (var feed in feeds) XDocument.Parse(File.ReadAllText(feed));
        var main = XDocument.Parse(site.Read("feed.xml"));
        var titles = main.Descendants(atom + "entry").Select(e => e.Element(atom + "title")!.Value).ToList();
        Assert.Contains(Title, titles);
        Assert.Contains("控制字符", titles);
        Assert.Contains(Agency, main.Descendants(atom + "name").Select(n => n.Value));
        Assert.Contains("正文有控制字符。", main.Descendants(atom + "summary").Select(s => s.Value));
        Assert.DoesNotContain("<script>", site.Read("feed.xml"));
    }

    [Fact]
    public void The_sitemap_lists_only_urls_of_the_site()
    {
        using var site = PayloadSite(rawHtml: false);
        site.BuildSucceeding();
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = XDocument.Parse(site.Read("sitemap.xml")).Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.NotEmpty(locs);
        Assert.All(locs, loc => Assert.Matches("^https://example\\.gov\\.cn/[a-z0-9/._-]*$", loc));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("/relative/path")]
    public void A_source_url_that_is_not_http_is_refused(string url)
    {
        using var site = TestSite.Good();
        site.File("content/2024/bad.md", $"---\ntitle: \"报告\"\nagency: \"某局\"\nyear: 2024\nsource_url: \"{url}\"\n---\n正文\n");
        var result = site.TryBuild();
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.WrongType && d.File == "content/2024/bad.md" && d.Line == 5);
    }

    [Theory]
    [InlineData("../../../etc")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("%2e%2e")]
    [InlineData("报告")]
    [InlineData("/abs")]
    public void A_slug_that_could_leave_its_folder_is_refused(string slug)
    {
        using var site = TestSite.Good();
        site.ReportAt("content/2024/bad.md", "某局", 2024, $"slug: \"{slug}\"\n");
        var result = site.TryBuild();
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidSlug && d.File == "content/2024/bad.md" && d.Line == 7);
        Assert.False(Directory.Exists(site.Output));
    }

    [Theory]
    [InlineData("../../etc")]
    [InlineData("/etc")]
    [InlineData("default/../../x")]
    public void A_theme_name_that_could_leave_the_themes_folder_is_refused(string theme)
    {
        using var site = TestSite.Good();
        site.File("content/site.yml", $"theme: \"{theme}\"\n");
        var result = site.TryBuild();
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ThemeMissing && d.File == "content/site.yml");
    }

    [Theory]
    [InlineData("../escape.html")]
    [InlineData("a/../../escape.html")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b")]
    [InlineData("a\\..\\b")]
    [InlineData("a/\0b")]
    public void The_publisher_refuses_output_paths_that_leave_the_output_folder(string path)
    {
        using var site = new TestSite();
        using var publisher = OutputPublisher.Begin(site.Output);
        var ex = Assert.Throws<SiteGenException>(() => publisher.Write(path, "x"));
        Assert.Equal(DiagnosticCodes.OutputPath, ex.Code);
        Assert.False(File.Exists(Path.Combine(site.Root, "escape.html")));
    }

    [Fact]
    public void An_output_folder_that_holds_other_files_is_never_replaced()
    {
        // Given a build pointed at the site folder itself, which holds content/
        using var site = TestSite.Good();
        var before = TestSite.Fingerprint(site.Root);

        // When it is built
        var result = site.TryBuild(outputDir: site.Root);

        // Then it refuses, and the site folder is as it was
        Assert.False(result.Succeeded);
        Assert.Equal(DiagnosticCodes.OutputPath, Assert.Single(result.Diagnostics).Code);
        Assert.Equal(before, TestSite.Fingerprint(site.Root));
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("robots.txt")]
    [InlineData("reports")]
    [InlineData("sub/file.txt")]
    public void A_theme_root_file_may_not_replace_a_generated_file(string name)
    {
        using var site = TestSite.Good();
        site.File("themes/default/root/" + name, "<script>alert(1)</script>");
        var result = site.TryBuild();
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ThemeTemplate && d.File == "themes/default/root/" + name);
    }

    [Fact]
    public void The_theme_writes_strict_security_headers_to_the_output_root()
    {
        using var site = TestSite.Good();
        site.BuildSucceeding();
        var headers = site.Read("_headers");
        Assert.Contains("Content-Security-Policy: default-src 'self';", headers);
        Assert.DoesNotContain("unsafe-inline", headers);
        Assert.DoesNotContain("unsafe-eval", headers);
        Assert.Contains("X-Content-Type-Options: nosniff", headers);
    }

    [Fact]
    public void Table_alignment_is_a_class_not_an_inline_style()
    {
        using var site = TestSite.Good();
        site.ReportAt("content/2024/table.md", "表格局", 2024, body: "| 甲 | 乙 |\n|:-:|--:|\n| 1 | 2 |\n\n+---+-----+\n| x | y   |\n+===+=====+\n| 1 | 2   |\n+---+-----+\n");
        site.BuildSucceeding();
        var body = Pages(site).Select(p => p.Document.QuerySelector(".report-body")).Single(b => b?.QuerySelector("table") is not null)!;
        Assert.Empty(body.QuerySelectorAll("[style]"));
        Assert.Equal(2, body.QuerySelectorAll("td.align-center, th.align-center").Length);
        Assert.Equal(2, body.QuerySelectorAll("td.align-right, th.align-right").Length);
    }

    // Attacks on the theme engine: content that looks like template code, and theme code that tries to escape the sandbox.

    /// <summary>Template code that would compute 1234 * 1000 if it were ever evaluated.</summary>
    private const string TemplateCode = "{{ 1234 * 1000 }}";
    private const string Evaluated = "1234000";

    [Fact]
    public void Template_code_in_every_field_and_the_body_shows_literally_in_pages_feeds_and_the_search_index()
    {
        // Given a site whose settings, every front matter field and the body carry template code
        using var site = new TestSite();
        site.File("content/site.yml", $$$"""
            title: "库{{{TemplateCode}}}"
            description: "{{{TemplateCode}}}"
            base_url: "https://example.gov.cn/"
            banner: "{{{TemplateCode}}}"
            footer:
              sponsor: "{{{TemplateCode}}}"
            """);
        site.File("content/2024/code.md", $$$"""
            ---
            title: "标题{{{TemplateCode}}}"
            agency: "机关{{{TemplateCode}}}"
            region: ["省{{{TemplateCode}}}", "市{{ site.title }}"]
            year: 2024
            published: 2025-03-01
            type: "类{{{TemplateCode}}}"
            summary: "摘要{{{TemplateCode}}}"
            index_no: "{{{TemplateCode}}}"
            doc_no: "{{ include 'head' }}"
            publisher: "{{ t 'home' }}"
            topic: "{% raw %}{{{TemplateCode}}}"
            tags: ["{{{TemplateCode}}}"]
            note: "{{{TemplateCode}}}"
            ---
            ## 一、{{{TemplateCode}}}举措

            正文 {{{TemplateCode}}} 与 `{{{TemplateCode}}}` 和 {{ while true }}{{ end }}。
            """);
        site.File("themes/default/partials/footer.sbn-html", "<footer>{{ site.extra.banner }} {{ if report }}{{ report.extra.note }} {{ for tag in report.tags }}{{ tag }}{{ end }}{{ end }}</footer>\n</body>\n</html>\n");

        // When it is built
        site.BuildSucceeding();

        // Then no output file holds the code's result, and the report page, the feed and the search index show the code as written
        foreach (var (path, bytes) in site.Snapshot().Where(f => !f.Key.StartsWith("assets/", StringComparison.Ordinal)))
            Assert.DoesNotContain(Evaluated, System.Text.Encoding.UTF8.GetString(bytes));
        var report = Pages(site).Single(p => p.Document.QuerySelector("body.kind-report") is not null).Document;
        Assert.Equal("标题" + TemplateCode, report.QuerySelector("h1")!.TextContent);
        Assert.Contains("机关" + TemplateCode, report.QuerySelector(".report-facts")!.TextContent);
        Assert.Contains("市{{ site.title }}", report.QuerySelector(".report-facts")!.TextContent);
        Assert.Contains("{{ include 'head' }}", report.QuerySelector(".catalogue")!.TextContent);
        Assert.Contains("{{ t 'home' }}", report.QuerySelector(".catalogue")!.TextContent);
        Assert.Contains("{% raw %}" + TemplateCode, report.QuerySelector(".catalogue")!.TextContent);
        Assert.Contains($"正文 {TemplateCode} 与 {TemplateCode} 和 {{{{ while true }}}}{{{{ end }}}}。", report.QuerySelector(".report-body")!.TextContent);
        Assert.Contains(TemplateCode + " " + TemplateCode + " " + TemplateCode, report.QuerySelector("footer")!.TextContent);
        Assert.Equal("库" + TemplateCode, report.QuerySelector(".site-title")!.TextContent);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(site.Read("feed.xml"));
        Assert.Contains("标题" + TemplateCode, feed.Descendants(atom + "title").Select(t => t.Value));
        // (the index's texts are compressed, so it is read as the runtime reads it)
        var index = new SiteGen.Tests.Search.IndexReader(Path.Combine(site.Output, "search", "idx"));
        var record = index.Doc(0);
        Assert.Equal("标题" + TemplateCode, record.Title);
        Assert.Equal("机关" + TemplateCode, record.Agency);
        Assert.Contains($"正文 {TemplateCode} 与 {TemplateCode}", index.Chunk(0, 0).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../layouts/home")]
    [InlineData("../../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData(@"..\\layouts\\home")] // a Scriban string: \\ is one backslash
    [InlineData("a/../../layouts/home")]
    [InlineData("footer.sbn-html")]
    [InlineData("partials/footer")]
    [InlineData("./footer")]
    [InlineData("no-such-partial")]
    public void An_include_reaches_only_the_partials_of_the_theme(string name)
    {
        // Given a layout that includes a name leading out of partials/ (or to nothing), written out or computed
        foreach (var call in new[] { $"include '{name}'", $"target = '{name}'; include target" })
        {
            using var site = TestSite.Good();
            site.File("themes/default/layouts/404.sbn-html", $"<p>\n{{{{ {call} }}}}\n</p>\n");

            // When it is built
            var result = site.TryBuild();

            // Then the build fails with SG4002 at the line of the include, and nothing is written
            Assert.False(result.Succeeded);
            var error = Assert.Single(result.Diagnostics);
            Assert.Equal((DiagnosticCodes.ThemeMissing, "themes/default/layouts/404.sbn-html", 2), (error.Code, error.File, error.Line));
            Assert.Contains(name.Replace(@"\\", @"\"), error.Message);
            Assert.False(Directory.Exists(site.Output));
        }
    }

    [Fact]
    public void A_partial_linked_to_a_file_outside_the_theme_is_not_read()
    {
        // Given a partial that is a symbolic link to a file outside the theme
        using var site = TestSite.Good();
        site.File("secret.txt", "机密内容");
        Directory.CreateDirectory(site.PathOf("themes/default/partials"));
        File.CreateSymbolicLink(site.PathOf("themes/default/partials/secret.sbn-html"), site.PathOf("secret.txt"));
        site.File("themes/default/layouts/404.sbn-html", "<p>{{ include 'secret' }}</p>\n");

        // When it is built
        var result = site.TryBuild();

        // Then the link is not a partial: the include fails and the file's content is nowhere
        Assert.False(result.Succeeded);
        Assert.Equal(DiagnosticCodes.ThemeMissing, Assert.Single(result.Diagnostics).Code);
    }

    [Theory]
    [InlineData("{{ while true }}x{{ end }}", "loops more than")]
    [InlineData("{{ for i in 1..1000000000 }}{{ end }}", "loops more than")]
    [InlineData("{{ for a in 1..1000 }}{{ for b in 1..1000 }}{{ end }}{{ end }}", "loops more than")]
    [InlineData("{{ func deeper(n); deeper(n + 1); end; deeper(1) }}", "levels deep")]
    [InlineData("{{ include 'again' }}", "levels deep")]
    [InlineData("{{ 'x' * 1000000000 }}", "longer than SiteGen allows")]
    [InlineData("{{ s = 'xxxxxxxx'; for i in 1..40; s = s + s; end; s }}", "longer than SiteGen allows")]
    [InlineData("{{ for i in 1..90000 }}{{ site.description }}{{ end }}", "longer than SiteGen allows")]
    public void A_runaway_template_fails_with_a_located_error_quickly(string code, string explanation)
    {
        // Given a theme whose 404 layout never ends, nests without end or makes a huge text
        using var site = TestSite.Good();
        site.File("content/site.yml", $"title: \"测试报告库\"\ndescription: \"{new string('长', 1000)}\"\n");
        site.File("themes/default/partials/again.sbn-html", "{{ include 'again' }}");
        site.File("themes/default/layouts/404.sbn-html", "<p>\n" + code + "\n</p>\n");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // When it is built
        var result = site.TryBuild();

        // Then the build stops within seconds with SG4001 at the template, in SiteGen's words
        Assert.False(result.Succeeded);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.ThemeTemplate, error.Code);
        Assert.StartsWith("themes/default/", error.File, StringComparison.Ordinal);
        Assert.True(error.Line > 0, error.ToString());
        Assert.Contains(explanation, error.Message);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_template_that_runs_past_the_time_limit_is_stopped()
    {
        // Given a template whose recursion fans out (2^40 calls) without ever looping or nesting deeply
        using var site = TestSite.Good();
        site.File("themes/default/layouts/404.sbn-html", "{{ func fan(n); if n > 0; fan(n - 1); fan(n - 1); end; end; fan(40) }}\n");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // When it is built
        var result = site.TryBuild();

        // Then it is stopped at the time limit with SG4001 at the template
        Assert.False(result.Succeeded);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.ThemeTemplate, "themes/default/layouts/404.sbn-html"), (error.Code, error.File));
        Assert.Contains("ran for more than", error.Message);
    }

    [Theory]
    [InlineData("{{ site.title.length }}")]
    [InlineData("{{ site.nav.capacity }}")]
    [InlineData("{{ page.Title }}")]
    [InlineData("{{ site.footer.any.get_type }}")]
    [InlineData("{{ site.footer.equality_contract }}")]
    [InlineData("{{ date.now }}")]
    [InlineData("{{ object.typeof site }}")]
    [InlineData("{{ environment }}")]
    public void Templates_reach_nothing_beyond_the_view_model(string code)
    {
        // Given a layout that reaches for a .NET member or a library function
        using var site = TestSite.Good();
        site.File("themes/default/layouts/home.sbn-html", "<p>" + code + "</p>\n");

        // When it is built
        var result = site.TryBuild();

        // Then the build fails with SG4001 at the template
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.ThemeTemplate, "themes/default/layouts/home.sbn-html", 1), (error.Code, error.File, error.Line));
    }

    [Fact]
    public void Captured_text_and_values_written_in_attributes_stay_escaped()
    {
        // Given a site title with markup and quotes, written through capture, a template function and quoted attributes
        using var site = TestSite.Good();
        site.File("content/site.yml", "title: \"<script>alert(1)</script>\\\" onmouseover=alert(2) x=\"\n");
        site.File("themes/default/layouts/home.sbn-html",
            "{{ capture held }}{{ site.title }}{{ end }}<p>{{ held }}</p>{{ func shout(x); ret x; end }}<p>{{ shout site.title }}</p><a title=\"{{ site.title }}\" href=\"{{ site.title }}\">a</a>\n");

        // When it is built
        site.BuildSucceeding();

        // Then no markup, handler or attribute of the title got through
        var home = site.Read("index.html");
        var document = Parser.ParseDocument(home);
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.All(document.All, e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.Equal(["title", "href"], document.QuerySelector("a")!.Attributes.Select(a => a.Name));
        Assert.Contains("&lt;script&gt;", home);
    }
}
