using SiteGen.Diagnostics;

namespace SiteGen.Search;

/// <summary>A private temporary folder for the index stage's spill files, deleted at the end; its I/O failures become a diagnostic.
/// Creating one also deletes the folders of builds that ended without deleting theirs (killed, or out of power).</summary>
public sealed class ScratchFolder : IDisposable
{
    private const string Prefix = "sitegen-search-";
    /// <summary>Held open without sharing while the folder is in use: the OS lets go of it when the process ends however it ends,
    /// which is how a later build tells a leftover folder from one in use (whatever its process id, in whatever container).</summary>
    private const string LockName = ".in-use";

    /// <summary>A folder without a lock file is left alone this long after its last write: its build may be between creating it and
    /// locking it, or be of an earlier SiteGen, which made no lock file.</summary>
    private static readonly TimeSpan UnlockedGrace = TimeSpan.FromHours(1);

    private readonly string _path;
    private readonly FileStream _inUse;

    /// <param name="parent">Where the folder is made: the system's temporary folder unless given.</param>
    public ScratchFolder(string? parent = null)
    {
        parent ??= Path.GetTempPath();
        _path = Path.Combine(parent, $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Guard(() => Directory.CreateDirectory(_path));
        FileStream? inUse = null;
        Guard(() => inUse = new FileStream(Path.Combine(_path, LockName), FileMode.CreateNew, FileAccess.Write, FileShare.None));
        _inUse = inUse!;
        // A killed 100,000-report build leaves gigabytes of spill behind, and the OS reclaims the temporary folder only at boot.
        DeleteLeftovers(parent, _path);
    }

    /// <summary>Deletes the scratch folders under <paramref name="parent"/> that no running build holds.</summary>
    private static void DeleteLeftovers(string parent, string own)
    {
        IEnumerable<string> folders;
        try
        {
            folders = Directory.EnumerateDirectories(parent, Prefix + "*").ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (var folder in folders)
        {
            if (folder == own) continue;
            try
            {
                var lockFile = Path.Combine(folder, LockName);
                if (File.Exists(lockFile))
                {
                    // Opening it unshared fails while its build is alive; the stream is closed before the folder goes.
                    using (new FileStream(lockFile, FileMode.Open, FileAccess.Write, FileShare.None)) { }
                }
                else if (DateTime.UtcNow - LastWrite(folder) < UnlockedGrace) continue;
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // In use, or not ours to delete: left as it is.
            }
        }
    }

    /// <summary>When anything in <paramref name="folder"/> was last written: a build appends to its spill files long after it made them.</summary>
    private static DateTime LastWrite(string folder) =>
        Directory.EnumerateFiles(folder).Select(File.GetLastWriteTimeUtc).Append(Directory.GetLastWriteTimeUtc(folder)).Max();

    /// <summary>Creates a new read-write file in the folder.</summary>
    public FileStream Create(string name)
    {
        FileStream? file = null;
        Guard(() => file = new FileStream(Path.Combine(_path, name), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16));
        return file!;
    }

    /// <summary>Runs an I/O action, turning a failure (disk full, no permission) into a diagnostic that says where and what to do.</summary>
    public void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Failure(ex);
        }
    }

    /// <summary>The diagnostic for an I/O failure in the folder, for callers that cannot pass an action (span arguments).</summary>
    public SiteGenException Failure(Exception ex) =>
        new(DiagnosticCodes.OutputPath, $"cannot use the search index's scratch folder `{_path}`: {ex.Message}",
            "free some disk space there, or point TMPDIR to a writable folder with room (about the size of the content)");

    public void Dispose()
    {
        _inUse.Dispose();
        try
        {
            Directory.Delete(_path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next build to delete (see DeleteLeftovers).
        }
    }
}
