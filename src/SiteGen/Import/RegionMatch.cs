namespace SiteGen.Import;

/// <summary>A region found for an agency: province › city › county names (two levels for 直辖市 districts), the GB/T 2260 code of the deepest level, and whether the name fitted several places.</summary>
internal sealed record RegionMatch(IReadOnlyList<string> Names, string Code, bool Ambiguous);
