using System.Text.RegularExpressions;

namespace SiteGen.Check;

/// <summary>Recognises the five required items of an annual rule-of-law report among a body's top-level headings, by keywords (wording and order vary between agencies).</summary>
public static partial class RequiredSections
{
    /// <summary>One required item: its number, its name in the regulation, and words that headings use for it.</summary>
    public sealed record Section(int Number, string Name, IReadOnlyList<string> Keywords);

    /// <summary>The five items of 《法治政府建设与责任落实督察工作规定》 art. 24; item 1 has no keyword list of its own (see <see cref="Missing"/>).</summary>
    public static readonly IReadOnlyList<Section> All =
    [
        new(1, "主要举措和成效", ["举措", "成效", "做法", "主要工作", "工作开展", "开展情况", "工作情况", "主要成绩"]),
        new(2, "存在的不足和原因", ["不足", "问题", "短板", "差距", "困难"]),
        new(3, "党政主要负责人履行推进法治建设第一责任人职责情况", ["第一责任人", "主要负责人", "主要领导", "述法"]),
        new(4, "下一年度主要安排", ["安排", "计划", "思路", "打算", "下一步", "下一年", "明年", "工作要点", "展望"]),
        new(5, "其他需要报告的情况", ["其他", "其它"]),
    ];

    /// <summary>The required items a Markdown body lacks. A top-level heading that names none of items 2–5 counts as item 1, since agencies title their work by its themes.</summary>
    public static IReadOnlyList<Section> Missing(string markdownBody)
    {
        var headings = TopLevelHeadings(markdownBody);
        var found = new HashSet<int>();
        foreach (var heading in headings)
        {
            var matched = All.Where(s => s.Number > 1 && s.Keywords.Any(k => heading.Contains(k, StringComparison.Ordinal))).ToList();
            foreach (var s in matched) found.Add(s.Number);
            if (matched.Count == 0) found.Add(1);
        }
        return All.Where(s => !found.Contains(s.Number)).ToList();
    }

    /// <summary>Headings of the shallowest level used in the body; plain <c>一、…</c> lines when the body has no Markdown headings.</summary>
    public static IReadOnlyList<string> TopLevelHeadings(string markdownBody)
    {
        var atx = new List<(int Level, string Text)>();
        var plain = new List<string>();
        var inFence = false;
        foreach (var raw in markdownBody.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (FencePattern().IsMatch(line))
            {
                inFence = !inFence;
                continue;
            }
            if (inFence) continue;
            var m = AtxPattern().Match(line);
            if (m.Success)
            {
                atx.Add((m.Groups[1].Length, m.Groups[2].Value.Trim().Trim('*').Trim()));
                continue;
            }
            var p = PlainPattern().Match(line);
            if (p.Success) plain.Add(p.Groups[1].Value);
        }
        if (atx.Count == 0) return plain;
        var levels = atx.Select(h => h.Level).Distinct().Order().ToList();
        // A single `#` heading above all others is the report's own title, not one of its sections.
        var top = levels.Count > 1 && levels[0] == 1 && atx.Count(h => h.Level == 1) == 1 ? levels[1] : levels[0];
        return atx.Where(h => h.Level == top).Select(h => h.Text).ToList();
    }

    [GeneratedRegex(@"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")]
    private static partial Regex AtxPattern();

    [GeneratedRegex(@"^ {0,3}(```|~~~)")]
    private static partial Regex FencePattern();

    [GeneratedRegex(@"^\s*(?:\*\*)?([一二三四五六七八九十]+[、．.].*)$")]
    private static partial Regex PlainPattern();
}
