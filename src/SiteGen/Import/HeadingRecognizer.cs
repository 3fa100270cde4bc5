using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>Recognises the GB/T 9704 heading numbering (一、 › （一） › 1. › （1）) and splits a heading that runs into its paragraph.</summary>
internal static partial class HeadingRecognizer
{
    /// <summary>Longest sub-heading kept whole when the line has no sentence end.</summary>
    private const int MaxPlainHeading = 30;

    /// <summary>Longest top-level heading: they are long (<c>三、2024年度党政主要负责人履行…的有关情况</c>), but a whole paragraph is not one.</summary>
    private const int MaxTopHeading = 90;

    /// <summary>Longest first sentence that is taken as a run-in heading (<c>(一)强化行政执法保障。红塔区…</c>).</summary>
    private const int MaxRunInHeading = 30;

    /// <summary>The index of the first top-level (<c>一、</c>) heading of <paramref name="lines"/>, a styled heading included, or the number of lines when there is none: where a page's head ends.</summary>
    public static int FirstTopHeading(IReadOnlyList<SourceLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
            if (lines[i].Kind == SourceLineKind.Heading || (lines[i].Kind == SourceLineKind.Text && Match(lines[i].Text) is { Level: 2 }))
                return i;
        return lines.Count;
    }

    public static HeadingMatch? Match(string line)
    {
        if (line.Length < 2) return null;
        var (level, markerLength) = Marker(line);
        if (level == 0) return null;
        var rest = line[markerLength..];
        var restStart = markerLength + (rest.Length - rest.TrimStart().Length);
        rest = rest.Trim();
        if (rest.Length == 0) return null;

        var end = SentenceEnd().Match(rest);
        // A title never stops on a comma: such a line is the first part of a paragraph broken mid-sentence.
        if (!end.Success && "，,、；;".Contains(rest[^1])) return null;
        if (!end.Success && rest.Length <= (level == 2 ? MaxTopHeading : MaxPlainHeading))
            return new HeadingMatch(level, line.TrimEnd(), "");
        if (!end.Success) return null;
        var head = rest[..end.Index].TrimEnd();
        var maxHead = level == 2 ? MaxPlainHeading : MaxRunInHeading;
        if (head.Length < 2 || head.Length > maxHead) return null;
        return new HeadingMatch(level, line[..restStart] + head, rest[(end.Index + 1)..].Trim());
    }

    /// <summary>The level (2–5) and length of the numbering at the start of <paramref name="line"/>, or level 0.</summary>
    private static (int Level, int Length) Marker(string line)
    {
        Match m;
        if ((m = TopMarker().Match(line)).Success) return (2, m.Length);
        if ((m = SectionMarker().Match(line)).Success) return (3, m.Length);
        if ((m = ItemMarker().Match(line)).Success) return (4, m.Length);
        if ((m = SubItemMarker().Match(line)).Success) return (5, m.Length);
        return (0, 0);
    }

    [GeneratedRegex(@"^[一二三四五六七八九十]{1,3}、")]
    private static partial Regex TopMarker();

    [GeneratedRegex(@"^[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]")]
    private static partial Regex SectionMarker();

    // `2023年…` and `1.5亿…` are not numbered: the number is at most two digits and no digit follows the separator.
    [GeneratedRegex(@"^\d{1,2}\s*[.．、](?!\s*\d)")]
    private static partial Regex ItemMarker();

    [GeneratedRegex(@"^[（(]\s*\d{1,2}\s*[）)]")]
    private static partial Regex SubItemMarker();

    [GeneratedRegex(@"[。！？!?]")]
    private static partial Regex SentenceEnd();
}
