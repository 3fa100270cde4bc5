using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>Reads the 政府信息公开 catalogue in the shapes pages print it — <c>索引号：… 发布日期：…</c> pairs, <c>[ 索引号 ] …</c> brackets (also a bracketed label with its value on the next line),
/// <c>| 索引号 | … |</c> rows, a label alone with its value below, spaced labels (<c>标 题</c>), an index number without its label — maps its labels to the content model's catalogue fields and takes its lines out of the report.</summary>
internal static partial class CatalogueReader
{
    private enum Field
    {
        Ignored,
        IndexNo,
        DocNo,
        Topic,
        Publisher,
        Published,
        Written,
        Title,
    }

    /// <summary>The labels catalogues use, and the field each fills; <see cref="Field.Ignored"/> labels are read (so their values do not run into others) and dropped.</summary>
    private static readonly Dictionary<string, Field> Labels = new(StringComparer.Ordinal)
    {
        ["索引号"] = Field.IndexNo,
        ["发文字号"] = Field.DocNo, ["文号"] = Field.DocNo, ["发文号"] = Field.DocNo,
        ["主题分类"] = Field.Topic, ["所属主题"] = Field.Topic, ["主题"] = Field.Topic,
        ["发布机构"] = Field.Publisher, ["发文机关"] = Field.Publisher, ["发布单位"] = Field.Publisher, ["发文单位"] = Field.Publisher,
        ["发布机关"] = Field.Publisher, ["公开主体"] = Field.Publisher,
        ["发布日期"] = Field.Published, ["公开日期"] = Field.Published,
        ["成文日期"] = Field.Written, ["生成日期"] = Field.Written, ["印发日期"] = Field.Written,
        ["标题"] = Field.Title, ["名称"] = Field.Title, ["文件名称"] = Field.Title, ["信息名称"] = Field.Title,
        ["体裁分类"] = Field.Ignored, ["组配分类"] = Field.Ignored, ["信息分类"] = Field.Ignored, ["服务对象"] = Field.Ignored,
        ["有效性"] = Field.Ignored, ["公文时效"] = Field.Ignored, ["时效"] = Field.Ignored, ["效力状态"] = Field.Ignored,
        ["公开方式"] = Field.Ignored, ["公开范围"] = Field.Ignored, ["公开形式"] = Field.Ignored, ["公开时限"] = Field.Ignored,
        ["生效日期"] = Field.Ignored, ["废止日期"] = Field.Ignored, ["失效日期"] = Field.Ignored,
        ["关键词"] = Field.Ignored, ["主题词"] = Field.Ignored, ["统一编号"] = Field.Ignored, ["登记号"] = Field.Ignored,
    };

    /// <summary>Labels that open a line of <c>label：value</c> pairs anywhere; 标题/名称/主题 also start ordinary sentences, so in the body they need a second label on the line.</summary>
    private static readonly HashSet<string> Opening = Labels.Keys.Where(k => k is not ("标题" or "名称" or "主题" or "文号" or "时效")).ToHashSet(StringComparer.Ordinal);

    /// <summary>Reads catalogue fields from <paramref name="lines"/> and from cells a reader found elsewhere (<paramref name="extra"/>, as <c>label：value</c> text); returns the lines that are not catalogue lines.</summary>
    public static (CatalogueFields Fields, List<SourceLine> Body) Extract(IReadOnlyList<SourceLine> lines, IReadOnlyList<string> extra)
    {
        var values = new Dictionary<Field, string>();
        foreach (var cell in extra) ReadPairs(cell, values);
        var rest = new List<SourceLine>(lines.Count);
        // The bracket, row and label-alone shapes sit above the report: only there are they read as a catalogue.
        var head = HeadingRecognizer.FirstTopHeading(lines);
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Text;
            var next = i + 1 < lines.Count && lines[i + 1].Kind == SourceLineKind.Text ? lines[i + 1].Text : null;
            if (lines[i].Kind != SourceLineKind.Text) rest.Add(lines[i]);
            else if (IsPairLine(text, inHead: i < head)) ReadPairs(text, values);
            else if (i >= head) rest.Add(lines[i]);
            else if (ReadBrackets(text, next, values) is var used and > 0) i += used - 1;
            else if (text.Contains('|') && ReadRow(text, values)) continue;
            else if (IndexNumber().IsMatch(text) && !values.ContainsKey(Field.IndexNo)) Put(values, Field.IndexNo, text);
            else if (LabelOf(text) is { } label && next is not null && LabelOf(next) is null && Fits(Labels[label], next))
            {
                Put(values, Labels[label], next);
                i++;
            }
            else rest.Add(lines[i]);
        }

        string? Get(Field f) => values.TryGetValue(f, out var v) && v.Length > 0 ? v : null;
        var fields = new CatalogueFields
        {
            IndexNo = Get(Field.IndexNo),
            DocNo = Get(Field.DocNo),
            Topic = Get(Field.Topic),
            Publisher = Get(Field.Publisher),
            Published = Get(Field.Published) is { } p ? DateText.Find(p) : null,
            Written = Get(Field.Written) is { } w ? DateText.Find(w) : null,
            Title = Get(Field.Title) is { } t ? TitleFinder.Clean(t) : null,
        };
        return (fields, rest);
    }

    /// <summary>A line of <c>label：value</c> pairs: it starts with a catalogue label; in the body, one that only catalogues use or two labels.</summary>
    private static bool IsPairLine(string text, bool inHead)
    {
        var pairs = Pair().Matches(text);
        if (pairs.Count == 0 || pairs[0].Index != 0) return false;
        return inHead || Opening.Contains(Compact(pairs[0].Groups["label"].Value)) || pairs.Count >= 2;
    }

    private static void ReadPairs(string text, Dictionary<Field, string> values)
    {
        foreach (Match m in Pair().Matches(text))
            if (Labels.TryGetValue(Compact(m.Groups["label"].Value), out var field)) Put(values, field, m.Groups["value"].Value);
    }

    /// <summary><c>[ 索引号 ] 1234 [ 发文字号 ] …</c>; a bracketed label with nothing after it takes the next line as its value. Returns the lines used, 0 when no bracket is a label.</summary>
    private static int ReadBrackets(string text, string? next, Dictionary<Field, string> values)
    {
        var found = Bracketed().Matches(text).Select(m => (Match: m, Label: FuzzyLabel(Compact(m.Groups["label"].Value)))).ToList();
        if (found.Count == 0 || found.All(f => f.Label is null)) return 0;
        var used = 1;
        for (var k = 0; k < found.Count; k++)
        {
            var (m, label) = found[k];
            var end = k + 1 < found.Count ? found[k + 1].Match.Index : text.Length;
            var value = text[(m.Index + m.Length)..end].Trim();
            if (value.Length == 0 && k == found.Count - 1 && next is not null && !Bracketed().IsMatch(next) && label is not null && Fits(Labels[label], next))
            {
                value = next;
                used = 2;
            }
            if (label is not null) Put(values, Labels[label], value);
        }
        return used;
    }

    /// <summary><c>| 索引号 | 4/2023-00004 | 发文字号 | |</c>: cells that are labels take the next cell as their value.</summary>
    private static bool ReadRow(string text, Dictionary<Field, string> values)
    {
        var cells = text.Split('|').Select(c => c.Trim()).ToList();
        var any = false;
        for (var k = 0; k < cells.Count; k++)
        {
            if (LabelOf(cells[k]) is not { } label) continue;
            any = true;
            Put(values, Labels[label], k + 1 < cells.Count ? cells[k + 1] : "");
            k++;
        }
        return any;
    }

    /// <summary>Whether the line under a label can be its value: a date for a date, a number for a number, a short phrase that is not the report's title for the rest (a catalogue cut short is followed by the title).</summary>
    private static bool Fits(Field field, string value) => field switch
    {
        Field.Title => value.Length <= 100,
        Field.Published or Field.Written => DateText.Find(value) is not null && value.Length <= 30,
        Field.IndexNo or Field.DocNo => value.Any(char.IsAsciiDigit) && value.Length <= 60,
        _ => value.Length <= 30 && TitleFinder.Score(value) < 4,
    };

    /// <summary>The label <paramref name="cell"/> consists of (spaces and a closing colon allowed), or null.</summary>
    private static string? LabelOf(string cell)
    {
        var label = Compact(cell).TrimEnd(':', '：');
        return label.Length is > 0 and <= 6 && Labels.ContainsKey(label) ? label : null;
    }

    /// <summary>A bracketed label, also when a copy dropped one of its characters (<c>[ 索号 ]</c>, <c>[ 有性 ]</c>): the one label it is a part of.</summary>
    private static string? FuzzyLabel(string token)
    {
        if (Labels.ContainsKey(token)) return token;
        if (token.Length < 2) return null;
        var near = Labels.Keys.Where(l => l.Length == token.Length + 1 && IsSubsequence(token, l)).ToList();
        return near.Select(l => Labels[l]).Distinct().Count() == 1 ? near[0] : null;
    }

    private static bool IsSubsequence(string part, string whole)
    {
        var i = 0;
        foreach (var c in whole)
            if (i < part.Length && c == part[i]) i++;
        return i == part.Length;
    }

    private static void Put(Dictionary<Field, string> values, Field field, string raw)
    {
        if (field == Field.Ignored) return;
        var value = raw.Trim().Trim('|').Trim();
        if (value is "无" or "-" or "—" or "/" or "暂无") value = "";
        if (!values.TryGetValue(field, out var old) || old.Length == 0) values[field] = value;
    }

    private static string Compact(string label) => Whitespace().Replace(label, "");

    /// <summary>Any catalogue label, its characters possibly spaced out (<c>索 引 号</c>).</summary>
    private static readonly string AnyLabel = string.Join('|', Labels.Keys.OrderByDescending(k => k.Length).Select(k => string.Join(@"\s*", k.ToCharArray())));

    // A value runs to the next label (catalogue or publication line) or the end of the line.
    private const string Terminators = @"|发\s*布\s*时\s*间|更新时间|来\s*源|信息来源|浏览次数|阅读次数|访问量|点击数";

    private static readonly Regex PairPattern = new(@"(?<label>" + AnyLabel + @")\s*[:：]\s*(?<value>.*?)(?=\s*(?:" + AnyLabel + Terminators + @")\s*[:：]|$)", RegexOptions.Compiled);

    private static Regex Pair() => PairPattern;

    [GeneratedRegex(@"[\[【]\s*(?<label>[\u4e00-\u9fff](\s*[\u4e00-\u9fff]){1,5})\s*[\]】]")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // A catalogue that lost its labels still shows the index number by its shape: an organisation code, the year and a serial (11500226MB1511945B/2021-00021).
    [GeneratedRegex(@"^[0-9A-Z]{1,20}(-[0-9A-Z]+)*/(19|20)\d{2}-\d{3,}$")]
    private static partial Regex IndexNumber();
}
