namespace SiteGen.Server;

/// <summary>Watches a site's <c>content/</c> (site.yml included) and <c>themes/</c> and calls back once per burst of changes, after a quiet period.</summary>
internal sealed class SiteWatcher : IDisposable
{
    private readonly string _siteDir;
    private readonly Action _changed;
    private readonly TimeSpan _debounce;
    private readonly Timer _timer;
    private readonly FileSystemWatcher _site;
    private readonly Lock _gate = new();
    private FileSystemWatcher? _content;
    private FileSystemWatcher? _themes;
    private bool _disposed;

    public SiteWatcher(string siteDir, TimeSpan debounce, Action changed)
    {
        _siteDir = siteDir;
        _changed = changed;
        _debounce = debounce;
        _timer = new Timer(_ => _changed(), null, Timeout.Infinite, Timeout.Infinite);
        // The site folder itself is watched without subfolders: only to notice content/ or themes/ appearing or being replaced.
        _site = new FileSystemWatcher(siteDir) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.DirectoryName };
        _site.Created += (_, e) => OnSiteEntry(e.Name);
        _site.Deleted += (_, e) => OnSiteEntry(e.Name);
        _site.Renamed += (_, e) => { OnSiteEntry(e.OldName); OnSiteEntry(e.Name); };
        _site.EnableRaisingEvents = true;
        Attach();
    }

    private void OnSiteEntry(string? name)
    {
        if (name is not ("content" or "themes")) return;
        Attach();
        Touch(name);
    }

    /// <summary>(Re)creates the recursive watchers for the folders that exist now.</summary>
    private void Attach()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _content?.Dispose();
            _themes?.Dispose();
            _content = Recursive(Path.Combine(_siteDir, "content"));
            _themes = Recursive(Path.Combine(_siteDir, "themes"));
        }
    }

    private FileSystemWatcher? Recursive(string dir)
    {
        if (!Directory.Exists(dir)) return null;
        var watcher = new FileSystemWatcher(dir)
        {
            IncludeSubdirectories = true,
            InternalBufferSize = 64 * 1024,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, e) => Touch(e.Name);
        watcher.Created += (_, e) => Touch(e.Name);
        watcher.Deleted += (_, e) => Touch(e.Name);
        watcher.Renamed += (_, e) => Touch(e.Name);
        // A lost event (buffer overflow) might hide a change: rebuild to be safe.
        watcher.Error += (_, _) => Touch(null);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void Touch(string? name)
    {
        // Editors' swap and backup files (.x.swp, x~, .#x) are not content; ignoring them saves pointless rebuilds.
        var file = name is null ? null : Path.GetFileName(name);
        if (file is not null && (file.EndsWith('~') || file.EndsWith(".swp", StringComparison.Ordinal) || file.StartsWith(".#", StringComparison.Ordinal)))
            return;
        lock (_gate)
        {
            if (!_disposed) _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer.Dispose();
            _site.Dispose();
            _content?.Dispose();
            _themes?.Dispose();
        }
    }
}
