using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SiteGen.Server;
using SiteGen.Tests.Check;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Serve;

public sealed class DevServerTests
{
    private static readonly HttpClient Http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    private static Task<DevServer> Start(TestSite site, Action<BuildOutcome>? onBuild = null) =>
        DevServer.StartAsync(new ServeOptions { SiteDir = site.Root, Port = 0, Debounce = TimeSpan.FromMilliseconds(100) }, onBuild ?? (_ => { }));

    private static TestSite SiteWithOneReport(string baseUrl = "/")
    {
        var site = new TestSite().File("content/site.yml", $"title: \"测试报告库\"\nbase_url: \"{baseUrl}\"\n");
        site.Report("2024/a", "红塔区卫生健康局", 2024, region: SampleReports.Region, published: SampleReports.Published(2024), body: SampleReports.CompleteBody + "\n原始段落文字。\n");
        return site;
    }

    private static Uri Events(DevServer server) => new(server.Address, "/__sitegen/events");

    private static async Task<string> ReportHtml(DevServer server)
    {
        var home = await Http.GetStringAsync(server.Address);
        var start = home.IndexOf("href=\"" + server.Address.AbsolutePath + "reports/", StringComparison.Ordinal) + 6;
        var href = home[start..home.IndexOf('"', start)];
        return await Http.GetStringAsync(new Uri(server.Address, href));
    }

    [Fact]
    public async Task The_site_is_served_under_its_base_path_with_content_types_and_the_reload_script_only_in_served_HTML()
    {
        using var site = SiteWithOneReport("/archive/");
        await using var server = await Start(site);

        var root = await Http.GetAsync(new Uri(server.Address, "/"));
        var page = await Http.GetAsync(server.Address);
        var html = await page.Content.ReadAsStringAsync();
        var feed = await Http.GetAsync(new Uri(server.Address, "feed.xml"));

        Assert.Equal("/archive/", server.Address.AbsolutePath);
        Assert.Equal((HttpStatusCode.MovedPermanently, "/archive/"), (root.StatusCode, root.Headers.Location?.OriginalString));
        Assert.Equal("text/html; charset=utf-8", page.Content.Headers.ContentType?.ToString());
        Assert.Contains(SiteResponderTag, html, StringComparison.Ordinal);
        Assert.Equal("application/xml; charset=utf-8", feed.Content.Headers.ContentType?.ToString());
        Assert.DoesNotContain("__sitegen", await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var onDisk = Directory.EnumerateFiles(server.OutputDir, "*", SearchOption.AllDirectories).Select(File.ReadAllText);
        Assert.DoesNotContain(onDisk, text => text.Contains("__sitegen", StringComparison.Ordinal));
    }

    private const string SiteResponderTag = "<script src=\"/__sitegen/reload.js\" defer></script></body>";

    [Fact]
    public async Task The_preview_is_built_in_its_own_folder_never_in_the_published_output()
    {
        using var site = SiteWithOneReport();
        await using var server = await Start(site);

        Assert.Equal(Path.Combine(site.Root, ".sitegen-cache", "serve"), server.OutputDir);
        Assert.True(File.Exists(Path.Combine(server.OutputDir, "index.html")));
        Assert.False(Directory.Exists(Path.Combine(site.Root, "output")));
    }

    [Fact]
    public async Task An_unknown_path_gets_the_themes_404_page_with_status_404()
    {
        using var site = SiteWithOneReport();
        await using var server = await Start(site);

        var response = await Http.GetAsync(new Uri(server.Address, "reports/nothing/"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("class=\"kind-404\"", html, StringComparison.Ordinal);
        Assert.Contains(SiteResponderTag, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_good_while_pages_are_revalidated_by_their_etag()
    {
        using var site = SiteWithOneReport();
        await using var server = await Start(site);
        var css = Directory.GetFiles(Path.Combine(server.OutputDir, "assets"), "site.*.css").Single();

        var asset = await Http.GetAsync(new Uri(server.Address, "assets/" + Path.GetFileName(css)));
        var page = await Http.GetAsync(server.Address);
        using var again = new HttpRequestMessage(HttpMethod.Get, server.Address);
        again.Headers.IfNoneMatch.Add(page.Headers.ETag!);
        var revalidated = await Http.SendAsync(again);

        Assert.Equal("text/css; charset=utf-8", asset.Content.Headers.ContentType?.ToString());
        Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl?.ToString());
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task Editing_a_report_rebuilds_sends_a_reload_event_and_the_new_text_is_served()
    {
        using var site = SiteWithOneReport();
        await using var server = await Start(site);
        await using var events = await EventStream.OpenAsync(Events(server));
        var hello = await events.WaitForAsync("hello");

        var file = Path.Combine(site.Root, "content", "reports", "2024", "a.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("原始段落文字", "修改后的段落文字", StringComparison.Ordinal));
        var reload = await events.WaitForAsync("reload");

        Assert.Equal("text/event-stream", events.ContentType);
        Assert.Contains("\"build\":1", hello.Data, StringComparison.Ordinal);
        Assert.Contains("\"build\":2", reload.Data, StringComparison.Ordinal);
        var html = await ReportHtml(server);
        Assert.Contains("修改后的段落文字", html, StringComparison.Ordinal);
        Assert.DoesNotContain("原始段落文字", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_edit_sends_a_build_error_event_and_the_last_good_site_keeps_being_served()
    {
        using var site = SiteWithOneReport();
        var outcomes = new List<BuildOutcome>();
        await using var server = await Start(site, o => { lock (outcomes) outcomes.Add(o); });
        await using var events = await EventStream.OpenAsync(Events(server));
        await events.WaitForAsync("hello");

        var file = Path.Combine(site.Root, "content", "reports", "2024", "a.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("year: 2024", "year: abc", StringComparison.Ordinal)
            .Replace("原始段落文字", "坏的修改", StringComparison.Ordinal));
        var error = await events.WaitForAsync("build-error");

        Assert.Contains("SG1005", error.Data, StringComparison.Ordinal);
        Assert.Contains("content/reports/2024/a.md:5:7", error.Data, StringComparison.Ordinal);
        Assert.Contains("原始段落文字", await ReportHtml(server), StringComparison.Ordinal);
        lock (outcomes) Assert.Contains(outcomes, o => !o.Succeeded && o.Diagnostics.Any(d => d.Code == "SG1005"));

        // A tab that connects while the site is broken is shown the error at once.
        await using var late = await EventStream.OpenAsync(Events(server));
        Assert.Contains("SG1005", (await late.WaitForAsync("build-error")).Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_any_failed_build_even_a_crash_the_server_keeps_watching_and_the_next_good_save_reloads()
    {
        using var site = SiteWithOneReport();
        await using var server = await Start(site);
        await using var events = await EventStream.OpenAsync(Events(server));
        await events.WaitForAsync("hello");
        var settings = Path.Combine(site.Root, "content", "site.yml");
        var good = File.ReadAllText(settings);

        File.WriteAllText(settings, "title: [unclosed\n");
        await events.WaitForAsync("build-error");
        File.WriteAllText(settings, good.Replace("测试报告库", "改名后的报告库", StringComparison.Ordinal));
        await events.WaitForAsync("reload");

        Assert.Contains("改名后的报告库", await Http.GetStringAsync(server.Address), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/../content/site.yml")]
    [InlineData("/%2e%2e/content/site.yml")]
    [InlineData("/..%2fcontent%2fsite.yml")]
    [InlineData("/%2E%2E%2F%2E%2E%2Fsecret.txt")]
    [InlineData("/..%5c..%5csecret.txt")]
    [InlineData("/%252e%252e/secret.txt")]
    [InlineData("/.sitegen-output")]
    [InlineData("/reports/../../secret.txt")]
    [InlineData("/%c0%ae%c0%ae/secret.txt")]
    public async Task Paths_that_try_to_leave_the_output_folder_are_refused(string target)
    {
        using var site = SiteWithOneReport();
        site.File("secret.txt", "TOP-SECRET");
        site.File(".sitegen-cache/secret.txt", "TOP-SECRET");
        site.File("content/site.yml", "# TOP-SECRET\ntitle: \"测试报告库\"\n");
        await using var server = await Start(site);

        var (status, body) = await RawGet(server.Address, target);

        Assert.NotEqual(200, status);
        Assert.DoesNotContain("TOP-SECRET", body, StringComparison.Ordinal);
        Assert.DoesNotContain("This folder is generated by SiteGen", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_naming_another_host_is_refused_so_a_rebinding_web_page_cannot_read_the_preview()
    {
        using var site = SiteWithOneReport();
        await using var server = await Start(site);

        var (foreign, _) = await RawGet(server.Address, "/", "evil.example:" + server.Address.Port);
        var (local, _) = await RawGet(server.Address, "/", "localhost:" + server.Address.Port);

        Assert.Equal((421, 200), (foreign, local));
    }

    [Fact]
    public async Task A_theme_folder_created_while_serving_is_watched_and_its_change_reloads_the_tabs()
    {
        using var site = SiteWithOneReport();
        await using var server = await Start(site);
        await using var events = await EventStream.OpenAsync(Events(server));
        await events.WaitForAsync("hello");

        // A layout of the site's own, not a copy of the default theme's, so only the watching is under test
        static string Layout(string marker) => $"<!DOCTYPE html><html lang=\"{{{{ site.language }}}}\"><title>404</title><h1 data-{marker}>{{{{ t 'not_found' }}}}</h1></html>\n";
        // Waits for reloads until the 404 page shows the marker (a burst of file events may reload more than once); fails after 20 s without a reload
        async Task ReloadedWith(string marker)
        {
            var reloaded = "";
            while (!reloaded.Contains($"data-{marker}", StringComparison.Ordinal))
            {
                await events.WaitForAsync("reload");
                reloaded = await (await Http.GetAsync(new Uri(server.Address, "missing/"))).Content.ReadAsStringAsync();
            }
        }

        // When the theme folder appears with a layout in it, and later that layout is edited
        // Then each change reloads the tabs with the page rebuilt from the new layout: the folder is watched, not only its appearing
        site.File("themes/default/layouts/404.sbn-html", Layout("first-edit"));
        await ReloadedWith("first-edit");
        site.File("themes/default/layouts/404.sbn-html", Layout("second-edit"));
        await ReloadedWith("second-edit");
    }

    /// <summary>Sends the request line exactly as given (HttpClient would normalise the dots away).</summary>
    private static async Task<(int Status, string Body)> RawGet(Uri server, string target, string? host = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        await using var stream = tcp.GetStream();
        var request = $"GET {target} HTTP/1.1\r\nHost: {host ?? server.Authority}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, response);
    }

    [Fact]
    public async Task Stopping_the_server_with_an_open_event_stream_is_quick()
    {
        using var site = SiteWithOneReport();
        var server = await Start(site);
        await using var events = await EventStream.OpenAsync(Events(server));
        await events.WaitForAsync("hello");

        var clock = Stopwatch.StartNew();
        await server.DisposeAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"stopping took {clock.Elapsed}");
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => Http.GetAsync(server.Address));
    }
}
