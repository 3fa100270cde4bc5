using System.IO.Enumeration;
using SiteGen.Diagnostics;

namespace SiteGen.Load;

/// <summary>Finds every report under <c>content/</c> and loads its front matter; files are read in parallel, results come back in path order.</summary>
public static class ContentLoader
{
    public const string ContentFolder = "content";

    /// <summary>Lists the Markdown files below <paramref name="contentDir"/>, refusing links that lead outside it.</summary>
    public static IReadOnlyList<string> FindReportFiles(string contentDir, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(contentDir);
        var found = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Walk(root, root, found, visited, diagnostics);
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private static void Walk(string dir, string root, List<string> found, HashSet<string> visited, DiagnosticBag diagnostics)
    {
        var real = ResolveReal(dir);
        if (!visited.Add(real)) return; // a link back to a folder already walked: a loop
        List<FolderEntry> entries;
        try
        {
            // Entries, not FileInfo objects: name, folder or not and link or not take one stat per entry, not a stat, a readlink and
            // another stat per report file, and a one-report rebuild of 10,000 reports walks every one of them.
            entries = new FileSystemEnumerable<FolderEntry>(dir,
                    (ref FileSystemEntry e) => new FolderEntry(e.FileName.ToString(), e.ToFullPath(), e.IsDirectory, (e.Attributes & FileAttributes.ReparsePoint) != 0),
                    new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false })
                .OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (!Directory.Exists(dir))
                throw new SiteGenException(DiagnosticCodes.ContentVanished, $"the content folder disappeared while it was read: {dir}",
                    "do not move or delete content while a build runs; run the build again");
            diagnostics.Error(DiagnosticCodes.UnreadableFile, Display(root, dir), 0, 0, $"cannot read folder: {ex.Message}",
                "check its permissions");
            return;
        }

        foreach (var entry in entries)
        {
            if (entry.Name.StartsWith('.')) continue;
            var isLink = entry.IsLink;
            if (isLink)
            {
                string target;
                try
                {
                    target = ResolveReal(entry.FullName);
                }
                catch (IOException)
                {
                    diagnostics.Error(DiagnosticCodes.UnreadableFile, Display(root, entry.FullName), 0, 0,
                        "symbolic link cannot be resolved (a loop or a missing target)", "remove the link or point it at a file inside content/");
                    continue;
                }
                if (!IsInside(target, ResolveReal(root)))
                {
                    diagnostics.Error(DiagnosticCodes.UnreadableFile, Display(root, entry.FullName), 0, 0,
                        "symbolic link points outside the site's content folder",
                        "copy the file into content/ instead of linking to it; links may not publish files from elsewhere");
                    continue;
                }
            }

            if (isLink ? Directory.Exists(entry.FullName) : entry.IsDirectory)
                Walk(entry.FullName, root, found, visited, diagnostics);
            else if (entry.Name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && (!isLink || File.Exists(entry.FullName)))
                found.Add(entry.FullName);
        }
    }

    /// <summary>One entry of a content folder as its listing gives it.</summary>
    private readonly record struct FolderEntry(string Name, string FullName, bool IsDirectory, bool IsLink);

    /// <summary>The path with every symbolic link on it resolved; an unresolvable link throws <see cref="IOException"/>.</summary>
    internal static string ResolveReal(string path)
    {
        var info = new FileInfo(path);
        var target = info.LinkTarget is not null ? info.ResolveLinkTarget(returnFinalTarget: true) : null;
        if (info.LinkTarget is not null && target is null) throw new IOException("unresolvable link");
        var full = Path.GetFullPath(target?.FullName ?? path);
        // Resolve links in parent folders too, so a folder reached twice is recognised.
        var parent = Path.GetDirectoryName(full);
        if (parent is null || parent == full) return full;
        var realParent = new DirectoryInfo(parent).LinkTarget is not null ? ResolveReal(parent) : parent;
        return Path.Combine(realParent, Path.GetFileName(full));
    }

    internal static bool IsInside(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);

    /// <summary>A path for diagnostics: relative to the site folder, with forward slashes.</summary>
    public static string Display(string contentRoot, string path)
    {
        var siteRoot = Path.GetDirectoryName(Path.GetFullPath(contentRoot)) ?? contentRoot;
        return Path.GetRelativePath(siteRoot, path).Replace('\\', '/');
    }

    /// <summary>Loads every report; a file with errors is reported and left out, so all problems show in one run.
    /// With a <paramref name="cache"/>, a file whose stamp is unchanged is taken from it unread (its warnings are reported again).</summary>
    public static IReadOnlyList<ContentFile> Load(string contentDir, DiagnosticBag diagnostics, LoadCache? cache = null)
    {
        var paths = FindReportFiles(contentDir, diagnostics);
        var results = new ContentFile?[paths.Count];
        Parallel.For(0, paths.Count, i =>
        {
            var path = paths[i];
            var display = Display(contentDir, path);
            // Stamped before reading: if the file changes while it is read, the next build sees a different stamp.
            var stamp = cache is null ? null : SourceStamp.Of(path);
            if (cache is not null && stamp is { } known && cache.TryGet(display, known, out var hit))
            {
                foreach (var warning in hit.Warnings) diagnostics.Add(warning);
                results[i] = hit.ToContentFile(path, display);
                cache.Record(display, hit);
                return;
            }
            var local = new DiagnosticBag();
            results[i] = LoadFile(contentDir, path, display, local, out var hash);
            var found = local.Sorted();
            foreach (var diagnostic in found) diagnostics.Add(diagnostic);
            if (cache is not null && stamp is { } read && results[i] is { } loaded && !local.HasErrors)
                cache.Record(display, new LoadCacheEntry(read, hash!, loaded.BodyOffset, loaded.BodyLine, loaded.FrontMatter, loaded.Links, found));
        });
        return results.Where(r => r is not null).Select(r => r!).ToList();
    }

    private static ContentFile? LoadFile(string contentDir, string path, string display, DiagnosticBag diagnostics, out byte[]? hash)
    {
        hash = null;
        byte[]? bytes;
        try
        {
            bytes = TextFileReader.ReadBytes(path, display, diagnostics);
        }
        catch (FileNotFoundException) when (!Directory.Exists(contentDir))
        {
            throw new SiteGenException(DiagnosticCodes.ContentVanished, $"the content folder disappeared while it was read: {contentDir}",
                "do not move or delete content while a build runs; run the build again");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.UnreadableFile, display, 0, 0, $"cannot read file: {ex.Message}", "check the file's permissions");
            return null;
        }
        var text = bytes is null ? null : TextFileReader.Decode(bytes, display, diagnostics);
        if (text is null) return null;
        var (frontMatter, split) = FrontMatterParser.Parse(text, display, diagnostics);
        if (frontMatter is null || split is null) return null;
        hash = System.Security.Cryptography.SHA256.HashData(bytes!);
        var links = BodyLink.Find(split.BodyOffset >= text.Length ? "" : text[split.BodyOffset..], split.BodyLine);
        return new ContentFile(path, display, frontMatter, split.BodyOffset, split.BodyLine, hash, links);
    }

    /// <summary>Reads a report's Markdown body again at render time.</summary>
    public static string ReadBody(ContentFile file)
    {
        // Decode exactly as the loader did (a BOM stays a character), so the stored offset still points at the body. The file
        // and its characters go through pooled buffers: the views and the report pages read every body, and one string each
        // (instead of the bytes, the whole text and then the body) keeps a clean build's collections fewer.
        using var handle = File.OpenHandle(file.FullPath);
        var length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength) throw new IOException($"{file.FullPath} is too large to read");
        var bytes = System.Buffers.ArrayPool<byte>.Shared.Rent((int)length);
        char[]? chars = null;
        try
        {
            var read = FileReads.FromStart(handle, bytes.AsSpan(0, (int)length));
            chars = System.Buffers.ArrayPool<char>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxCharCount(read));
            var count = System.Text.Encoding.UTF8.GetChars(bytes, 0, read, chars, 0);
            return file.BodyOffset >= count ? "" : new string(chars, file.BodyOffset, count - file.BodyOffset);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
            if (chars is not null) System.Buffers.ArrayPool<char>.Shared.Return(chars);
        }
    }
}
