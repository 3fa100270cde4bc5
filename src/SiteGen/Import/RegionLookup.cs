using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>Finds the region of an agency from the place names its name starts with, using the administrative divisions data; the report text settles names shared by several places.</summary>
internal static partial class RegionLookup
{
    public static RegionMatch? Find(string agency, string context) => Find(agency, context, AdministrativeDivisions.Default);

    public static RegionMatch? Find(string agency, string context, AdministrativeDivisions data)
    {
        var name = agency.Trim();
        var pos = 0;
        var province = Longest(data.Provinces, name, pos);
        if (province is not null) pos += province.Name.Length;
        var city = Longest(data.Cities.Where(c => province is null || c.Province == province.Name), name, pos);
        if (city is not null) pos += city.Name.Length;

        var counties = data.Counties
            .Where(c => city is not null ? c.City == city.Name && c.Province == city.Province : province is null || c.Province == province.Name)
            .Where(c => string.CompareOrdinal(name, pos, c.Name, 0, c.Name.Length) == 0)
            .ToList();
        var ambiguous = false;
        Division? county = null;
        if (counties.Count > 0)
        {
            var longest = counties.Max(c => c.Name.Length);
            var best = counties.Where(c => c.Name.Length == longest).ToList();
            county = best.Count == 1 ? best[0] : Settle(best, context, out ambiguous);
        }

        if (county is not null)
        {
            IReadOnlyList<string> names = county.City is null ? [county.Province, county.Name] : [county.Province, county.City, county.Name];
            return new RegionMatch(names, county.Code, ambiguous);
        }
        if (city is not null) return new RegionMatch([city.Province, city.Name], city.Code, false);
        if (province is not null) return new RegionMatch([province.Name], province.Code, false);
        return null;
    }

    private static Division? Longest(IEnumerable<Division> divisions, string name, int pos) =>
        divisions.Where(d => string.CompareOrdinal(name, pos, d.Name, 0, d.Name.Length) == 0)
            .OrderByDescending(d => d.Name.Length).FirstOrDefault();

    /// <summary>Picks among places of the same name the one whose province and city the report mentions most.</summary>
    private static Division Settle(List<Division> candidates, string context, out bool ambiguous)
    {
        int Score(Division d)
        {
            var score = Count(context, d.Province) + Count(context, ShortProvince(d.Province));
            if (d.City is not null) score += Count(context, d.City) + Count(context, ShortCity(d.City));
            return score;
        }
        var scored = candidates.Select(d => (Division: d, Score: Score(d))).OrderByDescending(x => x.Score).ToList();
        ambiguous = scored.Count > 1 && scored[0].Score == scored[1].Score;
        return scored[0].Division;
    }

    private static int Count(string text, string word)
    {
        if (word.Length < 2) return 0;
        var n = 0;
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    public static string ShortProvince(string name) => ProvinceSuffix().Replace(name, "");

    public static string ShortCity(string name)
    {
        var m = AutonomousPrefecture().Match(name);
        return m.Success ? m.Groups[1].Value : CitySuffix().Replace(name, "");
    }

    [GeneratedRegex("(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$")]
    private static partial Regex ProvinceSuffix();

    [GeneratedRegex("^(.{2,}?)(?:[^族]{1,6}族)+自治州$")]
    private static partial Regex AutonomousPrefecture();

    [GeneratedRegex("(市|地区|盟)$")]
    private static partial Regex CitySuffix();
}
