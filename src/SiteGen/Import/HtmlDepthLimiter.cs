using System.Text;

namespace SiteGen.Import;

/// <summary>Bounds how deep a saved page's elements nest before it is parsed. Saved CMS pages leave tags unclosed, so their elements nest as deep as the page is long,
/// and an HTML parser's work grows with the square of that depth (and of the number of unclosed formatting tags, which it reopens in every paragraph).
/// Beyond <see cref="MaxDepth"/> open elements, or <see cref="MaxOpenFormatting"/> open formatting elements, a start tag and its end tag become line breaks (block elements)
/// or are left out (inline ones): the text and its line structure stay, and the work stays linear in the page's size. Browsers cap their trees the same way.</summary>
internal static class HtmlDepthLimiter
{
    /// <summary>Deeper than any page written by hand or by a working CMS.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most formatting elements left open at once: the parser reopens every one of them in each new paragraph, so unclosed <c>&lt;font&gt;</c> tags cost the square of their number.</summary>
    public const int MaxOpenFormatting = 4;

    private static readonly HashSet<string> Formatting = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
    };

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    /// <summary>Elements whose content is text, not tags: copied as they are.</summary>
    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    };

    /// <summary>Elements a start tag of the same kind closes (<c>&lt;p&gt;a&lt;p&gt;b</c> are siblings), with the elements that bound the search.</summary>
    private static readonly Dictionary<string, (string[] Kinds, string[] Scope)> ClosedBySibling = new(StringComparer.OrdinalIgnoreCase)
    {
        ["p"] = (["p"], ["div", "td", "th", "li", "table", "body"]),
        ["li"] = (["li"], ["ul", "ol", "menu"]),
        ["dt"] = (["dt", "dd"], ["dl"]),
        ["dd"] = (["dt", "dd"], ["dl"]),
        ["td"] = (["td", "th"], ["tr", "table"]),
        ["th"] = (["td", "th"], ["tr", "table"]),
        ["tr"] = (["tr", "td", "th"], ["table", "tbody", "thead", "tfoot"]),
        ["option"] = (["option"], ["select", "datalist"]),
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "center", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "figure", "figcaption", "address", "form", "fieldset",
    };

    /// <summary>The page with every element deeper than <see cref="MaxDepth"/> flattened; a page that never nests that deep comes back unchanged.</summary>
    public static string Limit(string html)
    {
        var open = new List<string>();
        var openCount = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var flattened = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var formatting = 0; // formatting elements opened and not yet closed by their end tag
        var output = new StringBuilder(html.Length);
        var changed = false;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                output.Append(html, i, html.Length - i);
                break;
            }
            output.Append(html, i, lt - i);
            var next = html[lt + 1];
            if (html.AsSpan(lt).StartsWith("<!--"))
                i = Copy(html, lt, End(html, lt + 4, "-->"), output);
            else if (next is '!' or '?')
                i = Copy(html, lt, End(html, lt + 2, ">"), output);
            else if (next == '/' && lt + 2 < html.Length && char.IsAsciiLetter(html[lt + 2]))
            {
                var name = Name(html, lt + 2);
                var end = End(html, lt + 2, ">");
                if (flattened.TryGetValue(name, out var deep) && deep > 0)
                {
                    flattened[name] = deep - 1;
                    if (Blocks.Contains(name)) output.Append("<br>");
                    i = end;
                }
                else
                {
                    if (Formatting.Contains(name) && formatting > 0) formatting--;
                    if (openCount.GetValueOrDefault(name) > 0) PopTo(open, openCount, open.FindLastIndex(n => n.Equals(name, StringComparison.OrdinalIgnoreCase)));
                    i = Copy(html, lt, end, output);
                }
            }
            else if (char.IsAsciiLetter(next))
            {
                var name = Name(html, lt + 1);
                var end = TagEnd(html, lt + 1 + name.Length);
                var selfClosing = end >= 2 && html[end - 2] == '/';
                if (RawText.Contains(name))
                {
                    var close = html.IndexOf("</" + name, end, StringComparison.OrdinalIgnoreCase);
                    i = Copy(html, lt, close < 0 ? html.Length : close, output);
                    continue;
                }
                if (Void.Contains(name) || selfClosing)
                {
                    i = Copy(html, lt, end, output);
                    continue;
                }
                if (ClosedBySibling.TryGetValue(name, out var rule)) CloseSibling(open, openCount, rule.Kinds, rule.Scope);
                var isFormatting = Formatting.Contains(name);
                if (open.Count < MaxDepth && (!isFormatting || formatting < MaxOpenFormatting))
                {
                    if (isFormatting) formatting++;
                    open.Add(name);
                    openCount[name] = openCount.GetValueOrDefault(name) + 1;
                    i = Copy(html, lt, end, output);
                }
                else
                {
                    changed = true;
                    flattened[name] = flattened.GetValueOrDefault(name) + 1;
                    if (Blocks.Contains(name)) output.Append("<br>");
                    i = end;
                }
            }
            else
            {
                output.Append('<');
                i = lt + 1;
            }
        }
        return changed ? output.ToString() : html;
    }

    /// <summary>Closes an open element of one of <paramref name="kinds"/> above the nearest <paramref name="scope"/> element, as the parser will.</summary>
    private static void CloseSibling(List<string> open, Dictionary<string, int> openCount, string[] kinds, string[] scope)
    {
        if (!kinds.Any(k => openCount.GetValueOrDefault(k) > 0)) return;
        for (var k = open.Count - 1; k >= 0; k--)
        {
            if (kinds.Contains(open[k], StringComparer.OrdinalIgnoreCase))
            {
                PopTo(open, openCount, k);
                return;
            }
            if (scope.Contains(open[k], StringComparer.OrdinalIgnoreCase)) return;
        }
    }

    private static void PopTo(List<string> open, Dictionary<string, int> openCount, int index)
    {
        for (var k = open.Count - 1; k >= index; k--) openCount[open[k]]--;
        open.RemoveRange(index, open.Count - index);
    }

    private static string Name(string html, int start)
    {
        var end = start;
        while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] is '-' or ':' or '_')) end++;
        return html[start..end];
    }

    /// <summary>The position after the <c>&gt;</c> closing a start tag, skipping quoted attribute values (a quote opens one only after <c>=</c>).</summary>
    private static int TagEnd(string html, int from)
    {
        var quote = '\0';
        var afterEquals = false;
        for (var k = from; k < html.Length; k++)
        {
            var c = html[k];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                continue;
            }
            if (c == '>') return k + 1;
            if (c is '"' or '\'' && afterEquals) quote = c;
            if (!char.IsWhiteSpace(c)) afterEquals = c == '=';
        }
        return html.Length;
    }

    private static int End(string html, int from, string marker)
    {
        var at = html.IndexOf(marker, from, StringComparison.Ordinal);
        return at < 0 ? html.Length : at + marker.Length;
    }

    private static int Copy(string html, int from, int to, StringBuilder output)
    {
        output.Append(html, from, to - from);
        return to;
    }
}
