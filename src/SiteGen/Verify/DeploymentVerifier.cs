using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Parser;
using SiteGen.Diagnostics;
using SiteGen.Search;

namespace SiteGen.Verify;

/// <summary>One problem (or confirmation) found on a deployed site: what was asked, what the host did, and what to change.</summary>
public sealed record VerifyFinding(Severity Severity, string Code, string Url, string Message, string Fix)
{
    public override string ToString() => $"{Url}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}\n  fix: {Fix}";
}

/// <summary>What <see cref="DeploymentVerifier"/> found: the problems, and one line per request that went as it should.</summary>
public sealed record VerifyResult(IReadOnlyList<VerifyFinding> Findings, IReadOnlyList<string> Passed)
{
    public int Errors => Findings.Count(f => f.Severity == Severity.Error);
    public int Warnings => Findings.Count(f => f.Severity == Severity.Warning);
}

/// <summary>Checks a deployed SiteGen site the way browsers will use it: the home page, a report, the search manifest and one pack
/// read with a Range request, and a missing page; reports hosts that ignore Range, wrong content types, missing security
/// headers (docs/security-headers.md), a missing 404 page and a base URL other than the one the site was built for.</summary>
public sealed class DeploymentVerifier(HttpClient http)
{
    private static readonly (string Name, Severity Severity, string Value)[] SecurityHeaders =
    [
        ("Content-Security-Policy", Severity.Error, "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"),
        ("X-Content-Type-Options", Severity.Error, "nosniff"),
        ("Referrer-Policy", Severity.Warning, "strict-origin-when-cross-origin"),
        ("X-Frame-Options", Severity.Warning, "SAMEORIGIN"),
        ("Permissions-Policy", Severity.Warning, "camera=(), microphone=(), geolocation=()"),
    ];

    private readonly List<VerifyFinding> _findings = [];
    private readonly List<string> _passed = [];
    private readonly HashSet<string> _headersReported = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<VerifyResult> RunAsync(Uri site, HttpMessageHandler? handler = null, CancellationToken cancellation = default)
    {
        using var http = new HttpClient(handler ?? new HttpClientHandler { AllowAutoRedirect = true }, disposeHandler: handler is null)
        {
            Timeout = TimeSpan.FromSeconds(20),
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("sitegen-verify/1");
        return await new DeploymentVerifier(http).VerifyAsync(site, cancellation);
    }

    public async Task<VerifyResult> VerifyAsync(Uri site, CancellationToken cancellation)
    {
        if (!site.AbsolutePath.EndsWith('/')) site = new Uri(site + "/");
        var home = await Page(site, "home page", cancellation);
        if (home is not null)
        {
            CheckBaseUrl(site, home.Value.Html);
            foreach (var (href, kind) in Assets(home.Value.Html))
                await Asset(new Uri(site, href), kind, cancellation);
            if (ReportLink(home.Value.Html) is { } report) await Page(new Uri(site, report), "report", cancellation);
            else Add(Severity.Warning, DiagnosticCodes.VerifyNotASite, site, "the home page links to no report (a.report-title), so no report page was checked",
                "check that this is the home page of a SiteGen site with reports");
            // The search page runs as JavaScript modules, which browsers refuse unless served with a JavaScript type.
            var searchPage = new Uri(site, Model.SiteUrls.Search);
            if (await Page(searchPage, "search page", cancellation) is { } search)
                foreach (var module in new HtmlParser().ParseDocument(search.Html).QuerySelectorAll("script[type=module][src]"))
                    await Asset(new Uri(searchPage, module.GetAttribute("src")!), "module script", cancellation);
        }
        await SearchIndex(new Uri(site, SearchIndexBuilder.Folder), cancellation);
        await NotFound(site, home?.Html, cancellation);
        return new VerifyResult(_findings, _passed);
    }

    private void Add(Severity severity, string code, Uri url, string message, string fix) => _findings.Add(new VerifyFinding(severity, code, url.ToString(), message, fix));

    private async Task<HttpResponseMessage?> Get(Uri url, string what, CancellationToken cancellation, RangeHeaderValue? range = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = range;
        try
        {
            return await http.SendAsync(request, cancellation);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Add(Severity.Error, DiagnosticCodes.VerifyUnreachable, url, $"the {what} could not be fetched: {ex.Message}",
                "check the URL, and that the host is up and reachable from here");
            return null;
        }
    }

    /// <summary>Fetches an HTML page, checks its status, type and security headers; returns its HTML when it could be read.</summary>
    private async Task<(Uri Url, string Html)?> Page(Uri url, string what, CancellationToken cancellation)
    {
        using var response = await Get(url, what, cancellation);
        if (response is null) return null;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Add(Severity.Error, DiagnosticCodes.VerifyUnreachable, url, $"the {what} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}",
                what == "home page" ? "publish the output folder's contents at this URL (index.html at its root)" : "publish the whole output folder, not only some of it");
            return null;
        }
        var type = response.Content.Headers.ContentType?.MediaType;
        if (type != "text/html")
            Add(Severity.Error, DiagnosticCodes.VerifyContentType, url, $"the {what} is served as `{response.Content.Headers.ContentType}`, not text/html",
                "serve .html files as `text/html; charset=utf-8` (nginx: include mime.types; Apache: AddType text/html .html)");
        else _passed.Add($"{what}: {url} — {(int)response.StatusCode}, {response.Content.Headers.ContentType}");
        SecurityHeadersOf(url, response);
        return (url, await response.Content.ReadAsStringAsync(cancellation));
    }

    private void SecurityHeadersOf(Uri url, HttpResponseMessage response)
    {
        foreach (var (name, severity, value) in SecurityHeaders)
        {
            if (response.Headers.Contains(name) || response.Content.Headers.Contains(name) || !_headersReported.Add(name)) continue;
            Add(severity, DiagnosticCodes.VerifySecurityHeader, url, $"the security header {name} is missing",
                $"send `{name}: {value}` with every page (see docs/security-headers.md: nginx `add_header {name} \"{value}\" always;`, Apache `Header always set {name} \"{value}\"`; Netlify and Cloudflare Pages read the _headers file SiteGen writes)");
        }
    }

    /// <summary>The home page's canonical link is the site's address as built: it must be the address it is served at.</summary>
    private void CheckBaseUrl(Uri site, string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var canonical = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
        if (canonical is null)
        {
            Add(Severity.Warning, DiagnosticCodes.VerifyNotASite, site, "the home page has no canonical link, so its base URL cannot be compared", "check that this is a SiteGen site");
            return;
        }
        var built = Uri.TryCreate(canonical, UriKind.Absolute, out var absolute) ? absolute : new Uri(site, canonical);
        var sameOrigin = !Uri.IsWellFormedUriString(canonical, UriKind.Absolute) || Uri.Compare(built, site, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        if (sameOrigin && built.AbsolutePath == site.AbsolutePath)
        {
            _passed.Add($"base URL: the pages were built for {canonical}");
            return;
        }
        Add(Severity.Error, DiagnosticCodes.VerifyBaseUrl, site, $"the site was built for {canonical} but is served at {site}: links, feeds and search results point to the wrong place",
            $"build again with `sitegen build --base-url {site}` (or set base_url in content/site.yml), or publish it at {canonical}");
    }

    private static IEnumerable<(string Href, string Kind)> Assets(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        if (document.QuerySelector("link[rel=stylesheet][href]")?.GetAttribute("href") is { } css) yield return (css, "stylesheet");
        if (document.QuerySelector("script[src]")?.GetAttribute("src") is { } js) yield return (js, "script");
    }

    private static string? ReportLink(string html) => new HtmlParser().ParseDocument(html).QuerySelector("a.report-title[href]")?.GetAttribute("href");

    /// <summary>A stylesheet must be text/css and a script a JavaScript type, or browsers refuse them (with nosniff, always).</summary>
    private async Task Asset(Uri url, string kind, CancellationToken cancellation)
    {
        using var response = await Get(url, kind, cancellation);
        if (response is null) return;
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        var ok = kind == "stylesheet" ? type == "text/css" : type is "text/javascript" or "application/javascript";
        if (response.StatusCode != HttpStatusCode.OK)
            Add(Severity.Error, DiagnosticCodes.VerifyUnreachable, url, $"the {kind} answered HTTP {(int)response.StatusCode}", "publish the whole output folder, assets/ included");
        else if (!ok)
            Add(Severity.Error, DiagnosticCodes.VerifyContentType, url, $"the {kind} is served as `{type}`; browsers refuse it",
                kind == "stylesheet" ? "serve .css files as text/css" : "serve .js files as text/javascript (nginx's mime.types maps js to application/javascript, which works too)");
        else _passed.Add($"{kind}: {url} — {type}");
    }

    /// <summary>The manifest (JSON, this version) and one shard-file read with a Range request, which must come back as 206 with
    /// exactly the bytes asked for: a host that ignores Range sends whole pack files, megabytes per query.</summary>
    private async Task SearchIndex(Uri index, CancellationToken cancellation)
    {
        var manifestUrl = new Uri(index, "manifest.json");
        using var response = await Get(manifestUrl, "search manifest", cancellation);
        if (response is null) return;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Add(Severity.Error, DiagnosticCodes.VerifySearchIndex, manifestUrl, $"the search manifest answered HTTP {(int)response.StatusCode}: search will not work",
                "build with the search index (without --no-search) and publish search/idx/ with the rest of the output");
            return;
        }
        var type = response.Content.Headers.ContentType?.MediaType;
        if (type != "application/json")
            Add(Severity.Warning, DiagnosticCodes.VerifyContentType, manifestUrl, $"the search manifest is served as `{type}`, not application/json", "serve .json files as application/json");
        SearchManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync(cancellation), SearchJsonContext.Default.SearchManifest);
        }
        catch (JsonException ex)
        {
            Add(Severity.Error, DiagnosticCodes.VerifySearchIndex, manifestUrl, $"the search manifest is not valid JSON ({ex.Message})", "publish the output folder as built, byte for byte");
            return;
        }
        if (manifest?.Version != SearchIndexState.FormatVersion)
        {
            Add(Severity.Error, DiagnosticCodes.VerifySearchIndex, manifestUrl, $"the search manifest is of format {manifest?.Version}, not {SearchIndexState.FormatVersion}, which this SiteGen writes and its runtime reads",
                "build and publish the site again with this version of SiteGen");
            return;
        }
        _passed.Add($"search manifest: {manifestUrl} — {manifest.Docs} reports, {type}");

        var pack = new Uri(index, manifest.Base.Shards.File);
        using var ranged = await Get(pack, "search pack", cancellation, new RangeHeaderValue(0, 7));
        if (ranged is null) return;
        var body = await ranged.Content.ReadAsByteArrayAsync(cancellation);
        var packType = ranged.Content.Headers.ContentType?.MediaType ?? "";
        if (ranged.StatusCode == HttpStatusCode.OK)
        {
            Add(Severity.Error, DiagnosticCodes.VerifyRangeIgnored, pack, $"the host ignores Range requests: asked for bytes 0–7, it sent all {body.Length:N0} bytes (HTTP 200), so every search downloads whole pack files (several MB per query)",
                "use a host that answers Range requests with 206 (nginx, Apache, GitHub Pages, Netlify and Cloudflare Pages do); on nginx remove `max_ranges 0;` and do not gzip .bin files");
        }
        else if (ranged.StatusCode != HttpStatusCode.PartialContent || body.Length != 8 || ranged.Content.Headers.ContentRange?.From != 0)
        {
            Add(Severity.Error, DiagnosticCodes.VerifyRangeIgnored, pack, $"a Range request for bytes 0–7 got HTTP {(int)ranged.StatusCode} with {body.Length} bytes ({ranged.Content.Headers.ContentRange})",
                "serve byte ranges as RFC 9110 says: 206 Partial Content with exactly the bytes asked for");
        }
        else if (ranged.Content.Headers.ContentEncoding.Count > 0)
        {
            Add(Severity.Error, DiagnosticCodes.VerifyRangeIgnored, pack, $"the range came back compressed ({string.Join(", ", ranged.Content.Headers.ContentEncoding)}): its bytes are not the pack's",
                "do not compress .bin files on the fly (nginx: leave application/octet-stream out of gzip_types)");
        }
        else _passed.Add($"search pack with Range: {pack} — 206, 8 bytes ({ranged.Content.Headers.ContentRange})");
        if (ranged.IsSuccessStatusCode && packType.StartsWith("text/", StringComparison.Ordinal))
            Add(Severity.Warning, DiagnosticCodes.VerifyContentType, pack, $"search packs are served as `{packType}`: hosts may compress text types on the fly, which breaks Range requests",
                "serve .bin files as application/octet-stream");
    }

    /// <summary>A page that does not exist must answer 404 with the site's own 404 page (it has the site's header and navigation).</summary>
    private async Task NotFound(Uri site, string? homeHtml, CancellationToken cancellation)
    {
        var missing = new Uri(site, $"sitegen-verify-{Guid.NewGuid():N}/");
        using var response = await Get(missing, "missing page", cancellation);
        if (response is null) return;
        var html = await response.Content.ReadAsStringAsync(cancellation);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            Add(Severity.Error, DiagnosticCodes.VerifyNotFoundPage, missing, $"a page that does not exist answered HTTP {(int)response.StatusCode}, not 404 (search engines index such pages, and links never look broken)",
                "answer missing pages with status 404 and the site's 404.html (nginx: `error_page 404 /404.html;` under the site's path; Apache: ErrorDocument 404)");
            return;
        }
        var siteName = homeHtml is null ? null : new HtmlParser().ParseDocument(homeHtml).QuerySelector("meta[name=SiteName]")?.GetAttribute("content");
        var page = new HtmlParser().ParseDocument(html);
        if (siteName is not null && page.QuerySelector("meta[name=SiteName]")?.GetAttribute("content") != siteName)
        {
            Add(Severity.Error, DiagnosticCodes.VerifyNotFoundPage, missing, "a missing page answers 404, but with the host's own page instead of the site's 404.html (no way back into the archive)",
                $"serve the output's 404.html for missing pages (nginx: `error_page 404 {site.AbsolutePath}404.html;`; Apache: `ErrorDocument 404 {site.AbsolutePath}404.html`)");
            return;
        }
        _passed.Add($"404 page: {missing} — 404 with the site's 404.html");
    }
}
