using System.Security.Cryptography;
using System.Text;

namespace SiteGen.Model;

/// <summary>The one authority for URLs and output paths: every link, canonical URL and file name of the site is computed here.</summary>
public sealed class SiteUrls
{
    /// <summary>Scheme and host when the base URL is absolute (<c>https://example.gov.cn</c>), otherwise null.</summary>
    public string? Origin { get; }

    /// <summary>Path the site lives under, starting and ending with '/': <c>/</c> or <c>/reports/</c>.</summary>
    public string BasePath { get; }

    public SiteUrls(string baseUrl)
    {
        if (Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            Origin = uri.GetLeftPart(UriPartial.Authority);
            BasePath = NormalizeBase(uri.AbsolutePath);
        }
        else if (baseUrl.StartsWith('/') || baseUrl.Length == 0)
        {
            BasePath = NormalizeBase(baseUrl);
        }
        else
        {
            throw new ArgumentException($"base URL `{baseUrl}` must be an http(s) URL or a path starting with '/'");
        }
    }

    private static string NormalizeBase(string path)
    {
        var trimmed = path.Trim('/');
        return trimmed.Length == 0 ? "/" : "/" + trimmed + "/";
    }

    /// <summary>The href of a site-relative path, including the base path.</summary>
    public string Href(string path) => BasePath + path;

    /// <summary>The href of a file whose path may hold any name (an attachment's <c>统计表.xlsx</c>): each segment percent-encoded as UTF-8.</summary>
    public string FileHref(string path) => Href(string.Join('/', path.Split('/').Select(Uri.EscapeDataString)));

    /// <summary>The absolute URL of a site-relative path when the origin is known; the href otherwise.</summary>
    public string Absolute(string path) => (Origin ?? "") + Href(path);

    /// <summary>Output file of a page path: folders get an index.html.</summary>
    public static string OutputFile(string path) =>
        path.Length == 0 ? "index.html" : path.EndsWith('/') ? path + "index.html" : path;

    public static string Home => "";
    public static string Search => "search/";
    public static string NotFound => "404.html";
    public static string Feed(string path) => path + "feed.xml";

    public static string TaxonomyPath(string taxonomy) => taxonomy + "/";
    public static string TermPath(string taxonomy, string segment) => $"{taxonomy}/{segment}/";

    /// <summary>Page <paramref name="number"/> of a paginated list whose first page is <paramref name="path"/>.</summary>
    public static string Paged(string path, int number) => number <= 1 ? path : $"{path}page/{number}/";

    public static string ReportPath(int year, string segment) => $"reports/{year}/{segment}/";
    public static string ReportSlugPath(string slug) => $"reports/{slug}/";

    /// <summary>A download of a report beside its page, named after the page's last segment: <c>reports/2024/k3x7qa2m/k3x7qa2m.txt</c>.</summary>
    public static string ReportDownload(string reportPath, string extension) =>
        reportPath + reportPath.TrimEnd('/')[(reportPath.TrimEnd('/').LastIndexOf('/') + 1)..] + "." + extension;

    public const string CatalogueCsv = "catalogue.csv";
    public const string CatalogueJson = "catalogue.json";

    /// <summary>The publication status of the whole archive, and of one region (its segment as in <c>regions/&lt;segment&gt;/</c>).</summary>
    public static string Status => "status/";
    public static string StatusOf(string regionSegment) => $"status/{regionSegment}/";

    /// <summary>The sections side by side of one region and year.</summary>
    public static string Compare(string regionSegment, int year) => $"compare/{regionSegment}/{year}/";

    /// <summary>What changed in a report since the previous year; <paramref name="identitySegment"/> is the segment of the report's own URL
    /// (<see cref="ReportIdentity"/>), so an agency with reports in two series has a page for each.</summary>
    public static string Changes(string identitySegment, int year) => $"changes/{identitySegment}/{year}/";

    /// <summary>What a report's URL segment is made from: its agency, and its series when that is not the site's default series.</summary>
    public static string ReportIdentity(string agency, string series, string defaultSeries) =>
        series == defaultSeries ? agency : agency + "\u001f" + series;

    /// <summary>Output path of a report's attachment: under the report's own folder, e.g. <c>reports/2024/k3x7qa2m/统计表.xlsx</c>.</summary>
    public static string AttachmentPath(string reportPath, string safeRelativePath) => reportPath + safeRelativePath;

    /// <summary>A stable, ASCII, case-insensitively unique URL segment for a name: 8 base32 characters of its SHA-256.</summary>
    /// <remarks>Chinese names have no dictionary-free ASCII spelling; a hash is stable across builds and safe on any host.
    /// Collisions are detected by the model builder and reported as errors.</remarks>
    public static string Segment(string name) => Segments.GetOrAdd(name, ComputeSegment);

    // A name's segment is asked for by every page that links its term, status, compare or changes page: tens of thousands of
    // SHA-256 hashes of the same few thousand names in one build, a seventh of a one-report rebuild before it was kept.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Segments = new(StringComparer.Ordinal);

    private static string ComputeSegment(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name.Normalize(NormalizationForm.FormC)), hash);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        Span<char> chars = stackalloc char[8];
        ulong bits = 0;
        for (var i = 0; i < 5; i++) bits = (bits << 8) | hash[i];
        for (var i = 7; i >= 0; i--)
        {
            chars[i] = alphabet[(int)(bits & 31)];
            bits >>= 5;
        }
        return new string(chars);
    }
}
