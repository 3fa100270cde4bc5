namespace SiteGen.Import;

/// <summary>The places a page may name its agency, in the order they are trusted.</summary>
internal sealed record AgencySources(string? Title, string? Byline, string? Publisher, string? PageSource, string? Opening, string? SignOff);

/// <summary>Picks a report's agency from ranked sources: the title, an agency line under it, the catalogue's 发布机构/发文机关, the 来源 of the publication line, the opening sentence, the sign-off.
/// A short form (<c>区卫健委</c>, <c>县司法局</c>) counts only where the page gives its full name; a page that names no agency gets none.</summary>
internal static class AgencyFinder
{
    public static string? Pick(AgencySources sources, string pageText, List<string> warnings)
    {
        var ranked = new (string? Name, string From)[]
        {
            (sources.Title is null ? null : AgencyName.FromTitle(sources.Title), "the title"),
            (sources.Byline, "the line under the title"),
            (sources.Publisher, "the catalogue's 发布机构"),
            (sources.PageSource is { } s && RegionLookup.StartsWithPlace(s) && !s.EndsWith('网') ? s : null, "the page's 来源"),
            (sources.Opening, "the opening sentence"),
            (sources.SignOff, "the sign-off"),
        };
        string? abbreviated = null;
        string? unresolved = null;
        foreach (var (name, from) in ranked)
        {
            if (name is null) continue;
            if (AgencyName.IsShortForm(name) || AgencyName.IsAbbreviated(name))
            {
                var full = AgencyName.Expand(name, pageText);
                if (full is not null)
                {
                    warnings.Add($"agency: `{name}` in {from} expanded to `{full}`, the full name the page gives");
                    return full;
                }
                if (AgencyName.IsShortForm(name)) unresolved ??= name;
                else abbreviated ??= name;
                continue;
            }
            if (from != "the title") warnings.Add($"agency: taken from {from}: `{name}`; check it");
            return name;
        }
        if (abbreviated is not null)
        {
            warnings.Add($"agency: `{abbreviated}` as the page writes it; give the full official name");
            return abbreviated;
        }
        warnings.Add(unresolved is not null
            ? $"agency: the page calls it `{unresolved}` but never gives the full name; add `agency:` with the full official name"
            : "agency: not found; add `agency:` with the full official name");
        return null;
    }
}
