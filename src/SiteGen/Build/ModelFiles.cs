using System.Security.Cryptography;
using SiteGen.Write;

namespace SiteGen.Build;

/// <summary>Publishes files made from the model alone (the catalogue, the sitemap): they show reports' and pages' metadata and URLs
/// and the site's settings but nothing of the bodies, so they are reused, all together, while the model hash stands.</summary>
public static class ModelFiles
{
    /// <param name="paths">The files <paramref name="render"/> makes, known before it makes them.</param>
    public static void Write(IReadOnlyList<string> paths, Func<IEnumerable<(string Path, byte[] Bytes)>> render, PageFingerprints fingerprints,
        PageCache cache, OutputPublisher publisher)
    {
        var key = PageFingerprints.InputKey(fingerprints.ModelHash, []);
        if (cache.DecideTogether(paths, key) is { } live)
        {
            foreach (var (path, file, fingerprint) in live)
            {
                publisher.Reuse(path, file);
                cache.Record(path, fingerprint, null, key, file);
            }
            return;
        }
        foreach (var (path, bytes) in render())
        {
            // A model edit that leaves the file as it was keeps the live file, and its time, for hosts that sync by time.
            publisher.WriteUnlessSame(path, bytes);
            cache.Record(path, Convert.ToHexStringLower(SHA256.HashData(bytes)), null, key);
        }
    }
}
