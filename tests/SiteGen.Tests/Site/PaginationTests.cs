using SiteGen.Render;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Site;

public sealed class PaginationTests
{
    [Fact]
    public void Long_term_lists_are_split_into_linked_pages()
    {
        // Given five reports of one year and two reports per page
        using var site = new TestSite().File("content/site.yml", "page_size: 2\n");
        for (var i = 1; i <= 5; i++) site.Report($"r{i}", $"测试县第{i}局", 2024, ["测试省", "测试市", "测试县"], $"2025-01-0{i}");

        // When the site is built
        site.BuildSucceeding();

        // Then the year has three pages, with the newest reports first
        Assert.True(site.Exists("years/2024/page/3/index.html"));
        Assert.False(site.Exists("years/2024/page/4/index.html"));
        var views = site.Views();
        string[] Titles(params int[] numbers) => numbers.Select(n => $"测试县第{n}局2024年法治政府建设工作情况报告").ToArray();
        string[] Listed(string path) => views.View(path).Reports!.Select(r => r.Title).ToArray();
        Assert.Equal(Titles(5, 4), Listed("years/2024/"));
        Assert.Equal(Titles(3, 2), Listed("years/2024/page/2/"));
        Assert.Equal(Titles(1), Listed("years/2024/page/3/"));
        // And each page links to the one before and after it and to every page, marking itself as the current one
        string[] all = ["/years/2024/", "/years/2024/page/2/", "/years/2024/page/3/"];
        void AssertBar(string path, int current, string? prev, string? next)
        {
            var bar = views.View(path).Page.Pagination!;
            Assert.Equal((current, 3, prev, next), (bar.Current, bar.Count, bar.PrevHref, bar.NextHref));
            Assert.Equal(all.Select((href, i) => new PageLinkView(i + 1, href, Current: i + 1 == current, Gap: false)), bar.Pages);
        }
        AssertBar("years/2024/", 1, prev: null, next: all[1]);
        AssertBar("years/2024/page/2/", 2, prev: all[0], next: all[2]);
        AssertBar("years/2024/page/3/", 3, prev: all[1], next: null);
    }

    [Fact]
    public void A_taxonomy_with_more_than_a_hundred_terms_is_paginated()
    {
        // Given 101 agencies
        using var site = new TestSite();
        for (var i = 0; i < 101; i++) site.Report($"r{i:000}", $"机构{i:000}局", 2024);

        // When the site is built
        site.BuildSucceeding();

        // Then the agencies index has two pages, a hundred agencies on the first (in name order) and the last one on the second
        static string[] Agencies(IEnumerable<int> numbers) => numbers.Select(n => $"机构{n:000}局").ToArray();
        var views = site.Views();
        string[] Listed(string path) => views.View(path).Terms!.Select(t => t.Name).ToArray();
        Assert.Equal(Agencies(Enumerable.Range(0, 100)), Listed("agencies/"));
        Assert.Equal(Agencies([100]), Listed("agencies/page/2/"));
        Assert.True(site.Exists("agencies/page/2/index.html"));
        Assert.False(site.Exists("agencies/page/3/index.html"));
        // And the first links on to the second
        Assert.Equal("/agencies/page/2/", views.View("agencies/").Page.Pagination!.NextHref);
    }
}
