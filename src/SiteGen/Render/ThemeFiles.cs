using System.Reflection;
using SiteGen.Diagnostics;

namespace SiteGen.Render;

/// <summary>The files of a theme: the built-in default theme (embedded in SiteGen) overlaid file by file with the site's own <c>themes/NAME/</c>.</summary>
public sealed class ThemeFiles
{
    private const string ResourcePrefix = "theme/";

    /// <summary>Theme-relative path (forward slashes) → where it came from, for diagnostics.</summary>
    public IReadOnlyDictionary<string, string> Origins { get; }

    private readonly Dictionary<string, byte[]> _files;

    private ThemeFiles(Dictionary<string, byte[]> files, Dictionary<string, string> origins)
    {
        _files = files;
        Origins = origins;
    }

    public IEnumerable<string> Paths => _files.Keys.OrderBy(k => k, StringComparer.Ordinal);
    public bool Exists(string path) => _files.ContainsKey(path);
    public byte[] Bytes(string path) => _files[path];
    public string Text(string path) => System.Text.Encoding.UTF8.GetString(_files[path]).TrimStart('\uFEFF');

    public static ThemeFiles Load(string siteDir, string themeName)
    {
        if (themeName.Length == 0 || themeName.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            throw new SiteGenException(DiagnosticCodes.ThemeMissing, $"theme name `{themeName}` is not a plain folder name",
                "use letters, digits, '-' or '_' for `theme` in site.yml", "content/site.yml");

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        if (themeName == "default")
        {
            var assembly = typeof(ThemeFiles).Assembly;
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                var path = name[ResourcePrefix.Length..].Replace('\\', '/');
                files[path] = buffer.ToArray();
                origins[path] = $"(built-in theme)/{path}";
            }
        }

        var siteTheme = Path.Combine(siteDir, "themes", themeName);
        if (Directory.Exists(siteTheme))
        {
            foreach (var file in Directory.EnumerateFiles(siteTheme, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(file);
                if (info.LinkTarget is not null) continue; // theme files are code: never follow links out of the theme
                var path = Path.GetRelativePath(siteTheme, file).Replace('\\', '/');
                if (path.Split('/').Any(p => p.StartsWith('.'))) continue;
                files[path] = File.ReadAllBytes(file);
                origins[path] = Path.GetRelativePath(siteDir, file).Replace('\\', '/');
            }
        }
        else if (themeName != "default")
        {
            throw new SiteGenException(DiagnosticCodes.ThemeMissing, $"theme `{themeName}` not found at themes/{themeName}/",
                "create the folder, or remove `theme` from site.yml to use the built-in theme", "content/site.yml");
        }
        return new ThemeFiles(files, origins);
    }
}
