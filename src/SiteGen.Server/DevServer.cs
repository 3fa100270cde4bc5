using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SiteGen.Build;
using SiteGen.Diagnostics;
using SiteGen.Load;
using SiteGen.Model;

namespace SiteGen.Server;

/// <summary>The preview server: builds the site into its own folder, serves it with Kestrel, rebuilds on every change and tells open tabs to reload.</summary>
public sealed class DevServer : IAsyncDisposable
{
    private readonly ServeOptions _options;
    private readonly Action<BuildOutcome> _onBuild;
    private readonly WebApplication _app;
    private readonly ReloadHub _hub = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private SiteWatcher? _watcher;
    private Task _loop = Task.CompletedTask;
    private volatile string _basePath = "/";
    private int _buildNumber;
    private bool _disposed;

    /// <summary>The site's root URL, base path included, e.g. <c>http://127.0.0.1:8080/reports/</c>.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The most recent build, good or failed.</summary>
    public BuildOutcome? LastBuild { get; private set; }

    public string OutputDir { get; }

    private DevServer(ServeOptions options, Action<BuildOutcome> onBuild, IPAddress address)
    {
        _options = options;
        _onBuild = onBuild;
        OutputDir = Path.TrimEndingDirectorySeparator(options.ResolvedOutputDir);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = options.SiteDir });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, options.Port);
        });
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        _app = builder.Build();
        var responder = new SiteResponder(OutputDir, () => _basePath);
        var loopbackOnly = IPAddress.IsLoopback(address);
        _app.Run(context =>
        {
            if (loopbackOnly && !IsLoopbackName(context.Request.Host.Host))
            {
                // A page elsewhere could point its own domain name at 127.0.0.1 (DNS rebinding) and read the preview, drafts included.
                context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
                return Task.CompletedTask;
            }
            return context.Request.Path == ReloadHub.EventsPath ? _hub.HandleAsync(context, _stopping.Token) : responder.RespondAsync(context);
        });
    }

    private static bool IsLoopbackName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>Builds the site, starts listening, and starts watching; <paramref name="onBuild"/> hears about every build (the terminal prints it).</summary>
    public static async Task<DevServer> StartAsync(ServeOptions options, Action<BuildOutcome> onBuild, CancellationToken cancellation = default)
    {
        var contentDir = Path.Combine(options.SiteDir, ContentLoader.ContentFolder);
        if (!Directory.Exists(contentDir))
            throw new SiteGenException(DiagnosticCodes.SiteNotFound, $"no content folder at `{contentDir}`",
                "run sitegen in a site folder (one that holds content/), or pass --site DIR");
        if (Path.GetFullPath(options.ResolvedOutputDir) == Path.GetFullPath(Path.Combine(options.SiteDir, "output")))
            throw new SiteGenException(DiagnosticCodes.ServeOutput, "the preview must not be built into the published output folder",
                "leave the preview folder at its default (SITE/.sitegen-cache/serve)");

        if (options.Port is < 0 or > 65535)
            throw new SiteGenException(DiagnosticCodes.InvalidArgument, $"--port {options.Port} is not a TCP port",
                "give a number from 1 to 65535, e.g. --port 8080");
        var server = new DevServer(options, onBuild, ParseHost(options.Host));
        // Watching starts first, so an edit saved during the first build is not lost; listening and the first build overlap.
        server._watcher = new SiteWatcher(options.SiteDir, options.Debounce, () => server._requests.Writer.TryWrite(true));
        var firstBuild = Task.Run(server.BuildOnce, cancellation);
        try
        {
            await server._app.StartAsync(cancellation);
        }
        catch (IOException ex)
        {
            await firstBuild;
            server._watcher.Dispose();
            await server._app.DisposeAsync();
            throw new SiteGenException(DiagnosticCodes.ServeListen, $"cannot listen on {options.Host}:{options.Port}: {ex.Message}",
                "choose another port with --port, or stop the program that uses this one");
        }
        await firstBuild;
        var bound = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal)), server._basePath);
        server._loop = Task.Run(server.RebuildLoopAsync, CancellationToken.None);
        return server;
    }

    private static IPAddress ParseHost(string host)
    {
        if (host is "localhost") return IPAddress.Loopback;
        if (IPAddress.TryParse(host, out var ip)) return ip;
        throw new SiteGenException(DiagnosticCodes.ServeListen, $"`{host}` is not an IP address",
            "give an address such as 127.0.0.1 (the default, this computer only) or ::1");
    }

    /// <summary>True when the address reaches only this computer.</summary>
    public static bool IsLoopback(string host) => host == "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>Requests a rebuild now, as a file change would.</summary>
    public void RequestRebuild() => _requests.Writer.TryWrite(true);

    /// <summary>Rebuilds one change burst at a time; changes arriving during a build cause exactly one more build.</summary>
    private async Task RebuildLoopAsync()
    {
        try
        {
            while (await _requests.Reader.WaitToReadAsync(_stopping.Token))
            {
                _requests.Reader.TryRead(out _);
                await Task.Run(BuildOnce, CancellationToken.None);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ChannelClosedException)
        {
        }
    }

    /// <summary>A full build into the preview folder; a failed build leaves the last good site in place (the publisher only replaces it on success).</summary>
    private void BuildOnce()
    {
        var number = Interlocked.Increment(ref _buildNumber);
        var build = new BuildOptions
        {
            SiteDir = _options.SiteDir,
            OutputDir = OutputDir,
            BaseUrl = _options.BaseUrl,
            IncludeDrafts = _options.IncludeDrafts,
            LockWait = TimeSpan.FromSeconds(5),
        };
        BuildOutcome outcome;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var result = SiteBuilder.Run(build);
            outcome = new BuildOutcome(number, result.Succeeded, result.Diagnostics, result.Elapsed, result.PagesByKind.Values.Sum());
            if (result.Succeeded || number == 1) _basePath = BasePath();
        }
        catch (SiteGenException ex)
        {
            outcome = new BuildOutcome(number, false, [new Diagnostic(Severity.Error, ex.Code, ex.File ?? "sitegen", 0, 0, ex.Message, ex.Hint)], clock.Elapsed, 0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            outcome = new BuildOutcome(number, false, [new Diagnostic(Severity.Error, DiagnosticCodes.ContentVanished, "sitegen", 0, 0, ex.Message,
                "the site changed while it was built; save again to rebuild")], clock.Elapsed, 0);
        }
        catch (Exception ex)
        {
            // Whatever a build throws, the server keeps serving the last good site and keeps watching: the next save may fix it.
            outcome = new BuildOutcome(number, false, [new Diagnostic(Severity.Error, DiagnosticCodes.BuildCrashed, "sitegen", 0, 0,
                $"the build stopped on an unexpected {ex.GetType().Name}: {ex.Message}",
                "this is a SiteGen bug: undo the last edit to continue, and report the edit that caused it")], clock.Elapsed, 0);
        }
        LastBuild = outcome;
        _hub.Publish(outcome);
        _onBuild(outcome);
    }

    /// <summary>The base path the site was just built with (site.yml may have changed it).</summary>
    private string BasePath()
    {
        var config = SiteConfigLoader.Load(Path.Combine(_options.SiteDir, ContentLoader.ContentFolder), new DiagnosticBag());
        try
        {
            return new SiteUrls(_options.BaseUrl ?? config.BaseUrl).BasePath;
        }
        catch (ArgumentException)
        {
            return "/";
        }
    }

    /// <summary>Stops watching, ends the event streams and stops Kestrel; quick enough for Ctrl+C.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        _watcher?.Dispose();
        _requests.Writer.TryComplete();
        await _stopping.CancelAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            try
            {
                await _app.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
        await _loop;
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
