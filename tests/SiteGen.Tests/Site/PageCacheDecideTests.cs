using System.Text;
using SiteGen.Build;

namespace SiteGen.Tests.Site;

/// <summary>The reuse-or-render decision of a page, view page or feed (<see cref="PageCache.Decide"/>), on a real output folder.</summary>
public sealed class PageCacheDecideTests : IDisposable
{
    private const string File1 = "reports/a/index.html";
    private readonly string _output = Directory.CreateTempSubdirectory("sitegen-decide-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    /// <summary>The record a previous build left of the one page it published at <see cref="File1"/>, read back as the next build reads it.</summary>
    private PageCache PreviousBuild(string fingerprint, string summary, string inputKey)
    {
        var path = Path.Combine(_output, File1);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "<p>page</p>");
        var built = PageCache.Empty(_output);
        built.Record(File1, fingerprint, summary, inputKey);
        using var record = new MemoryStream();
        using (var writer = new BinaryWriter(record, Encoding.UTF8, leaveOpen: true)) built.Write(writer, published: true);
        record.Position = 0;
        using var reader = new BinaryReader(record);
        return PageCache.Read(reader, _output);
    }

    [Fact]
    public void Given_the_same_input_key_and_an_untouched_file_when_decided_then_it_is_reused_without_computing_the_fingerprint()
    {
        // Given a page the previous build published from inputs of key k1
        var cache = PreviousBuild("fp1", "摘要", "k1");
        var calls = 0;

        // When this build decides it with the same key
        var decision = cache.Decide(File1, "k1", () => { calls++; return "fp2"; });

        // Then the previous file is reused with the fingerprint and summary it had, and the fingerprint was never asked for
        Assert.False(decision.MustRender);
        Assert.True(decision.InputsUnchanged);
        Assert.Equal(Path.Combine(_output, File1), decision.Reused!.Value.Path);
        Assert.Equal(("fp1", "摘要"), (decision.Fingerprint, decision.Summary));
        Assert.Equal(0, calls);
    }

    [Fact]
    public void Given_another_input_key_but_the_same_fingerprint_when_decided_then_it_is_reused_after_one_fingerprint()
    {
        // Given a page the previous build published with fingerprint fp1
        var cache = PreviousBuild("fp1", "摘要", "k1");
        var calls = 0;

        // When this build decides it with another key, its view fingerprinting the same
        var decision = cache.Decide(File1, "k2", () => { calls++; return "fp1"; });

        // Then the previous file is reused, with its summary, after the fingerprint was computed once
        Assert.False(decision.MustRender);
        Assert.False(decision.InputsUnchanged);
        Assert.Equal(Path.Combine(_output, File1), decision.Reused!.Value.Path);
        Assert.Equal(("fp1", "摘要"), (decision.Fingerprint, decision.Summary));
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Given_another_input_key_and_another_fingerprint_when_decided_then_it_must_be_rendered_with_the_new_fingerprint()
    {
        // Given a page the previous build published with fingerprint fp1
        var cache = PreviousBuild("fp1", "摘要", "k1");

        // When this build decides it with another key and its view fingerprints otherwise
        var decision = cache.Decide(File1, "k2", () => "fp2");

        // Then it must be rendered, decided by the new fingerprint and without the old summary
        Assert.True(decision.MustRender);
        Assert.Null(decision.Reused);
        Assert.Equal(("fp2", (string?)null), (decision.Fingerprint, decision.Summary));
    }

    [Theory]
    [InlineData("size")]
    [InlineData("time")]
    public void Given_the_live_file_changed_on_disk_when_decided_with_the_same_key_and_fingerprint_then_it_must_be_rendered(string change)
    {
        // Given a page the previous build published, whose file was then changed in place (its size, or only its time)
        var cache = PreviousBuild("fp1", "摘要", "k1");
        var path = Path.Combine(_output, File1);
        if (change == "size") File.AppendAllText(path, "<p>edited</p>");
        else File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddMinutes(-5));
        var calls = 0;

        // When this build decides it with the same key and a view fingerprinting the same
        var decision = cache.Decide(File1, "k1", () => { calls++; return "fp1"; });

        // Then the changed file is not reused: the page is fingerprinted and must be rendered
        Assert.True(decision.MustRender);
        Assert.False(decision.InputsUnchanged);
        Assert.Equal("fp1", decision.Fingerprint);
        Assert.Equal(1, calls);
    }
}
