using System.Globalization;
using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>Reads the dates reports and pages write: <c>2025-01-28</c>, <c>2025/1/28</c>, <c>2025年1月28日</c>, <c>二〇二五年一月二十八日</c>.</summary>
internal static partial class DateText
{
    /// <summary>The first valid date in <paramref name="text"/>, or null.</summary>
    public static DateOnly? Find(string text)
    {
        foreach (Match m in Numeric().Matches(text))
        {
            var date = Make(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture),
                int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture));
            if (date is not null) return date;
        }
        foreach (Match m in Chinese().Matches(text))
        {
            var date = Make(ChineseYear(m.Groups["y"].Value), ChineseNumber(m.Groups["m"].Value), ChineseNumber(m.Groups["d"].Value));
            if (date is not null) return date;
        }
        return null;
    }

    /// <summary>The date when the whole line is a date (a sign-off line), or null.</summary>
    public static DateOnly? Parse(string line)
    {
        var t = line.Trim();
        return WholeNumeric().IsMatch(t) || WholeChinese().IsMatch(t) ? Find(t) : null;
    }

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1949 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static int ChineseYear(string digits)
    {
        var n = 0;
        foreach (var c in digits) n = n * 10 + Digit(c);
        return n;
    }

    private static int ChineseNumber(string text)
    {
        if (text.Length == 0) return 0;
        var ten = text.IndexOf('十');
        if (ten < 0) return Digit(text[0]);
        var tens = ten == 0 ? 1 : Digit(text[0]);
        var ones = ten == text.Length - 1 ? 0 : Digit(text[^1]);
        return tens * 10 + ones;
    }

    private static int Digit(char c) => "〇一二三四五六七八九".IndexOf(c) is var i and >= 0 ? i : c == '零' || c == 'О' || c == 'O' ? 0 : -100;

    [GeneratedRegex(@"(?<!\d)(?<y>(19|20)\d{2})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})(?!\d)")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"(?<y>[〇零一二三四五六七八九OО]{4})\s*年\s*(?<m>十[一二]?|[一二三四五六七八九])\s*月\s*(?<d>三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])\s*日")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"^(19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?$")]
    private static partial Regex WholeNumeric();

    [GeneratedRegex(@"^[〇零一二三四五六七八九OО]{4}\s*年\s*[一二三四五六七八九十]{1,2}\s*月\s*[一二三四五六七八九十]{1,3}\s*日$")]
    private static partial Regex WholeChinese();
}
