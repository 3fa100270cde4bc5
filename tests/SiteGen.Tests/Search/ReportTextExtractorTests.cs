using SiteGen.Search;

namespace SiteGen.Tests.Search;

public sealed class ReportTextExtractorTests
{
    private const string Page = """
        <html><body><header data-search-ignore><a href="/">首页导航</a></header>
        <article data-search-body>
          <h1 data-search-meta="title">某局2024年法治政府建设报告</h1>
          <dl><div><dt>发布机构</dt><dd><a data-search-filter="agency">某局</a></dd></div>
          <div><dt>地区</dt><dd data-search-filter="region"><a>云南省</a> › <a>玉溪市</a></dd></div></dl>
          <nav data-search-ignore><h2 id="toc-heading">目录</h2></nav>
          <p class="tools" hidden><button>打印</button></p>
          <p>开头段落&amp;说明。</p>
          <h2 id="一主要举措">一、主要举措</h2>
          <p>加强<strong>行政</strong>执法。<br>第二行</p>
          <script>var hidden = "不应索引";</script>
        </article>
        <aside data-search-ignore><p>相关报告</p></aside></body></html>
        """;

    [Fact]
    public void Meta_and_filter_fields_are_read_from_their_attributes()
    {
        // Given a rendered report page marked with search attributes
        // When its text is extracted
        var report = ReportTextExtractor.Extract(Page);

        // Then the title and the filters come from data-search-meta and data-search-filter
        Assert.Equal("某局2024年法治政府建设报告", report.Meta["title"]);
        Assert.Equal("某局", report.Filters["agency"]);
        Assert.Equal("云南省 › 玉溪市", report.Filters["region"]);
    }

    [Fact]
    public void Body_text_skips_ignored_parts_labels_and_scripts_and_keeps_sections()
    {
        // Given the same page
        // When its text is extracted
        var report = ReportTextExtractor.Extract(Page);

        // Then body blocks exclude the header, table of contents, hidden tools, aside, dt labels and scripts, and carry their section ids
        var text = string.Join("|", report.Blocks.Select(b => $"{b.Section}:{b.Text}"));
        Assert.Equal(":开头段落&说明。|一主要举措:一、主要举措|一主要举措:加强行政执法。|一主要举措:第二行", text);
    }

    [Fact]
    public void A_page_without_a_body_marker_is_indexed_whole()
    {
        // Given a page with no data-search-body element
        const string html = "<html><body><p>全部内容</p><div data-search-ignore>忽略</div></body></html>";

        // When its text is extracted
        var report = ReportTextExtractor.Extract(html);

        // Then everything not ignored is body text
        Assert.Equal(["全部内容"], report.Blocks.Select(b => b.Text));
    }
}
