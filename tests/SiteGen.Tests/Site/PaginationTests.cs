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

        // Then the year has three pages, each linking to the others, with the newest reports first
        var first = site.Read("years/2024/index.html");
        var second = site.Read("years/2024/page/2/index.html");
        var third = site.Read("years/2024/page/3/index.html");
        Assert.False(site.Exists("years/2024/page/4/index.html"));
        string[] Titles(params int[] numbers) => numbers.Select(n => $"测试县第{n}局2024年法治政府建设工作情况报告").ToArray();
        Assert.Equal(Titles(5, 4), site.Page("years/2024/index.html").ListedReports());
        Assert.Equal(Titles(3, 2), site.Page("years/2024/page/2/index.html").ListedReports());
        Assert.Equal(Titles(1), site.Page("years/2024/page/3/index.html").ListedReports());
        Assert.Contains("<a href=\"/years/2024/page/2/\" rel=\"next\">", first);
        Assert.Contains("<a href=\"/years/2024/\" rel=\"prev\">", second);
        Assert.Contains("<a href=\"/years/2024/page/3/\" aria-current=\"page\"", third);
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
        string[] Listed(string page) => site.Page(page).ListedLinks().Select(l => l.Text).ToArray();
        Assert.Equal(Agencies(Enumerable.Range(0, 100)), Listed("agencies/index.html"));
        Assert.Equal(Agencies([100]), Listed("agencies/page/2/index.html"));
        Assert.False(site.Exists("agencies/page/3/index.html"));
        Assert.Contains("rel=\"next\"", site.Read("agencies/index.html"));
    }
}
