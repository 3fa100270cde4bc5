using System.Net;
using System.Text;

namespace SiteGen.Search;

/// <summary>A block of body text (paragraph, heading, list item…) and the id of the section heading above it.</summary>
public sealed record TextBlock(string Section, string Text);

/// <summary>What a reader sees of a rendered report, as marked by the theme: meta fields, filter values and body text blocks.</summary>
public sealed record ExtractedReport(
    IReadOnlyDictionary<string, string> Meta,
    IReadOnlyDictionary<string, string> Filters,
    IReadOnlyList<TextBlock> Blocks);

/// <summary>Reads the theme's search attributes from rendered HTML with a single forward scan (no DOM): <c>data-search-body</c>,
/// <c>data-search-ignore</c> (and the <c>hidden</c> attribute), <c>data-search-meta="name"</c>, <c>data-search-filter="name"</c>, and heading ids for sections.</summary>
/// <remarks>A DOM parser per page costs more than rendering it; SiteGen's own output is well formed, so a tag stack suffices.
/// When a page has no data-search-body element, the whole &lt;body&gt; is indexed.</remarks>
public static class ReportTextExtractor
{
    private static readonly HashSet<string> VoidTags = new(StringComparer.Ordinal)
        { "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr" };

    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt", "figcaption", "figure", "footer",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th",
        "tr", "ul",
    };

    private readonly record struct Open(string Tag, bool Body, bool Ignore, string? Meta, string? Filter, bool Label);

    public static ExtractedReport Extract(string html)
    {
        var hasBody = html.Contains("data-search-body", StringComparison.Ordinal);
        var stack = new List<Open>();
        var meta = new SortedDictionary<string, StringBuilder>(StringComparer.Ordinal);
        var filters = new SortedDictionary<string, StringBuilder>(StringComparer.Ordinal);
        var blocks = new List<TextBlock>();
        var current = new StringBuilder();
        var section = "";
        var i = 0;

        void Flush()
        {
            var text = Collapse(current);
            if (text.Length > 0) blocks.Add(new TextBlock(section, text));
            current.Clear();
        }

        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            var textEnd = lt < 0 ? html.Length : lt;
            if (textEnd > i) AppendText(html.AsSpan(i, textEnd - i));
            if (lt < 0) break;
            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = close < 0 ? html.Length : close + 3;
                continue;
            }
            var gt = html.IndexOf('>', lt);
            if (gt < 0) break;
            var tag = html.AsSpan(lt + 1, gt - lt - 1);
            i = gt + 1;
            if (tag.Length == 0 || tag[0] == '!' || tag[0] == '?') continue;
            if (tag[0] == '/')
            {
                var name = TagName(tag[1..]);
                if (BlockTags.Contains(name) && Capturing()) Flush();
                for (var k = stack.Count - 1; k >= 0; k--)
                {
                    if (stack[k].Tag != name) continue;
                    stack.RemoveRange(k, stack.Count - k);
                    break;
                }
                continue;
            }
            var open = TagName(tag);
            if (open is "script" or "style" or "template")
            {
                var close = html.IndexOf("</" + open, i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
                continue;
            }
            if (BlockTags.Contains(open) && Capturing()) Flush();
            var attributes = tag[open.Length..];
            var id = Attribute(attributes, "id");
            if (open.Length == 2 && open[0] == 'h' && open[1] is >= '1' and <= '6' && id is not null && Capturing() && !InField())
                section = id;
            if (VoidTags.Contains(open) || tag[^1] == '/') continue;
            stack.Add(new Open(open,
                attributes.Contains("data-search-body", StringComparison.Ordinal),
                attributes.Contains("data-search-ignore", StringComparison.Ordinal) || Attribute(attributes, "hidden") is not null,
                Attribute(attributes, "data-search-meta"),
                Attribute(attributes, "data-search-filter"),
                open == "dt"));
        }
        Flush();

        return new ExtractedReport(
            meta.ToDictionary(p => p.Key, p => Collapse(p.Value), StringComparer.Ordinal),
            filters.ToDictionary(p => p.Key, p => Collapse(p.Value), StringComparer.Ordinal),
            blocks);

        bool Capturing()
        {
            var inBody = !hasBody;
            foreach (var o in stack)
            {
                if (o.Ignore) return false;
                if (o.Body) inBody = true;
            }
            return inBody;
        }

        bool InField()
        {
            foreach (var o in stack)
                if (o.Meta is not null || o.Filter is not null) return true;
            return false;
        }

        void AppendText(ReadOnlySpan<char> raw)
        {
            if (!Capturing()) return;
            var text = raw.Contains('&') ? WebUtility.HtmlDecode(raw.ToString()).AsSpan() : raw;
            for (var k = stack.Count - 1; k >= 0; k--)
            {
                var o = stack[k];
                if (o.Meta is not null) { Get(meta, o.Meta).Append(text); return; }
                if (o.Filter is not null) { Get(filters, o.Filter).Append(text); return; }
                if (o.Label) return; // labels such as 发布机构 are the same on every page and say nothing about the report
            }
            current.Append(text);
        }
    }

    private static StringBuilder Get(SortedDictionary<string, StringBuilder> map, string key)
    {
        if (!map.TryGetValue(key, out var sb)) map[key] = sb = new StringBuilder();
        return sb;
    }

    private static string TagName(ReadOnlySpan<char> tag)
    {
        var end = 0;
        while (end < tag.Length && (char.IsAsciiLetterOrDigit(tag[end]) || tag[end] == '-')) end++;
        return tag[..end].ToString().ToLowerInvariant();
    }

    /// <summary>The value of an attribute in a tag's attribute text; "" for a bare attribute, null when absent.</summary>
    private static string? Attribute(ReadOnlySpan<char> attributes, string name)
    {
        var from = 0;
        while (true)
        {
            var at = attributes[from..].IndexOf(name, StringComparison.Ordinal);
            if (at < 0) return null;
            at += from;
            var end = at + name.Length;
            var startsWord = at == 0 || char.IsWhiteSpace(attributes[at - 1]);
            var endsWord = end == attributes.Length || attributes[end] is '=' or ' ' or '/' or '\t' or '\n';
            if (startsWord && endsWord)
            {
                if (end == attributes.Length || attributes[end] != '=') return "";
                var valueStart = end + 1;
                if (valueStart < attributes.Length && attributes[valueStart] is '"' or '\'')
                {
                    var quote = attributes[valueStart];
                    var close = attributes[(valueStart + 1)..].IndexOf(quote);
                    var value = close < 0 ? attributes[(valueStart + 1)..] : attributes.Slice(valueStart + 1, close);
                    return WebUtility.HtmlDecode(value.ToString());
                }
                var stop = valueStart;
                while (stop < attributes.Length && !char.IsWhiteSpace(attributes[stop]) && attributes[stop] != '>') stop++;
                return attributes[valueStart..stop].ToString();
            }
            from = end;
        }
    }

    /// <summary>Collapses whitespace runs to one space and trims, as a browser shows text.</summary>
    private static string Collapse(StringBuilder sb)
    {
        var result = new StringBuilder(sb.Length);
        var space = false;
        for (var k = 0; k < sb.Length; k++)
        {
            var c = sb[k];
            if (c is ' ' or '\n' or '\t' or '\r' or '\f')
            {
                space = result.Length > 0;
                continue;
            }
            if (space) result.Append(' ');
            space = false;
            result.Append(c);
        }
        return result.ToString();
    }
}
