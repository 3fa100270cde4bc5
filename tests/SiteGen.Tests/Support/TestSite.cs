using System.Text;
using SiteGen.Build;

namespace SiteGen.Tests.Support;

/// <summary>A small inline site in a temp folder: write its files, build it, read its output; deleted on dispose.</summary>
public sealed class TestSite : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("sitegen-test-").FullName;
    public string Output => Path.Combine(Root, "output");

    public TestSite File(string relativePath, string content)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, content, new UTF8Encoding(false));
        return this;
    }

    /// <summary>Adds a report with the given front matter fields (YAML lines) and body.</summary>
    public TestSite Report(string name, string frontMatter, string body = "正文。\n")
        => File($"content/reports/{name}.md", $"---\n{frontMatter.Trim()}\n---\n\n{body}");

    /// <summary>Adds a valid report whose fields are given as arguments.</summary>
    public TestSite Report(string name, string agency, int year, string[]? region = null, string? published = null,
        string? title = null, string body = "正文。\n", string extra = "")
    {
        var regionYaml = region is null ? "" : $"region: [{string.Join(", ", region.Select(r => $"\"{r}\""))}]\n";
        var publishedYaml = published is null ? "" : $"published: {published}\n";
        return Report(name, $"title: \"{title ?? agency + year + "年法治政府建设工作情况报告"}\"\nagency: \"{agency}\"\n{regionYaml}year: {year}\n{publishedYaml}{extra}", body);
    }

    public BuildResult Build(string? baseUrl = null, bool drafts = false) =>
        SiteBuilder.Run(new BuildOptions { SiteDir = Root, BaseUrl = baseUrl, IncludeDrafts = drafts, LockWait = TimeSpan.FromSeconds(5) });

    public BuildResult BuildSucceeding(string? baseUrl = null, bool drafts = false)
    {
        var result = Build(baseUrl, drafts);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    public string Read(string outputPath) => System.IO.File.ReadAllText(Path.Combine(Output, outputPath));
    public bool Exists(string outputPath) => System.IO.File.Exists(Path.Combine(Output, outputPath));

    /// <summary>Every output file (relative path) with its bytes, for byte-for-byte comparisons.</summary>
    public SortedDictionary<string, byte[]> Snapshot() => SnapshotOf(Output);

    public static SortedDictionary<string, byte[]> SnapshotOf(string dir)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            files[Path.GetRelativePath(dir, f).Replace('\\', '/')] = System.IO.File.ReadAllBytes(f);
        return files;
    }

    /// <summary>Output files whose relative path matches a pattern such as <c>reports/2024/*/index.html</c>.</summary>
    public IReadOnlyList<string> Find(string pattern)
    {
        var regex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", "[^/]+") + "$");
        return Snapshot().Keys.Where(k => regex.IsMatch(k)).ToList();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
