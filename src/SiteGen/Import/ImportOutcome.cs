namespace SiteGen.Import;

/// <summary>The result for one input: where it went (and its kept original, with --keep-original), the converted report (when it could be read), and the error with its hint when it failed.</summary>
public sealed record ImportOutcome(string Input, ImportStatus Status, string? Output, ImportedReport? Report, string? Error = null, string? Hint = null, string? Original = null);
