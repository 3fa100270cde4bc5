using SiteGen.Diagnostics;
using SiteGen.Search;

namespace SiteGen.Load;

/// <summary>Reads the <c>search:</c> mapping of site.yml; each bad entry is reported at its line and column and left out.</summary>
internal static class SearchSettingsReader
{
    private const string SynonymsHint = "write each synonym as `typed: official name` or `typed: [official name, other form]`, "
        + "one word each (no spaces), e.g. `卫健委: [卫生健康委员会, 卫生健康委]`; `typed: []` switches a built-in entry off";

    public static SearchSettings Read(IReadOnlyList<YamlDocument.Entry> entries, string file, DiagnosticBag diagnostics)
    {
        var settings = new SearchSettings();
        foreach (var e in entries)
        {
            if (e.Key != "synonyms")
            {
                diagnostics.Warning(DiagnosticCodes.SiteConfig, file, e.Line, e.Column, $"unknown search setting `{e.Key}`", "known settings: synonyms");
                continue;
            }
            if (YamlDocument.AsMapping(e.Value) is { } synonyms) settings = settings with { Synonyms = ReadSynonyms(synonyms, file, diagnostics) };
            else diagnostics.Error(DiagnosticCodes.SiteConfig, file, e.Line, e.Column, "`search: synonyms:` must be a mapping of typed forms to the names also searched", SynonymsHint);
        }
        return settings;
    }

    private static List<KeyValuePair<string, IReadOnlyList<string>>> ReadSynonyms(IReadOnlyList<YamlDocument.Entry> entries, string file, DiagnosticBag diagnostics)
    {
        var result = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            void Bad(int line, int column, string message) => diagnostics.Error(DiagnosticCodes.SiteConfig, file, line, column, $"search synonym `{e.Key}`: {message}", SynonymsHint);

            var typed = e.Key.Trim();
            if (!IsWord(typed)) { Bad(e.Line, e.Column, "the typed form must be one word without spaces"); continue; }
            var key = Tokenizer.Fold(typed);
            if (seen.TryGetValue(key, out var earlier))
            {
                Bad(e.Line, e.Column, earlier == typed ? "appears twice" : $"is the same as `{earlier}` once traditional characters are folded to simplified");
                continue;
            }
            seen[key] = typed;

            var nodes = YamlDocument.AsSequence(e.Value) ?? (YamlDocument.IsNull(e.Value) ? [] : [e.Value]);
            var alternatives = new List<string>();
            var ok = true;
            foreach (var node in nodes)
            {
                var (line, column) = YamlDocument.PositionOf(node);
                if (!YamlDocument.IsScalar(node, out var text, out _) || !IsWord(text?.Trim()))
                    Bad(line, column, "each name also searched must be one word without spaces");
                else if (Tokenizer.Fold(text!.Trim()) == key)
                    Bad(line, column, "a name also searched must differ from the typed form");
                else if (alternatives.Any(a => Tokenizer.Fold(a) == Tokenizer.Fold(text.Trim())))
                    Bad(line, column, $"`{text.Trim()}` is listed twice");
                else
                {
                    alternatives.Add(text.Trim());
                    continue;
                }
                ok = false;
            }
            if (ok) result.Add(new(typed, alternatives));
        }
        return result;
    }

    /// <summary>A synonym is replaced inside one typed word and searched as one phrase, so it must be one word of at most 50 characters.</summary>
    private static bool IsWord(string? text) => !string.IsNullOrEmpty(text) && text.Length <= 50 && !text.Any(char.IsWhiteSpace);
}
