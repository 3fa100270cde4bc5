using System.Text.Json;
using System.Text.RegularExpressions;
using SiteGen.Search;

namespace SiteGen.Tests.Search;

public sealed class TraditionalFoldingTests
{
    private static string Repository()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "SiteGen.sln"))) dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found");
        return dir;
    }

    [Fact]
    public void The_CSharp_fold_pairs_are_the_ones_the_browser_module_ships()
    {
        // Given the generated browser module of the fold table
        var module = File.ReadAllText(Path.Combine(Repository(), "themes", "default", "static", "search", "fold-table.js"));
        var literal = Regex.Match(module, "export default (\"[^\"]*\");").Groups[1].Value;

        // When its string is read
        var pairs = JsonSerializer.Deserialize<string>(literal);

        // Then C# folds with exactly the same pairs, from the same recorded source
        Assert.Equal(FoldTable.Pairs, pairs);
        Assert.Contains(FoldTable.Source, module);
    }

    [Fact]
    public void Traditional_text_folds_to_simplified_keeping_its_length()
    {
        // Given an agency name as Hong Kong, Macao and Taiwan readers type it
        const string traditional = "衛生健康委員會關於2023年法治政府建設情況的報告";

        // When it is folded
        var folded = Tokenizer.Fold(traditional);

        // Then it reads as the simplified text, character for character
        Assert.Equal("卫生健康委员会关于2023年法治政府建设情况的报告", folded);
        Assert.Equal(traditional.Length, folded.Length);
    }

    [Fact]
    public void Every_unit_folds_to_one_unit_and_folding_twice_changes_nothing()
    {
        var folded = 0;
        for (var i = 0; i <= char.MaxValue; i++)
        {
            // Given any UTF-16 unit; When folded
            var c = (char)i;
            var f = Tokenizer.Fold(c);

            // Then a unit that is not half of a surrogate pair folds to one that is not either, and folding again keeps it
            Assert.True(char.IsSurrogate(c) || !char.IsSurrogate(f), $"U+{i:X4}");
            Assert.Equal(f, Tokenizer.Fold(f));
            if (f != c && Tokenizer.IsCjk(c)) folded++;
        }
        // and the table covers OpenCC's traditional characters (3,400 and more)
        Assert.InRange(folded, 3000, 5000);
    }

    [Fact]
    public void Simplified_text_is_left_as_written()
    {
        // Given simplified text that includes characters a variant table would change (么, 著)
        const string simplified = "什么是显著成效、红塔区卫生健康局";

        // When it is folded; Then nothing changes
        Assert.Equal(simplified, Tokenizer.Fold(simplified));
    }
}
