using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SiteGen.Render;

/// <summary>Writes the plain text of a parsed report body: the text the page shows, block by block. The theme's
/// <c>static/downloads/plain-text.js</c> reads the same text from the rendered page by the same rules, so a plain-text download
/// made in the reader's browser and one written by the build (<c>downloads: files</c>) are the same bytes.</summary>
/// <remarks>
/// The rules, in terms of what the page shows (Markdig's syntax tree and the HTML it renders agree on each):
/// <list type="bullet">
/// <item>A container's blocks are separated by one blank line; a block without text (a rule, a link reference definition, an empty
/// item) leaves no trace.</item>
/// <item>A paragraph or a heading is its inline text, each line break (soft or hard) a line end; a code block is its lines as written.</item>
/// <item>A quote is its blocks. A list is its items, one after the other on their own lines when the list is tight and separated by a
/// blank line when it is loose; an item's blocks are separated the same way; an ordered item starts with its number as shown and ". ".</item>
/// <item>A table is one line per row, its cells separated by a tab; a cell's blocks are separated by a line end.</item>
/// <item>Footnotes come after the body, one per line as <c>[1] text</c>; a reference to one reads <c>[1]</c>.</item>
/// <item>Inline text is what a reader sees: literals, code, entities decoded, a link's text, an image's alternative text, an
/// autolink's address; the tags of raw HTML (<c>raw_html: true</c>) are left out.</item>
/// </list>
/// Unlike <see cref="Reports.MarkdownText"/>, which reads source lines fast for the views, this follows Markdig's parse exactly
/// (emphasis flanking, lazy continuation lines, list numbering, footnote order), which is what the page shows.
/// </remarks>
internal static partial class PlainTextWriter
{
    private const string BlankLine = "\n\n";

    public static string Write(MarkdownDocument document)
    {
        var sb = new StringBuilder();
        Blocks(document, sb, BlankLine);
        return sb.Length == 0 ? "" : sb.Append('\n').ToString();
    }

    private static void Blocks(ContainerBlock container, StringBuilder sb, string separator)
    {
        var any = false;
        foreach (var block in container)
        {
            var start = sb.Length;
            if (any) sb.Append(separator);
            var text = sb.Length;
            Block(block, sb);
            if (sb.Length == text) sb.Length = start;
            else any = true;
        }
    }

    private static void Block(Block block, StringBuilder sb)
    {
        switch (block)
        {
            case CodeBlock code:
                for (var i = 0; i < code.Lines.Count; i++)
                {
                    if (i > 0) sb.Append('\n');
                    sb.Append(code.Lines.Lines[i].Slice.AsSpan());
                }
                break;
            case HtmlBlock html:
                RawHtmlText(html, sb);
                break;
            case LeafBlock { Inline: { } inline }:
                Inlines(inline, sb);
                break;
            case ListBlock list:
                var separator = list.IsLoose ? BlankLine : "\n";
                var number = list.IsOrdered && int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 1;
                var first = true;
                foreach (var item in list)
                {
                    var begin = sb.Length;
                    if (!first) sb.Append(separator);
                    var content = sb.Length;
                    if (list.IsOrdered) sb.Append(number.ToString(CultureInfo.InvariantCulture)).Append(". ");
                    number++;
                    Blocks((ContainerBlock)item, sb, separator);
                    if (sb.Length == content) sb.Length = begin;
                    else first = false;
                }
                break;
            case Table table:
                var firstRow = true;
                foreach (var row in table.OfType<TableRow>())
                {
                    if (!firstRow) sb.Append('\n');
                    firstRow = false;
                    var firstCell = true;
                    foreach (var cell in row.OfType<TableCell>())
                    {
                        if (!firstCell) sb.Append('\t');
                        firstCell = false;
                        Blocks(cell, sb, "\n");
                    }
                }
                break;
            case FootnoteGroup footnotes:
                var firstNote = true;
                foreach (var footnote in footnotes.OfType<Footnote>())
                {
                    if (!firstNote) sb.Append('\n');
                    firstNote = false;
                    sb.Append('[').Append(footnote.Order.ToString(CultureInfo.InvariantCulture)).Append("] ");
                    Blocks(footnote, sb, "\n");
                }
                break;
            case ContainerBlock container:
                Blocks(container, sb, BlankLine);
                break;
        }
    }

    private static void Inlines(ContainerInline container, StringBuilder sb)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal: sb.Append(literal.Content.AsSpan()); break;
                case CodeInline code: sb.Append(code.Content); break;
                case LineBreakInline: sb.Append('\n'); break;
                case HtmlEntityInline entity: sb.Append(entity.Transcoded.AsSpan()); break;
                case AutolinkInline autolink: sb.Append(autolink.Url); break;
                case FootnoteLink { IsBackLink: false } note: sb.Append('[').Append(note.Footnote.Order.ToString(CultureInfo.InvariantCulture)).Append(']'); break;
                case ContainerInline inner: Inlines(inner, sb); break;
            }
        }
    }

    /// <summary>A raw HTML block (only with <c>raw_html: true</c>): its text without tags, one line per line that has any.</summary>
    private static void RawHtmlText(HtmlBlock html, StringBuilder sb)
    {
        var any = false;
        for (var i = 0; i < html.Lines.Count; i++)
        {
            var text = WebUtility.HtmlDecode(Tag().Replace(html.Lines.Lines[i].Slice.ToString(), "")).Trim();
            if (text.Length == 0) continue;
            if (any) sb.Append('\n');
            sb.Append(text);
            any = true;
        }
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
