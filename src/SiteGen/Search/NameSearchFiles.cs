using SiteGen.Model;

namespace SiteGen.Search;

/// <summary>Writes the two small files the search page reads beside the index: the site's names with their pinyin
/// (<see cref="NamesFile"/>) and the synonyms it expands queries with (<see cref="SynonymsFile"/>).</summary>
public static class NameSearchFiles
{
    public static void Write(Site site, Action<string, string> write)
    {
        write(NamesFile.Path, NamesFile.Write(NamesFile.Collect(site.Reports.Select(r => (r.Agency, r.Region)))));
        write(SynonymsFile.Path, SynonymsFile.Write(SynonymsFile.Merge(SynonymsFile.BuiltIn, site.Config.Search.Synonyms)));
    }
}
