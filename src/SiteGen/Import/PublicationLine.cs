using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>What a page's publication line says (<c>发布时间：2025-01-28 09:30 来源：本网 浏览量：12</c>, <c>日期:2021-01-19</c>, <c>2023-03-27 17:05 来源: …</c>): the date it was published and the source it names.</summary>
internal sealed record PublicationFacts(DateOnly? Date, string? Source);

/// <summary>Reads publication lines: a date under a publication label, a date with its clock time, a date beside the source or the page counters, or the source alone. A date bar (<c>2019年12月3日星期二</c>) and a bare date are not publication dates.</summary>
internal static partial class PublicationLine
{
    /// <summary>The facts of <paramref name="line"/> when it is a publication line, else null.</summary>
    public static PublicationFacts? Read(string line)
    {
        if (line.Length > 120 || Sentence().IsMatch(line) || Weekday().IsMatch(line)) return null;
        var source = SourceName().Match(line) is { Success: true } s ? s.Groups["s"].Value.Trim() : null;
        DateOnly? date = null;
        if (Label().Match(line) is { Success: true } label) date = DateText.Find(line[(label.Index + label.Length)..]);
        else if (WithClock().IsMatch(line) || source is not null || Counter().IsMatch(line)) date = DateText.Find(line);
        if (date is null && source is null) return null;
        // 来源 alone, or a line of only a date with the page's own labels: nothing of the report is on it.
        return new PublicationFacts(date, source is { Length: > 0 } ? source : null);
    }

    [GeneratedRegex(@"[。；！？，,;]")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"星期[一二三四五六日天]|周[一二三四五六日]")]
    private static partial Regex Weekday();

    // 发布时间, 发布日期, 时间, 日期; not 成文日期, 生效日期 or 废止日期 (catalogue fields).
    [GeneratedRegex(@"(?<!成文|生效|废止|印发)(发布时间|发布日期|发文日期|公开日期|更新时间|发表时间|时间|日期)\s*[:：]")]
    private static partial Regex Label();

    [GeneratedRegex(@"((19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)\s*(\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*时\s*\d{1,2}\s*分)")]
    private static partial Regex WithClock();

    [GeneratedRegex(@"^(?:.*?\s)?(来源|信息来源|文章来源)\s*[:：]\s*(?<s>[^\s【\[|｜]*)")]
    private static partial Regex SourceName();

    [GeneratedRegex(@"(浏览|阅读|点击|访问)(次数|人次|量|数)?\s*[:：]")]
    private static partial Regex Counter();
}
