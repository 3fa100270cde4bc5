using System.Globalization;
using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>The year a report covers: from its title, else from the opening sentence without the documents it cites (<c>《…（2021—2025年）》</c>, <c>〔2021〕30号</c>); never from a publication date.</summary>
internal static partial class ReportYear
{
    public static int? Find(string? title, string? opening)
    {
        foreach (var text in new[] { title, opening is null ? null : Cited().Replace(FirstSentence(opening), "") })
        {
            if (text is null) continue;
            var m = YearText().Match(text);
            if (m.Success) return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        return null;
    }

    private static string FirstSentence(string text)
    {
        var end = text.IndexOfAny(['。', '！', '？']);
        return end < 0 ? text : text[..end];
    }

    [GeneratedRegex(@"(?<!\d)((19|20)\d{2})\s*年")]
    private static partial Regex YearText();

    [GeneratedRegex(@"《[^《》]*》|〔[^〔〕]*〕|[（(][^（）()]*[）)]|\[[^\[\]]*\]")]
    private static partial Regex Cited();
}
