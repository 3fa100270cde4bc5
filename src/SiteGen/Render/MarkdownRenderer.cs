using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Html;

namespace SiteGen.Render;

/// <summary>A heading of the report body, for the table of contents.</summary>
public sealed record TocEntry(int Level, string Id, string Text);

/// <summary>A report body rendered to HTML, with its table of contents and a plain-text summary for lists and feeds.</summary>
public sealed record RenderedBody(string Html, IReadOnlyList<TocEntry> Toc, string Summary);

/// <summary>The one home of Markdig: turns report Markdown into safe HTML with readable Chinese heading ids; one pipeline per build.</summary>
public sealed class MarkdownRenderer
{
    private const int SummaryLength = 160;

    // Larger buffers are not kept between pages, so one outsized report does not pin its memory for the rest of the build.
    private const int MaxKeptWriterChars = 1 << 20;

    // One HTML buffer per rendering thread: a report's HTML is written into an already grown buffer instead of a fresh one.
    [ThreadStatic] private static StringWriter? t_writer;
    private readonly MarkdownPipeline _pipeline;
    private readonly bool _allowRawHtml;

    public MarkdownRenderer(bool allowRawHtml)
    {
        _allowRawHtml = allowRawHtml;
        var builder = new MarkdownPipelineBuilder().UsePipeTables().UseGridTables().UseFootnotes();
        if (!allowRawHtml) builder.DisableHtml();
        _pipeline = builder.Build();
    }

    public RenderedBody Render(string markdown)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        var blocks = new List<Block>();
        CollectBlocks(document, blocks);
        var toc = AssignHeadingIds(blocks);
        NeutraliseUnsafeLinks(blocks);

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
