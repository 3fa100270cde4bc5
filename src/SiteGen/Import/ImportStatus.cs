namespace SiteGen.Import;

/// <summary>What happened to one input file.</summary>
public enum ImportStatus
{
    /// <summary>Converted and written.</summary>
    Written,

    /// <summary>Converted; not written because of --dry-run.</summary>
    Converted,

    /// <summary>Converted, but a required field (title, agency, year) is missing, so no valid report could be written.</summary>
    Incomplete,

    /// <summary>Not imported: unreadable, undecodable, unsupported, or its output exists or collides with another input.</summary>
    Failed,
}
