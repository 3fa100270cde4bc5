namespace SiteGen.Diagnostics;

/// <summary>Stops a build for a reason that is not tied to one content file (bad arguments, a locked site, a broken theme).</summary>
public sealed class SiteGenException(string code, string message, string? hint = null, string? file = null)
    : Exception(message)
{
    public string Code { get; } = code;
    public string? Hint { get; } = hint;
    public string? File { get; } = file;

    public override string ToString() =>
        new Diagnostic(Severity.Error, Code, File ?? "sitegen", 0, 0, Message, Hint).ToString();
}
