using System.Buffers;

namespace SiteGen.Reports;

/// <summary>A figure in a sentence: where it starts, how long it is, and its text (<c>81</c>, <c>97.32</c>, <c>１,200</c>).</summary>
public readonly record struct Figure(int Start, int Length, string Text);

/// <summary>Splits plain text into sentences and gives each the keys the comparison of two years matches on.</summary>
/// <remarks>
/// A sentence ends at 。！？； (full-width, as Chinese writes them) or at a line end; closing quotes and brackets right after the
/// mark stay with it (<c>……。”</c>). Two sentences are the same when their <see cref="Key"/> is: whitespace dropped and full-width
/// letters, digits and punctuation folded to half-width (all but ，and ．, which stay apart from the separators inside figures), so
/// a re-typed sentence is no change. Two sentences differ only in their figures when their <see cref="Masked"/> keys are equal.
/// The comparison works on 64-bit hashes of these keys (<see cref="KeyHash"/>), so it allocates no key strings; two different
/// sentences of one item share a hash with a probability of about 10⁻¹⁵.
/// </remarks>
public static class Sentences
{
    private const string Ends = "。！？；";
    private const string Closers = "”’」』）》】〕\"')]";
    private static readonly SearchValues<char> Boundaries = SearchValues.Create("。！？；\n");

    /// <summary>The sentences of a text.</summary>
    public static List<string> Split(string text)
    {
        var ranges = new List<Range>();
        Ranges(text, ranges);
        return ranges.Select(r => text[r]).ToList();
    }

    /// <summary>Adds the range of each sentence of <paramref name="text"/> (trimmed, never empty) to <paramref name="ranges"/>.</summary>
    public static void Ranges(ReadOnlySpan<char> text, List<Range> ranges)
    {
        var start = 0;
        while (start < text.Length)
        {
            var found = text[start..].IndexOfAny(Boundaries);
            if (found < 0) break;
            var at = start + found;
            var end = at + 1;
            if (text[at] != '\n')
                while (end < text.Length && (Ends.Contains(text[end]) || Closers.Contains(text[end]))) end++;
            Add(text, start, text[at] == '\n' ? at : end, ranges);
            start = end;
        }
        Add(text, start, text.Length, ranges);
    }

    private static void Add(ReadOnlySpan<char> text, int start, int end, List<Range> ranges)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) ranges.Add(start..end);
    }

    /// <summary>The sentence as compared: whitespace removed, full-width forms folded to half-width.</summary>
    public static string Key(ReadOnlySpan<char> sentence) => Folded(sentence, mask: false);

    /// <summary>A key with every figure replaced by <c>#</c>: equal for <c>查处违法行为81起</c> and <c>查处违法行为95起</c>.</summary>
    public static string Masked(ReadOnlySpan<char> sentence) => Folded(sentence, mask: true);

    public static ulong KeyHash(ReadOnlySpan<char> sentence) => Hash(sentence, mask: false);

    public static ulong MaskedHash(ReadOnlySpan<char> sentence) => Hash(sentence, mask: true);

    private static string Folded(ReadOnlySpan<char> sentence, bool mask)
    {
        var rented = sentence.Length > 256 ? ArrayPool<char>.Shared.Rent(sentence.Length) : null;
        Span<char> buffer = rented ?? stackalloc char[256];
        var text = new string(buffer[..Fold(sentence, buffer, mask)]);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return text;
    }

    /// <summary>FNV-1a over the folded (and masked) sentence, computed in the same pass as <see cref="Fold"/> without a buffer,
    /// then a final mix: deterministic across runs and machines.</summary>
    private static ulong Hash(ReadOnlySpan<char> sentence, bool mask)
    {
        var hash = 14695981039346656037UL;
        for (var i = 0; i < sentence.Length;)
        {
            var c = sentence[i];
            if (mask && IsDigit(c))
            {
                hash = (hash ^ '#') * 1099511628211UL;
                i += Math.Max(1, FigureLength(sentence, i));
                continue;
            }
            i++;
            if (IsSpace(c)) continue;
            hash = (hash ^ FoldChar(c)) * 1099511628211UL;
        }
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        return hash ^ (hash >> 33);
    }

    /// <summary>char.IsWhiteSpace, answered at once for the CJK range (no whitespace lies above U+3000).</summary>
    private static bool IsSpace(char c) => c <= '\u3000' && char.IsWhiteSpace(c);

    private static char FoldChar(char c) => c is >= '\uFF01' and <= '\uFF5E' and not ('，' or '．') ? (char)(c - 0xFEE0) : c;

    /// <summary>Writes the folded sentence (and with <paramref name="mask"/> each figure as one <c>#</c>) into <paramref name="into"/>, which must be as long as the sentence; returns its length.</summary>
    public static int Fold(ReadOnlySpan<char> sentence, Span<char> into, bool mask)
    {
        var n = 0;
        for (var i = 0; i < sentence.Length;)
        {
            var c = sentence[i];
            if (mask && IsDigit(c))
            {
                into[n++] = '#';
                i += Math.Max(1, FigureLength(sentence, i));
                continue;
            }
            i++;
            if (!IsSpace(c)) into[n++] = FoldChar(c);
        }
        return n;
    }

    /// <summary>The figures of a sentence, in order: runs of digits (half- or full-width) with decimal points or thousands separators (. , ．) between digits.</summary>
    public static List<Figure> Figures(string sentence)
    {
        var figures = new List<Figure>();
        for (var i = 0; i < sentence.Length;)
        {
            var length = FigureLength(sentence, i);
            if (length > 0)
            {
                figures.Add(new Figure(i, length, sentence.Substring(i, length)));
                i += length;
            }
            else i++;
        }
        return figures;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';

    private static int FigureLength(ReadOnlySpan<char> s, int i)
    {
        if (!IsDigit(s[i]) || i > 0 && IsDigit(s[i - 1])) return 0;
        var end = i;
        while (end < s.Length)
        {
            if (IsDigit(s[end])) end++;
            else if (s[end] is '.' or ',' or '．' && end + 1 < s.Length && IsDigit(s[end + 1])) end += 2;
            else break;
        }
        return end - i;
    }
}
