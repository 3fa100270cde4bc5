using System.Text;
using SiteGen.Build;
using SiteGen.Diagnostics;

namespace SiteGen.Tests.Support;

/// <summary>A small inline site in a temp folder: write its files, build it, read its output; deleted on dispose.</summary>
public sealed class TestSite : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("sitegen-test-").FullName;
    public string Output => Path.Combine(Root, "output");

    /// <summary>The full path of a file or folder in the site folder.</summary>
    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public TestSite File(string relativePath, string content) => File(relativePath, new UTF8Encoding(false).GetBytes(content));

    public TestSite File(string relativePath, byte[] bytes)
    {
        var full = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllBytes(full, bytes);
        return this;
    }

    /// <summary>Adds a report with the given front matter fields (YAML lines) and body.</summary>
    public TestSite Report(string name, string frontMatter, string body = "正文。\n")
        => File($"content/reports/{name}.md", $"---\n{frontMatter.Trim()}\n---\n\n{body}");

    /// <summary>Adds a valid report whose fields are given as arguments.</summary>
    public TestSite Report(string name, string agency, int year, string[]? region = null, string? published = null,
        string? title = null, string body = "正文。\n", string extra = "")
        => Report(name, FrontMatter(agency, year, region, published, title, extra), body);

    /// <summary>The front matter lines (without the <c>---</c> fences) of a valid report whose fields are given as arguments.</summary>
    public static string FrontMatter(string agency, int year, string[]? region = null, string? published = null, string? title = null, string extra = "")
    {
        var regionYaml = region is null ? "" : $"region: [{string.Join(", ", region.Select(r => $"\"{r}\""))}]\n";
        var publishedYaml = published is null ? "" : $"published: {published}\n";
        return $"title: \"{title ?? agency + year + "年法治政府建设工作情况报告"}\"\nagency: \"{agency}\"\n{regionYaml}year: {year}\n{publishedYaml}{extra}";
    }

    public BuildResult Build(string? baseUrl = null, bool drafts = false, string? outputDir = null, IBuildProgress? progress = null, TimeSpan? lockWait = null) =>
        SiteBuilder.Run(Options(baseUrl, drafts, outputDir, lockWait), progress);

    /// <summary>Builds like <see cref="Build"/>, but a build that stops with a <see cref="SiteGenException"/> is returned as a failed
    /// result carrying it as a diagnostic, so a test can check every failure the same way.</summary>
    public BuildResult TryBuild(string? baseUrl = null, bool drafts = false, string? outputDir = null, IBuildProgress? progress = null, TimeSpan? lockWait = null)
    {
        var options = Options(baseUrl, drafts, outputDir, lockWait);
        try
        {
            return SiteBuilder.Run(options, progress);
        }
        catch (SiteGenException ex)
        {
            var diagnostic = new Diagnostic(Severity.Error, ex.Code, ex.File ?? "sitegen", ex.Line, 0, ex.Message, ex.Hint);
            return new BuildResult(false, [diagnostic], new Dictionary<Model.PageKind, int>(), 0, 0, TimeSpan.Zero, options.ResolvedOutputDir);
        }
    }

    public BuildResult BuildSucceeding(string? baseUrl = null, bool drafts = false)
    {
        var result = Build(baseUrl, drafts);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    private BuildOptions Options(string? baseUrl, bool drafts, string? outputDir, TimeSpan? lockWait) =>
        new() { SiteDir = Root, BaseUrl = baseUrl, IncludeDrafts = drafts, OutputDir = outputDir, LockWait = lockWait ?? TimeSpan.FromSeconds(5) };

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

    /// <summary>Fails unless two folders hold the same files with the same bytes, naming the first file that differs; the search
    /// index, whose segments depend on the builds before (a base and a delta), must hold the same contents instead.</summary>
    public static void AssertSameFiles(string expectedDir, string actualDir, string because = "")
    {
        var index = SiteGen.Search.SearchIndexBuilder.Folder;
        var expected = SnapshotOf(expectedDir);
        var actual = SnapshotOf(actualDir);
        if (expected.ContainsKey(index + "manifest.json") || actual.ContainsKey(index + "manifest.json"))
        {
            Assert.Equal(new Search.IndexReader(Path.Combine(expectedDir, index)).Contents(), new Search.IndexReader(Path.Combine(actualDir, index)).Contents());
            foreach (var key in expected.Keys.Concat(actual.Keys).Where(k => k.StartsWith(index, StringComparison.Ordinal)).ToList())
            {
                expected.Remove(key);
                actual.Remove(key);
            }
        }
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var key in expected.Keys)
            Assert.True(expected[key].AsSpan().SequenceEqual(actual[key]), $"{key} differs between {expectedDir} and {actualDir} {because}");
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
            // Restore permissions a test took away, so the folder can be deleted.
            foreach (var entry in Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories))
                if (!OperatingSystem.IsWindows() && !new FileInfo(entry).Attributes.HasFlag(FileAttributes.ReparsePoint))
                    System.IO.File.SetUnixFileMode(entry, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind is harmless; failing the test for it would hide the real result.
        }
    }
}
