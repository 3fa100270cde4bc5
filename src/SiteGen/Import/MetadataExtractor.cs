using System.Globalization;
using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>Reads a report's metadata from its text: the title (also split over two lines), the agency, the year covered and the page's publication date.</summary>
internal static partial class MetadataExtractor
{
    /// <summary>True for a line that names an agency: short, no punctuation or digits, ending like 局, 委员会, 政府, 办公室.</summary>
    public static bool LooksLikeAgency(string line) =>
        line.Length is >= 4 and <= 40 && !Punctuation().IsMatch(line) && !line.Any(char.IsAsciiDigit) && AgencySuffix().IsMatch(line);

    /// <summary>Finds the title in the lines above the body; every line up to the body (title, repeated title, header words) is consumed.</summary>
    public static TitleMatch FindTitle(IReadOnlyList<SourceLine> lines, string? pageTitle)
    {
        var bodyStart = 0;
        while (bodyStart < lines.Count && IsHeaderLine(lines[bodyStart])) bodyStart++;
        var header = lines.Take(bodyStart).Select(l => l.Text).ToList();

        var report = header.FindIndex(l => l.Length <= 80 && TitleWord().IsMatch(l));
        if (report >= 0)
        {
            var title = header[report];
            if (report > 0 && LooksLikeAgency(header[report - 1]) && !Compact(title).Contains(Compact(header[report - 1]), StringComparison.Ordinal))
                title = header[report - 1] + title;
            title = Compact(title);
            // After the title only its repetitions and header words (内容) belong to the page; a short first line of the body does not.
            var end = report + 1;
            while (end < bodyStart && (header[end].Length <= 4 || (header[end].Length >= 4 && title.Contains(Compact(header[end]), StringComparison.Ordinal)))) end++;
            return new TitleMatch(title, end, false);
        }
        if (!string.IsNullOrWhiteSpace(pageTitle)) return new TitleMatch(Compact(pageTitle), bodyStart, false);
        // No line names a report: the first line is the best guess, and only it is taken from the text.
        return header.Count == 0 ? new TitleMatch(null, 0, false) : new TitleMatch(Compact(header[0]), 1, true);
    }

    /// <summary>A line above the body: not a heading, not a table, short and without sentence punctuation.</summary>
    private static bool IsHeaderLine(SourceLine line) =>
        line.Kind == SourceLineKind.Text && line.Text.Length <= 80 && !Punctuation().IsMatch(line.Text)
        && HeadingRecognizer.Match(line.Text) is null;

    /// <summary>Removes the spaces a copy put inside a Chinese title (<c>…建设工作 年度报告</c>, <c>2024 年</c>).</summary>
    public static string Compact(string title) => CjkSpace().Replace(title.Trim(), "");

    /// <summary>The agency named by the title: before the year (<c>××局2024年…</c>, <c>××局关于2024年度…</c>) or after it (<c>2024年××局法治政府…</c>).</summary>
    public static string? AgencyFromTitle(string title)
    {
        var m = AgencyBeforeYear().Match(title);
        var name = m.Success ? m.Groups["a"].Value
            : AgencyAfterYear().Match(title) is { Success: true } after ? after.Groups["a"].Value
            : AgencyWithoutYear().Match(title) is { Success: true } plain ? plain.Groups["a"].Value
            : null;
        if (name is null) return null;
        name = name.Trim();
        if (name.EndsWith("关于", StringComparison.Ordinal)) name = name[..^2];
        return name.Length >= 2 ? name : null;
    }

    /// <summary>Expands an abbreviated agency (<c>新田县卫健系统</c>) to the full name the body uses (<c>新田县卫生健康局</c>); null when the body gives none.</summary>
    public static string? ExpandAgency(string agency, string body)
    {
        var stem = agency.EndsWith("系统", StringComparison.Ordinal) ? agency[..^2] : agency;
        foreach (var (shortForm, full) in Abbreviations)
        {
            var at = stem.IndexOf(shortForm, StringComparison.Ordinal);
            if (at < 0) continue;
            var found = MostFrequent(body, Regex.Escape(stem[..at] + full) + "(委员会|局|委)");
            if (found is not null) return found;
        }
        return stem != agency && stem.Length >= 2 ? MostFrequent(body, Regex.Escape(stem) + "(委员会|局)") : null;
    }

    private static readonly (string Short, string Full)[] Abbreviations =
    [
        ("卫健", "卫生健康"), ("卫计", "卫生和计划生育"), ("市监", "市场监督管理"), ("人社", "人力资源和社会保障"),
        ("住建", "住房和城乡建设"), ("生态环境", "生态环境"), ("应急", "应急管理"), ("交通", "交通运输"),
    ];

    private static string? MostFrequent(string text, string pattern) =>
        Regex.Matches(text, pattern).GroupBy(m => m.Value).OrderByDescending(g => g.Count()).ThenBy(g => g.First().Index)
            .Select(g => g.Key).FirstOrDefault();

    /// <summary>The year a report covers, from its title or else the opening sentence; never from a publication date.</summary>
    public static int? Year(string? title, string? opening)
    {
        foreach (var text in new[] { title, opening })
        {
            if (text is null) continue;
            var m = YearText().Match(text);
            if (m.Success) return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        return null;
    }

    /// <summary>The date of a page header line (<c>发布时间:2025-01-28 来源: 本网</c>), or null.</summary>
    public static DateOnly? HeaderDate(string line)
    {
        var m = PublishedLabel().Match(line);
        return m.Success ? DateText.Find(line[(m.Index + m.Length)..]) : null;
    }

    [GeneratedRegex("[，。；：、,;:！？!?]")]
    private static partial Regex Punctuation();

    [GeneratedRegex("(局|委员会|委|人民政府|政府|办公室|办|中心|院|所|厅|署|站|队|处|馆|系统)$")]
    private static partial Regex AgencySuffix();

    [GeneratedRegex("报告|总结|情况|述法")]
    private static partial Regex TitleWord();

    [GeneratedRegex(@"\s+(?=[\u4e00-\u9fff（）《》“”、])|(?<=[\u4e00-\u9fff（）《》“”、])\s+")]
    private static partial Regex CjkSpace();

    [GeneratedRegex(@"^(?<a>.+?)(关于)?(19|20)\d{2}\s*年")]
    private static partial Regex AgencyBeforeYear();

    [GeneratedRegex(@"^(19|20)\d{2}\s*年度?(?<a>.+?)(关于|法治政府|法治建设|依法行政|法治|年度|工作)")]
    private static partial Regex AgencyAfterYear();

    // A title without a year: the agency ends with its kind of body and is followed by the subject (××局法治政府建设工作报告).
    [GeneratedRegex(@"^(?<a>.{2,30}?(局|委员会|人民政府|办公室|厅|委))(关于|法治|依法)")]
    private static partial Regex AgencyWithoutYear();

    [GeneratedRegex(@"(?<!\d)((19|20)\d{2})\s*年")]
    private static partial Regex YearText();

    [GeneratedRegex(@"(发布时间|发布日期|发文日期)\s*[:：]")]
    private static partial Regex PublishedLabel();
}
