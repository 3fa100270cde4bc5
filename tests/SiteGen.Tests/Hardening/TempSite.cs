using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SiteGen.Build;
using SiteGen.Diagnostics;

namespace SiteGen.Tests.Hardening;

/// <summary>A small site in its own temp folder for whole-site hardening tests: write files, build, and fingerprint the output.</summary>
public sealed class TempSite : IDisposable
{
    public string Root { get; }
    public string Output => Path.Combine(Root, "output");

    public TempSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "sitegen-harden-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "content"));
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public TempSite Write(string relative, string text) => Write(relative, Encoding.UTF8.GetBytes(text));

    public TempSite Write(string relative, byte[] bytes)
    {
        var full = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return this;
    }

    /// <summary>A valid report for <paramref name="agency"/> and <paramref name="year"/>, with optional extra front matter lines and body.</summary>
    public TempSite Report(string relative, string agency, int year, string extraFrontMatter = "", string body = "## 一、主要举措和成效\n\n正文。\n")
    {
        var text = $"---\ntitle: \"{agency}{year}年法治政府建设工作情况报告\"\nagency: \"{agency}\"\nregion: [\"云南省\", \"玉溪市\"]\nyear: {year}\npublished: {year + 1}-03-01\n{extraFrontMatter}---\n{body}";
        return Write(relative, text);
    }

    /// <summary>A site that builds: three reports by two agencies.</summary>
    public static TempSite Good()
    {
        var site = new TempSite();
        site.Write("content/site.yml", "title: \"测试报告库\"\nbase_url: \"https://example.gov.cn/\"\n");
        site.Report("content/2023/a.md", "红塔区司法局", 2023);
        site.Report("content/2024/a.md", "红塔区司法局", 2024);
        site.Report("content/2024/b.md", "红塔区卫生健康局", 2024);
        return site;
    }

    /// <summary>Builds in-process; a build that stops with a <see cref="SiteGenException"/> is returned as a failed result carrying it as a diagnostic.</summary>
    public BuildResult Build(IBuildProgress? progress = null, TimeSpan? lockWait = null, string? outputDir = null)
    {
        var options = new BuildOptions { SiteDir = Root, LockWait = lockWait ?? TimeSpan.FromSeconds(30), OutputDir = outputDir };
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

    /// <summary>Builds and fails the test unless the build succeeded.</summary>
    public BuildResult BuildOk()
    {
        var result = Build();
        Assert.True(result.Succeeded, "expected the build to succeed, got:\n" + string.Join("\n", result.Diagnostics));
        return result;
    }

    /// <summary>Every file of a folder (relative path → SHA-256 of its bytes), sorted; empty when the folder does not exist.</summary>
    public static SortedDictionary<string, string> Fingerprint(string dir)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(dir)) return result;
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            result[Path.GetRelativePath(dir, file).Replace('\\', '/')] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
        return result;
    }

    /// <summary>One hash for a whole file set, for comparing many snapshots quickly.</summary>
    public static string FingerprintHash(SortedDictionary<string, string> fingerprint) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", fingerprint.Select(kv => kv.Key + " " + kv.Value)))));

    public SortedDictionary<string, string> OutputFingerprint() => Fingerprint(Output);

    /// <summary>Stray folders beside the output (old copies, per-build staging folders); the publisher's own kept staging tree,
    /// <c>.output.staging</c>, which holds the previous output for the next build to reuse, is not one.</summary>
    public IReadOnlyList<string> Leftovers() =>
        Directory.EnumerateDirectories(Root, ".output.*").Select(Path.GetFileName).Select(n => n!)
            .Where(n => n != ".output.staging").Order(StringComparer.Ordinal).ToList();

    public string ReadOutput(string relative) => File.ReadAllText(Path.Combine(Output, relative));

    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => d.ToString()));

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        try
        {
            // Restore permissions a test took away, so the folder can be deleted.
            foreach (var entry in Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories))
                if (!OperatingSystem.IsWindows() && !new FileInfo(entry).Attributes.HasFlag(FileAttributes.ReparsePoint))
                    File.SetUnixFileMode(entry, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind is harmless; failing the test for it would hide the real result.
        }
    }
}
