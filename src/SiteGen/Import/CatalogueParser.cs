using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>Finds catalogue lines (<c>索引号：… 发布日期：…</c>), reads their fields and takes them out of the body.</summary>
internal static partial class CatalogueParser
{
    /// <summary>Reads catalogue fields from <paramref name="lines"/> (and from cells a reader found elsewhere); returns the lines that are not catalogue lines.</summary>
    public static (CatalogueFields Fields, List<SourceLine> Body) Extract(IReadOnlyList<SourceLine> lines, IReadOnlyList<string> extra)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cell in extra) Read(cell, values);
        var rest = new List<SourceLine>(lines.Count);
        foreach (var line in lines)
        {
            if (line.Kind == SourceLineKind.Text && LineStart().IsMatch(line.Text)) Read(line.Text, values);
            else rest.Add(line);
        }

        string? Get(string key) => values.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        var fields = new CatalogueFields
        {
            IndexNo = Get("索引号"),
            DocNo = Get("发文字号") ?? Get("文号"),
            Topic = Get("主题分类"),
            Publisher = Get("发布机构") ?? Get("发文机关"),
            Published = Get("发布日期") is { } p ? DateText.Find(p) : null,
            Written = Get("成文日期") is { } w ? DateText.Find(w) : null,
            Title = Get("名称") ?? Get("标题"),
        };
        return (fields, rest);
    }

    private static void Read(string text, Dictionary<string, string> values)
    {
        foreach (Match m in Pair().Matches(text))
        {
            var label = Whitespace().Replace(m.Groups["label"].Value, "");
            var value = m.Groups["value"].Value.Trim();
            if (value is "无" or "-" or "—") value = "";
            values.TryAdd(label, value);
        }
    }

    private const string Labels = @"索\s*引\s*号|发\s*文\s*字\s*号|文\s*号|主\s*题\s*分\s*类|体\s*裁\s*分\s*类|发\s*布\s*机\s*构|发\s*文\s*机\s*关|发\s*布\s*日\s*期|成\s*文\s*日\s*期|有\s*效\s*性|公\s*开\s*方\s*式|生\s*效\s*日\s*期|废\s*止\s*日\s*期|名\s*称|标\s*题";

    // A catalogue line starts with one of the catalogue's own labels; 名称/标题 alone would also match ordinary sentences.
    [GeneratedRegex(@"^(索\s*引\s*号|发\s*文\s*字\s*号|主\s*题\s*分\s*类|体\s*裁\s*分\s*类|发\s*布\s*机\s*构|成\s*文\s*日\s*期|有\s*效\s*性)\s*[:：]")]
    private static partial Regex LineStart();

    [GeneratedRegex(@"(?<label>" + Labels + @")\s*[:：]\s*(?<value>.*?)(?=\s*(?:" + Labels + @")\s*[:：]|$)")]
    private static partial Regex Pair();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
