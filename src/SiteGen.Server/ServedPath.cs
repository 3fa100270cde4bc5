namespace SiteGen.Server;

/// <summary>Maps a decoded request path below the base path to a file inside the output folder, refusing anything that could leave it.</summary>
public static class ServedPath
{
    /// <summary>The outcome of resolving a request path.</summary>
    public enum Kind
    {
        /// <summary>A file inside the output folder (it may not exist).</summary>
        File,

        /// <summary>A folder requested without its trailing slash: redirect to the slash form.</summary>
        FolderWithoutSlash,

        /// <summary>Dot segments, hidden names, backslashes, NUL or anything else that is never served.</summary>
        Refused,
    }

    /// <summary>Resolves <paramref name="relative"/> (already percent-decoded, no leading slash) against <paramref name="root"/>.</summary>
    public static (Kind Kind, string? FullPath) Resolve(string root, string relative)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (relative.IndexOfAny(['\0', '\\']) >= 0 || relative.StartsWith('/')) return (Kind.Refused, null);
        var segments = relative.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var s = segments[i];
            // Empty segments are allowed only as the trailing slash of a folder; hidden names (.., ., .sitegen-output) are never served.
            if (s.Length == 0 && i != segments.Length - 1) return (Kind.Refused, null);
            // A segment that still decodes to a dot name was encoded twice: a traversal attempt, not a file of ours.
            if (s.StartsWith('.') || Uri.UnescapeDataString(s).StartsWith('.')) return (Kind.Refused, null);
        }

        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (full != root && !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return (Kind.Refused, null);
        if (HasLinkBetween(root, full)) return (Kind.Refused, null);

        if (Directory.Exists(full))
        {
            if (relative.Length > 0 && !relative.EndsWith('/')) return (Kind.FolderWithoutSlash, full);
            return (Kind.File, Path.Combine(full, "index.html"));
        }
        return (Kind.File, full);
    }

    /// <summary>The output is written by SiteGen and holds no links; one found there was put by someone else and could lead out.</summary>
    private static bool HasLinkBetween(string root, string full)
    {
        for (var p = full; p.Length > root.Length; p = Path.GetDirectoryName(p)!)
        {
            var info = new FileInfo(p);
            if (info.Exists || Directory.Exists(p))
            {
                if (info.LinkTarget is not null || new DirectoryInfo(p).LinkTarget is not null) return true;
            }
        }
        return false;
    }
}
