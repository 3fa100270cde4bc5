using SiteGen.Diagnostics;
using SiteGen.Load;
using SiteGen.Model;

namespace SiteGen.Render;

/// <summary>A compiled theme: its templates (parsed once per build), the UI strings of the site's language, and the files it publishes.</summary>
public sealed class Theme
{
    public static readonly IReadOnlyList<string> LayoutNames = ["home", "report", "taxonomy", "term", "search", "404"];

    private readonly ThemeTemplates _templates;

    /// <summary>Files to publish: <c>static/</c> files under <c>assets/</c> with content-hashed names, and <c>root/</c> files (host settings) as they are → bytes.</summary>
    public IReadOnlyDictionary<string, byte[]> Assets { get; }

    /// <summary>UI strings of the site's language.</summary>
    public IReadOnlyDictionary<string, string> Strings { get; }

    private Theme(ThemeTemplates templates, IReadOnlyDictionary<string, byte[]> assets, IReadOnlyDictionary<string, string> strings)
    {
        _templates = templates;
        Assets = assets;
        Strings = strings;
    }

    /// <summary>Renders the page's layout; a template failure is a <see cref="SiteGenException"/> located in the theme file.</summary>
    public string Render(PageKind kind, PageView view) => _templates.Render(LayoutName(kind), view);

    public static string LayoutName(PageKind kind) => kind switch
    {
        PageKind.Home => "home",
        PageKind.Report => "report",
        PageKind.Taxonomy => "taxonomy",
        PageKind.Term => "term",
        PageKind.Search => "search",
        _ => "404",
    };

    /// <summary>Compiles the theme; every template error is reported with its file and line, and the build stops before any output is touched.</summary>
    public static Theme Compile(ThemeFiles files, SiteConfig config, SiteUrls urls, DiagnosticBag diagnostics)
    {
        var strings = LoadStrings(files, config.Language, diagnostics);
        var assets = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var assetHrefs = new Dictionary<string, string>(StringComparer.Ordinal);
        var statics = files.Paths.Where(p => p.StartsWith("static/", StringComparison.Ordinal)).ToDictionary(p => p["static/".Length..], files.Bytes, StringComparer.Ordinal);
        var hashed = StaticAssets.Hash(statics, out var cycle);
        foreach (var asset in hashed)
        {
            assets["assets/" + asset.Hashed] = asset.Bytes;
            assetHrefs[asset.Relative] = urls.Href("assets/" + asset.Hashed);
        }
        if (cycle is var (from, to))
            diagnostics.Error(DiagnosticCodes.ThemeTemplate, files.Origins["static/" + from], 0, 0,
                $"JavaScript module static/{from} imports static/{to}, which imports it back: hashed asset names cannot name each other", "break the import cycle");

        foreach (var path in files.Paths.Where(p => p.StartsWith("root/", StringComparison.Ordinal)))
        {
            // Host configuration (e.g. `_headers`) must sit at the output root under its own name; it may not replace a page, a feed or the sitemap.
            var name = path["root/".Length..];
            if (name.Contains('/') || name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                || name == "robots.txt" || TaxonomyDefinition.ReservedFolders.Contains(name) || TaxonomyDefinition.All(config).Any(t => t.Key == name) || name.StartsWith('.'))
                diagnostics.Error(DiagnosticCodes.ThemeTemplate, files.Origins[path], 0, 0,
                    $"`{name}` cannot be copied to the output root: it would replace a generated file or folder",
                    "keep root/ for host settings such as _headers or _redirects, without sub-folders");
            else
                assets[name] = files.Bytes(path);
        }

        // Templates of the former format would be ignored without a word, and the site's pages silently change.
        foreach (var path in files.Paths.Where(p => (p.StartsWith("layouts/", StringComparison.Ordinal) || p.StartsWith("partials/", StringComparison.Ordinal))
                     && p.EndsWith(".hbs", StringComparison.Ordinal)))
            diagnostics.Error(DiagnosticCodes.ThemeTemplate, files.Origins[path], 0, 0,
                "`.hbs` templates are no longer read: SiteGen themes are Scriban templates (`" + ThemeTemplates.Extension + "`)",
                $"rewrite it as {path[..^".hbs".Length]}{ThemeTemplates.Extension} (docs/themes.md shows the syntax and every value), or delete it to use the built-in file");

        var templates = ThemeTemplates.Compile(files, LayoutNames, strings, assetHrefs, diagnostics);
        foreach (var name in LayoutNames.Where(n => !files.Exists(ThemeTemplates.LayoutPath(n))))
            diagnostics.Error(DiagnosticCodes.ThemeMissing, $"themes/{config.Theme}/{ThemeTemplates.LayoutPath(name)}", 0, 0, $"layout `{name}` is missing from the theme",
                "every theme needs layouts home, report, taxonomy, term, search and 404");
        return new Theme(templates, assets, strings);
    }

    private static IReadOnlyDictionary<string, string> LoadStrings(ThemeFiles files, string language, DiagnosticBag diagnostics)
    {
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = $"i18n/{language}.yml";
        if (!files.Exists(path))
        {
            diagnostics.Error(DiagnosticCodes.ThemeMissing, path, 0, 0, $"the theme has no UI strings for language `{language}`",
                "add the file, or set `language` in site.yml to zh-CN or en");
            return strings;
        }
        var (entries, failure) = YamlDocument.ParseMapping(files.Text(path));
        if (failure is not null)
        {
            diagnostics.Error(DiagnosticCodes.ThemeTemplate, files.Origins[path], failure.Line, failure.Column, $"invalid YAML: {failure.Message}", "check quoting");
            return strings;
        }
        foreach (var e in entries!) strings[e.Key] = YamlDocument.ToPlain(e.Value)?.ToString() ?? "";
        return strings;
    }
}
