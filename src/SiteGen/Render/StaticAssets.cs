using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SiteGen.Render;

/// <summary>Names a theme's <c>static/</c> files by content hash, with the relative imports between JavaScript modules rewritten to
/// the hashed names, so a module can import another (search.js imports fold-table.js) and a changed module renames its importers.</summary>
internal static partial class StaticAssets
{
    /// <summary>One static file: its path under <c>static/</c>, its hashed path, and the bytes to publish.</summary>
    public sealed record Asset(string Relative, string Hashed, byte[] Bytes);

    /// <summary>Hashes every file; a module's name covers the names of the modules it imports. An import cycle is reported in <paramref name="cycle"/>
    /// (its imports are left as written: no name can cover the other's).</summary>
    public static IReadOnlyList<Asset> Hash(IReadOnlyDictionary<string, byte[]> files, out (string From, string To)? cycle)
    {
        var done = new Dictionary<string, Asset>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        (string From, string To)? foundCycle = null;

        Asset Visit(string relative)
        {
            if (done.TryGetValue(relative, out var finished)) return finished;
            var bytes = files[relative];
            if (IsModule(relative) && visiting.Add(relative))
            {
                var text = Encoding.UTF8.GetString(bytes);
                var rewritten = ImportSpecifier().Replace(text, m =>
                {
                    var target = Resolve(relative, m.Groups["spec"].Value);
                    if (target is null || !files.ContainsKey(target)) return m.Value;
                    if (visiting.Contains(target))
                    {
                        foundCycle ??= (relative, target);
                        return m.Value;
                    }
                    var spec = m.Groups["spec"].Value;
                    var hashedFile = Visit(target).Hashed[(target.LastIndexOf('/') + 1)..];
                    return m.Value.Replace(spec, spec[..(spec.LastIndexOf('/') + 1)] + hashedFile, StringComparison.Ordinal);
                });
                visiting.Remove(relative);
                // A module without relative imports keeps its exact bytes.
                if (rewritten != text) bytes = Encoding.UTF8.GetBytes(rewritten);
            }
            var asset = new Asset(relative, HashedName(relative, bytes), bytes);
            done[relative] = asset;
            return asset;
        }

        var assets = files.Keys.Order(StringComparer.Ordinal).Select(Visit).ToList();
        cycle = foundCycle;
        return assets;
    }

    private static bool IsModule(string path) => path.EndsWith(".js", StringComparison.Ordinal) || path.EndsWith(".mjs", StringComparison.Ordinal);

    /// <summary>The static path a relative specifier (./x.js, ../a/x.js) names from a module, or null when it leaves static/.</summary>
    private static string? Resolve(string from, string spec)
    {
        var parts = from.Split('/').SkipLast(1).ToList();
        foreach (var part in spec.Split('/'))
        {
            if (part == ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else parts.Add(part);
        }
        return string.Join('/', parts);
    }

    private static string HashedName(string relative, byte[] bytes)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
        var dot = relative.LastIndexOf('.');
        var slash = relative.LastIndexOf('/');
        return dot > slash ? $"{relative[..dot]}.{hash}{relative[dot..]}" : $"{relative}.{hash}";
    }

    /// <summary>A relative module specifier after <c>from</c>, a bare <c>import</c>, or <c>import(</c>: the forms a module imports by.</summary>
    [GeneratedRegex("""\b(?:from|import)\s*\(?\s*(?<q>["'])(?<spec>\.{1,2}/[^"'\r\n]+)\k<q>""")]
    private static partial Regex ImportSpecifier();
}
