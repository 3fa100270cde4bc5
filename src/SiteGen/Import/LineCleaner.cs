using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>Removes what a scraped page adds around a report: Word artefacts, navigation, headers, footers, 附件 tails and a second copy of the body.</summary>
internal static partial class LineCleaner
{
    /// <summary>Strips Word bookmarks, invisible characters, surrounding white space (full-width included) and a list bullet (<c>• </c>) from a text line.</summary>
    public static string Normalize(string line)
    {
        var s = Bookmark().Replace(line, "");
        s = s.Replace("\uFEFF", "", StringComparison.Ordinal).Replace('\u00A0', ' ');
        s = Invisible().Replace(s, "");
        return Bullet().Replace(s.Trim(), "");
    }

    /// <summary>True for a line that belongs to the web page, not to the report.</summary>
    public static bool IsChrome(string line)
    {
        if (line.Length == 0) return false;
        if (PageFurniture().IsMatch(line)) return true;
        if (line.Length <= 120 && PageCounters().IsMatch(line)) return true;
        if (line.Length <= 100 && Source().IsMatch(line)) return true;
        if (line.Length <= 30 && NavigationWord().IsMatch(line)) return true;
        if (line.Length <= 60 && Weather().IsMatch(line) && !line.Contains('。')) return true;
        if (line.Length <= 80 && IsToolbar(line)) return true;
        if (line.Length <= 20 && line.StartsWith("扫一扫", StringComparison.Ordinal) && !SentencePunctuation().IsMatch(line)) return true;
        if (line.Length <= 100 && Breadcrumb().Count(line) >= 2 && !SentencePunctuation().IsMatch(line)) return true;
        return AttachmentMarker().IsMatch(line);
    }

    /// <summary>A bar of site links and switches (<c>无障碍 简体 | 繁体</c>, <c>中国政府网 | 注册 | 我要留言</c>, <c>长者模式</c>): every part is a toolbar word or a site's name.</summary>
    private static bool IsToolbar(string line)
    {
        var parts = ToolbarSeparator().Split(line).Where(p => p.Length > 0).ToList();
        return parts.Count > 0 && parts.All(p => ToolbarWord().IsMatch(p));
    }

    /// <summary>Cleans the lines of a report: normalises them, cuts a repeated second copy of the body, drops page chrome, blank lines and a trailing navigation footer.</summary>
    public static List<SourceLine> Clean(IReadOnlyList<SourceLine> lines)
    {
        var normal = lines.Select(l => l.Kind == SourceLineKind.Verbatim ? l with { Text = l.Text.Trim() } : l with { Text = Normalize(l.Text) }).ToList();
        normal = WithoutRepeatedLines(CutDuplicateBody(normal).Where(l => l.Text.Length > 0));
        var chrome = normal.Select(l => l.Kind == SourceLineKind.Text && IsChrome(l.Text)).ToArray();

        // A footer is a run of link words and chrome (首页 / 走进红塔 / 政务服务 / …公网安备); one short last line alone is more likely the report's.
        var run = 0;
        var nav = new List<int>();
        for (var i = normal.Count - 1; i >= 0 && (chrome[i] || IsFooterNavigation(normal[i])); i--, run++)
            if (!chrome[i]) nav.Add(i);
        var footer = run >= 2 ? nav.ToHashSet() : [];
        return normal.Where((l, i) => !chrome[i] && !footer.Contains(i)).ToList();
    }

    /// <summary>Drops a complete line (a heading, a title, a sentence) that repeats the line just above it: a copy artefact (<c>一、…</c> twice in a row). Repeated fragments of a broken sentence are text.</summary>
    private static List<SourceLine> WithoutRepeatedLines(IEnumerable<SourceLine> lines)
    {
        var kept = new List<SourceLine>();
        foreach (var line in lines)
        {
            if (kept.Count > 0 && line.Kind == SourceLineKind.Text && kept[^1].Kind == SourceLineKind.Text && line.Text == kept[^1].Text && IsComplete(line.Text)) continue;
            kept.Add(line);
        }
        return kept;
    }

    private static bool IsComplete(string line) =>
        line.Length >= 6 && (HeadingRecognizer.Match(line) is not null || BlockBuilder.EndsSentence(line) || TitleFinder.Score(line) >= 4);

    /// <summary>Some pages repeat the whole body (often after <c>附件:</c> lines); the repeat starts where the first top-level heading occurs a second time, preceded by the same introduction.</summary>
    private static List<SourceLine> CutDuplicateBody(List<SourceLine> lines)
    {
        var first = lines.FindIndex(l => l.Kind == SourceLineKind.Text && HeadingRecognizer.Match(l.Text) is { Level: 2 });
        if (first < 0) return lines;
        var again = lines.FindIndex(first + 1, l => l.Kind == SourceLineKind.Text && l.Text == lines[first].Text);
        // A table of contents also repeats the heading, but what follows it differs: only a repeated body is cut.
        if (again < 0 || !SameContinuation(lines, first, again)) return lines;

        // Walk back over the repeated introduction, skipping blank lines on both sides.
        var start = again;
        var k = first - 1;
        var j = again - 1;
        while (true)
        {
            while (j > first && lines[j].Text.Length == 0) j--;
            while (k >= 0 && lines[k].Text.Length == 0) k--;
            if (k < 0 || j <= first || lines[j].Text != lines[k].Text) break;
            start = j;
            j--;
            k--;
        }
        while (start - 1 > first && (lines[start - 1].Text.Length == 0 || AttachmentMarker().IsMatch(lines[start - 1].Text))) start--;
        return lines.GetRange(0, start);
    }

    private static bool SameContinuation(List<SourceLine> lines, int a, int b)
    {
        var after = (int start) => lines.Skip(start + 1).Where(l => l.Text.Length > 0).Take(3).Select(l => l.Text).ToList();
        var (x, y) = (after(a), after(b));
        return x.Count > 0 && x.SequenceEqual(y);
    }

    private static bool IsFooterNavigation(SourceLine line)
    {
        if (line.Kind != SourceLineKind.Text) return false;
        var t = line.Text;
        if (t.Length > 12 || SentencePunctuation().IsMatch(t) || t.Any(char.IsAsciiDigit)) return false;
        if (HeadingRecognizer.Match(t) is not null || DateText.Parse(t) is not null || ClosingFormula().IsMatch(t)) return false;
        return !AgencyName.LooksLikeAgency(t);
    }

    [GeneratedRegex(@"\[bookmark:[^\]]*\]", RegexOptions.IgnoreCase)]
    private static partial Regex Bookmark();

    [GeneratedRegex("[\u200B-\u200D\u2060]")]
    private static partial Regex Invisible();

    [GeneratedRegex(@"^[•·●◆■▪►]\s*")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"[\s|｜/·]+")]
    private static partial Regex ToolbarSeparator();

    [GeneratedRegex(@"^(本网站支持IPv6|IPv6|无障碍(浏览|阅读|服务)?|简体(中文|版)?|繁[体體](中文|版)?|长者模式|关怀(模式|版)|适老(化|版)|English|手机版|移动版|登录|注册|我要留言|网站地图|RSS|搜索|站内搜索|高级搜索|请输入关键[字词]|打印(整页|内容|本页|此页|页面)?|分享(到)?|收藏|关闭(窗口|页面|本页)?|返回(首页|顶部)?|[\u4e00-\u9fff]{2,16}(网|网站|门户))$", RegexOptions.IgnoreCase)]
    private static partial Regex ToolbarWord();

    [GeneratedRegex("[>＞»›]")]
    private static partial Regex Breadcrumb();

    [GeneratedRegex(@"【\s*(字体|字号|打印|关闭|收藏)|\[\s*(打印|关闭)(页面|窗口|本页)?\s*\]|打印本页|关闭窗口|公网安备|ICP\s*备|ICP证|网站标识码|主办单位\s*[:：]|承办单位\s*[:：]|技术支持\s*[:：]|版权所有|Copyright|^(您的|您当前的?|您现在的?|您所在的?|当前|所在)位置|^首页\s*[>＞»/]|^字\s*[体号]\s*([:：]|$)|^分享(到)?\s*[:：]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageFurniture();

    [GeneratedRegex(@"(发布时间|发布日期|更新时间|阅读人次|阅读次数|浏览次数|访问次数|点击数|点击量|浏览量)\s*[:：]")]
    private static partial Regex PageCounters();

    [GeneratedRegex(@"^(来源|信息来源|文章来源|作者|编辑|责任编辑|供稿)\s*[:：]")]
    private static partial Regex Source();

    // Whole navigation words only: `关闭违规企业3家` is report text.
    // 走进清镇 (“about the county”) is a menu item, though it ends like a town's name.
    [GeneratedRegex(@"^(首页|查看详情|相关推荐|相关链接|相关文章|扫一扫|返回顶部|发送至邮箱|收藏|打印|关闭|最近搜索|热门搜索)\s*[》>»]?$|^(分享到|上一篇|下一篇)\s*[:：]|^走进[\u4e00-\u9fff]{2,8}$")]
    private static partial Regex NavigationWord();

    // A weather or date bar (`今天是2025年1月28日 星期二 晴 8℃`); `每星期一例会` is report text.
    [GeneratedRegex(@"℃|天气\s*[:：]|今天是.*星期[一二三四五六日天]|\d{4}年\d{1,2}月\d{1,2}日\s*星期[一二三四五六日天]")]
    private static partial Regex Weather();

    [GeneratedRegex("特此|报告")]
    private static partial Regex ClosingFormula();

    [GeneratedRegex(@"^附件\s*[:：]?\s*$")]
    private static partial Regex AttachmentMarker();

    [GeneratedRegex(@"[，。；：、,;:！？!?]")]
    private static partial Regex SentencePunctuation();
}
