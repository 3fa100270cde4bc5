namespace SiteGen.Import;

/// <summary>A division with its GB/T 2260 code; <see cref="City"/> is null for a province, a city, or a county-level division that belongs to its province directly.</summary>
internal sealed record Division(string Code, string Name, string Province, string? City);
