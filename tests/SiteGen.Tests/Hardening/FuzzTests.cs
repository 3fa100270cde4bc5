using System.Diagnostics;
using System.Globalization;
using AngleSharp.Html.Parser;
using SiteGen.Diagnostics;
using SiteGen.Html;
using SiteGen.Import;
using SiteGen.Load;
using SiteGen.Render;
using SiteGen.Search;
using Xunit.Abstractions;

using SiteGen.Tests.Support;
namespace SiteGen.Tests.Hardening;

/// <summary>Seeded random inputs for the front matter parser, the Markdown renderer, whole builds, the importer and the search tokenizer and index: only diagnostics, never a crash, a hang or a script.</summary>
/// <remarks>Reproduce a failure with SITEGEN_FUZZ_SEED=the printed seed; run longer with SITEGEN_FUZZ_SECONDS (see bench/fuzz/run.sh).</remarks>
public sealed class FuzzTests(ITestOutputHelper output)
{
    /// <summary>Seconds that the targets share out (their shares sum to 1.3); the suite's default keeps the run near thirteen seconds.</summary>
    private static double Budget => double.TryParse(Environment.GetEnvironmentVariable("SITEGEN_FUZZ_SECONDS"), CultureInfo.InvariantCulture, out var s) ? s : 10;

    private static int Seed(string target)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SITEGEN_FUZZ_SEED"), out var s) ? s : Random.Shared.Next();
        // Printed at once too: a crash of the test process would lose the test's own output.
        Console.Error.WriteLine($"fuzz {target}: seed {seed}");
        return seed;
    }

    private static readonly TimeSpan InputTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs inputs until the time share is spent; each must finish in time and pass <paramref name="check"/>.</summary>
    private int Fuzz(string target, double share, Action<FuzzInput, int> check)
    {
        var seed = Seed(target);
        var master = new Random(seed);
        var clock = Stopwatch.StartNew();
        var count = 0;
        var slowest = (Time: TimeSpan.Zero, Index: -1);
        while (clock.Elapsed.TotalSeconds < Budget * share)
        {
            var inputSeed = master.Next();
            var index = count;
            var started = clock.Elapsed;
            var run = Task.Run(() => check(new FuzzInput(inputSeed), index));
            bool finished;
            try
            {
                finished = run.Wait(InputTimeout);
            }
            catch (AggregateException ex)
            {
                throw new Xunit.Sdk.XunitException($"fuzz {target}: seed {seed}, input #{index} (input seed {inputSeed}) failed: {ex.InnerException}");
            }
            if (!finished)
                throw new Xunit.Sdk.XunitException($"fuzz {target}: seed {seed}, input #{index} (input seed {inputSeed}) did not finish in {InputTimeout.TotalSeconds} s");
            if (clock.Elapsed - started > slowest.Time) slowest = (clock.Elapsed - started, index);
            count++;
        }
        var line = $"fuzz {target}: seed {seed}, {count} inputs in {clock.Elapsed.TotalSeconds:F1} s (slowest #{slowest.Index}: {slowest.Time.TotalMilliseconds:F0} ms), no crash, hang or unhandled exception";
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("SITEGEN_FUZZ_REPORT") is { Length: > 0 } report) File.AppendAllText(report, line + "\n");
        return count;
    }

    private static string Show(string text) => text.Length <= 400 ? text : text[..400] + $"… ({text.Length} chars)";

    [Fact]
    public void The_front_matter_parser_returns_a_result_or_located_errors_for_any_text()
    {
        var count = Fuzz("front-matter", 0.15, (input, _) =>
        {
            var text = input.ReportFile();
            var diagnostics = new DiagnosticBag();
            var (frontMatter, _) = FrontMatterParser.Parse(text, "content/fuzz.md", diagnostics);
            var errors = diagnostics.Sorted().Where(d => d.Severity == Severity.Error).ToList();
            var lines = text.Split('\n').Length;
            if (frontMatter is null && errors.Count == 0) throw new InvalidOperationException("rejected without an error:\n" + Show(text));
            if (frontMatter is not null && errors.Count > 0) throw new InvalidOperationException("accepted despite errors:\n" + Show(text));
            foreach (var e in errors)
                if (e.File != "content/fuzz.md" || e.Line < 0 || e.Line > lines + 1)
                    throw new InvalidOperationException($"badly located: {e}\n{Show(text)}");
        });
        Assert.True(count > 0);
    }

    [Fact]
    public void The_markdown_renderer_produces_inert_html_or_a_nesting_error_for_any_text()
    {
        var renderers = new[] { new MarkdownRenderer(allowRawHtml: false), new MarkdownRenderer(allowRawHtml: true) };
        var parser = new HtmlParser();
        var count = Fuzz("markdown", 0.2, (input, index) =>
        {
            var markdown = input.Markdown();
            RenderedBody body;
            try
            {
                body = renderers[index % 2].Render(markdown);
            }
            catch (SiteGenException ex) when (ex.Code == DiagnosticCodes.MarkdownTooDeep && ex.Line >= 1)
            {
                return;
            }
            var document = parser.ParseDocument("<!doctype html><body>" + body.Html);
            if (document.QuerySelector("script, iframe, object, embed, base, svg, math") is { } bad)
                throw new InvalidOperationException($"dangerous element {bad.OuterHtml}\nfrom:\n{Show(markdown)}");
            foreach (var element in document.All)
                foreach (var attribute in element.Attributes)
                    if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute.Name is "style" or "srcdoc"
                        || (attribute.Name is "href" or "src" or "action" or "formaction" or "srcset" && !UrlSafety.IsSafe(attribute.Value)))
                        throw new InvalidOperationException($"unsafe attribute {attribute.Name}=\"{attribute.Value}\"\nfrom:\n{Show(markdown)}");
        });
        Assert.True(count > 0);
    }

    [Fact]
    public void Whole_builds_of_random_tiny_sites_succeed_or_fail_with_diagnostics_keeping_the_previous_output()
    {
        using var site = TestSite.Good();
        site.BuildSucceeding();
        var built = 0;
        var count = Fuzz("build", 0.45, (input, _) =>
        {
            var before = site.OutputFingerprint();
            foreach (var file in Directory.EnumerateFiles(site.PathOf("content"), "*", SearchOption.AllDirectories)) File.Delete(file);
            site.File("content/site.yml", input.SiteYml());
            // One report with valid front matter and a random body, so most builds get as far as rendering; then 0–2 random files.
            site.ReportAt("content/good.md", "固定机关", 2024, body: input.Markdown());
            var files = input.Next(3);
            for (var i = 0; i < files; i++) site.File($"content/{input.Next(3)}/f{i}.md", input.ReportFile());

            var result = site.TryBuild();

            if (result.Succeeded)
            {
                if (!File.Exists(Path.Combine(site.Output, "index.html"))) throw new InvalidOperationException("succeeded without a home page");
                Interlocked.Increment(ref built);
            }
            else
            {
                if (!result.Diagnostics.Any(d => d.Severity == Severity.Error)) throw new InvalidOperationException("failed without an error");
                if (!before.SequenceEqual(site.OutputFingerprint())) throw new InvalidOperationException("a failed build changed the output");
            }
            if (site.Leftovers().Count > 0) throw new InvalidOperationException("left " + string.Join(", ", site.Leftovers()));
        });
        output.WriteLine($"fuzz build: {built} of {count} random sites built, the others failed with diagnostics");
        Assert.True(count > 0);
    }

    [Fact]
    public void The_importer_converts_any_text_html_or_bytes_or_refuses_them_and_its_front_matter_always_parses()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var folder = new TestSite();
        var count = Fuzz("import", 0.2, (input, index) =>
        {
            var (extension, bytes) = input.ImportFile();
            var path = folder.PathOf($"in-{index}{extension}");
            File.WriteAllBytes(path, bytes);
            ImportedReport report;
            try
            {
                report = ImportRunner.Convert(path);
            }
            catch (ImportException)
            {
                return;
            }
            finally
            {
                File.Delete(path);
            }
            // Whatever the source held, the Markdown the importer writes must have well-formed front matter (no YAML injection).
            var markdown = MarkdownReportWriter.Render(report);
            var diagnostics = new DiagnosticBag();
            FrontMatterParser.Parse(markdown, "content/imported.md", diagnostics);
            var broken = diagnostics.Sorted().FirstOrDefault(d => d.Code is DiagnosticCodes.YamlSyntax or DiagnosticCodes.NoFrontMatter or DiagnosticCodes.FrontMatterNotClosed);
            if (broken is not null) throw new InvalidOperationException($"imported front matter does not parse: {broken}\n{Show(markdown)}");
        });
        Assert.True(count > 0);
    }
    [Fact]
    public void The_search_tokenizer_accepts_any_utf16_text_and_tokenizes_it_the_same_way_twice()
    {
        var tokens = 0L;
        var count = Fuzz("tokenizer", 0.15, (input, _) =>
        {
            var text = input.UnicodeText();
            var first = Tokenizer.Tokenize(text);
            var second = Tokenizer.Tokenize(text);
            if (!first.SequenceEqual(second)) throw new InvalidOperationException("two tokenizations differ for:\n" + Show(Escape(text)));
            var previous = 0;
            foreach (var token in first)
            {
                if (token.Term.Length == 0 || token.Position < previous)
                    throw new InvalidOperationException($"bad token {token} after position {previous} for:\n{Show(Escape(text))}");
                previous = token.Position;
            }
            Interlocked.Add(ref tokens, first.Count);
        });
        output.WriteLine($"fuzz tokenizer: {tokens} tokens");
        Assert.True(count > 0);
    }

    [Fact]
    public void Search_indexes_of_random_report_pages_build_without_error_and_are_byte_identical_whatever_the_order_of_adding()
    {
        var renderer = new MarkdownRenderer(allowRawHtml: false);
        var count = Fuzz("search-index", 0.15, (input, _) =>
        {
            // Pages shaped like themes/default/layouts/report.sbn-html, with random (escaped) fields and a rendered random body, as SiteBuilder feeds them.
            var pages = Enumerable.Range(0, 1 + input.Next(5)).Select(i => ReportPage(input, renderer)).ToList();
            var inOrder = BuildIndex(pages, parallel: false);
            var shuffled = BuildIndex(pages, parallel: true);
            if (!inOrder.Keys.SequenceEqual(shuffled.Keys))
                throw new InvalidOperationException("index file names differ between two builds: " + string.Join(", ", inOrder.Keys.Except(shuffled.Keys)));
            foreach (var (path, bytes) in inOrder)
                if (!bytes.AsSpan().SequenceEqual(shuffled[path])) throw new InvalidOperationException($"{path} differs between two builds");
            if (!inOrder.ContainsKey(SearchIndexBuilder.Folder + "manifest.json"))
                throw new InvalidOperationException("no manifest written: " + string.Join(", ", inOrder.Keys));
        });
        Assert.True(count > 0);
    }

    private static string ReportPage(FuzzInput input, MarkdownRenderer renderer)
    {
        static string E(string text) => System.Net.WebUtility.HtmlEncode(text);
        string body;
        try
        {
            body = renderer.Render(input.Markdown() + input.UnicodeText()).Html;
        }
        catch (SiteGenException)
        {
            body = "<p>" + E(input.UnicodeText()) + "</p>";
        }
        return $"""
            <!doctype html><html><body><header data-search-ignore>站点</header><main>
            <article class="report" data-search-body>
            <h1 data-search-meta="title">{E(input.UnicodeText())}</h1>
            <dl><dd><a href="/a/" data-search-filter="agency">{E(input.UnicodeText())}</a></dd>
            <dd data-search-filter="region"><a href="/r/">{E(input.UnicodeText())}</a> › <a href="/r/x/">{E(input.UnicodeText())}</a></dd>
            <dd><a href="/y/" data-search-filter="year">{2000 + input.Next(30)}</a></dd>
            <dd><a href="/s/" data-search-filter="series">{E(input.UnicodeText())}</a></dd></dl>
            <div class="body">{body}</div>
            <p data-search-ignore><a href="#main">top</a></p></article></main></body></html>
            """;
    }

    private static SortedDictionary<string, byte[]> BuildIndex(IReadOnlyList<string> pages, bool parallel)
    {
        var files = new System.Collections.Concurrent.ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        var catalogue = new SearchCatalogue(pages.Select((_, d) => new SearchCatalogue.Entry($"reports/{d}/", $"/reports/{d}/", $"第{d}号", 2020 + d % 3, [], "机构", "报告", null)));
        using (var index = new SearchIndexBuilder(catalogue, (path, bytes) => files[path] = bytes.ToArray()))
        {
            if (parallel)
                Parallel.For(0, pages.Count, i => { var d = pages.Count - 1 - i; index.Add(index.DocumentId($"reports/{d}/"), pages[d]); });
            else
                for (var d = 0; d < pages.Count; d++) index.Add(index.DocumentId($"reports/{d}/"), pages[d]);
            index.Finish();
        }
        return new SortedDictionary<string, byte[]>(files, StringComparer.Ordinal);
    }

    private static string Escape(string text) => string.Concat(text.Select(c => c is < ' ' or (>= '\uD800' and <= '\uDFFF') ? $"\\u{(int)c:X4}" : c.ToString()));
}
