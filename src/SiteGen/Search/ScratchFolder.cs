using SiteGen.Diagnostics;

namespace SiteGen.Search;

/// <summary>A private temporary folder for the index stage's spill files, deleted at the end; its I/O failures become a diagnostic.</summary>
public sealed class ScratchFolder : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"sitegen-search-{Environment.ProcessId}-{Guid.NewGuid():N}");

    public ScratchFolder() => Guard(() => Directory.CreateDirectory(_path));

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
        try
        {
            Directory.Delete(_path, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is only scratch space; the OS reclaims it.
        }
    }
}
