using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.Render;

namespace SiteGen.Tests.Support;

/// <summary>What the engine decides for each page of a test site, before any theme markup: the view model a layout receives
/// (<see cref="PageRenderer.View"/>) and a report's rendered body; engine tests assert these, so a theme change cannot break them.</summary>
public sealed class SiteViews
{
    private readonly Model.Site _site;
    private readonly PageRenderer _renderer;

    private SiteViews(Model.Site site, PageRenderer renderer) => (_site, _renderer) = (site, renderer);

    /// <summary>Loads a site as a build does (site.yml, theme strings, content, model) without rendering or writing anything.</summary>
    public static SiteViews Load(TestSite testSite, string? baseUrl = null)
    {
        var diagnostics = new DiagnosticBag();
        var (site, theme) = Build.SiteBuilder.LoadModel(new Build.BuildOptions { SiteDir = testSite.Root, BaseUrl = baseUrl }, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Sorted()));
        return new SiteViews(site, new PageRenderer(site, theme, new MarkdownRenderer(site.Config.AllowRawHtml, AttachmentLabels.From(theme.Strings))));
    }

    /// <summary>The view of the page at a site-relative URL path (<c>""</c> for home, <c>years/2024/</c>, <c>years/2024/page/2/</c>).</summary>
    public PageView View(string path) => _renderer.View(PageAt(path));

    /// <summary>A report page's body as the engine renders it from Markdown: its HTML, table of contents and summary.</summary>
    public RenderedBody Body(string path)
    {
        var page = PageAt(path);
        return _renderer.Render(page, _renderer.View(page)).Body!;
    }

    private Page PageAt(string path) => Assert.Single(_site.Pages, p => p.Path == path);
}

/// <summary>Shortcut from a test site to its <see cref="SiteViews"/>.</summary>
public static class SiteViewsExtensions
{
    extension(TestSite site)
    {
        /// <summary>The engine's view of each page of the site; see <see cref="SiteViews"/>.</summary>
        public SiteViews Views(string? baseUrl = null) => SiteViews.Load(site, baseUrl);
    }
}
