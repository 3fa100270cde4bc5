namespace SiteGen.Cli;

/// <summary>Process exit codes of `sitegen`.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The input has errors (reported as diagnostics) or the build could not run.</summary>
    public const int Failed = 1;
}
