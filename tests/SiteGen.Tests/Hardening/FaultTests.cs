using System.Diagnostics;
using SiteGen.Diagnostics;
using SiteGen.Write;
using Xunit.Abstractions;

using SiteGen.Tests.Support;
namespace SiteGen.Tests.Hardening;

/// <summary>Faults around publishing: a build killed at any moment, or two builds at once, never leave a mixed or corrupted output.</summary>
public sealed class FaultTests(ITestOutputHelper output)
{
    private const int Reports = 200;
    private const int Kills = 50;

    /// <summary>A site of <see cref="Reports"/> reports; <paramref name="state"/> goes into the site title, so every page differs between states.</summary>
    private static TestSite LargeSite()
    {
        var site = new TestSite();
        for (var i = 0; i < Reports; i++)
        {
            var agency = $"第{i:D3}区司法局";
            var body = string.Concat(Enumerable.Range(1, 5).Select(n => $"## {n}、章节\n\n{agency}第{n}段正文，依法行政。\n\n"));
            site.ReportAt($"content/{2020 + i % 5}/r{i:D3}.md", agency, 2020 + i % 5, body: body);
        }
        return site;
    }

    private static void SetState(TestSite site, string state) =>
        site.File("content/site.yml", $"title: \"报告库 {state}\"\nbase_url: \"https://example.gov.cn/\"\n");

    [Fact]
    public void A_build_killed_at_random_moments_leaves_the_old_or_the_new_complete_site_never_a_mix()
    {
        // Given a site built in state A, and the fingerprints of its complete outputs in states A and B
        using var site = LargeSite();
        SetState(site, "A");
        var first = CliProcess.Run("build", "--site", site.Root);
        Assert.True(first.ExitCode == 0, first.StdErr);
        var hashA = TestSite.FingerprintHash(site.OutputFingerprint());
        SetState(site, "B");
        var clock = Stopwatch.StartNew();
        var expectB = CliProcess.Run("build", "--site", site.Root, "--output", site.PathOf("expect-b"));
        var buildTime = clock.Elapsed;
        Assert.True(expectB.ExitCode == 0, expectB.StdErr);
        var hashB = TestSite.FingerprintHash(TestSite.Fingerprint(site.PathOf("expect-b")));
        Assert.NotEqual(hashA, hashB);

        var seed = int.TryParse(Environment.GetEnvironmentVariable("SITEGEN_KILL_SEED"), out var s) ? s : Environment.TickCount;
        var random = new Random(seed);
        var outcomes = new Dictionary<string, int> { ["old"] = 0, ["new"] = 0, ["finished"] = 0 };
        var current = hashA;

        // When builds towards the other state are killed (SIGKILL) at random moments across a whole build, 50 times
        for (var run = 0; run < Kills; run++)
        {
            var target = current == hashA ? "B" : "A";
            var targetHash = current == hashA ? hashB : hashA;
            SetState(site, target);
            // From just after start-up to past the usual end, so kills land in loading, rendering, writing and publishing.
            var delay = TimeSpan.FromMilliseconds((0.2 + random.NextDouble() * 1.1) * buildTime.TotalMilliseconds);
            using var process = CliProcess.Start("build", "--site", site.Root);
            var exited = process.WaitForExit(delay);
            if (!exited) process.Kill(entireProcessTree: true); // SIGKILL on Linux
            process.WaitForExit();

            // Then the output is one complete site or the other
            var now = TestSite.FingerprintHash(site.OutputFingerprint());
            Assert.True(now == hashA || now == hashB,
                $"run {run} (seed {seed}, killed after {delay.TotalMilliseconds:F0} ms): output is neither the old nor the new complete site");
            outcomes[exited ? "finished" : now == targetHash ? "new" : "old"]++;
            current = now;
        }

        output.WriteLine($"kill test: seed {seed}, {Kills} runs over a {buildTime.TotalMilliseconds:F0} ms build of {Reports} reports: " +
            $"{outcomes["old"]} killed before publishing (old site), {outcomes["new"]} killed after publishing (new site), {outcomes["finished"]} finished before the kill");

        // And a normal build afterwards succeeds and clears what the killed builds left beside the output
        var last = CliProcess.Run("build", "--site", site.Root);
        Assert.True(last.ExitCode == 0, last.StdErr);
        Assert.Empty(site.Leftovers());
    }

    [Fact]
    public async Task Two_builds_started_at_once_wait_for_each_other_and_publish_one_complete_site()
    {
        // Given a site
        using var site = LargeSite();
        SetState(site, "A");

        // When two builds of it start at the same moment
        using var a = CliProcess.Start("build", "--site", site.Root);
        using var b = CliProcess.Start("build", "--site", site.Root);
        var errA = a.StandardError.ReadToEndAsync();
        var errB = b.StandardError.ReadToEndAsync();
        await a.WaitForExitAsync();
        await b.WaitForExitAsync();

        // Then each finishes (the second waits for the lock) or refuses with the lock message, and the output is one complete site
        foreach (var (code, err) in new[] { (a.ExitCode, await errA), (b.ExitCode, await errB) })
            Assert.True(code == 0 || err.Contains(DiagnosticCodes.SiteLocked, StringComparison.Ordinal), $"exit {code}: {err}");
        Assert.True(a.ExitCode == 0 || b.ExitCode == 0);
        var expected = CliProcess.Run("build", "--site", site.Root, "--output", site.PathOf("expect"));
        Assert.True(expected.ExitCode == 0, expected.StdErr);
        Assert.Equal(TestSite.Fingerprint(site.PathOf("expect")), site.OutputFingerprint());
        Assert.Empty(site.Leftovers());
    }

    [Fact]
    public void A_build_that_cannot_get_the_lock_in_time_refuses_with_a_clear_message_and_touches_nothing()
    {
        // Given a site that built once, and another build holding its lock
        using var site = TestSite.Good();
        site.BuildSucceeding();
        var before = site.OutputFingerprint();
        using var held = BuildLock.Acquire(site.Output, TimeSpan.Zero);

        // When a second build starts and may wait only briefly
        var clock = Stopwatch.StartNew();
        var result = site.TryBuild(lockWait: TimeSpan.FromMilliseconds(300));

        // Then it refuses with the lock diagnostic after waiting, and the output is untouched
        Assert.False(result.Succeeded);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.SiteLocked, diagnostic.Code);
        Assert.Contains("another SiteGen build is writing", diagnostic.Message);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(300));
        Assert.Equal(before, site.OutputFingerprint());
    }

    [Fact]
    public void A_bad_site_makes_the_cli_exit_non_zero_with_the_located_diagnostic()
    {
        using var site = TestSite.Good();
        site.File("content/2024/bad.md", "---\ntitle: \"报告\"\nagency: \"某局\"\nyear: 2024\npublished: 2025-02-30\n---\n正文\n");
        var (exitCode, _, stderr) = CliProcess.Run("build", "--site", site.Root);
        Assert.Equal(1, exitCode);
        Assert.Contains("content/2024/bad.md:5:12: error SG1006:", stderr);
        Assert.Contains("the previous output was left untouched", stderr);
    }
}
