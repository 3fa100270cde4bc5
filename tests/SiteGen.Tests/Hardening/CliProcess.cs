using System.Diagnostics;

namespace SiteGen.Tests.Hardening;

/// <summary>Runs the built `sitegen` CLI (SiteGen.Cli.dll, copied beside the tests) as a separate process, as a user or CI would.</summary>
public static class CliProcess
{
    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "SiteGen.Cli.dll");

    /// <summary>Starts <c>dotnet SiteGen.Cli.dll ARGS</c> with its output captured.</summary>
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CliDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        return Process.Start(start)!;
    }

    /// <summary>Runs to completion and returns the exit code with everything the process printed.</summary>
    public static (int ExitCode, string StdOut, string StdErr) Run(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("sitegen did not finish within 3 minutes: " + string.Join(' ', args));
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
