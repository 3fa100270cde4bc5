using SiteGen.Diagnostics;

namespace SiteGen.New;

/// <summary>Creates a new site folder for `sitegen new site`: site.yml with every setting explained, one sample report, and an
/// empty <c>themes/default/</c> whose README tells how to override a file of the built-in theme. It builds as it is.</summary>
public static class SiteSkeleton
{
    private const string ResourcePrefix = "new-site/";

    /// <summary>The site's files (site-relative path → text), embedded in SiteGen from <c>New/Site/</c> and <c>docs/themes.md</c>.</summary>
    public static IReadOnlyDictionary<string, string> Files()
    {
        var assembly = typeof(SiteSkeleton).Assembly;
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            files[name[ResourcePrefix.Length..].Replace('\\', '/')] = reader.ReadToEnd();
        }
        return files;
    }

    /// <summary>Creates the site in <paramref name="siteDir"/>, which must not exist or be empty; all files appear at once or none do.</summary>
    public static IReadOnlyList<string> Create(string siteDir)
    {
        var target = Path.GetFullPath(siteDir);
        if (File.Exists(target) || Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new SiteGenException(DiagnosticCodes.SiteFolderNotEmpty, $"`{siteDir}` already exists and is not empty; nothing was written",
                "give a new folder: sitegen new site never writes into an existing one");
        var parent = Path.GetDirectoryName(target) ?? throw new SiteGenException(DiagnosticCodes.InvalidArgument, $"`{siteDir}` cannot hold a site", "give a folder such as ./my-archive");
        Directory.CreateDirectory(parent);
        // Written into a folder beside the target and moved into place, so a failure leaves no half-made site behind.
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.sitegen-new-{Environment.ProcessId}");
        try
        {
            var files = Files();
            foreach (var (path, text) in files)
            {
                var full = Path.Combine(staging, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text, new System.Text.UTF8Encoding(false));
            }
            if (Directory.Exists(target)) Directory.Delete(target);
            Directory.Move(staging, target);
            return files.Keys.ToList();
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }
}
