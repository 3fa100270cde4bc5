using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>Finds a report's title and where the report starts. Candidates are the lines above the body (one line, or two when a title is split, the agency first), a line that stands alone before the first section
/// (after a cover letter), the catalogue's 标题, the page's own title and the name a cover sentence quotes (<c>现将《…报告》予以公布</c>); each is scored for what titles have — a report word at the end,
/// the series, a year, an agency — and for being repeated or confirmed by another source.</summary>
internal static partial class TitleFinder
{
    /// <summary>Lowest score of a title above the body: a report word at the end and the series or a year and an agency.</summary>
    private const int HeaderThreshold = 4;

    /// <summary>Lowest score of a title found below the first sentence: it must have everything a title has.</summary>
    private const int StandaloneThreshold = 7;

    /// <summary>How far below the first sentence a standalone title is looked for.</summary>
    private const int StandaloneWindow = 15;

    /// <summary>How many lines above the body are looked at: a title comes before this much chrome (one link per line) ends.</summary>
    private const int HeaderWindow = 200;

    public static TitleMatch Find(IReadOnlyList<SourceLine> lines, string? catalogueTitle, string? pageTitle)
    {
        var header = Math.Min(FirstBodyLine(lines, 0), HeaderWindow);
        var top = HeadingRecognizer.FirstTopHeading(lines);
        var covers = CoverNames(lines, header, top).ToList();
        var confirmed = new[] { catalogueTitle, pageTitle }.Concat(covers).Where(t => t is not null).Select(t => Clean(t!)).ToList();

        var candidates = new List<(int Start, int Count, string Text, int Score)>();
        void Add(int start, int count, string text, int threshold)
        {
            var score = Score(text);
            if (score == int.MinValue) return;
            if (confirmed.Contains(Clean(text))) score += 3;
            if (score >= threshold) candidates.Add((start, count, Clean(text), score));
        }
        for (var i = 0; i < Math.Min(top, header + StandaloneWindow); i++)
        {
            var text = lines[i].Text;
            if (lines[i].Kind != SourceLineKind.Text) continue;
            if (i < header)
            {
                Add(i, 1, text, HeaderThreshold);
                // A title split over two lines: joined only when the join is a better title than its second line (a section label above a title is not part of it).
                if (i + 1 < header && !ReportEnd().IsMatch(Clean(text)) && Score(text + lines[i + 1].Text) > Score(lines[i + 1].Text))
                    Add(i, 2, text + lines[i + 1].Text, HeaderThreshold);
            }
            else if (!StandalonePunctuation().IsMatch(text)) Add(i, 1, text, StandaloneThreshold);
        }
        // A repeated title is a title: the page printed it twice.
        var printed = candidates.GroupBy(c => c.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var best = candidates
            .Select(c => c with { Score = c.Score + (printed[c.Text] > 1 ? 1 : 0) })
            .OrderByDescending(c => c.Score).ThenBy(c => c.Start).ThenByDescending(c => c.Count)
            .FirstOrDefault();
        if (best.Text is not null) return AfterTitle(lines, best.Text, best.Start, best.Start + best.Count);

        var fallback = new[] { (catalogueTitle, TitleSource.Catalogue), (pageTitle, TitleSource.Page) }
            .FirstOrDefault(t => t.Item1 is not null && Score(t.Item1) >= HeaderThreshold);
        if (fallback.Item1 is not null) return new TitleMatch(Clean(fallback.Item1), fallback.Item2, header, header, null, []);
        var cover = covers.FirstOrDefault();
        return new TitleMatch(cover is null ? null : Clean(cover), cover is null ? TitleSource.None : TitleSource.Cover, header, header, null, []);
    }

    /// <summary>After the title come its repeats (whole or in parts), header words (<c>内容</c>), perhaps the agency on a line of its own and a date without a label; the body starts after them.</summary>
    private static TitleMatch AfterTitle(IReadOnlyList<SourceLine> lines, string title, int start, int end)
    {
        var header = FirstBodyLine(lines, end);
        string? byline = null;
        var dates = new List<string>();
        for (; end < header; end++)
        {
            var text = Compact(lines[end].Text);
            if (text.Length <= 4 || title.Contains(text, StringComparison.Ordinal) || Clean(text) == title) continue;
            if (byline is null && AgencyName.LooksLikeAgency(text)) byline = text;
            else if (DateText.Parse(text) is not null) dates.Add(text);
            else break;
        }
        return new TitleMatch(title, TitleSource.Line, start, end, byline, dates);
    }

    /// <summary>The score of <paramref name="text"/> as a title; <see cref="int.MinValue"/> for what cannot be one (a sentence, too short or too long).</summary>
    public static int Score(string text)
    {
        var t = Clean(text);
        if (t.Length is < 6 or > 80 || TitlePunctuation().IsMatch(t)) return int.MinValue;
        var score = ReportEnd().IsMatch(t) ? 3 : t.Contains("报告", StringComparison.Ordinal) ? 1 : 0;
        if (Series().IsMatch(t)) score += 2;
        if (YearText().IsMatch(t)) score++;
        if (AgencyName.FromTitle(t) is not null) score++;
        return score;
    }

    /// <summary>A title as it should be written: spaces a copy put between Chinese words closed up, a date appended after it (<c>…报告 (2024-02-26)</c>) and enclosing 《》 removed.</summary>
    public static string Clean(string title)
    {
        var t = Compact(title);
        t = TrailingDate().Replace(t, "");
        if (t.StartsWith('《') && t.EndsWith('》')) t = t[1..^1];
        return t.Trim();
    }

    /// <summary>Removes the spaces a copy put inside a Chinese title (<c>…建设工作 年度报告</c>, <c>关于 2024 年</c>).</summary>
    public static string Compact(string title) => CjkSpace().Replace(title.Trim(), "");

    /// <summary>The first line of the report's text at or after <paramref name="from"/>: a numbered heading, a sentence, an addressee (<c>区委、区政府：</c>), a table or a long line.</summary>
    public static int FirstBodyLine(IReadOnlyList<SourceLine> lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Kind != SourceLineKind.Text || line.Text.Length > 80 || BodyPunctuation().IsMatch(line.Text)
                || HeadingRecognizer.Match(line.Text) is not null || line.Text.EndsWith('：') || line.Text.EndsWith(':'))
                return i;
        }
        return lines.Count;
    }

    /// <summary>Report names the opening sentences quote or announce: <c>现将《××局2025年度法治政府建设情况报告》予以公布</c>, <c>现公布××局2023年政府信息公开工作年度报告</c>.</summary>
    private static IEnumerable<string> CoverNames(IReadOnlyList<SourceLine> lines, int from, int top)
    {
        for (var i = from; i < Math.Min(top, from + 3); i++)
        {
            if (lines[i].Kind != SourceLineKind.Text) continue;
            foreach (Match m in Quoted().Matches(lines[i].Text))
                if (ReportEnd().IsMatch(m.Groups["t"].Value) && Score(m.Groups["t"].Value) >= 5) yield return m.Groups["t"].Value;
            foreach (Match m in Announced().Matches(lines[i].Text))
                if (Score(m.Groups["t"].Value) >= 5 && AgencyName.FromTitle(Clean(m.Groups["t"].Value)) is not null) yield return m.Groups["t"].Value;
        }
    }

    [GeneratedRegex("(报告|总结|情况|年报|报告书)$")]
    private static partial Regex ReportEnd();

    [GeneratedRegex("法治政府|法治建设|依法行政|法治|政府信息公开|政务公开|信息公开")]
    private static partial Regex Series();

    [GeneratedRegex(@"(?<!\d)(19|20)\d{2}\s*年")]
    private static partial Regex YearText();

    [GeneratedRegex("[。；！？，,:：;!?]")]
    private static partial Regex TitlePunctuation();

    [GeneratedRegex("[。；！？，,;!?]")]
    private static partial Regex BodyPunctuation();

    [GeneratedRegex("[。；！？，,;!?:：]")]
    private static partial Regex StandalonePunctuation();

    [GeneratedRegex(@"\s*[（(]\s*(19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*[）)]$")]
    private static partial Regex TrailingDate();

    [GeneratedRegex(@"\s+(?=[\u4e00-\u9fff（）《》“”、])|(?<=[\u4e00-\u9fff（）《》“”、])\s+")]
    private static partial Regex CjkSpace();

    [GeneratedRegex(@"《(?<t>[^《》]{6,80}?)》")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"现(将|予以|予)(公布|公开|发布|印发|报送|呈报)?(?<t>[^，。,；;《》“”]{6,80}?报告)(予以|如下|。|，|,|；)|现(公布|公开|发布|印发|报送|呈报)(?<t>[^，。,；;《》“”]{6,80}?报告)(予以|如下|。|，|,|；)")]
    private static partial Regex Announced();
}
