using SiteGen.Reports;
using SiteGen.Views;

namespace SiteGen.Tests.Views;

/// <summary>How a compare page sums up a report's text on an item: its first sentence and its outline.</summary>
public sealed class SideBySideTests
{
    [Fact]
    public void An_item_in_brief_is_its_first_sentence_and_its_sub_headings_of_the_highest_level_it_uses()
    {
        // Given an item whose text opens with a paragraph, has sub-headings on two levels, and a code block with a heading-like line
        var body = SiteGen.Reports.RequiredSections.Split(
            "## 一、主要举措和成效\n\n全年**查处**违法行为81起。另开展培训5次。\n\n### （一）强化执法\n\n#### 1. 规范程序\n\n正文。\n\n"
            + "```\n### 不是标题\n```\n\n### （二）优化服务\n\n正文。\n");

        // When it is summed up
        var brief = SideBySide.Brief(body.SectionsOf(1), maxOutline: 12, maxExcerpt: 120);

        // Then the excerpt is the first sentence as plain text, and the outline the level-3 headings outside the code block
        Assert.Equal("全年查处违法行为81起。", brief.Excerpt);
        Assert.Equal(["（一）强化执法", "（二）优化服务"], brief.Outline);
        Assert.Equal(2, brief.OutlineCount);
    }

    [Fact]
    public void A_long_first_sentence_and_a_long_outline_are_cut_and_what_is_left_out_is_counted()
    {
        // Given an item whose first sentence is 200 characters long (its 119th a character beyond the BMP) and which has 20 sub-headings
        var sentence = new string('法', 118) + "𠀀" + new string('治', 80) + "。";
        var body = SiteGen.Reports.RequiredSections.Split("## 一、主要举措和成效\n\n" + sentence + "\n\n"
            + string.Concat(Enumerable.Range(1, 20).Select(i => $"### 小标题{i}\n\n正文。\n\n")));

        // When it is summed up with at most 120 characters and 12 sub-headings
        var brief = SideBySide.Brief(body.SectionsOf(1), maxOutline: 12, maxExcerpt: 120);

        // Then the excerpt stops before the character it cannot hold whole, with an ellipsis, and the outline keeps the first 12 of 20
        Assert.Equal(new string('法', 118) + "…", brief.Excerpt);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"小标题{i}"), brief.Outline);
        Assert.Equal(20, brief.OutlineCount);
    }
}
