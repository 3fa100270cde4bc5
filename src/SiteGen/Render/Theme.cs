using System.Text.RegularExpressions;
using HandlebarsDotNet;
using SiteGen.Diagnostics;
using SiteGen.Load;
using SiteGen.Model;

namespace SiteGen.Render;

/// <summary>The one home of Handlebars.Net: the theme's layouts and partials compiled once per build, with the <c>t</c> (UI string) and <c>asset</c> helpers.</summary>
public sealed partial class Theme
{
    public static readonly IReadOnlyList<string> LayoutNames = ["home", "report", "taxonomy", "term", "search", "404"];

    private readonly Dictionary<string, HandlebarsTemplate<object, object>> _layouts = new(StringComparer.Ordinal);

    /// <summary>Files to publish: <c>static/</c> files under <c>assets/</c> with content-hashed names, and <c>root/</c> files (host settings) as they are → bytes.</summary>
    public IReadOnlyDictionary<string, byte[]> Assets { get; }

    /// <summary>UI strings of the site's language.</summary>
    public IReadOnlyDictionary<string, string> Strings { get; }

    private Theme(IReadOnlyDictionary<string, byte[]> assets, IReadOnlyDictionary<string, string> strings)
    {
        Assets = assets;
        Strings = strings;
    }

    /// <summary>Renders a layout; a template failure becomes a located SiteGen error rather than a library exception.</summary>
    public string Render(PageKind kind, object view)
    {
        try
        {
            return _layouts[LayoutName(kind)](view);
        }
        catch (HandlebarsException ex)
        {
            throw new SiteGenException(DiagnosticCodes.ThemeTemplate, $"template failed: {ex.Message}",
                "check the template against the view model documented in README.md", $"layouts/{LayoutName(kind)}.hbs");
        }
    }

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
                || name is "robots.txt" or "assets" or "reports" or "agencies" or "years" or "regions" or "series" or "search" || name.StartsWith('.'))
                diagnostics.Error(DiagnosticCodes.ThemeTemplate, files.Origins[path], 0, 0,
                    $"`{name}` cannot be copied to the output root: it would replace a generated file or folder",
                    "keep root/ for host settings such as _headers or _redirects, without sub-folders");
            else
                assets[name] = files.Bytes(path);
        }

        var theme = new Theme(assets, strings);
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = false });
        handlebars.RegisterHelper("t", (context, arguments) =>
        {
            var key = arguments.Length > 0 ? arguments[0]?.ToString() ?? "" : "";
            var text = strings.TryGetValue(key, out var s) ? s : key;
            for (var i = 1; i < arguments.Length; i++) text = text.Replace("{" + (i - 1) + "}", arguments[i]?.ToString());
            return text;
        });
        handlebars.RegisterHelper("asset", (context, arguments) =>
        {
            var name = arguments.Length > 0 ? arguments[0]?.ToString() ?? "" : "";
            return assetHrefs.TryGetValue(name, out var href) ? href : urls.Href("assets/" + name);
        });
        handlebars.RegisterHelper("eq", (context, arguments) =>
            arguments.Length == 2 && Equals(arguments[0]?.ToString(), arguments[1]?.ToString()));

        var partials = files.Paths.Where(p => p.StartsWith("partials/", StringComparison.Ordinal) && p.EndsWith(".hbs", StringComparison.Ordinal)).ToList();
        var partialNames = partials.Select(p => p["partials/".Length..^".hbs".Length]).ToHashSet(StringComparer.Ordinal);
        var templates = partials.Concat(LayoutNames.Select(n => $"layouts/{n}.hbs").Where(files.Exists));

        foreach (var path in templates)
        {
            var source = WithoutPartialIndentation(files.Text(path));
            foreach (Match m in PartialReference().Matches(source))
            {
                if (partialNames.Contains(m.Groups[1].Value)) continue;
                var (line, col) = Position(source, m.Index);
                diagnostics.Error(DiagnosticCodes.ThemeMissing, files.Origins[path], line, col, $"partial `{m.Groups[1].Value}` does not exist",
                    $"create partials/{m.Groups[1].Value}.hbs in the theme, or correct the name");
            }
            try
            {
                if (path.StartsWith("partials/", StringComparison.Ordinal))
                {
                    handlebars.Compile(source); // compile alone first, so a syntax error names this file
                    handlebars.RegisterTemplate(path["partials/".Length..^".hbs".Length], source);
                }
                else
                {
                    theme._layouts[path["layouts/".Length..^".hbs".Length]] = handlebars.Compile(source);
                }
            }
            catch (HandlebarsException ex)
            {
                var (line, col, message) = Locate(source, ex.Message);
                diagnostics.Error(DiagnosticCodes.ThemeTemplate, files.Origins[path], line, col, $"template syntax error: {message}",
                    "check that every {{#block}} has its {{/block}} and that every {{ has its }}");
            }
        }

        foreach (var name in LayoutNames.Where(n => !files.Exists($"layouts/{n}.hbs")))
            diagnostics.Error(DiagnosticCodes.ThemeMissing, $"themes/{config.Theme}/layouts/{name}.hbs", 0, 0, $"layout `{name}` is missing from the theme",
                "every theme needs layouts home, report, taxonomy, term, search and 404");
        return theme;
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

    /// <summary>Where a Handlebars compile error is: the position the parser reports, or the opening of the block left unclosed.</summary>
    private static (int Line, int Column, string Message) Locate(string source, string message)
    {
        var at = ParserPosition().Match(message);
        if (at.Success) message = at.Groups[1].Value.Trim();
        var unclosed = UnclosedExpression(source);
        if (unclosed >= 0)
        {
            var (line, col) = Position(source, unclosed);
            return (line, col, message);
        }
        if (at.Success) // Handlebars.Net counts from 0 and reports where it gave up, just past the bad token
            return (int.Parse(at.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1,
                int.Parse(at.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) + 1, message);
        var block = UnclosedBlock().Match(message);
        if (block.Success)
        {
            // The last opening of that block without a matching close is the one the parser ran past.
            var name = Regex.Escape(block.Groups[1].Value);
            var open = new Stack<int>();
            foreach (Match m in Regex.Matches(source, @"\{\{~?\s*([#/])\s*" + name + @"\b"))
            {
                if (m.Groups[1].Value == "#") open.Push(m.Index);
                else if (open.Count > 0) open.Pop();
            }
            if (open.Count > 0)
            {
                var (line, col) = Position(source, open.Peek());
                return (line, col, message);
            }
        }
        return (0, 0, message);
    }

    /// <summary>Index of the first <c>{{</c> whose <c>}}</c> does not come before the next <c>{{</c>, or -1.</summary>
    private static int UnclosedExpression(string source)
    {
        for (var open = source.IndexOf("{{", StringComparison.Ordinal); open >= 0;)
        {
            var start = open + 2;
            while (start < source.Length && source[start] == '{') start++;
            var close = source.IndexOf("}}", start, StringComparison.Ordinal);
            var next = source.IndexOf("{{", start, StringComparison.Ordinal);
            if (close < 0 || (next >= 0 && next < close)) return open;
            open = next;
        }
        return -1;
    }

    [GeneratedRegex(@"^(.*?)\s*Occured at:\s*(\d+):(\d+)", RegexOptions.Singleline)]
    private static partial Regex ParserPosition();

    [GeneratedRegex(@"block expression '([^']+)' was closed")]
    private static partial Regex UnclosedBlock();

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
            if (text[i] == '\n') { line++; lineStart = i + 1; }
        return (line, index - lineStart + 1);
    }

    /// <summary>Handlebars.Net renders a partial called alone on an indented line without HTML escaping (its
    /// "standalone partial indentation" path writes raw), so the indentation is removed before compiling.</summary>
    private static string WithoutPartialIndentation(string source) => IndentedPartial().Replace(source, "");

    [GeneratedRegex(@"^[ \t]+(?=\{\{~?#?>)", RegexOptions.Multiline)]
    private static partial Regex IndentedPartial();

    [GeneratedRegex(@"\{\{#?>\s*([A-Za-z0-9_\-/]+)")]
    private static partial Regex PartialReference();
}
