using SiteGen.Verify;

namespace SiteGen.Cli;

/// <summary>Runs `sitegen verify URL`: prints each check that passed, each problem with what to change, and fails on errors.</summary>
public static class VerifyHandler
{
    public static async Task<int> RunAsync(string url, TextWriter output, CancellationToken cancellation)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var site) || site.Scheme is not ("http" or "https"))
        {
            Console.Error.WriteLine($"error {Diagnostics.DiagnosticCodes.InvalidArgument}: `{url}` is not an http or https URL");
            Console.Error.WriteLine("  hint: give the deployed site's full address, e.g. https://example.gov.cn/reports/");
            return ExitCodes.Failed;
        }
        var result = await DeploymentVerifier.RunAsync(site, cancellation: cancellation);
        foreach (var line in result.Passed) output.WriteLine($"ok   {line}");
        foreach (var finding in result.Findings) output.WriteLine(finding);
        output.WriteLine($"verified {site}: {result.Errors} error(s), {result.Warnings} warning(s)");
        return result.Errors == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
