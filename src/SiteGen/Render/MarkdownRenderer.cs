using System.Net;
using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Diagnostics;
using SiteGen.Html;
using SiteGen.Load;
using SiteGen.Model;

namespace SiteGen.Render;

/// <summary>A heading of the report body, for the table of contents.</summary>
public sealed record TocEntry(int Level, string Id, string Text);

/// <summary>A report body rendered to HTML, with its table of contents and a plain-text summary for lists and feeds.</summary>
public sealed record RenderedBody(string Html, IReadOnlyList<TocEntry> Toc, string Summary);

/// <summary>The one home of Markdig: turns report Markdown into safe HTML with readable Chinese heading ids and attachment links; one pipeline per build.
/// It also finds the links of a body for the loader, so that the model resolves attachments before anything is rendered.</summary>
public sealed class MarkdownRenderer
{
    private const int SummaryLength = 160;
    private const string TooDeepHint = "a report needs a few levels at most; remove the repeated `>`, `-`, `*`, `[` or `(` (often a conversion accident)";

    // Larger buffers are not kept between pages, so one outsized report does not pin its memory for the rest of the build.
    private const int MaxKeptWriterChars = 1 << 20;

    // One HTML buffer per rendering thread: a report's HTML is written into an already grown buffer instead of a fresh one.
    [ThreadStatic] private static StringWriter? t_writer;

    /// <summary>Finds the links of a body as rendering would: with raw HTML off, so that no link a page can show is missed.</summary>
    private static readonly MarkdownPipeline LinkPipeline = Extensions().DisableHtml().Build();

    private readonly MarkdownPipeline _pipeline;
    private readonly bool _allowRawHtml;
    private readonly AttachmentLabels _labels;

    public MarkdownRenderer(bool allowRawHtml, AttachmentLabels? attachmentLabels = null)
    {
        _allowRawHtml = allowRawHtml;
        _labels = attachmentLabels ?? AttachmentLabels.Default;
        var builder = Extensions();
        if (!allowRawHtml) builder.DisableHtml();
        _pipeline = builder.Build();
    }

    private static MarkdownPipelineBuilder Extensions() => new MarkdownPipelineBuilder().UsePipeTables().UseGridTables().UseFootnotes();

    /// <summary>Renders a body that links no attachments.</summary>
    public RenderedBody Render(string markdown) => Render(markdown, []);

    /// <summary>Renders a report body; each link to one of <paramref name="attachments"/> leads to its published URL, with its type and size
    /// after it. Markdown nested too deeply to render becomes a <see cref="SiteGenException"/> whose line is relative to <paramref name="markdown"/>.</summary>
    public RenderedBody Render(string markdown, IReadOnlyList<Attachment> attachments)
    {
        var document = Parse(markdown);
        try
        {
            var blocks = new List<Block>();
            CollectBlocks(document, blocks);
            var toc = AssignHeadingIds(blocks);
            NeutraliseUnsafeLinks(blocks);
            if (attachments.Count > 0) LinkAttachments(blocks, attachments);
            MoveTableStylesToClasses(blocks);

            var writer = RentWriter();
            var renderer = new HtmlRenderer(writer);
            _pipeline.Setup(renderer);
            renderer.Render(document);
            writer.Flush();
            var html = writer.ToString();
            ReturnWriter(writer);
            if (_allowRawHtml) html = HtmlSanitizer.Sanitize(html);
            return new RenderedBody(html, toc, Summarise(document));
        }
        catch (ArgumentException ex) when (ex.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            throw TooDeep(markdown);
        }
    }

    /// <summary>The plain text a reader sees of a body, read from the same parse as its HTML; see <see cref="PlainTextWriter"/>.</summary>
    public string PlainText(string markdown) => PlainTextWriter.Write(Parse(markdown));

    /// <summary>Parses a body with the site's pipeline; Markdown nested too deeply to render becomes a <see cref="SiteGenException"/>.</summary>
    private MarkdownDocument Parse(string markdown)
    {
        if (MarkdownLimits.Check(markdown, _allowRawHtml) is { } violation)
            throw new SiteGenException(DiagnosticCodes.MarkdownTooDeep, $"the Markdown is nested too deeply to render: {violation.Message}",
                TooDeepHint, line: violation.Line);
        try
        {
            return Markdown.Parse(markdown, _pipeline);
        }
        catch (ArgumentException ex) when (ex.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            throw TooDeep(markdown);
        }
    }

    // A backstop behind MarkdownLimits: Markdig stops at its own depth limit (parsing or rendering) before its recursion could overflow the stack.
    private static SiteGenException TooDeep(string markdown) => new(DiagnosticCodes.MarkdownTooDeep,
        "the Markdown nests lists, quotes, emphasis or links too deeply to render", TooDeepHint, line: DeepestLine(markdown));

    /// <summary>The first line with the most nesting markers (leading quote and list markers, or a run of emphasis and bracket characters), to point the editor at the problem.</summary>
    internal static int DeepestLine(string markdown)
    {
        var best = 0;
        var bestLine = 1;
        var line = 1;
        var score = 0;
        var run = 0;
        var inPrefix = true;
        foreach (var c in markdown)
        {
            if (c == '\n')
            {
                line++;
                score = run = 0;
                inPrefix = true;
                continue;
            }
            if (inPrefix && c is '>' or '-' or '+' or '*') score++;
            else if (!(c is ' ' or '\t' || char.IsAsciiDigit(c) || c is '.' or ')')) inPrefix = false;
            run = c is '*' or '_' or '[' or '(' or '~' or '<' ? run + 1 : 0;
            var here = Math.Max(score, run);
            if (here > best)
            {
                best = here;
                bestLine = line;
            }
        }
        return bestLine;
    }

    private static StringWriter RentWriter()
    {
        var writer = t_writer ?? new StringWriter();
        t_writer = null;
        writer.GetStringBuilder().Clear();
        return writer;
    }

    private static void ReturnWriter(StringWriter writer)
    {
        if (writer.GetStringBuilder().Capacity <= MaxKeptWriterChars) t_writer = writer;
    }

    /// <summary>Every block of the document in document order (depth first). Markdig's generic <c>Descendants</c> cost more
    /// than parsing on long reports, so the tree is walked directly, once.</summary>
    private static void CollectBlocks(ContainerBlock container, List<Block> blocks)
    {
        foreach (var block in container)
        {
            blocks.Add(block);
            if (block is ContainerBlock inner) CollectBlocks(inner, blocks);
        }
    }

    /// <summary>Gives every heading a stable id made of its own words (Chinese kept, punctuation dropped), unique within the page.</summary>
    private static List<TocEntry> AssignHeadingIds(List<Block> blocks)
    {
        var toc = new List<TocEntry>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            if (block is not HeadingBlock heading) continue;
            var text = InlineText(heading.Inline).Trim();
            var id = HeadingId.From(text);
            var unique = id;
            for (var n = 2; !used.Add(unique); n++) unique = $"{id}-{n}";
            heading.GetAttributes().Id = unique;
            if (heading.Level is >= 2 and <= 3) toc.Add(new TocEntry(heading.Level, unique, text));
        }
        return toc;
    }

    /// <summary>Links may only lead to http(s), mailto, tel, fragments or relative paths; anything else (javascript:, data:, vbscript:) becomes inert.</summary>
    private static void NeutraliseUnsafeLinks(List<Block> blocks)
    {
        foreach (var block in blocks)
            if (block is LeafBlock { Inline: { } inline }) NeutraliseUnsafeLinks(inline);
    }

    private static void NeutraliseUnsafeLinks(ContainerInline container)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LinkInline link when !UrlSafety.IsSafe(link.Url): link.Url = "#"; break;
                case AutolinkInline autolink when !UrlSafety.IsSafe(autolink.Url): autolink.Url = "#"; break;
            }
            if (inline is ContainerInline inner) NeutraliseUnsafeLinks(inner);
        }
    }

    /// <summary>Every link and image of a body, with its line and column (1-based, within <paramref name="markdown"/>); none for Markdown
    /// nested too deeply to render, which rendering reports.</summary>
    public static IReadOnlyList<BodyLink> Links(string markdown)
    {
        if (MarkdownLimits.Check(markdown, rawHtml: false) is not null) return [];
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, LinkPipeline);
        }
        catch (ArgumentException ex) when (ex.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            return [];
        }
        var blocks = new List<Block>();
        CollectBlocks(document, blocks);
        var links = new List<BodyLink>();
        foreach (var block in blocks)
            if (block is LeafBlock { Inline: { } inline }) CollectLinks(inline, links);
        return links;
    }

    private static void CollectLinks(ContainerInline container, List<BodyLink> links)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is LinkInline { Url: { Length: > 0 } url } link)
                links.Add(new BodyLink(url, InlineText(link).Trim(), link.Line + 1, link.Column + 1, link.IsImage));
            if (inline is ContainerInline inner) CollectLinks(inner, links);
        }
    }

    /// <summary>Points every link to an attachment at its published URL (keeping a <c>#page=3</c> or a query) and writes the file's type
    /// and size after a link (not after an image, which shows the file itself).</summary>
    private void LinkAttachments(List<Block> blocks, IReadOnlyList<Attachment> attachments)
    {
        var byUrl = new Dictionary<string, Attachment>(StringComparer.Ordinal);
        foreach (var attachment in attachments)
            foreach (var url in attachment.Links) byUrl.TryAdd(url, attachment);
        foreach (var block in blocks)
            if (block is LeafBlock { Inline: { } inline }) LinkAttachments(inline, byUrl);
    }

    private void LinkAttachments(ContainerInline container, Dictionary<string, Attachment> byUrl)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is ContainerInline inner) LinkAttachments(inner, byUrl);
            if (inline is not LinkInline { Url: { } url } link || !byUrl.TryGetValue(url, out var attachment)) continue;
            link.Url = attachment.Href + Attachment.SuffixOf(url);
            if (link.IsImage) continue;
            // The note is left out of the search text: it describes the file, not the report.
            var note = new HtmlInline($"<span class=\"attachment-info\" data-search-ignore>{WebUtility.HtmlEncode(_labels.Note(attachment))}</span>");
            link.InsertAfter(note);
            inline = note;
        }
    }

    /// <summary>Markdig writes column alignment and grid-table widths as inline <c>style</c> attributes, which a strict Content-Security-Policy
    /// (no 'unsafe-inline') blocks and reports; alignment becomes a class the theme styles, and widths are left to the browser.</summary>
    private static void MoveTableStylesToClasses(List<Block> blocks)
    {
        foreach (var table in blocks.OfType<Table>())
        {
            var columns = table.ColumnDefinitions;
            // Pipe-table cells carry no column index; like Markdig's renderer, use their position in the row.
            foreach (var (cell, position) in table.OfType<TableRow>().SelectMany(row => row.OfType<TableCell>().Select((c, i) => (c, i))))
            {
                var index = cell.ColumnIndex >= 0 ? cell.ColumnIndex : position;
                if (index >= columns.Count || columns[index].Alignment is not { } align) continue;
                cell.GetAttributes().AddClass(align switch
                {
                    TableColumnAlign.Center => "align-center",
                    TableColumnAlign.Right => "align-right",
                    _ => "align-left",
                });
            }
            foreach (var column in columns)
            {
                column.Alignment = null;
                column.Width = 0;
            }
        }
    }

    private static string Summarise(MarkdownDocument document)
    {
        var sb = new StringBuilder();
        foreach (var block in document)
        {
            if (block is not ParagraphBlock paragraph) continue;
            sb.Append(InlineText(paragraph.Inline));
            if (sb.Length >= SummaryLength) break;
        }
        var text = sb.ToString().Replace('\n', ' ').Trim();
        return text.Length <= SummaryLength ? text : text[..SummaryLength] + "…";
    }

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null) return "";
        var sb = new StringBuilder();
        AppendText(inline, sb);
        return sb.ToString();
    }

    private static void AppendText(ContainerInline container, StringBuilder sb)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            switch (child)
            {
                case LiteralInline literal: sb.Append(literal.Content.AsSpan()); break;
                case CodeInline code: sb.Append(code.Content); break;
                case LineBreakInline: sb.Append(' '); break;
                case ContainerInline inner: AppendText(inner, sb); break;
            }
        }
    }
}
