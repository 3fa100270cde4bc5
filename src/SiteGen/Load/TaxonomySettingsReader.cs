using System.Text.RegularExpressions;
using SiteGen.Diagnostics;

namespace SiteGen.Load;

/// <summary>Reads the <c>taxonomies:</c> list of site.yml into the site's own <see cref="TaxonomyDefinition"/>s; each bad
/// definition is reported at its line and left out.</summary>
internal static partial class TaxonomySettingsReader
{
    private const string Example = "e.g. `- { key: topics, field: topic, label: \"主题\" }`";
    private static readonly string[] Settings = ["key", "field", "label", "hierarchical", "feeds", "order"];
    private static readonly Dictionary<string, TermOrder> Orders = new(StringComparer.Ordinal)
    {
        ["name"] = TermOrder.Name, ["name_desc"] = TermOrder.NameDescending, ["region"] = TermOrder.Region,
    };

    public static IReadOnlyList<TaxonomyDefinition> Read(YamlDocument.Entry setting, string file, DiagnosticBag diagnostics)
    {
        if (YamlDocument.IsNull(setting.Value)) return [];
        if (YamlDocument.AsSequence(setting.Value) is not { } items)
        {
            diagnostics.Error(DiagnosticCodes.SiteConfig, file, setting.Line, setting.Column, "setting `taxonomies` must be a list of taxonomy definitions",
                $"write one line per taxonomy, {Example}");
            return [];
        }
        var result = new List<TaxonomyDefinition>();
        var keys = TaxonomyDefinition.BuiltIns.ToDictionary(d => d.Key, _ => 0, StringComparer.Ordinal);
        foreach (var item in items)
        {
            var (line, column) = YamlDocument.PositionOf(item);
            if (Read(item, line, column, file, keys, diagnostics) is { } definition)
            {
                keys[definition.Key] = line;
                result.Add(definition);
            }
        }
        return result;
    }

    private static TaxonomyDefinition? Read(YamlDotNet.RepresentationModel.YamlNode item, int line, int column, string file, Dictionary<string, int> keys, DiagnosticBag diagnostics)
    {
        var ok = true;
        void Bad(int l, int c, string message, string hint)
        {
            diagnostics.Error(DiagnosticCodes.SiteConfig, file, l, c, message, hint);
            ok = false;
        }

        if (YamlDocument.AsMapping(item) is not { } entries)
        {
            Bad(line, column, "a taxonomy definition must be a mapping with at least `key` and `field`", Example);
            return null;
        }
        var byName = entries.ToDictionary(e => e.Key, StringComparer.Ordinal);
        foreach (var e in entries.Where(e => !Settings.Contains(e.Key)))
            Bad(e.Line, e.Column, $"unknown taxonomy setting `{e.Key}`", $"known settings: {string.Join(", ", Settings)}");

        string? Text(string name)
        {
            if (!byName.TryGetValue(name, out var e)) return null;
            if (YamlDocument.IsScalar(e.Value, out var value, out _) && !string.IsNullOrWhiteSpace(value)) return value.Trim();
            Bad(e.Line, e.Column, $"taxonomy setting `{name}` must be text", Example);
            return null;
        }
        bool? Flag(string name)
        {
            if (!byName.TryGetValue(name, out var e)) return null;
            if (YamlDocument.ToPlain(e.Value) is bool b) return b;
            Bad(e.Line, e.Column, $"taxonomy setting `{name}` must be true or false", $"write `{name}: true` or `{name}: false`");
            return null;
        }
        (int, int) At(string name) => byName.TryGetValue(name, out var e) ? (e.Line, e.Column) : (line, column);

        var key = Text("key");
        var field = Text("field");
        var label = Text("label");
        var hierarchical = Flag("hierarchical");
        var feeds = Flag("feeds");
        var orderName = Text("order");

        if (key is null) Bad(line, column, "a taxonomy definition needs a `key`: the folder of its pages", Example);
        else
        {
            var (kl, kc) = At("key");
            if (!KeyPattern().IsMatch(key))
                Bad(kl, kc, $"taxonomy key `{key}` is not a URL folder name", "use lower-case ASCII letters, digits and hyphens, starting with a letter, e.g. `topics`");
            else if (keys.TryGetValue(key, out var earlier))
                Bad(kl, kc, earlier == 0 ? $"taxonomy key `{key}` is a built-in taxonomy's URL (/{key}/)" : $"taxonomy key `{key}` is already defined on line {earlier}",
                    $"choose another key; the built-in taxonomies are {string.Join(", ", TaxonomyDefinition.BuiltIns.Select(d => d.Key))}");
            else if (TaxonomyDefinition.ReservedFolders.Contains(key))
                Bad(kl, kc, $"taxonomy key `{key}` is the URL of SiteGen's own pages (/{key}/)",
                    $"choose another key; {string.Join(", ", TaxonomyDefinition.ReservedFolders)} are taken");
        }

        var isList = false;
        if (field is null) Bad(line, column, "a taxonomy definition needs a `field`: the front-matter field whose values are its terms", Example);
        else if (!TaxonomyDefinition.Fields.TryGetValue(field, out isList))
        {
            var (fl, fc) = At("field");
            Bad(fl, fc, $"unknown front-matter field `{field}` for a taxonomy", $"use one of: {string.Join(", ", TaxonomyDefinition.Fields.Keys)}");
        }
        if (hierarchical == true && field is not null && !isList)
        {
            var (hl, hc) = At("hierarchical");
            Bad(hl, hc, $"`{field}` holds one value, so its taxonomy cannot be hierarchical",
                "a hierarchical taxonomy needs a list field whose entries form a path, such as `region`; remove `hierarchical: true`");
        }
        var order = TermOrder.Name;
        if (orderName is not null && !Orders.TryGetValue(orderName, out order))
        {
            var (ol, oc) = At("order");
            Bad(ol, oc, $"unknown taxonomy order `{orderName}`", $"use one of: {string.Join(", ", Orders.Keys)}");
        }

        if (!ok) return null;
        return new TaxonomyDefinition
        {
            Key = key!, Field = field!, Label = label ?? key, Hierarchical = hierarchical ?? false,
            Feeds = feeds ?? true, Order = order,
        };
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex KeyPattern();
}
