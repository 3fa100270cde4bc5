using SiteGen.Import;

namespace SiteGen.Tests.Import;

/// <summary>Which lines at the top or bottom of a PDF page are page numbers.</summary>
public sealed class PdfPageFurnitureTests
{
    [Theory]
    [InlineData("— 3 —", 3)]
    [InlineData("- 3 -", 3)]
    [InlineData("－12－", 12)]
    [InlineData("·7·", 7)]
    [InlineData("第 3 页 共 10 页", 3)]
    [InlineData("第3页，共10页", 3)]
    [InlineData("共10页 第3页", 3)]
    [InlineData("第 3 页", 3)]
    [InlineData("3/10", 3)]
    [InlineData("3 / 10", 3)]
    [InlineData("Page 3 of 10", 3)]
    [InlineData("3", 3)]
    [InlineData("5", 1)]
    public void Printed_page_numbers_are_recognised(string line, int page) => Assert.True(PdfPageFurniture.IsPageNumber(line, page));

    [Theory]
    [InlineData("2024", 3)]
    [InlineData("120", 2)]
    [InlineData("2024年", 1)]
    [InlineData("120次", 1)]
    [InlineData("1.5", 1)]
    [InlineData("第3项", 3)]
    [InlineData("一、主要举措", 1)]
    public void Report_text_that_only_looks_like_a_number_is_kept(string line, int page) => Assert.False(PdfPageFurniture.IsPageNumber(line, page));
}
