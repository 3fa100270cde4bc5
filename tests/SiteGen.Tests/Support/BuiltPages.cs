using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SiteGen.Tests.Support;

/// <summary>Reads built pages as a reader sees them: parsed HTML, the reports a page lists in reading order, the breadcrumb trail.</summary>
public static class BuiltPages
{
    private static readonly HtmlParser Parser = new();

    /// <summary>A crumb of a breadcrumb trail: its text, its link (null when it is not a link) and its aria-current value.</summary>
    public sealed record Crumb(string Name, string? Href, string? Current);

    extension(TestSite site)
    {
        /// <summary>An output page, parsed.</summary>
        public IDocument Page(string outputPath) => Parser.ParseDocument(site.Read(outputPath));

        /// <summary>The page a link of a site built for the domain root leads to, e.g. <c>/years/2024/</c>, parsed.</summary>
        public IDocument PageAt(string href)
        {
            Assert.StartsWith("/", href);
            return site.Page(href[1..] + (href.EndsWith('/') ? "index.html" : ""));
        }

        /// <summary>The output's HTML pages (relative paths), sorted.</summary>
        public IReadOnlyList<string> HtmlPages() =>
            site.Snapshot().Keys.Where(k => k.EndsWith(".html", StringComparison.Ordinal)).ToList();
    }

    extension(IDocument page)
    {
        /// <summary>The links listed in the page's main content, in reading order: links in list items outside navigation
        /// (such as pagination) and related-links asides.</summary>
        public IReadOnlyList<(string Text, string Href)> ListedLinks() =>
            page.QuerySelectorAll("main li a[href]").Where(a => a.Closest("nav, aside") is null)
                .Select(a => (a.TextContent.Trim(), a.GetAttribute("href")!)).ToList();

        /// <summary>The listed links (<see cref="ListedLinks"/>) that lead to report pages: a list page's reports, in order.</summary>
        public IReadOnlyList<(string Title, string Href)> ListedReportLinks() =>
            page.ListedLinks().Where(l => l.Href.StartsWith("/reports/", StringComparison.Ordinal)).ToList();

        /// <summary>Titles of the listed reports (<see cref="ListedReportLinks"/>).</summary>
        public IReadOnlyList<string> ListedReports() => page.ListedReportLinks().Select(l => l.Title).ToList();

        /// <summary>The list item of the main content that links to <paramref name="href"/>, e.g. a term with its count.</summary>
        public IElement ListItemLinkingTo(string href) =>
            Assert.Single(page.QuerySelectorAll("main li"), li => li.Children.Any(c => c.LocalName == "a" && c.GetAttribute("href") == href));

        /// <summary>The crumbs of the one navigation landmark named <paramref name="label"/>, in order.</summary>
        public IReadOnlyList<Crumb> Breadcrumb(string label)
        {
            var nav = Assert.Single(page.QuerySelectorAll("nav"), n => n.GetAttribute("aria-label") == label);
            return nav.QuerySelectorAll("li").Select(li =>
            {
                var link = li.QuerySelector("a[href]");
                var current = li.QuerySelector("[aria-current]")?.GetAttribute("aria-current");
                return new Crumb(li.TextContent.Trim(), link?.GetAttribute("href"), current);
            }).ToList();
        }
    }
}
