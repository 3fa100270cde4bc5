using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace SiteGen.Reports;

/// <summary>Turns report Markdown into the plain text a reader sees: markup removed (heading marks, emphasis, link targets,
/// table pipes, fences, escapes), the text and its line breaks kept as written.</summary>
/// <remarks>A line-by-line reading, not Markdig: the views read every body of the archive once more at build time, and a full
/// Markdown parse per report would cost more than their whole time budget (10,000 reports: 310 MB of Markdown); Markdig also stays
/// in its one home, the renderer. Reports use a small part of Markdown (headings, paragraphs, lists, tables, emphasis, links), and
/// that part is read exactly; raw HTML is kept as text, as a site without <c>raw_html</c> shows it.</remarks>
public static partial class MarkdownText
{
    /// <summary>The plain text of a Markdown fragment: one line per source line (table rows with tab-separated cells), one blank line between blocks.</summary>
    public static string ToPlain(ReadOnlySpan<char> markdown)
    {
        var sb = new StringBuilder(markdown.Length);
        Append(sb, markdown);
        while (sb.Length > 0 && sb[^1] == '\n') sb.Length--;
        return sb.Length == 0 ? "" : sb.Append('\n').ToString();
    }

    /// <summary>Appends the plain text of a Markdown fragment to <paramref name="sb"/>, as <see cref="ToPlain"/> reads it.</summary>
    public static void Append(StringBuilder sb, ReadOnlySpan<char> markdown)
    {
        var fence = "";
        var inFence = false;
        var inTable = false;
        var all = markdown;
        for (var start = 0; start < all.Length;)
        {
            var newline = all[start..].IndexOf('\n');
            var end = newline < 0 ? all.Length : start + newline;
            var line = all[start..end].TrimEnd('\r');
            var nextStart = end + 1;
            start = nextStart;
            if (inFence)
            {
                if (MarkdownLines.IsFence(line, out var closing) && closing.StartsWith(fence) && line.Trim().Length == closing.Length) inFence = false;
                else sb.Append(line).Append('\n');
                continue;
            }
            var lead = line.TrimStart(" \t");
            if (lead.Length > 0 && !BlockMarks.Contains(lead[0]) && !char.IsAsciiDigit(lead[0]) && !lead.Contains('|'))
            {
                // A line of prose, the most common by far: no block markup to read.
                inTable = false;
                AppendInline(sb, EndOfLine(lead));
                sb.Append('\n');
                continue;
            }
            var text = StripQuoteMarkers(line.ToString());
            if (MarkdownLines.IsFence(text, out var opening))
            {
                fence = opening.ToString();
                inFence = true;
                continue;
            }
            if (text.Trim().Length == 0)
            {
                inTable = false;
                if (sb.Length > 0 && !EndsWithBlankLine(sb)) sb.Append('\n');
                continue;
            }
            if (Rule().IsMatch(text) || ReferenceDefinition().IsMatch(text)) continue;
            if (TableDelimiter().IsMatch(text))
            {
                inTable = text.Contains('|');
                continue;
            }
            if (!inTable && text.Contains('|') && nextStart < all.Length && TableDelimiter().IsMatch(StripQuoteMarkers(NextLine(all, nextStart))))
                inTable = true;

            if (inTable && text.Contains('|'))
            {
                sb.Append(string.Join('\t', Cells(text).Select(Inline))).Append('\n');
                continue;
            }
            inTable = false;
            var content = text.AsSpan().TrimStart(" \t");
            if (MarkdownLines.TryAtx(content, out _, out var heading)) content = heading;
            else if (BulletItem().Match(content.ToString()) is { Success: true } bullet) content = content[bullet.Length..];
            else if (FootnoteDefinition().Match(content.ToString()) is { Success: true } note)
            {
                sb.Append('[').Append(note.Groups[1].Value).Append("] ");
                content = content[note.Length..];
            }
            AppendInline(sb, EndOfLine(content));
            sb.Append('\n');
        }
    }

    private static string NextLine(ReadOnlySpan<char> all, int start)
    {
        var newline = all[start..].IndexOf('\n');
        return all[start..(newline < 0 ? all.Length : start + newline)].TrimEnd('\r').ToString();
    }

    private static void AppendInline(StringBuilder sb, ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny(InlineMarks) < 0) sb.Append(text);
        else sb.Append(Inline(text.ToString()));
    }

    /// <summary>Characters that can start a block other than a paragraph: quotes, fences, lists, rules, headings, tables, definitions.</summary>
    private static ReadOnlySpan<char> BlockMarks => ">`~-*_=+|#[";

    private static readonly System.Buffers.SearchValues<char> InlineMarks = System.Buffers.SearchValues.Create("*_~[]<>`&\\");

    /// <summary>A line without its hard line break (two trailing spaces or a backslash): it ends as written anyway.</summary>
    private static ReadOnlySpan<char> EndOfLine(ReadOnlySpan<char> text)
    {
        text = text.TrimEnd(' ');
        return text.EndsWith("\\") && !text.EndsWith("\\\\") ? text[..^1] : text;
    }

    private static bool EndsWithBlankLine(StringBuilder sb) => sb.Length >= 2 && sb[^1] == '\n' && sb[^2] == '\n';

    private static string StripQuoteMarkers(string line)
    {
        var s = line;
        while (QuoteMarker().Match(s) is { Success: true } m) s = s[m.Length..];
        return s;
    }

    /// <summary>The cells of a pipe-table row, unescaped pipes only, outer pipes dropped.</summary>
    private static IEnumerable<string> Cells(string row)
    {
        var s = row.Trim();
        if (s.StartsWith('|')) s = s[1..];
        if (s.EndsWith('|') && !s.EndsWith("\\|", StringComparison.Ordinal)) s = s[..^1];
        var cell = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length && s[i + 1] == '|')
            {
                cell.Append('|');
                i++;
            }
            else if (s[i] == '|')
            {
                yield return cell.ToString().Trim();
                cell.Clear();
            }
            else cell.Append(s[i]);
        }
        yield return cell.ToString().Trim();
    }

    // Characters that escapes, code spans and emphasis hide while links and emphasis are read; restored at the end.
    private const char HiddenBase = '\uE000';
    private const string Hideable = "*_~[]()<>!`&\\";

    /// <summary>The text of one line of inline Markdown: code spans, links, images, autolinks, emphasis, escapes and entities read.</summary>
    public static string Inline(string text)
    {
        if (text.AsSpan().IndexOfAny(InlineMarks) < 0) return text;
        var s = HideEscapesAndCode(text);
        if (s.Contains('[')) s = ReadLinks(s);
        if (s.Contains('<')) s = Autolink().Replace(s, m => Hide(m.Groups[1].Value));
        for (var round = 0; round < 3 && s.AsSpan().IndexOfAny("*_~") >= 0; round++)
        {
            var before = s;
            s = StrongOrStrike().Replace(s, "$2");
            s = Emphasis().Replace(s, "$1");
            s = UnderscoreEmphasis().Replace(s, "$1");
            if (s == before) break;
        }
        if (s.Contains('&')) s = Entity().Replace(s, m => WebUtility.HtmlDecode(m.Value));
        return Reveal(s);
    }

    /// <summary>Replaces each backslash-escaped punctuation character and the content of each code span by hidden stand-ins, so later steps leave them as written.</summary>
    private static string HideEscapesAndCode(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\\' && i + 1 < s.Length && IsAsciiPunctuation(s[i + 1]))
            {
                sb.Append(Hide(s[i + 1].ToString()));
                i++;
            }
            else if (c == '`')
            {
                var run = 1;
                while (i + run < s.Length && s[i + run] == '`') run++;
                var close = s.IndexOf(new string('`', run), i + run, StringComparison.Ordinal);
                while (close >= 0 && close + run < s.Length && s[close + run] == '`') close = s.IndexOf(new string('`', run), close + run + 1, StringComparison.Ordinal);
                if (close < 0)
                {
                    sb.Append(s, i, run);
                    i += run - 1;
                    continue;
                }
                var code = s[(i + run)..close];
                if (code.Length >= 2 && code[0] == ' ' && code[^1] == ' ' && code.Trim().Length > 0) code = code[1..^1];
                sb.Append(Hide(code));
                i = close + run - 1;
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool IsAsciiPunctuation(char c) => c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c));

    /// <summary>Replaces <c>[text](url)</c>, <c>![alt](src)</c>, <c>[text][ref]</c> and <c>[^note]</c> by the text a reader sees.</summary>
    private static string ReadLinks(string s)
    {
        for (var round = 0; round < 4; round++)
        {
            var replaced = Link().Replace(s, m => m.Groups["note"].Success ? Hide("[" + m.Groups["note"].Value + "]") : m.Groups["text"].Value);
            if (replaced == s) break;
            s = replaced;
        }
        return s;
    }

    private static string Hide(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var k = Hideable.IndexOf(c);
            sb.Append(k < 0 ? c : (char)(HiddenBase + k));
        }
        return sb.ToString();
    }

    private static string Reveal(string s)
    {
        if (s.AsSpan().IndexOfAnyInRange(HiddenBase, (char)(HiddenBase + Hideable.Length - 1)) < 0) return s;
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (chars[i] >= HiddenBase && chars[i] < HiddenBase + Hideable.Length) chars[i] = Hideable[chars[i] - HiddenBase];
        return new string(chars);
    }

    [GeneratedRegex(@"^ {0,3}> ?")]
    private static partial Regex QuoteMarker();

    /// <summary>A thematic break or a setext heading underline (the heading's text line stays).</summary>
    [GeneratedRegex(@"^ {0,3}(?:(?:\* *){3,}|(?:- *){3,}|(?:_ *){3,}|=+ *|\+[-=+:]+\+ *)$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^ {0,3}\[(?!\^)[^\]]+\]:\s*\S+")]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"^ {0,3}\|?(?: *:?-+:? *\|)+(?: *:?-+:? *)?$|^ {0,3}\|? *:?-+:? *\| *:?-+:? *\|?$")]
    private static partial Regex TableDelimiter();

    [GeneratedRegex(@"^[-*+][ \t]+(?:\[[ xX]\][ \t]+)?")]
    private static partial Regex BulletItem();

    [GeneratedRegex(@"^\[\^([^\]]+)\]:[ \t]*")]
    private static partial Regex FootnoteDefinition();

    [GeneratedRegex(@"!?\[(?:\^(?<note>[^\]]+)|(?<text>[^\[\]]*))\](?(note)|(?:\((?:[^()\s]*|<[^>]*>)(?:\s+(?:""[^""]*""|'[^']*'|\([^)]*\)))?\s*\)|\[[^\]]*\]))")]
    private static partial Regex Link();

    [GeneratedRegex(@"<((?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)|(?:[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*))>")]
    private static partial Regex Autolink();

    [GeneratedRegex(@"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1")]
    private static partial Regex StrongOrStrike();

    [GeneratedRegex(@"\*(?=[^\s*])(.+?)(?<=[^\s*])\*")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\p{L}\p{N}])")]
    private static partial Regex UnderscoreEmphasis();

    [GeneratedRegex(@"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")]
    private static partial Regex Entity();
}
