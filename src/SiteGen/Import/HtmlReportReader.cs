using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SiteGen.Import;

/// <summary>The importer's one AngleSharp home: reads a saved web page, honouring its declared charset, keeps the report body without the site chrome, turns tables into Markdown and collects title, date, canonical URL and catalogue cells.</summary>
internal static partial class HtmlReportReader
{
    private static readonly string[] Dropped = ["script", "style", "noscript", "template", "iframe", "nav", "header", "footer", "form", "button", "select", "input", "object", "svg", "head"];

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "center", "tr", "table", "tbody", "thead", "hr", "figure", "figcaption", "address",
    };

    public static SourceDocument Read(byte[] bytes)
    {
        var decoded = TextDecoder.Decode(bytes, DeclaredCharset(bytes));
        var document = new HtmlParser().ParseDocument(HtmlDepthLimiter.Limit(decoded.Text));

        var facts = new SourceFacts
        {
            Title = Meta(document, "ArticleTitle") ?? (document.QuerySelector("h1") is { } h1 && Clean(h1.TextContent) is { Length: > 0 } heading ? heading : PageTitle(document)),
            Published = Meta(document, "PubDate") ?? Meta(document, "publishdate") ?? MetaProperty(document, "article:published_time"),
            SourceUrl = SafeUrl(document.QuerySelector("link[rel='canonical']")?.GetAttribute("href")) ?? SafeUrl(MetaProperty(document, "og:url")),
        };

        var body = document.Body;
        if (body is null) return new SourceDocument([], facts, decoded.Encoding);
        foreach (var element in body.QuerySelectorAll(string.Join(',', Dropped)).ToList()) element.Remove();

        var catalogue = new List<string>();
        // Innermost tables first: their texts do not overlap, so reading them is linear in the page's size.
        foreach (var table in body.QuerySelectorAll("table").Where(t => t.QuerySelector("table") is null && t.TextContent.Contains("索引号", StringComparison.Ordinal)).ToList())
        {
            catalogue.AddRange(CatalogueCells(table));
            table.Remove();
        }

        // Page-wide lines give the 发布时间 line that sits outside the article.
        var pageLines = Lines(body);
        facts = facts with
        {
            CatalogueLines = catalogue,
            Published = facts.Published ?? pageLines.Select(l => PublicationLine.Read(l.Text)?.Date).FirstOrDefault(d => d is not null)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        var content = MainContent(body);
        var lines = content == body ? pageLines : Lines(content);
        if (facts.Title is { } title && title.Contains("报告", StringComparison.Ordinal) && !lines.Take(5).Any(l => l.Text.Contains(title, StringComparison.Ordinal)))
            lines.Insert(0, new SourceLine(title));
        return new SourceDocument(lines, facts, decoded.Encoding);
    }

    /// <summary>The charset a page declares in its first bytes (<c>&lt;meta charset&gt;</c> or <c>http-equiv</c>), read before decoding.</summary>
    public static string? DeclaredCharset(byte[] bytes)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var m = Charset().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static string? Meta(IDocument document, string name) =>
        document.QuerySelectorAll("meta[name]").FirstOrDefault(m => string.Equals(m.GetAttribute("name"), name, StringComparison.OrdinalIgnoreCase))
            ?.GetAttribute("content")?.Trim() is { Length: > 0 } v ? v : null;

    private static string? MetaProperty(IDocument document, string property) =>
        document.QuerySelectorAll("meta[property]").FirstOrDefault(m => m.GetAttribute("property") == property)?.GetAttribute("content")?.Trim() is { Length: > 0 } v ? v : null;

    /// <summary>The &lt;title&gt; without the site name a page appends (<c>…报告_玉溪市人民政府</c>).</summary>
    private static string? PageTitle(IDocument document)
    {
        var title = document.Title?.Trim();
        if (string.IsNullOrEmpty(title)) return null;
        var cut = title.IndexOfAny(['_', '|', '－']);
        return cut > 0 ? title[..cut].Trim() : title;
    }

    private static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.AbsoluteUri : null;

    /// <summary>Label/value pairs of a catalogue table, as <c>索引号：…</c> lines.</summary>
    private static IEnumerable<string> CatalogueCells(IElement table)
    {
        foreach (var row in table.QuerySelectorAll("tr"))
        {
            var cells = row.Children.Where(c => c.LocalName is "td" or "th").Select(c => Clean(c.TextContent)).ToList();
            for (var i = 0; i < cells.Count; i++)
            {
                var cell = cells[i];
                if (cell.Length == 0) continue;
                var label = cell.TrimEnd('：', ':').Trim();
                var labelOnly = label.Length is > 0 and <= 8 && !label.Contains('：') && !label.Contains(':');
                if (labelOnly && i + 1 < cells.Count)
                {
                    yield return label + "：" + cells[i + 1];
                    i++;
                }
                else yield return cell;
            }
        }
    }

    /// <summary>The element holding the report: the one with the most paragraph text of its own; the whole body when nothing stands out.
    /// A page whose CMS left its blocks unclosed nests each paragraph inside the one before, so the report goes on up that chain: ancestors holding sentences of their own belong to it.</summary>
    private static IElement MainContent(IElement body)
    {
        IElement best = body;
        var bestScore = 0;
        foreach (var element in body.QuerySelectorAll("div, article, section, td, main"))
        {
            var score = OwnText(element, except: null).Sum(t => t.Length);
            if (ContentHint().IsMatch((element.Id ?? "") + " " + (element.ClassName ?? ""))) score = score * 5 / 4;
            if (score > bestScore)
            {
                best = element;
                bestScore = score;
            }
        }
        if (bestScore < 200) return body;
        while (best.ParentElement is { } parent && parent != body && OwnText(parent, except: best).Any(t => t.Contains('。'))) best = parent;
        return best;
    }

    /// <summary>The paragraph text an element holds itself: its text and its children that hold no blocks of their own (<paramref name="except"/> left out).</summary>
    private static IEnumerable<string> OwnText(IElement element, IElement? except)
    {
        foreach (var child in element.Children)
            if (child != except && child.LocalName is "p" or "h2" or "h3" or "h4" or "li" or "table" or "div" && !child.Children.Any(g => g.LocalName is "div" or "table" or "section"))
                yield return Clean(child.TextContent);
        foreach (var text in element.ChildNodes.OfType<IText>()) yield return Clean(text.Data);
    }

    /// <summary>The text of <paramref name="root"/> as lines: a line per block element and &lt;br&gt;, Markdown rows per data table.</summary>
    private static List<SourceLine> Lines(IElement root)
    {
        var lines = new List<SourceLine>();
        var current = new StringBuilder();
        void Flush()
        {
            var text = current.ToString();
            current.Clear();
            foreach (var part in text.Split('\n'))
                if (part.Trim().Length > 0) lines.Add(new SourceLine(part));
        }
        void Walk(INode node)
        {
            switch (node)
            {
                case IText text:
                    current.Append(Whitespace().Replace(text.Data, " "));
                    return;
                case IElement element:
                    if (element.LocalName == "br") { current.Append('\n'); return; }
                    if (element.LocalName == "table" && IsDataTable(element))
                    {
                        Flush();
                        lines.AddRange(TableRows(element).Select(r => new SourceLine(r, SourceLineKind.Verbatim)));
                        return;
                    }
                    var block = Blocks.Contains(element.LocalName) || element.LocalName is "td" or "th";
                    if (block) Flush();
                    foreach (var child in element.ChildNodes) Walk(child);
                    if (block) Flush();
                    return;
            }
        }
        Walk(root);
        Flush();
        return lines;
    }

    /// <summary>A table of data, not of layout: it has rows of several cells and no paragraphs, lists or tables inside.</summary>
    private static bool IsDataTable(IElement table) =>
        table.QuerySelector("table") is null && !table.QuerySelectorAll("p, div, ul, ol").Any(e => e.TextContent.Length > 200)
        && table.QuerySelectorAll("tr").Any(r => r.Children.Count(c => c.LocalName is "td" or "th") >= 2);

    private static List<string> TableRows(IElement table)
    {
        var rows = table.QuerySelectorAll("tr")
            .Select(r => r.Children.Where(c => c.LocalName is "td" or "th").Select(c => MarkdownReportWriter.EscapeInline(Clean(c.TextContent)).Replace("|", "\\|", StringComparison.Ordinal)).ToList())
            .Where(r => r.Count > 0).ToList();
        var width = rows.Max(r => r.Count);
        var result = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].Concat(Enumerable.Repeat("", width - rows[i].Count));
            result.Add("| " + string.Join(" | ", cells) + " |");
            if (i == 0) result.Add("|" + string.Concat(Enumerable.Repeat(" --- |", width)));
        }
        return result;
    }

    private static string Clean(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"charset\s*=\s*[""']?\s*([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Charset();

    [GeneratedRegex(@"[ \t\r\n\f]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"content|article|zoom|TRS_Editor|Custom_UnionStyle|detail|main|text|view", RegexOptions.IgnoreCase)]
    private static partial Regex ContentHint();
}
