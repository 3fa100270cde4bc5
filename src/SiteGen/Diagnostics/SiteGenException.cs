namespace SiteGen.Diagnostics;

/// <summary>Stops a build for a reason that is not tied to one content file (bad arguments, a locked site, a broken theme).</summary>
public sealed class SiteGenException(string code, string message, string? hint = null, string? file = null, int line = 0, int column = 0)
    : Exception(message)
{
    public string Code { get; } = code;
    public string? Hint { get; } = hint;
    public string? File { get; } = file;

    /// <summary>1-based line in <see cref="File"/>, or 0 when the problem has no single line.</summary>
    public int Line { get; } = line;

    /// <summary>1-based column in <see cref="File"/>, or 0 when not known.</summary>
    public int Column { get; } = column;

    public override string ToString() =>
        new Diagnostic(Severity.Error, Code, File ?? "sitegen", Line, Column, Message, Hint).ToString();
}
