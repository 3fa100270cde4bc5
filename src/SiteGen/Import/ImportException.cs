namespace SiteGen.Import;

/// <summary>Stops the import of one input file (unreadable, undecodable, unsupported); the batch goes on with the others.</summary>
public sealed class ImportException(string message, string hint) : Exception(message)
{
    public string Hint { get; } = hint;
}
