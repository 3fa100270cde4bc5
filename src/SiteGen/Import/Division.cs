namespace SiteGen.Import;

/// <summary>The three levels of the divisions data: province, prefecture-level city, county-level division.</summary>
internal enum DivisionLevel
{
    Province,
    City,
    County,
}

/// <summary>A division with its GB/T 2260 code; <see cref="City"/> is null for a province, a city, or a county-level division that belongs to its province directly.</summary>
internal sealed record Division(string Code, string Name, string Province, string? City, DivisionLevel Level);
