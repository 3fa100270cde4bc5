using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using SiteGen.Server;
using SiteGen.Tests.Support;
using Xunit.Abstractions;

namespace SiteGen.Tests.Hardening;

/// <summary>The dev server under concurrent load on loopback: every existing page answers 200, a failing rebuild never interrupts the last good site, and a good one swaps in without a failed request.</summary>
/// <remarks>The load comes from an in-test HttpClient loop (no external tool such as wrk), bounded to a few seconds in all.</remarks>
public sealed class DevServerLoadTests(ITestOutputHelper output)
{
    private const int Workers = 8;
    private const string GoodMarker = "原始段落文字";

    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Requests served in one load phase, the ones that failed (exception, status other than 200, or failed check), a few
    /// examples of them, and the URLs that were answered 200 and passed the check.</summary>
    private sealed record LoadStats(int Requests, int Failures, IReadOnlyList<string> Examples, int RequestsAfter, IReadOnlySet<Uri> Served);

    private static TestSite SiteOfFiveReports()
    {
        var site = new TestSite().File("content/site.yml", "title: \"负载测试库\"\n");
        for (var i = 0; i < 5; i++)
            site.Report($"2024/r{i}", $"机关{i}", 2020 + i, region: ["云南省", "玉溪市"], body: $"## 一、主要举措\n\n{GoodMarker}{i}，依法行政。\n");
        return site;
    }

    /// <summary>Every page and asset of the built preview (plus the search manifest), as URLs under the server's address.</summary>
    private static List<Uri> PagesOf(DevServer server) =>
        [.. Directory.EnumerateFiles(server.OutputDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(server.OutputDir, f).Replace(Path.DirectorySeparatorChar, '/'))
            // Not the output folder's own marker (a dot file, refused by design), host rules or the 404 page, nor the many index shards.
            .Where(f => !f.Split('/').Any(s => s.StartsWith('.')) && !f.StartsWith("search/idx/", StringComparison.Ordinal) && !f.StartsWith('_') && f != "404.html")
            .Select(f => f.EndsWith("index.html", StringComparison.Ordinal) ? f[..^"index.html".Length] : f)
            .Append("search/idx/manifest.json")
            .Order(StringComparer.Ordinal)
            .Select(f => new Uri(server.Address, f))];

    /// <summary>Runs <see cref="Workers"/> concurrent request loops, each going round <paramref name="urls"/> from its own starting point, until <paramref name="until"/> completes and at least <paramref name="minimum"/> has passed.</summary>
    private static async Task<LoadStats> LoadAsync(IReadOnlyList<Uri> urls, TimeSpan minimum, Task until, Func<Uri, string, string?> check, Func<bool>? countAfter = null)
    {
        var requests = 0;
        var failures = 0;
        var after = 0;
        var examples = new ConcurrentQueue<string>();
        var served = new ConcurrentDictionary<Uri, byte>();
        var clock = Stopwatch.StartNew();
        void Fail(string what)
        {
            Interlocked.Increment(ref failures);
            if (examples.Count < 5) examples.Enqueue(what);
        }
        async Task Worker(int worker)
        {
            var next = worker * urls.Count / Workers;
            while (clock.Elapsed < minimum || !until.IsCompleted)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(20)) { Fail("load phase did not end within 20 s"); return; }
                var url = urls[next++ % urls.Count];
                var counted = countAfter?.Invoke() == true;
                try
                {
                    using var response = await Http.GetAsync(url);
                    var body = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.OK) Fail($"{url}: {(int)response.StatusCode}");
                    else if (check(url, body) is { } problem) Fail($"{url}: {problem}");
                    else served.TryAdd(url, 0);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    Fail($"{url}: {ex.GetType().Name}: {ex.Message}");
                }
                Interlocked.Increment(ref requests);
                if (counted) Interlocked.Increment(ref after);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(() => Worker(w))));
        return new LoadStats(requests, failures, [.. examples], after, served.Keys.ToHashSet());
    }

    [Fact]
    public async Task Under_concurrent_load_every_existing_page_is_served_200_and_a_failing_rebuild_keeps_the_last_good_site_served()
    {
        // Given a dev server on a free loopback port, previewing five reports
        using var site = SiteOfFiveReports();
        var failed = new TaskCompletionSource<BuildOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await DevServer.StartAsync(new ServeOptions { SiteDir = site.Root, Port = 0, Debounce = TimeSpan.FromMilliseconds(100) },
            o => { if (!o.Succeeded) failed.TrySetResult(o); });
        Assert.True(server.LastBuild?.Succeeded, "the first build succeeded");
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(server.Address.Host)), server.Address.ToString());
        var pages = PagesOf(server);
        var reports = pages.Where(u => u.AbsolutePath.Contains("/reports/", StringComparison.Ordinal) && u.AbsolutePath.EndsWith('/')
            && u.AbsolutePath.Count(c => c == '/') >= 4).ToList();
        Assert.True(pages.Count >= 10 && reports.Count == 5, string.Join(", ", pages));

        // When every page is requested by concurrent clients for two seconds
        var steady = await LoadAsync(pages, TimeSpan.FromSeconds(2), Task.CompletedTask, (_, _) => null);
        output.WriteLine($"steady load: {steady.Requests} requests over {pages.Count} pages by {Workers} clients, {steady.Failures} failures");

        // Then every one of them was requested and answered 200
        Assert.True(steady.Failures == 0, string.Join("\n", steady.Examples));
        Assert.Equal(pages.Select(u => u.ToString()).Order(StringComparer.Ordinal), steady.Served.Select(u => u.ToString()).Order(StringComparer.Ordinal));

        // When a report is broken while the reports are under load
        var edited = false;
        var editAndFail = Task.Run(async () =>
        {
            await Task.Delay(300);
            var file = Path.Combine(site.Root, "content", "reports", "2024", "r0.md");
            File.WriteAllText(file, File.ReadAllText(file).Replace("year: 2020", "year: abc", StringComparison.Ordinal)
                .Replace(GoodMarker, "坏的修改", StringComparison.Ordinal));
            Volatile.Write(ref edited, true);
            var outcome = await failed.Task.WaitAsync(TimeSpan.FromSeconds(15));
            await Task.Delay(500); // keep loading after the failure is known
            return outcome;
        });
        var broken = await LoadAsync(reports, TimeSpan.FromSeconds(1), editAndFail,
            (_, body) => body.Contains(GoodMarker, StringComparison.Ordinal) && !body.Contains("坏的修改", StringComparison.Ordinal) ? null : "not the last good page",
            () => Volatile.Read(ref edited));
        var outcome = await editAndFail;
        output.WriteLine($"load across the failing rebuild: {broken.Requests} requests ({broken.RequestsAfter} after the edit), {broken.Failures} failures; rebuild #{outcome.Number} failed with {outcome.ErrorCount} error(s)");

        // Then the rebuild failed, and every request before, during and after it got the last good report with 200
        Assert.Contains(outcome.Diagnostics, d => d.Code == "SG1005");
        Assert.True(broken.RequestsAfter > 0, "requests were served after the edit");
        Assert.True(broken.Failures == 0, string.Join("\n", broken.Examples));
    }
    [Fact]
    public async Task Under_concurrent_load_a_successful_rebuild_swaps_in_the_new_site_without_a_single_failed_request()
    {
        // Given a dev server previewing five reports, its reports under concurrent load
        using var site = SiteOfFiveReports();
        var rebuilt = new TaskCompletionSource<BuildOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await DevServer.StartAsync(new ServeOptions { SiteDir = site.Root, Port = 0, Debounce = TimeSpan.FromMilliseconds(100) },
            o => { if (o.Number > 1) rebuilt.TrySetResult(o); });
        var reports = PagesOf(server).Where(u => u.AbsolutePath.Contains("/reports/", StringComparison.Ordinal) && u.AbsolutePath.EndsWith('/')
            && u.AbsolutePath.Count(c => c == '/') >= 4).ToList();
        Assert.Equal(5, reports.Count);
        var newSeen = 0;

        // When a report is edited (validly) during the load, and the rebuild publishes the new site
        var edited = false;
        var editAndRebuild = Task.Run(async () =>
        {
            await Task.Delay(300);
            var file = Path.Combine(site.Root, "content", "reports", "2024", "r0.md");
            File.WriteAllText(file, File.ReadAllText(file).Replace(GoodMarker, "新的段落文字", StringComparison.Ordinal));
            Volatile.Write(ref edited, true);
            var outcome = await rebuilt.Task.WaitAsync(TimeSpan.FromSeconds(15));
            await Task.Delay(500);
            return outcome;
        });
        var load = await LoadAsync(reports, TimeSpan.FromSeconds(1), editAndRebuild, (_, body) =>
        {
            if (body.Contains("新的段落文字", StringComparison.Ordinal)) Interlocked.Increment(ref newSeen);
            return body.Contains("</html>", StringComparison.Ordinal) ? null : "a truncated page";
        }, () => Volatile.Read(ref edited));
        var outcome = await editAndRebuild;
        output.WriteLine($"load across a good rebuild: {load.Requests} requests ({load.RequestsAfter} after the edit, {newSeen} already of the new page), {load.Failures} failures; rebuild #{outcome.Number} took {outcome.Elapsed.TotalMilliseconds:F0} ms");

        // Then the rebuild succeeded, no request failed or got a partial page while the output was swapped, and the new page is served
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Diagnostics));
        Assert.True(load.Failures == 0, string.Join("\n", load.Examples));
        Assert.True(newSeen > 0, "the new page was served under load after the rebuild");
    }
}
