namespace SiteGen.Search;

/// <summary>Toneless pinyin of names (ü written v), from the generated <see cref="PinyinTable"/>: each character's first reading,
/// except inside the place names and agency words the table reads otherwise in context (重庆 chong qing, 银行 yin hang).</summary>
internal sealed class Pinyin
{
    private static readonly Lazy<Pinyin> Table = new(() => new Pinyin(PinyinTable.Readings, PinyinTable.Phrases));

    public static Pinyin Default => Table.Value;

    private readonly Dictionary<char, string> _readings = [];
    private readonly Dictionary<string, string[]> _phrases = new(StringComparer.Ordinal);
    private readonly int _longestPhrase;

    private Pinyin(string readings, string phrases)
    {
        foreach (var group in readings.Split('|'))
        {
            var colon = group.IndexOf(':');
            var syllable = string.Intern(group[..colon]);
            foreach (var c in group.AsSpan(colon + 1)) _readings[c] = syllable;
        }
        foreach (var entry in phrases.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = entry.IndexOf(':');
            _phrases[entry[..colon]] = entry[(colon + 1)..].Split(' ');
            _longestPhrase = Math.Max(_longestPhrase, colon);
        }
    }

    /// <summary>The first reading of a character, or null for one without pinyin (digits, Latin letters, punctuation).</summary>
    public string? Reading(char c) => _readings.GetValueOrDefault(Tokenizer.Fold(c));

    /// <summary>The reading of each character of a name (null where it has none): the longest known word at each point is read
    /// as a whole, so 重庆市南岸区 reads chong qing shi nan an qu.</summary>
    public string?[] Syllables(string text)
    {
        var folded = Tokenizer.Fold(text);
        var phrases = _phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        var result = new string?[folded.Length];
        for (var i = 0; i < folded.Length;)
        {
            var taken = 0;
            for (var length = Math.Min(_longestPhrase, folded.Length - i); length >= 2 && taken == 0; length--)
            {
                if (!phrases.TryGetValue(folded.AsSpan(i, length), out var phrase)) continue;
                phrase.CopyTo(result, i);
                taken = length;
            }
            if (taken == 0)
            {
                result[i] = _readings.GetValueOrDefault(folded[i]);
                taken = 1;
            }
            i += taken;
        }
        return result;
    }
}
