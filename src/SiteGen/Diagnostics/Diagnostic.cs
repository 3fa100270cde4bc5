namespace SiteGen.Diagnostics;

/// <summary>How serious a diagnostic is: errors fail the build, warnings and information do not.</summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>One problem found in the input, located in a file, in the form editors and CI annotate.</summary>
public sealed record Diagnostic(Severity Severity, string Code, string File, int Line, int Column, string Message, string? Hint = null)
{
    /// <summary>Formats as <c>path:line:col: error CODE: message</c>, with the hint on its own line.</summary>
    public override string ToString()
    {
        var severity = Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "info",
        };
        var location = Line > 0 ? $"{File}:{Line}:{Math.Max(Column, 1)}" : File;
        var text = $"{location}: {severity} {Code}: {Message}";
        return Hint is null ? text : $"{text}\n  hint: {Hint}";
    }
}
