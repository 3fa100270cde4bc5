using SiteGen.Diagnostics;
using SiteGen.Tests.Search;
using SiteGen.Tests.Support;
using SiteGen.Verify;

namespace SiteGen.Tests.Verify;

/// <summary>`sitegen verify URL` against Debian's nginx serving a built site, configured as the docs say and then in the ways hosts go wrong.</summary>
[Collection("Console")]
public sealed class VerifyCommandTests : IDisposable
{
    private static readonly string[] Yuxi = ["云南省", "玉溪市", "红塔区"];
    private readonly TestSite _site = TestSite.ForSearch()
        .Report("a.md", "甲局2024年法治政府建设报告", "甲局", 2024, Yuxi, "## 一、主要举措\n\n推进行政处罚规范化。")
        .Report("b.md", "乙局2023年法治政府建设报告", "乙局", 2023, Yuxi, "## 一、主要举措\n\n加强执法监督。");

    public void Dispose() => _site.Dispose();

    /// <summary>Builds the site for the address nginx will serve it at, then runs the command against it.</summary>
    private (int Exit, string Output) Verify(string server = "", bool securityHeaders = true, string servedAt = "/reports/", string builtFor = "/reports/")
    {
        using var probe = new NginxHost(_site.Output, servedAt, server, securityHeaders);
        Assert.True(_site.Build(baseUrl: $"{probe.Url.GetLeftPart(UriPartial.Authority)}{builtFor}").Succeeded);
        var oldOut = Console.Out;
        using var stdout = new StringWriter();
        Console.SetOut(stdout);
        try
        {
            return (SiteGen.Cli.SitegenCommand.Run(["verify", probe.Url.ToString()]), stdout.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
        }
    }

    [Fact]
    public void A_site_served_by_nginx_as_the_docs_say_passes_every_check()
    {
        // Given the site served by nginx with the headers and 404 page of docs/security-headers.md; When it is verified
        var (exit, output) = Verify();
        // Then every check passed: pages, assets, base URL, the search manifest, a pack read by Range, the 404 page
        Assert.True(exit == 0, output);
        Assert.Contains("0 error(s), 0 warning(s)", output);
        foreach (var check in new[] { "ok   home page:", "ok   report:", "ok   stylesheet:", "ok   script:", "ok   search page:", "ok   module script:", "ok   base URL:", "ok   search manifest:", "ok   search pack with Range:", "ok   404 page:" })
            Assert.Contains(check, output);
        Assert.Matches(@"search pack with Range: \S+/t/\w+\.bin — 206, 8 bytes \(bytes 0-7/\d+\)", output);
    }

    [Fact]
    public void Nginx_told_to_ignore_ranges_fails_with_what_to_change()
    {
        // Given nginx with `max_ranges 0;` (it then answers every Range request with the whole file); When the site is verified
        var (exit, output) = Verify(server: "    max_ranges 0;");
        // Then the command fails, naming the host's behaviour and the fix
        Assert.Equal(1, exit);
        Assert.Contains($"error {DiagnosticCodes.VerifyRangeIgnored}: the host ignores Range requests: asked for bytes 0–7, it sent all", output);
        Assert.Contains("remove `max_ranges 0;`", output);
        Assert.Contains("1 error(s), 0 warning(s)", output);
    }

    [Fact]
    public void A_host_without_security_headers_or_404_page_is_told_which_headers_and_what_error_page_to_add()
    {
        var (exit, output) = Verify(securityHeaders: false);
        Assert.Equal(1, exit);
        foreach (var header in new[] { "Content-Security-Policy", "X-Content-Type-Options" })
            Assert.Contains($"error {DiagnosticCodes.VerifySecurityHeader}: the security header {header} is missing", output);
        foreach (var header in new[] { "Referrer-Policy", "X-Frame-Options", "Permissions-Policy" })
            Assert.Contains($"warning {DiagnosticCodes.VerifySecurityHeader}: the security header {header} is missing", output);
        Assert.Contains($"error {DiagnosticCodes.VerifyNotFoundPage}: a missing page answers 404, but with the host's own page", output);
        Assert.Contains("error_page 404 /reports/404.html;", output);
    }

    [Fact]
    public void A_site_built_for_another_address_is_reported_with_the_build_command_that_fixes_it()
    {
        var (exit, output) = Verify(servedAt: "/archive/", builtFor: "/reports/");
        Assert.Equal(1, exit);
        Assert.Matches($@"error {DiagnosticCodes.VerifyBaseUrl}: the site was built for http://127\.0\.0\.1:\d+/reports/ but is served at http://127\.0\.0\.1:\d+/archive/", output);
        Assert.Matches(@"fix: build again with `sitegen build --base-url http://127\.0\.0\.1:\d+/archive/`", output);
    }

    [Fact]
    public async Task An_address_where_nothing_answers_is_an_error()
    {
        var result = await DeploymentVerifier.RunAsync(new Uri("http://127.0.0.1:9/reports/"));
        Assert.Contains(result.Findings, f => f.Code == DiagnosticCodes.VerifyUnreachable && f.Severity == Severity.Error);
    }
}
