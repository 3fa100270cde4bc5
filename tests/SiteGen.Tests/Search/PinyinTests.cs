using SiteGen.Search;

namespace SiteGen.Tests.Search;

public sealed class PinyinTests
{
    private static string Read(string text) => string.Join(' ', Pinyin.Default.Syllables(text).Select(s => s ?? "-"));

    [Theory]
    [InlineData("重庆市", "chong qing shi")]
    [InlineData("长沙市", "chang sha shi")]
    [InlineData("六安市", "lu an shi")]
    [InlineData("蚌埠市", "beng bu shi")]
    [InlineData("番禺区", "pan yu qu")]
    [InlineData("厦门市", "xia men shi")]
    [InlineData("乐亭县", "lao ting xian")]
    [InlineData("洪洞县", "hong tong xian")]
    [InlineData("单县", "shan xian")]
    [InlineData("红塔区", "hong ta qu")]
    [InlineData("吕梁市", "lv liang shi")]
    public void A_place_name_reads_as_the_place_is_called(string name, string expected)
    {
        // Given a division name, some with characters of several readings; When read; Then it reads as the place's official name
        Assert.Equal(expected, Read(name));
    }

    [Fact]
    public void Place_names_inside_an_agency_name_keep_their_reading()
    {
        // Given agency names that begin with a place read otherwise than its characters
        // When read; Then the place keeps its reading and the rest reads character by character
        Assert.Equal("chong qing shi nan an qu wei sheng jian kang wei yuan hui", Read("重庆市南岸区卫生健康委员会"));
        Assert.Equal("zhong guo ren min yin hang chang sha zhong xin zhi hang", Read("中国人民银行长沙中心支行"));
    }

    [Fact]
    public void Characters_without_pinyin_have_none_and_traditional_ones_read_as_simplified()
    {
        // Given a name with a digit, and one in traditional characters; When read
        // Then the digit has no syllable, and the traditional name reads as its simplified form
        Assert.Equal("di - ju", Read("第2局"));
        Assert.Equal("wei sheng ju", Read("衛生局"));
    }
}
