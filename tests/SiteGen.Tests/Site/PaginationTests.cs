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
        Assert.Contains("测试县第5局", first);
        Assert.Contains("测试县第4局", first);
        Assert.DoesNotContain("测试县第3局", first);
        Assert.Contains("测试县第3局", second);
        Assert.Contains("测试县第1局", third);
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

        // Then the agencies index has two pages
        Assert.True(site.Exists("agencies/index.html"));
        Assert.True(site.Exists("agencies/page/2/index.html"));
        Assert.Contains("rel=\"next\"", site.Read("agencies/index.html"));
    }
}
