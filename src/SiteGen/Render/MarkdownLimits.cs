namespace SiteGen.Render;

/// <summary>Refuses Markdown shapes that make Markdig recurse deeply or work for minutes (runaway list and quote nesting, thousands of
/// link and emphasis delimiters in one paragraph) before Markdig parses them; a real report stays far below every limit.</summary>
internal static partial class MarkdownLimits
{
    /// <summary>Quote and list levels on one line, or reached by indentation; reports use three or four.</summary>
    public const int MaxNesting = 32;

    /// <summary>Indentation (in columns) before a quote or list marker; nesting by indentation needs two or more columns per level.</summary>
    public const int MaxMarkerIndent = 4 * MaxNesting;

    /// <summary>Link and emphasis delimiters (<c>[ ] ( ) * _ ~ `</c>) in one paragraph; unmatched ones cost Markdig quadratic time.</summary>
    public const int MaxDelimiters = 2048;

    /// <summary>Open raw HTML elements inside each other (when a site allows raw HTML); the HTML parser slows quadratically with depth.</summary>
    public const int MaxHtmlNesting = 256;

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    /// <summary>What is wrong and on which 1-based line of the Markdown.</summary>
    public sealed record Violation(int Line, string Message);

    public static Violation? Check(string markdown, bool rawHtml)
    {
        if (rawHtml && HtmlTooDeep(markdown) is { } html) return html;
        var line = 1;
        var paragraphLine = 1;
        var delimiters = 0;
        for (var pos = 0; pos <= markdown.Length; line++)
        {
            var end = markdown.IndexOf('\n', pos);
            if (end < 0) end = markdown.Length;
            var text = markdown.AsSpan(pos, end - pos);
            pos = end + 1;
            if (text.IsWhiteSpace())
            {
                delimiters = 0;
                paragraphLine = line + 1;
                continue;
            }
            var (depth, indent) = PrefixDepth(text);
            if (depth > MaxNesting)
                return new Violation(line, $"{depth} quote or list levels on one line (at most {MaxNesting})");
            if (depth > 0 && indent > MaxMarkerIndent)
                return new Violation(line, $"a quote or list marker indented {indent} columns (at most {MaxMarkerIndent})");
            foreach (var c in text)
                if (c is '[' or ']' or '(' or ')' or '*' or '_' or '~' or '`') delimiters++;
            if (delimiters > MaxDelimiters)
                return new Violation(paragraphLine, $"more than {MaxDelimiters} link or emphasis marks ([ ] ( ) * _ ~ `) in one paragraph");
        }
        return null;
    }

    /// <summary>Estimates raw HTML nesting from start and end tags (void and self-closed elements do not nest) and reports the line where it passes the limit.</summary>
    private static Violation? HtmlTooDeep(string markdown)
    {
        var depth = 0;
        foreach (System.Text.RegularExpressions.Match tag in Tag().Matches(markdown))
        {
            if (tag.Groups[1].Value == "/") depth = Math.Max(0, depth - 1);
            else if (tag.Groups[3].Value != "/" && !VoidElements.Contains(tag.Groups[2].Value) && ++depth > MaxHtmlNesting)
                return new Violation(markdown.AsSpan(0, tag.Index).Count('\n') + 1, $"raw HTML elements nested more than {MaxHtmlNesting} deep");
        }
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]*?(/?)>")]
    private static partial System.Text.RegularExpressions.Regex Tag();

    /// <summary>Counts the quote and list markers that open a line, and the indentation before the first of them.</summary>
    private static (int Depth, int Indent) PrefixDepth(ReadOnlySpan<char> text)
    {
        var depth = 0;
        var indent = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t')
            {
                if (depth == 0) indent += c == '\t' ? 4 : 1;
                i++;
                continue;
            }
            if (c == '>')
            {
                depth++;
                i++;
                continue;
            }
            if (c is '-' or '+' or '*' && (i + 1 == text.Length || text[i + 1] is ' ' or '\t'))
            {
                depth++;
                i++;
                continue;
            }
            var j = i;
            while (j < text.Length && j - i < 9 && char.IsAsciiDigit(text[j])) j++;
            if (j > i && j < text.Length && text[j] is '.' or ')' && (j + 1 == text.Length || text[j + 1] is ' ' or '\t'))
            {
                depth++;
                i = j + 1;
                continue;
            }
            break;
        }
        return (depth, indent);
    }
}
