using System.Security.Cryptography;
using System.Text;
using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Hardening;

/// <summary>What the hardening tests add to <see cref="TestSite"/>: a good starting site, reports anywhere under content/, and fingerprints of the output.</summary>
public static class HardeningTestSiteExtensions
{
    extension(TestSite)
    {
        /// <summary>A site that builds: three reports by two agencies.</summary>
        public static TestSite Good()
        {
            var site = new TestSite();
            site.File("content/site.yml", "title: \"测试报告库\"\nbase_url: \"https://example.gov.cn/\"\n");
            site.ReportAt("content/2023/a.md", "红塔区司法局", 2023);
            site.ReportAt("content/2024/a.md", "红塔区司法局", 2024);
            site.ReportAt("content/2024/b.md", "红塔区卫生健康局", 2024);
            return site;
        }

        /// <summary>Every file of a folder (relative path → SHA-256 of its bytes), sorted; empty when the folder does not exist.</summary>
        public static SortedDictionary<string, string> Fingerprint(string dir)
        {
            var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (!Directory.Exists(dir)) return result;
            foreach (var (path, bytes) in TestSite.SnapshotOf(dir))
                result[path] = Convert.ToHexStringLower(SHA256.HashData(bytes));
            return result;
        }

        /// <summary>One hash for a whole file set, for comparing many snapshots quickly.</summary>
        public static string FingerprintHash(SortedDictionary<string, string> fingerprint) =>
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", fingerprint.Select(kv => kv.Key + " " + kv.Value)))));

        public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
            string.Join("\n", diagnostics.Select(d => d.ToString()));
    }

    extension(TestSite site)
    {
        /// <summary>A valid report for <paramref name="agency"/> and <paramref name="year"/> at <paramref name="relative"/> (under content/),
        /// with optional extra front matter lines and body.</summary>
        public TestSite ReportAt(string relative, string agency, int year, string extraFrontMatter = "", string body = "## 一、主要举措和成效\n\n正文。\n") =>
            site.File(relative, $"---\n{TestSite.FrontMatter(agency, year, ["云南省", "玉溪市"], $"{year + 1}-03-01", extra: extraFrontMatter)}---\n{body}");

        public SortedDictionary<string, string> OutputFingerprint() => TestSite.Fingerprint(site.Output);

        /// <summary>Stray folders beside the output (old copies, per-build staging folders); the publisher's own kept staging tree,
        /// <c>.output.staging</c>, which holds the previous output for the next build to reuse, is not one.</summary>
        public IReadOnlyList<string> Leftovers() =>
            Directory.EnumerateDirectories(site.Root, ".output.*").Select(Path.GetFileName).Select(n => n!)
                .Where(n => n != ".output.staging").Order(StringComparer.Ordinal).ToList();
    }
}
