using System.Text;

namespace SiteGen.Tests.Hardening;

/// <summary>Generates random but reproducible report files (front matter and Markdown) from a seed, biased towards the inputs that break parsers.</summary>
public sealed class FuzzInput(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Keys =
    [
        "title", "agency", "region", "year", "published", "type", "source_url", "index_no", "doc_no", "publisher", "written",
        "topic", "slug", "summary", "tags", "draft", "titel", "extra", "note", "", "<script>", "year ", "? key",
    ];

    private static readonly string[] Scalars =
    [
        "2024", "1949", "2101", "0", "-1", "99999999999999999999", "2024.5", "0x7E8", "二〇二四", "true", "false", "yes", "~", "null", "",
        "2025-02-30", "2025-03-28", "2025-3-8", "2025-13-01", "0000-00-00", "9999-12-31", "2025-03-28T10:00:00",
        "\"quoted\"", "'single'", "\"unterminated", "'it''s'", "\"\\u0001\\uD800\\x00\"", "\"\\uFFFE\"", "|\n  literal\n  block", ">\n  folded",
        "[a, b]", "[]", "{}", "{a: 1}", "[\"云南省\", \"玉溪市\", \"红塔区\"]", "[1, 2, 3, 4]", "&anchor value", "*anchor", "!!binary aGVsbG8=",
        "!!int \"12\"", "https://example.gov.cn/a", "javascript:alert(1)", "../../etc/passwd", "a-b-c", "A_B", "-", ":", "- a", "@", "`",
        "玉溪市红塔区卫生健康局", "法治政府建设年度报告", "<script>alert(1)</script>", "\"</script><svg onload=alert(1)>\"",
    ];

    private static readonly string[] MarkdownPieces =
    [
        "## 一、主要举措和成效\n", "### （一）强化行政执法。\n", "#### 1. 小节\n", "####### 七级\n", "# \n", "正文，依法行政。", "2023年", "1.5亿",
        "- ", "* ", "+ ", "1. ", "1) ", "> ", "    ", "\t", "\n", "\n\n", "**", "*", "__", "_", "~~", "`", "```\n", "~~~\n", "[", "]", "(", ")", "!",
        "[链接](https://example.gov.cn/)", "[x](javascript:alert(1))", "[x](JAVA\tSCRIPT:alert(1))", "[x](&#106;avascript:alert(1))",
        "<javascript:alert(1)>", "![i](javascript:alert(1))", "[r]", "\n[r]: javascript:alert(1)\n", "[x](data:text/html,<script>alert(1)</script>)",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">a</a>", "<div style=\"x\">", "</div>",
        "<svg onload=alert(1)>", "<iframe srcdoc=\"<script>alert(1)</script>\">", "<!--", "-->", "<![CDATA[", "&amp;", "&#0;", "&#x110000;", "&nbsp;",
        "| a | b |\n|:-:|--:|\n| 1 | 2 |\n", "+---+---+\n| a | b |\n+===+===+\n", "[^1]", "\n[^1]: 注\n", "\\", "<", ">", "\"", "'", "=",
        "\u0001", "\u000b", "\u200b", "\uFEFF", "\u2028", "😀", "𠀀", "\r\n", "\r", "---\n", "...\n", "{{", "}}", "{{{x}}}",
    ];

    public int Next(int max) => _random.Next(max);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A front matter block: mostly plausible fields, with random values, nesting, repetition and broken fences.</summary>
    public string FrontMatter()
    {
        var sb = new StringBuilder();
        if (_random.Next(20) == 0) sb.Append('\uFEFF');
        if (_random.Next(30) != 0) sb.Append("---\n");
        if (_random.Next(2) == 0) sb.Append("title: \"报告\"\nagency: \"某局\"\nyear: 2024\n");
        var fields = _random.Next(8);
        for (var i = 0; i < fields; i++)
        {
            sb.Append(Pick(Keys)).Append(": ");
            switch (_random.Next(6))
            {
                case 0:
                    var depth = _random.Next(60);
                    sb.Append(new string('[', depth)).Append(Pick(Scalars)).Append(new string(']', _random.Next(2) == 0 ? depth : _random.Next(60)));
                    break;
                case 1:
                    sb.Append('\n');
                    var levels = _random.Next(40);
                    for (var d = 0; d < levels; d++) sb.Append(new string(' ', d)).Append(_random.Next(2) == 0 ? "- " : "k: ").Append('\n');
                    break;
                default:
                    sb.Append(Pick(Scalars));
                    break;
            }
            sb.Append(_random.Next(15) == 0 ? "\r\n" : "\n");
        }
        if (_random.Next(30) != 0) sb.Append(_random.Next(10) == 0 ? "...\n" : "---\n");
        return sb.ToString();
    }

    /// <summary>A Markdown body: random pieces, sometimes a long run of one nesting marker.</summary>
    public string Markdown()
    {
        var sb = new StringBuilder();
        var pieces = _random.Next(60);
        for (var i = 0; i < pieces; i++)
        {
            if (_random.Next(25) == 0)
            {
                var marker = Pick(new[] { "> ", "- ", "*", "[", "<b>", "  - ", "1. ", "_", "(" });
                sb.Append(string.Concat(Enumerable.Repeat(marker, 1 + _random.Next(3000))));
            }
            else
            {
                sb.Append(Pick(MarkdownPieces));
            }
        }
        return sb.ToString();
    }

    /// <summary>A whole report file, sometimes with random characters inserted, deleted or replaced.</summary>
    public string ReportFile()
    {
        var text = FrontMatter() + Markdown();
        if (_random.Next(4) != 0 || text.Length == 0) return text;
        var chars = new StringBuilder(text);
        for (var m = _random.Next(1, 8); m > 0 && chars.Length > 0; m--)
        {
            var at = _random.Next(chars.Length);
            switch (_random.Next(3))
            {
                case 0: chars.Remove(at, 1); break;
                case 1: chars.Insert(at, (char)_random.Next(0, 0x3000)); break;
                default: chars[at] = (char)_random.Next(0x20, 0x7F); break;
            }
        }
        return chars.ToString();
    }

    private static readonly string[] TextPieces =
    [
        "法治政府建设", "2020年", "97.32%", "1,000", "1.5亿", "3.", ".5", "1,", "v2.0", "ＡＢＣ１２３", "　", "，", "。", "、", "（一）", "《条例》", "—",
        "Ünïcödé", "İstanbul", "ΣΊΣΥΦΟΣ", "Ёлка", "ｶﾀｶﾅ", "ひらがな", "カタカナ", "한국어", "〇", "𠀀𠀁", "😀", "\uD800", "\uDC00", "\uDBFF\uDFFF",
        "\u0000", "\u200b", "\uFEFF", "\uFFFF", "\u2028", " ", "\t", "\n", "%", "-", "_", "'", "&amp;", "<", ">",
    ];

    /// <summary>Text for the search tokenizer: known tricky pieces (CJK, full-width, numbers, lone surrogates) mixed with random UTF-16 units.</summary>
    public string UnicodeText()
    {
        var sb = new StringBuilder();
        for (var n = _random.Next(60); n > 0; n--)
        {
            switch (_random.Next(6))
            {
                case 0: sb.Append((char)_random.Next(0, 0x10000)); break;
                case 1: sb.Append((char)_random.Next(0xD800, 0xE000)); break;
                case 2: sb.Append((char)_random.Next(0x4E00, 0xA000)); break;
                case 3: sb.Append((char)_random.Next(0xFF01, 0xFF5F)); break;
                default: sb.Append(Pick(TextPieces)); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Site settings: usually valid, sometimes odd values or raw HTML switched on.</summary>
    public string SiteYml()
    {
        var lines = new List<string> { "title: \"测试库\"" };
        if (_random.Next(3) == 0) lines.Add("raw_html: true");
        if (_random.Next(5) == 0) lines.Add("page_size: " + Pick(new[] { "1", "2", "0", "1001", "x" }));
        if (_random.Next(5) == 0) lines.Add("base_url: " + Pick(new[] { "\"/reports/\"", "\"https://example.gov.cn/a/\"", "\"ftp://x\"", "\"relative\"", "\"\"" }));
        if (_random.Next(6) == 0) lines.Add("language: " + Pick(new[] { "en", "zh-CN", "fr" }));
        if (_random.Next(8) == 0) lines.Add(Pick(Keys) + ": " + Pick(Scalars));
        return string.Join("\n", lines) + "\n";
    }

    private static readonly string[] HtmlPieces =
    [
        "<html>", "<head><meta charset=\"gb2312\">", "<meta charset=\"utf-8\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">",
        "<title>某局2024年法治政府建设工作情况报告</title>", "</head>", "<body>", "<div class=\"content\">", "</div>", "<p>", "</p>", "<br>", "<table><tr><td>索引号：</td><td>1150/2025-01</td></tr></table>",
        "<script>alert(1)</script>", "<style>p{}</style>", "<!--", "-->", "<p>一、主要举措和成效</p>", "<p>（一）强化执法。</p>", "<p>1. 小项</p>",
        "<strong>", "</strong>", "&nbsp;", "&#0;", "&#xD800;", "&lt;", "发布时间：2025-03-28", "来源：司法局", "【字体：大 中 小】", "<a href=\"javascript:x\">",
        "您当前位置：首页>政务公开", "玉溪市红塔区司法局", "2024年度", "\r\n", "\n", "锟斤拷", "\uFFFD\uFFFD\uFFFD", "<p", ">", "</", "<![CDATA[x]]>",
    ];

    /// <summary>A file for the importer: random HTML, plain text, or raw bytes; returned with the extension that selects the reader.</summary>
    public (string Extension, byte[] Bytes) ImportFile()
    {
        switch (_random.Next(4))
        {
            case 0:
                var html = string.Concat(Enumerable.Range(0, _random.Next(80)).Select(_ => Pick(HtmlPieces)));
                return (".html", Encode(html));
            case 1:
                return (".txt", Encode(FrontMatter().Replace("---", "") + Markdown()));
            case 2:
                var bytes = new byte[_random.Next(2000)];
                _random.NextBytes(bytes);
                return (Pick(new[] { ".txt", ".html", ".docx" }), bytes);
            default:
                var text = string.Concat(Enumerable.Range(0, _random.Next(60)).Select(_ => Pick(_random.Next(2) == 0 ? HtmlPieces : MarkdownPieces)));
                return (".txt", Encode(text));
        }
    }

    /// <summary>UTF-8, GB18030, UTF-16 with a BOM, or UTF-8 with a BOM, as government files come.</summary>
    private byte[] Encode(string text) => _random.Next(4) switch
    {
        0 => System.Text.Encoding.GetEncoding("GB18030").GetBytes(text),
        1 => [.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes(text)],
        2 => [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(text)],
        _ => System.Text.Encoding.UTF8.GetBytes(text),
    };
}
