using SiteGen.Diagnostics;
using SiteGen.Load;
using SiteGen.Model;

namespace SiteGen.Build;

/// <summary>The site as the build's load and model stages produce it: its settings, its content files and the model.</summary>
public sealed record LoadedSite(SiteConfig Config, IReadOnlyList<ContentFile> Files, Site Site);

/// <summary>Runs the build's first two stages (site.yml, content, model) without rendering, for the commands that need the
/// model but no pages: `sitegen check` and `sitegen export`. It calls the same loaders and model builder as <see cref="SiteBuilder"/>.</summary>
public static class SiteModelLoader
{
    /// <summary>Loads the site in <paramref name="siteDir"/>; problems go to <paramref name="diagnostics"/>, a missing content
    /// folder is a <see cref="SiteGenException"/>.</summary>
    public static LoadedSite Load(string siteDir, string? baseUrl, bool includeDrafts, DiagnosticBag diagnostics)
    {
        var contentDir = Path.Combine(siteDir, ContentLoader.ContentFolder);
        if (!Directory.Exists(contentDir))
            throw new SiteGenException(DiagnosticCodes.SiteNotFound, $"no content folder at `{contentDir}`",
                "run sitegen in a site folder (one that holds content/), or pass --site DIR");
        var config = SiteConfigLoader.Load(contentDir, diagnostics);
        if (baseUrl is not null) config = config with { BaseUrl = baseUrl };
        var urls = Urls(config, diagnostics);
        var files = ContentLoader.Load(contentDir, diagnostics);
        return new LoadedSite(config, files, SiteModelBuilder.Build(config, urls, files, includeDrafts, diagnostics));
    }

    /// <summary>The site's URLs; a bad <c>base_url</c> is reported (as the build reports it) and the site root used instead.</summary>
    public static SiteUrls Urls(SiteConfig config, DiagnosticBag diagnostics)
    {
        try
        {
            return new SiteUrls(config.BaseUrl);
        }
        catch (ArgumentException ex)
        {
            diagnostics.Error(DiagnosticCodes.SiteConfig, "content/site.yml", 0, 0, ex.Message,
                "use a full URL such as https://example.gov.cn/reports/ or a path such as /reports/");
            return new SiteUrls("/");
        }
    }
}
