using SiteGen.Diagnostics;
using SiteGen.Load;

namespace SiteGen.Model;

/// <summary>Finds each report's attachments: the files its Markdown links in its own folder or below, checked (inside the content folder,
/// an allowed type, within the size limit, one file per URL) and given a URL under the report's; and warns about the files of the content
/// folder that no report links, which are not published.</summary>
/// <remarks>A report owns the files named after it (<c>a.pdf</c> beside <c>a.md</c>) and everything in the folder named after it
/// (<c>a/</c>); its folder may be shared with other reports, whose files it may link too. A link never leads above the report's folder.</remarks>
internal sealed class AttachmentResolver
{
    private const string LocalFileHint = "copy the file beside the report (or into the folder named after it) and link it by its name, e.g. [附件：统计表](统计表.xlsx)";
    private static readonly string[] PageExtensions = [".md", ".html", ".htm"];

    private readonly string _content;
    private readonly string _realContent;
    private readonly SiteUrls _urls;
    private readonly AttachmentSettings _settings;
    private readonly DiagnosticBag _diagnostics;

    private AttachmentResolver(string content, string realContent, SiteUrls urls, AttachmentSettings settings, DiagnosticBag diagnostics)
    {
        _content = content;
        _realContent = realContent;
        _urls = urls;
        _settings = settings;
        _diagnostics = diagnostics;
    }

    /// <summary>The reports with their attachments; <paramref name="files"/> are every loaded file, drafts included, so that a file a
    /// draft links is not reported as linked by nobody.</summary>
    public static List<Report> Resolve(List<Report> reports, IReadOnlyList<ContentFile> files, SiteUrls urls, AttachmentSettings settings, DiagnosticBag diagnostics)
    {
        if (files.Count == 0) return reports;
        // Every loaded file's path is its site folder joined with its site-relative path (content/…), so any of them locates the content folder.
        var content = Path.Combine(files[0].FullPath[..^files[0].RelativePath.Length], ContentLoader.ContentFolder);
        string realContent;
        try
        {
            realContent = ContentLoader.ResolveReal(content);
        }
        catch (IOException)
        {
            return reports; // the loader has reported the content folder
        }
        var resolver = new AttachmentResolver(content, realContent, urls, settings, diagnostics);
        var resolved = reports.Select(r => r.Source.Links.Count == 0 ? r : r with { Attachments = resolver.AttachmentsOf(r) }).ToList();
        CheckUrlsAreUnique(resolved, diagnostics);
        resolver.WarnAboutUnlinkedFiles(files);
        return resolved;
    }

    /// <summary>An attachment being gathered from the links that lead to it.</summary>
    private sealed class Found(string path, string output, AttachmentType type, SourceStamp stamp, BodyLink first)
    {
        public string Path { get; } = path;
        public string Output { get; } = output;
        public AttachmentType Type { get; } = type;
        public SourceStamp Stamp { get; } = stamp;
        public List<string> Links { get; } = [first.Url];
        public string Title { get; set; } = first.Text;
        public bool Listed { get; set; } = !first.IsImage;
    }

    private IReadOnlyList<Attachment> AttachmentsOf(Report report)
    {
        var source = report.Source;
        var folder = Path.GetDirectoryName(source.FullPath)!;
        var found = new Dictionary<string, Found>(StringComparer.Ordinal);
        var order = new List<Found>();
        var byOutput = new Dictionary<string, Found>(StringComparer.OrdinalIgnoreCase);
        foreach (var link in source.Links)
        {
            void Fail(string code, string message, string hint) => _diagnostics.Error(code, source.RelativePath, link.Line, link.Column, message, hint);

            var (path, refusal) = Locate(folder, link.Url);
            if (refusal is not null)
            {
                Fail(DiagnosticCodes.AttachmentOutside, refusal, LocalFileHint);
                continue;
            }
            if (path is null || Directory.Exists(path)) continue; // a link to a page or a folder, not to a file
            if (found.TryGetValue(path, out var known))
            {
                if (!known.Links.Contains(link.Url)) known.Links.Add(link.Url);
                if (!known.Listed && !link.IsImage) (known.Listed, known.Title) = (true, link.Text);
                continue;
            }

            var name = Path.GetRelativePath(folder, path).Replace('\\', '/');
            if (AttachmentTypes.Of(path) is not { } type)
            {
                Fail(DiagnosticCodes.AttachmentType, $"cannot publish `{name}`: {AttachmentTypes.Refusal(path)}",
                    $"allowed types: {AttachmentTypes.List}; convert the file to one of them (an image to PNG, a document to PDF)");
                continue;
            }
            if (!File.Exists(path) || SourceStamp.Of(path) is not { } stamp)
            {
                Fail(DiagnosticCodes.AttachmentMissing, $"the linked file `{name}` does not exist (looked for {ContentLoader.Display(_content, path)})",
                    NearMiss(path) is { } similar ? $"the folder has `{similar}`: correct the link's spelling (letter case counts)" : "put the file there, or correct the link");
                continue;
            }
            if (!IsInsideContent(path, out var linkProblem))
            {
                Fail(DiagnosticCodes.AttachmentOutside, $"cannot publish `{name}`: {linkProblem}",
                    "copy the file into the report's folder instead of linking to it: a link may not publish files from elsewhere");
                continue;
            }
            if (stamp.Length > _settings.MaxSize)
            {
                Fail(DiagnosticCodes.AttachmentTooLarge, $"`{name}` is {Attachment.FormatSize(stamp.Length)}, over the attachment size limit of {Attachment.FormatSize(_settings.MaxSize)}",
                    "make the file smaller (compress its images, split it), or raise `attachments: max_size:` in content/site.yml");
                continue;
            }
            var output = OutputPath(report, folder, path);
            if (byOutput.TryGetValue(output, out var other))
            {
                Fail(DiagnosticCodes.AttachmentCollision, $"`{name}` and `{Path.GetRelativePath(folder, other.Path)}` would both be published as /{output}",
                    "rename one of the files: published names keep letters, digits, Chinese and - _ . and ignore letter case");
                continue;
            }
            var attachment = new Found(path, output, type, stamp, link);
            found[path] = byOutput[output] = attachment;
            order.Add(attachment);
        }
        return order.Select(f => new Attachment
        {
            SourcePath = f.Path, SourceFile = ContentLoader.Display(_content, f.Path), OutputPath = f.Output, Href = _urls.FileHref(f.Output),
            Type = f.Type, Length = f.Stamp.Length, Stamp = f.Stamp, Links = f.Links, Title = f.Title, Listed = f.Listed,
        }).ToList();
    }

    /// <summary>The file a link names inside the report's folder, or why it may name none; neither for a link that names no file: one to a
    /// page or a folder, or a destination without an extension that leads to nothing (a mistyped page link, left to `sitegen check`).</summary>
    private (string? Path, string? Refusal) Locate(string folder, string url)
    {
        if (!BodyLink.MayNameLocalFile(url)) return (null, null);
        if (BodyLink.IsOnComputer(url)) return (null, $"link `{url}` points at a file on a computer, which readers of the site cannot open");
        var path = Uri.UnescapeDataString(url[..(url.Length - Attachment.SuffixOf(url).Length)]);
        if (path.Length == 0 || path.EndsWith('/') || PageExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase)) return (null, null);
        var full = Path.GetFullPath(Path.Combine(folder, path));
        // A destination names a file when it looks like one (it has an extension), is one, or leads out of content/, where nothing of the site is.
        if (full == folder || (Path.GetExtension(path).Length == 0 && ContentLoader.IsInside(full, _content) && !File.Exists(full))) return (null, null);
        if (path.Contains('\\')) return (null, $"link `{url}` separates folders with `\\`; links use `/` (附件/统计表.xlsx)");
        if (path.Any(char.IsControl)) return (null, $"link `{url}` holds control characters");
        if (!ContentLoader.IsInside(full, folder))
            return (null, ContentLoader.IsInside(full, _content)
                ? $"link `{url}` leads out of the report's folder; attachments are files in the report's folder or below it"
                : $"link `{url}` leads outside the site's content folder");
        if (Path.GetRelativePath(folder, full).Split(Path.DirectorySeparatorChar).Any(s => s.StartsWith('.')))
            return (null, $"link `{url}` names a hidden file or folder (its name starts with `.`), which is never published");
        return (full, null);
    }

    /// <summary>False, with the reason, for a file reached through a symbolic link that leads outside the content folder (or nowhere).</summary>
    private bool IsInsideContent(string path, out string problem)
    {
        problem = "";
        try
        {
            if (ContentLoader.IsInside(ContentLoader.ResolveReal(path), _realContent)) return true;
            problem = "it is a symbolic link to a file outside the site's content folder";
        }
        catch (IOException)
        {
            problem = "it is a symbolic link that cannot be resolved (a loop or a missing target)";
        }
        return false;
    }

    /// <summary>A file of the same folder whose name differs only in letter case, to point at a misspelt link.</summary>
    private static string? NearMiss(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder)) return null;
        var name = Path.GetFileName(path);
        return Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The attachment's output path under the report's: its path below the report's folder, the folder named after the report left out, every name made safe.</summary>
    private static string OutputPath(Report report, string folder, string path)
    {
        var segments = Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar);
        var skip = segments.Length > 1 && segments[0] == Path.GetFileNameWithoutExtension(report.Source.FullPath) ? 1 : 0;
        var safe = segments.Skip(skip).Select((s, i) => AttachmentNames.Safe(s, isFile: i == segments.Length - skip - 1));
        return SiteUrls.AttachmentPath(report.Path, string.Join('/', safe));
    }

    /// <summary>Reports' URLs can nest (a report with slug 2024 lives at reports/2024/, above every 2024 report): no two files may meet at one URL.</summary>
    private static void CheckUrlsAreUnique(List<Report> reports, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, Attachment>(StringComparer.OrdinalIgnoreCase);
        foreach (var report in reports)
            foreach (var attachment in report.Attachments)
                if (!seen.TryAdd(attachment.OutputPath, attachment))
                    diagnostics.Error(DiagnosticCodes.AttachmentCollision, report.Source.RelativePath, 0, 0,
                        $"attachment {attachment.SourceFile} would be published as /{attachment.OutputPath}, like {seen[attachment.OutputPath].SourceFile}",
                        "give the report a `slug` that no other report's URL starts with, or rename the file");
    }

    /// <summary>Warns about each file of the content folder that no report links (Markdown files and site.yml aside): it is not published.
    /// A file a report owns is reported on that report, any other on the file itself.</summary>
    private void WarnAboutUnlinkedFiles(IReadOnlyList<ContentFile> files)
    {
        var linked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
            foreach (var link in file.Links)
                if (Locate(Path.GetDirectoryName(file.FullPath)!, link.Url).Path is { } path) linked.Add(path);
        // A report file without its extension: the name of the files it owns beside it, and of its own folder.
        var owners = new Dictionary<string, ContentFile>(StringComparer.Ordinal);
        foreach (var file in files) owners.TryAdd(Path.ChangeExtension(file.FullPath, null), file);
        var settings = Path.Combine(_content, SiteConfigLoader.FileName);

        foreach (var path in FilesBelow())
        {
            if (linked.Contains(path) || path == settings || path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) continue;
            if (OwnerOf(path, owners) is { } owner)
            {
                var name = Path.GetRelativePath(Path.GetDirectoryName(owner.FullPath)!, path).Replace('\\', '/');
                var destination = name.IndexOfAny([' ', '(', ')', '<', '>']) >= 0 ? $"<{name}>" : name;
                _diagnostics.Warning(DiagnosticCodes.AttachmentUnlinked, owner.RelativePath, 0, 0,
                    $"`{name}` belongs to this report (it is named after it or in its folder), but the report does not link it, so it is not published",
                    $"link it where the report mentions it, e.g. [附件]({destination}), or move the file out of content/");
            }
            else
                _diagnostics.Warning(DiagnosticCodes.AttachmentUnlinked, ContentLoader.Display(_content, path), 0, 0,
                    "no report links this file, so it is not published",
                    "link it from the report it belongs to (files in a report's folder or below are linked by their path from there), or move it out of content/");
        }
    }

    private ContentFile? OwnerOf(string path, Dictionary<string, ContentFile> owners)
    {
        if (owners.TryGetValue(Path.ChangeExtension(path, null), out var named)) return named;
        for (var folder = Path.GetDirectoryName(path); folder is not null && folder.Length > _content.Length; folder = Path.GetDirectoryName(folder))
            if (owners.TryGetValue(folder, out var owner)) return owner;
        return null;
    }

    /// <summary>The files of the content folder in path order, hidden names and linked folders skipped (the loader reports links that lead out).</summary>
    private List<string> FilesBelow()
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true };
        try
        {
            var files = new System.IO.Enumeration.FileSystemEnumerable<string>(_content, (ref System.IO.Enumeration.FileSystemEntry e) => e.ToFullPath(), options)
            {
                ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry e) => !e.IsDirectory && !e.FileName.StartsWith('.'),
                ShouldRecursePredicate = (ref System.IO.Enumeration.FileSystemEntry e) => !e.FileName.StartsWith('.') && !e.Attributes.HasFlag(FileAttributes.ReparsePoint),
            }.ToList();
            files.Sort(StringComparer.Ordinal);
            return files;
        }
        catch (DirectoryNotFoundException)
        {
            throw new SiteGenException(DiagnosticCodes.ContentVanished, $"the content folder disappeared while it was read: {_content}",
                "do not move or delete content while a build runs; run the build again");
        }
    }
}
