namespace SiteGen.Import;

/// <summary>Builds the body blocks from cleaned lines: numbered headings (split from run-in text), tables, and paragraphs re-joined where a line ends mid-sentence.</summary>
internal static partial class BlockBuilder
{
    /// <summary>Characters that end a sentence or introduce what follows; a line ending otherwise (also with ；, a clause break) continues on the next line.</summary>
    private const string SentenceEnds = "。！？：!?:…";

    /// <summary>Closing quotes and brackets, looked through when deciding whether a line ends a sentence.</summary>
    private const string Closers = "”’」』）)》〉】]\"'";

    public static List<ReportBlock> Build(IEnumerable<SourceLine> lines)
    {
        var blocks = new List<ReportBlock>();
        // The paragraph still open, kept as a builder: a long run of broken lines is joined in time linear in its length.
        var paragraph = new System.Text.StringBuilder();
        void Close()
        {
            if (paragraph.Length > 0) blocks.Add(new ParagraphBlock(paragraph.ToString()));
            paragraph.Clear();
        }
        foreach (var line in lines)
        {
            switch (line.Kind)
            {
                case SourceLineKind.Verbatim:
                    Close();
                    if (blocks.Count > 0 && blocks[^1] is TableBlock table) blocks[^1] = new TableBlock([.. table.Rows, line.Text]);
                    else blocks.Add(new TableBlock([line.Text]));
                    continue;
                case SourceLineKind.Heading:
                    Close();
                    blocks.Add(new HeadingBlock(Math.Clamp(line.Level, 2, 6), line.Text));
                    continue;
            }

            var heading = HeadingRecognizer.Match(line.Text);
            if (heading is not null)
            {
                Close();
                blocks.Add(new HeadingBlock(heading.Level, heading.Heading));
                paragraph.Append(heading.Rest);
                continue;
            }
            if (paragraph.Length > 0 && !EndsSentence(paragraph) && !StartsItem(line.Text))
            {
                Join(paragraph, line.Text);
                continue;
            }
            Close();
            paragraph.Append(line.Text);
        }
        Close();
        return blocks;
    }

    private static bool EndsSentence(System.Text.StringBuilder text)
    {
        var end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        var start = Math.Max(0, end - 16);
        return EndsSentence(text.ToString(start, end - start));
    }

    /// <summary>True when <paramref name="text"/> ends a sentence (looking through closing quotes and brackets).</summary>
    public static bool EndsSentence(string text)
    {
        var t = text.TrimEnd();
        var i = t.Length - 1;
        while (i >= 0 && Closers.Contains(t[i])) i--;
        return i < 0 || SentenceEnds.Contains(t[i]);
    }

    /// <summary>True for a line that opens an item of its own (<c>（一）…</c>, <c>1.…</c>, <c>二是…</c>): never the continuation of a broken line.</summary>
    private static bool StartsItem(string text) => ItemStart().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"^([（(]\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*[）)]|\d{1,2}\s*[.．、](?!\s*\d)|[一二三四五六七八九十]{1,3}[、是])")]
    private static partial System.Text.RegularExpressions.Regex ItemStart();

    /// <summary>Joins a line broken mid-sentence: without a space, except between two Latin words.</summary>
    private static void Join(System.Text.StringBuilder left, string right)
    {
        while (left.Length > 0 && char.IsWhiteSpace(left[^1])) left.Length--;
        var r = right.TrimStart();
        if (left.Length > 0 && r.Length > 0 && char.IsAsciiLetter(left[^1]) && char.IsAsciiLetter(r[0])) left.Append(' ');
        left.Append(r);
    }
}
