using System.Text.RegularExpressions;

namespace SiteGen.Reports;

/// <summary>One required item of an annual rule-of-law report: its number, its name in the regulation, and words that headings use for it.</summary>
public sealed record RequiredItem(int Number, string Name, IReadOnlyList<string> Keywords);

/// <summary>A top-level section of a report body: its heading text, the body line it starts on, its Markdown (heading line
/// included, up to the next top-level heading) and the numbers of the required items it covers.</summary>
public sealed record ReportSection(string Heading, int Line, string Markdown, IReadOnlyList<int> Items)
{
    /// <summary>The section's Markdown without its heading line.</summary>
    public string Body => BodySpan.ToString();

    /// <summary><see cref="Body"/> without a copy.</summary>
    public ReadOnlySpan<char> BodySpan
    {
        get
        {
            var end = Markdown.IndexOf('\n');
            return end < 0 ? default : Markdown.AsSpan(end + 1);
        }
    }
}

/// <summary>A report body split at its top-level headings: the text before the first of them, and the sections.</summary>
public sealed record SectionedBody(string Preamble, IReadOnlyList<ReportSection> Sections)
{
    /// <summary>The sections that cover item <paramref name="number"/>, in body order; empty when the report lacks the item.</summary>
    public IReadOnlyList<ReportSection> SectionsOf(int number) => Sections.Where(s => s.Items.Contains(number)).ToList();

    public bool Has(int number) => Sections.Any(s => s.Items.Contains(number));

    /// <summary>The required items no top-level section covers.</summary>
    public IReadOnlyList<RequiredItem> Missing => RequiredSections.All.Where(i => !Has(i.Number)).ToList();
}

/// <summary>Recognises the five required items of an annual rule-of-law report among a body's top-level headings, by keywords
/// (wording and order vary between agencies), and splits the body into those sections; `sitegen check` and the views share it.</summary>
public static partial class RequiredSections
{
    /// <summary>The five items of 《法治政府建设与责任落实督察工作规定》 art. 24; item 1 has no keyword list of its own (see <see cref="ItemsOf"/>).</summary>
    public static readonly IReadOnlyList<RequiredItem> All =
    [
        new(1, "主要举措和成效", ["举措", "成效", "做法", "主要工作", "工作开展", "开展情况", "工作情况", "主要成绩"]),
        new(2, "存在的不足和原因", ["不足", "问题", "短板", "差距", "困难"]),
        new(3, "党政主要负责人履行推进法治建设第一责任人职责情况", ["第一责任人", "主要负责人", "主要领导", "述法"]),
        new(4, "下一年度主要安排", ["安排", "计划", "思路", "打算", "下一步", "下一年", "明年", "工作要点", "展望"]),
        new(5, "其他需要报告的情况", ["其他", "其它"]),
    ];

    /// <summary>The required items a Markdown body lacks.</summary>
    public static IReadOnlyList<RequiredItem> Missing(string markdownBody) => Split(markdownBody).Missing;

    /// <summary>The headings of the body's top-level sections, in order.</summary>
    public static IReadOnlyList<string> TopLevelHeadings(string markdownBody) => Split(markdownBody).Sections.Select(s => s.Heading).ToList();

    /// <summary>The items a top-level heading names. A heading that names none of items 2–5 counts as item 1, since agencies
    /// title their work by its themes (依法全面履行政府职能, 完善依法行政制度体系, …).</summary>
    public static IReadOnlyList<int> ItemsOf(string heading)
    {
        var matched = All.Where(s => s.Number > 1 && s.Keywords.Any(k => heading.Contains(k, StringComparison.Ordinal))).Select(s => s.Number).ToList();
        return matched.Count == 0 ? [1] : matched;
    }

    /// <summary>Splits a body at the headings of its shallowest level (plain <c>一、…</c> lines when it has no Markdown headings);
    /// headings inside code fences do not count, and a single <c>#</c> title above deeper headings stays in the preamble.</summary>
    public static SectionedBody Split(string markdownBody)
    {
        var atx = new List<Line>();
        var plain = new List<Line>();
        var inFence = false;
        var lineNumber = 0;
        for (var start = 0; start < markdownBody.Length;)
        {
            var newline = markdownBody.IndexOf('\n', start);
            var next = newline < 0 ? markdownBody.Length : newline + 1;
            lineNumber++;
            var line = markdownBody.AsSpan(start, (newline < 0 ? markdownBody.Length : newline) - start).TrimEnd('\r');
            // Most lines are paragraphs: only a line that starts (after indentation) like a fence, an ATX heading or a numbered heading reaches the patterns.
            if (MayMatter(line))
            {
                if (MarkdownLines.IsFence(line, out _))
                    inFence = !inFence;
                else if (!inFence && MarkdownLines.TryAtx(line, out var level, out var heading))
                {
                    if (!heading.IsEmpty) atx.Add(new Line(start, lineNumber, level, CleanHeading(heading.ToString())));
                }
                else if (!inFence && PlainPattern().Match(line.ToString()) is { Success: true } p)
                    plain.Add(new Line(start, lineNumber, 0, CleanHeading(p.Groups[1].Value)));
            }
            start = next;
        }

        var headings = plain;
        if (atx.Count > 0)
        {
            var levels = atx.Select(h => h.Level).Distinct().Order().ToList();
            // A single `#` heading above all others is the report's own title, not one of its sections.
            var top = levels.Count > 1 && levels[0] == 1 && atx.Count(h => h.Level == 1) == 1 ? levels[1] : levels[0];
            headings = atx.Where(h => h.Level == top).ToList();
        }

        var sections = new List<ReportSection>(headings.Count);
        for (var i = 0; i < headings.Count; i++)
        {
            var end = i + 1 < headings.Count ? headings[i + 1].Offset : markdownBody.Length;
            var h = headings[i];
            sections.Add(new ReportSection(h.Text, h.Number, markdownBody[h.Offset..end], ItemsOf(h.Text)));
        }
        var preamble = headings.Count == 0 ? markdownBody : markdownBody[..headings[0].Offset];
        return new SectionedBody(preamble, sections);
    }

    private static readonly System.Buffers.SearchValues<char> Numerals = System.Buffers.SearchValues.Create("一二三四五六七八九十");

    /// <summary>Whether a line can be a fence, an ATX heading or a numbered line: what follows its indentation (and a <c>**</c>) is
    /// <c>`</c>, <c>~</c>, <c>#</c>, or Chinese numerals followed by 、．or a full stop.</summary>
    private static bool MayMatter(ReadOnlySpan<char> line)
    {
        var rest = line.TrimStart();
        if (rest.IsEmpty) return false;
        if (rest[0] is '`' or '~' or '#') return true;
        if (rest.StartsWith("**")) rest = rest[2..];
        var numerals = rest.IndexOfAnyExcept(Numerals);
        return numerals > 0 && rest[numerals] is '、' or '．' or '.';
    }

    private static string CleanHeading(string text) => text.Trim().Trim('*').Trim();

    /// <summary>A heading candidate: where its line starts in the body, its 1-based line number, its ATX level (0 for a plain line) and its text.</summary>
    private readonly record struct Line(int Offset, int Number, int Level, string Text);

    [GeneratedRegex(@"^\s*(?:\*\*)?([一二三四五六七八九十]+[、．.].*)$")]
    private static partial Regex PlainPattern();
}
