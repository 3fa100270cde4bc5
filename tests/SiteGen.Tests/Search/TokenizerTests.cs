using System.Text.Json;
using SiteGen.Search;

namespace SiteGen.Tests.Search;

public sealed class TokenizerTests
{
    public static TheoryData<string> VectorNames()
    {
        var data = new TheoryData<string>();
        foreach (var v in LoadVectors()) data.Add(v.GetProperty("name").GetString()!);
        return data;
    }

    private static List<JsonElement> LoadVectors()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "SiteGen.sln"))) dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found");
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "tests", "vectors", "tokenizer.json")));
        return doc.RootElement.GetProperty("vectors").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Tokenizer_matches_the_shared_vector(string name)
    {
        // Given a vector that the JavaScript runtime also passes
        var vector = LoadVectors().Single(v => v.GetProperty("name").GetString() == name);
        var input = vector.GetProperty("input").GetString()!;

        // When the C# tokenizer reads its input
        var tokens = new List<Token>();
        var next = Tokenizer.Tokenize(input, 0, tokens);

        // Then it emits the same terms, positions and kinds in the same order, and the same next position
        var expected = vector.GetProperty("tokens").EnumerateArray()
            .Select(t => $"{t[0].GetString()}@{t[1].GetInt32()}:{t[2].GetString()}").ToList();
        var actual = tokens.Select(t => $"{t.Term}@{t.Position}:{t.Kind.ToString().ToLowerInvariant()}").ToList();
        Assert.Equal(expected, actual);
        Assert.Equal(vector.GetProperty("next").GetInt32(), next);
    }

    [Fact]
    public void Folding_keeps_the_length_so_offsets_map_back_to_the_original_text()
    {
        // Given text mixing full-width and half-width forms
        const string text = "ＡＢＣ　１２．５％法治";

        // When it is folded
        var folded = Tokenizer.Fold(text);

        // Then each character folds in place
        Assert.Equal(text.Length, folded.Length);
        Assert.Equal("abc 12.5%法治", folded);
    }
}
