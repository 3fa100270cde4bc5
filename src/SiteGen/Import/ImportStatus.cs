namespace SiteGen.Import;

/// <summary>What happened to one input file.</summary>
public enum ImportStatus
{
    /// <summary>Converted and written.</summary>
    Written,

    /// <summary>Converted; not written because of --dry-run.</summary>
    Converted,

    /// <summary>Converted, but a required field (title, agency, year) is missing: written as a draft that names the missing fields (not written in a dry run).</summary>
    Draft,

    /// <summary>Not imported: unreadable, undecodable, unsupported, refused as a draft by --strict, or its output exists or collides with another input.</summary>
    Failed,
}
