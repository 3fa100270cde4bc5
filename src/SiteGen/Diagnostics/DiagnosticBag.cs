using System.Collections.Concurrent;

namespace SiteGen.Diagnostics;

/// <summary>Collects diagnostics from every stage (thread-safe) so one run reports all problems at once.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public void Error(string code, string file, int line, int column, string message, string? hint = null) =>
        Add(new Diagnostic(Severity.Error, code, file, line, column, message, hint));

    public void Warning(string code, string file, int line, int column, string message, string? hint = null) =>
        Add(new Diagnostic(Severity.Warning, code, file, line, column, message, hint));

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    /// <summary>All diagnostics in a stable order: by file, line, column, then code.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line).ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
