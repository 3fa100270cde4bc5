using SiteGen.Diagnostics;

namespace SiteGen.Write;

/// <summary>Keeps two builds of the same output from running at once: the second waits a while, then refuses with a clear message.</summary>
public sealed class BuildLock : IDisposable
{
    private readonly FileStream _stream;

    private BuildLock(FileStream stream) => _stream = stream;

    public static BuildLock Acquire(string outputDir, TimeSpan wait)
    {
        outputDir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDir));
        var parent = Path.GetDirectoryName(outputDir)!;
        Directory.CreateDirectory(parent);
        var path = Path.Combine(parent, $".{Path.GetFileName(outputDir)}.sitegen.lock");
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                // The OS releases the lock when the process dies, so a killed build never leaves the site locked.
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new BuildLock(stream);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
            catch (IOException)
            {
                throw new SiteGenException(DiagnosticCodes.SiteLocked,
                    $"another SiteGen build is writing `{outputDir}`",
                    "wait for it to finish, or stop it; two builds of the same output cannot run at once");
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
