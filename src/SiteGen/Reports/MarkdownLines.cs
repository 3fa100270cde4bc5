namespace SiteGen.Reports;

/// <summary>Reads the line-level marks of Markdown that the views need (ATX headings, code fences), without regular expressions:
/// every line of every report passes here, and a backtracking pattern cost more than the rest of the reading.</summary>
internal static class MarkdownLines
{
    /// <summary>Whether a line is an ATX heading (<c>## 一、…</c>: up to 3 spaces, 1–6 <c>#</c>, then a space or the line end), with its level and its text (the closing <c>#</c>s dropped).</summary>
    public static bool TryAtx(ReadOnlySpan<char> line, out int level, out ReadOnlySpan<char> text)
    {
        level = 0;
        text = default;
        var indent = Indent(line);
        if (indent > 3) return false;
        var rest = line[indent..];
        while (level < rest.Length && rest[level] == '#') level++;
        if (level is 0 or > 6 || level < rest.Length && rest[level] is not (' ' or '\t')) return false;
        text = rest[level..].Trim(" \t");
        // A closing sequence of #s counts only when a space separates it from the text (or it is all there is).
        var hashes = text.Length - text.TrimEnd('#').Length;
        if (hashes == text.Length) text = default;
        else if (hashes > 0 && text[^(hashes + 1)] is ' ' or '\t') text = text[..^hashes].TrimEnd(" \t");
        return true;
    }

    /// <summary>Whether a line opens or closes a code fence (up to 3 spaces, then at least three <c>`</c> or <c>~</c>); <paramref name="fence"/> is the run of fence characters.</summary>
    public static bool IsFence(ReadOnlySpan<char> line, out ReadOnlySpan<char> fence)
    {
        fence = default;
        var indent = Indent(line);
        if (indent > 3 || indent >= line.Length || line[indent] is not ('`' or '~')) return false;
        var mark = line[indent];
        var length = 0;
        while (indent + length < line.Length && line[indent + length] == mark) length++;
        if (length < 3) return false;
        fence = line.Slice(indent, length);
        return true;
    }

    private static int Indent(ReadOnlySpan<char> line)
    {
        var n = 0;
        while (n < line.Length && line[n] == ' ') n++;
        return n;
    }
}
