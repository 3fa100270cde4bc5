using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Load;

/// <summary>The one home of YamlDotNet: parses YAML text into positioned nodes and plain values, so the rest of SiteGen never sees the library.</summary>
internal static class YamlDocument
{
    /// <summary>Deepest list/mapping nesting accepted; front matter needs two levels, and YamlDotNet builds nodes recursively, so 10,000 `[` would overflow the stack.</summary>
    public const int MaxDepth = 32;

    /// <summary>A parse failure with its 1-based position inside the YAML text.</summary>
    public sealed record Failure(int Line, int Column, string Message);

    /// <summary>A mapping entry: key, 1-based line and column of the value, and the node.</summary>
    public sealed record Entry(string Key, int Line, int Column, YamlNode Value);

    public static (IReadOnlyList<Entry>? Entries, Failure? Failure) ParseMapping(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            if (CheckShape(yaml) is { } refused) return (null, refused);
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException?.Message ?? ex.Message;
            // YamlDotNet prefixes its messages with the position; we report the position ourselves.
            var close = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(Line", StringComparison.Ordinal) && close > 0) message = message[(close + 3)..];
            return (null, new Failure((int)ex.Start.Line, (int)ex.Start.Column, message));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet throws these, without a position, for a few malformed inputs (found by fuzzing).
            return (null, new Failure(1, 1, ex.Message));
        }

        if (stream.Documents.Count == 0) return ([], null);
        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            var start = stream.Documents[0].RootNode.Start;
            if (stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" }) return ([], null);
            return (null, new Failure((int)start.Line, (int)start.Column, "front matter must be a mapping of `field: value` lines"));
        }

        var entries = new List<Entry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!seen.Add(key))
                return (null, new Failure((int)keyNode.Start.Line, (int)keyNode.Start.Column, $"field `{key}` appears twice"));
            entries.Add(new Entry(key, (int)value.Start.Line, (int)value.Start.Column, value));
        }
        return (entries, null);
    }

    /// <summary>Walks the YAML events (iteratively, without building nodes) and refuses aliases and deep nesting before the recursive node builder sees them.</summary>
    private static Failure? CheckShape(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            // An alias can repeat a list that itself repeats aliases: a few lines expand into billions of values.
            if (current is AnchorAlias)
                return new Failure((int)current.Start.Line, (int)current.Start.Column,
                    "YAML aliases (`*name`) are not supported; write the value out");
            if (current is MappingStart or SequenceStart) depth++;
            else if (current is MappingEnd or SequenceEnd) depth--;
            if (depth > MaxDepth)
                return new Failure((int)current.Start.Line, (int)current.Start.Column,
                    $"lists or mappings are nested more than {MaxDepth} levels deep");
        }
        return null;
    }

    public static bool IsScalar(YamlNode node, out string? value, out bool quoted)
    {
        if (node is YamlScalarNode scalar)
        {
            value = scalar.Value;
            quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded;
            return true;
        }
        value = null;
        quoted = false;
        return false;
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not (ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted) } s
        && (s.Value is null || s.Value is "" or "~" or "null" or "Null" or "NULL");

    /// <summary>The 1-based line and column where a node starts.</summary>
    public static (int Line, int Column) PositionOf(YamlNode node) => ((int)node.Start.Line, (int)node.Start.Column);

    public static IReadOnlyList<YamlNode>? AsSequence(YamlNode node) =>
        node is YamlSequenceNode seq ? seq.Children.ToList() : null;

    public static IReadOnlyList<Entry>? AsMapping(YamlNode node) =>
        node is YamlMappingNode map
            ? map.Children.Select(kv => new Entry((kv.Key as YamlScalarNode)?.Value ?? "", (int)kv.Value.Start.Line, (int)kv.Value.Start.Column, kv.Value)).ToList()
            : null;

    /// <summary>Converts a node into plain values (string, long, double, bool, null, lists, dictionaries) for templates.</summary>
    public static object? ToPlain(YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
                    return scalar.Value;
                var v = scalar.Value;
                if (v is null or "" or "~" or "null") return null;
                if (v is "true" or "True") return true;
                if (v is "false" or "False") return false;
                if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
                if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
                return v;
            case YamlSequenceNode seq:
                return seq.Children.Select(ToPlain).ToList();
            case YamlMappingNode map:
                var dict = new SortedDictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (k, val) in map.Children) dict[(k as YamlScalarNode)?.Value ?? ""] = ToPlain(val);
                return dict;
            default:
                return null;
        }
    }
}
