using System.Diagnostics;
using System.Text.Json;
using SiteGen.Import;

using SiteGen.Tests.Support;
namespace SiteGen.Tests.Import;

/// <summary>Runs the shared corpus generator (../shared/corpus/make_corpus.py) to make noisy raw reports with known answers.</summary>
internal static class RawCorpus
{
    /// <summary>make_corpus.py beside the repository (shared/ sits next to the clone, as in CI).</summary>
    public static string ScriptPath()
    {
        for (var dir = new DirectoryInfo(ImportTestSupport.RepoRoot()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus", "make_corpus.py");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("shared/corpus/make_corpus.py was not found beside the repository; these tests need the shared corpus generator");
    }

    /// <summary>Generates <paramref name="count"/> raw reports into <paramref name="outDir"/>/raw and returns expected.json.</summary>
    public static JsonElement Generate(string outDir, int count, string seed)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { ScriptPath(), "raw", "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", seed, "--out", outDir })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException("make_corpus.py failed: " + stderr);
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "raw", "expected.json"))).RootElement;
    }
}

/// <summary>On noisy raw reports with known answers, every field the importer extracts is right.</summary>
public sealed class RawCorpusAccuracyTests
{
    [Fact]
    public void Thirty_noisy_raw_reports_convert_with_every_field_right()
    {
        // Given 30 raw reports of the corpus generator (split titles, web headers and footers, GB18030, CRLF, breaks, duplicated bodies…)
        using var temp = new TestSite();
        var expected = RawCorpus.Generate(temp.Root, 30, "import-test");

        // When each is converted
        var misses = new List<string>();
        foreach (var e in expected.EnumerateArray())
        {
            var file = e.GetProperty("file").GetString()!;
            var report = ImportRunner.Convert(Path.Combine(temp.Root, "raw", file));

            // Then title, agency, year, region, publication date and top-level headings are exactly the expected ones
            void Check(string field, string? want, string? got)
            {
                if (want != got) misses.Add($"{file} {field}: expected {want ?? "null"}, got {got ?? "null"}");
            }
            Check("title", e.GetProperty("title").GetString(), report.Title);
            Check("agency", e.GetProperty("agency").GetString(), report.Agency);
            Check("year", e.GetProperty("year").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), report.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Check("region", string.Join('/', e.GetProperty("region").EnumerateArray().Select(x => x.GetString())), string.Join('/', report.Region));
            Check("published", e.GetProperty("published").ValueKind == JsonValueKind.Null ? null : e.GetProperty("published").GetString(),
                report.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Check("top_sections", string.Join(" | ", e.GetProperty("top_sections").EnumerateArray().Select(x => x.GetString())), string.Join(" | ", report.TopHeadings));
        }
        Assert.Empty(misses);
    }
}
