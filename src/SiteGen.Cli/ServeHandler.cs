using System.Globalization;
using SiteGen.Diagnostics;
using SiteGen.Server;

namespace SiteGen.Cli;

/// <summary>Runs `sitegen serve`: starts the preview server, prints every rebuild and its errors, and stops cleanly on Ctrl+C.</summary>
public static class ServeHandler
{
    public static async Task<int> RunAsync(ServeOptions options, CancellationToken cancellation)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        DevServer server;
        try
        {
            server = await DevServer.StartAsync(options, Print, cancellation);
        }
        catch (SiteGenException ex)
        {
            ConsoleReporter.Error(ex);
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Ok;
        }

        await using (server)
        {
            if (!DevServer.IsLoopback(options.Host))
                Console.Error.WriteLine($"warning: listening on {options.Host}, which other computers may reach; this preview server is meant for this computer");
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"serving {server.Address} (ready in {clock.Elapsed.TotalSeconds:F2} s; preview built in {server.OutputDir}); watching content/ and themes/; Ctrl+C stops"));
            try
            {
                await Task.Delay(Timeout.Infinite, cancellation);
            }
            catch (OperationCanceledException)
            {
            }
            Console.Out.WriteLine("stopping…");
        }
        Console.Out.WriteLine("stopped");
        return ExitCodes.Ok;
    }

    private static void Print(BuildOutcome outcome)
    {
        var time = DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        ConsoleReporter.Diagnostics(outcome.Diagnostics);
        if (outcome.Succeeded)
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{time}] build {outcome.Number}: {outcome.Pages} pages in {outcome.Elapsed.TotalSeconds:F2} s"));
        else
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{time}] build {outcome.Number} failed: {outcome.ErrorCount} error(s); still serving the last good site"));
    }
}
