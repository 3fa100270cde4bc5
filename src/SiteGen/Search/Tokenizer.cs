namespace SiteGen.Search;

/// <summary>What a token is: a CJK character pair, a single CJK character, or a whole Latin word or number.</summary>
public enum TokenKind : byte
{
    Bigram = 1,
    Unigram = 2,
    Word = 3,

    /// <summary>A word or number with the CJK character right after it (2020年), so a query such as 2020年 can be checked by position.</summary>
    Join = 4,
}

/// <summary>One token of a text: its folded term and its position (CJK characters and words each take one position; a separator leaves a gap).</summary>
public readonly record struct Token(string Term, int Position, TokenKind Kind);

/// <summary>The search tokenizer shared with the browser runtime (themes/default/static/search/search.js), proven identical by tests/vectors/tokenizer.json.</summary>
/// <remarks>
/// Folding keeps one UTF-16 unit per input unit, so offsets in folded text are offsets in the original text: text is indexed
/// folded (衛生 as 卫生) and shown as written.
/// CJK text becomes overlapping bigrams plus single characters; runs of letters and digits become one word, with
/// decimal points and thousands separators between digits and a trailing % kept (97.32%, 1,000); a word directly followed
/// by a CJK character also yields a join token (2020年).
/// A run of separators (spaces, punctuation) between two tokens adds one empty position, so a phrase never matches across punctuation.
/// </remarks>
public static class Tokenizer
{
    /// <summary>Folds one character: full-width ASCII to half-width, ideographic space to space, letters to lower case, traditional
    /// Chinese to simplified (<see cref="FoldTable"/>, generated from OpenCC's dictionaries; the browser reads the same pairs).</summary>
    public static char Fold(char c) => FoldMap[c];

    /// <summary>Every UTF-16 unit folded once, at start-up: the indexer folds every character of every report.</summary>
    private static readonly char[] FoldMap = BuildFoldMap();

    private static char[] BuildFoldMap()
    {
        var map = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++) map[c] = FoldWidthAndCase((char)c);
        var from = 0;
        foreach (var pair in FoldTable.Pairs.Split(';'))
        {
            var comma = pair.IndexOf(',');
            from += Base36(pair.AsSpan(0, comma));
            map[from] = (char)(from + Base36(pair.AsSpan(comma + 1)));
        }
        return map;
    }

    private static int Base36(ReadOnlySpan<char> digits)
    {
        var negative = digits[0] == '-';
        var value = 0;
        foreach (var d in negative ? digits[1..] : digits) value = value * 36 + (d <= '9' ? d - '0' : d - 'a' + 10);
        return negative ? -value : value;
    }

    private static char FoldWidthAndCase(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E') c = (char)(c - 0xFEE0);
        else if (c == '\u3000') return ' ';
        if (c is >= 'A' and <= 'Z') return (char)(c + 32);
        // U+0130 lower-cases to two characters in JavaScript; it is left as is so both tokenizers agree.
        if (c >= '\u00C0' && c != '\u0130' && IsFoldableLetterRange(c)) return char.ToLowerInvariant(c);
        return c;
    }

    private static bool IsFoldableLetterRange(char c) => c is (>= '\u00C0' and <= '\u024F') or (>= '\u0370' and <= '\u03FF') or (>= '\u0400' and <= '\u04FF');

    public static string Fold(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++) span[i] = Fold(source[i]);
    });

    /// <summary>CJK ideographs (with 〇), kana and hangul: indexed character by character.</summary>
    public static bool IsCjk(char c) => c is (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF')
        or '\u3007' or (>= '\u3041' and <= '\u30FF') or (>= '\uAC00' and <= '\uD7AF');

    /// <summary>Letters and digits that form words (ASCII, Latin, Greek, Cyrillic), on folded characters.</summary>
    public static bool IsWordChar(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9')
        || (IsFoldableLetterRange(c) && char.IsLetter(c));

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    /// <summary>Receives tokens as they are found, without allocating a string per token (the indexer's fast path).</summary>
    public interface ISink
    {
        /// <summary>A CJK character at a position, with the CJK character that follows it or '\0'.</summary>
        void Cjk(char c, char next, int position);

        /// <summary>A folded word or number at a position.</summary>
        void Word(ReadOnlySpan<char> word, int position);

        /// <summary>A word or number immediately followed by a CJK character, at the word's position.</summary>
        void Join(ReadOnlySpan<char> word, char cjk, int position);
    }

    /// <summary>Tokenizes text whose first token takes position <paramref name="start"/>; returns the next free position (one more when the text ends with a separator).</summary>
    public static int Scan<TSink>(ReadOnlySpan<char> text, int start, ref TSink sink) where TSink : ISink
    {
        var pos = start;
        var gap = false;
        var i = 0;
        Span<char> word = stackalloc char[64];
        while (i < text.Length)
        {
            var c = Fold(text[i]);
            if (IsCjk(c))
            {
                if (gap) { pos++; gap = false; }
                var next = i + 1 < text.Length ? Fold(text[i + 1]) : '\0';
                sink.Cjk(c, IsCjk(next) ? next : '\0', pos);
                pos++;
                i++;
            }
            else if (IsWordChar(c))
            {
                if (gap) { pos++; gap = false; }
                var length = 0;
                var lastDigit = false;
                while (i < text.Length)
                {
                    var d = Fold(text[i]);
                    var take = IsWordChar(d) || ((d == '.' || d == ',') && lastDigit && i + 1 < text.Length && IsDigit(Fold(text[i + 1])));
                    if (!take) break;
                    if (length == word.Length)
                    {
                        var bigger = new char[word.Length * 2];
                        word.CopyTo(bigger);
                        word = bigger;
                    }
                    word[length++] = d;
                    lastDigit = IsDigit(d);
                    i++;
                }
                if (lastDigit && i < text.Length && Fold(text[i]) == '%')
                {
                    if (length == word.Length)
                    {
                        var bigger = new char[word.Length * 2];
                        word.CopyTo(bigger);
                        word = bigger;
                    }
                    word[length++] = '%';
                    i++;
                }
                sink.Word(word[..length], pos);
                if (i < text.Length && IsCjk(Fold(text[i]))) sink.Join(word[..length], Fold(text[i]), pos);
                pos++;
            }
            else
            {
                if (pos > start) gap = true;
                i++;
            }
        }
        return gap ? pos + 1 : pos;
    }

    private struct ListSink(List<Token> tokens) : ISink
    {
        public readonly void Cjk(char c, char next, int position)
        {
            tokens.Add(new Token(c.ToString(), position, TokenKind.Unigram));
            if (next != '\0') tokens.Add(new Token(string.Concat(c.ToString(), next.ToString()), position, TokenKind.Bigram));
        }

        public readonly void Word(ReadOnlySpan<char> word, int position) => tokens.Add(new Token(word.ToString(), position, TokenKind.Word));

        public readonly void Join(ReadOnlySpan<char> word, char cjk, int position) =>
            tokens.Add(new Token(string.Concat(word, [cjk]), position, TokenKind.Join));
    }

    /// <summary>Tokenizes text into a list, starting at <paramref name="start"/>; returns the next free position.</summary>
    public static int Tokenize(ReadOnlySpan<char> text, int start, List<Token> tokens)
    {
        var sink = new ListSink(tokens);
        return Scan(text, start, ref sink);
    }

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        Tokenize(text, 0, tokens);
        return tokens;
    }
}
