using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>Finds the region of an agency from the place names its name starts with, using the administrative divisions data; the report text settles names shared by several places, and names the county (or city) of a town, street or development zone whose own name leaves it out.</summary>
internal static partial class RegionLookup
{
    public static RegionMatch? Find(string agency, string context) => Find(agency, context, AdministrativeDivisions.Default);

    public static RegionMatch? Find(string agency, string context, AdministrativeDivisions data)
    {
        var name = WithoutParentOrganisation(agency.Trim(), data);
        var (province, city, county, ambiguous, end) = Prefix(name, context, data);
        if (county is null && BelowCounty().IsMatch(name[end..]))
        {
            // A township, street or zone: its county (or city) is known only where the page names one.
            var named = MostNamed(context, data, province, city);
            if (named is not null)
            {
                if (named.Level == DivisionLevel.County) county = named;
                else city ??= named;
                province ??= data.Provinces.First(p => p.Name == named.Province);
            }
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

    /// <summary>True when <paramref name="name"/> starts with the full name of a province, city or county.</summary>
    public static bool StartsWithPlace(string name) => PlacePrefix(name).Length > 0;

    /// <summary>The place names <paramref name="name"/> starts with (<c>重庆市荣昌区</c> of <c>重庆市荣昌区生态环境局</c>), or the empty string.</summary>
    public static string PlacePrefix(string name)
    {
        var data = AdministrativeDivisions.Default;
        return name[..Prefix(name, "", data).End];
    }

    /// <summary>Where the full names of divisions occur in <paramref name="text"/>, left to right, each the longest name at its position.</summary>
    public static IEnumerable<(int Start, int Length)> PlacesIn(string text) => PlacesIn(text, AdministrativeDivisions.Default);

    private static IEnumerable<(int Start, int Length)> PlacesIn(string text, AdministrativeDivisions data)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            var length = data.NameLengthAt(text, i);
            if (length == 0) continue;
            yield return (i, length);
            i += length - 1; // the next name starts after this one (天津市|静海区)
        }
    }

    /// <summary>The province, city and county whose full names <paramref name="name"/> starts with, and how far they reach.</summary>
    private static (Division? Province, Division? City, Division? County, bool Ambiguous, int End) Prefix(string name, string context, AdministrativeDivisions data)
    {
        var pos = 0;
        var province = Longest(data.Provinces, name, pos);
        if (province is not null) pos += province.Name.Length;
        else if (ShortProvince(name, data) is { } shortName)
        {
            province = shortName;
            pos += ShortProvince(shortName.Name).Length;
        }
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
            pos += county.Name.Length;
        }
        return (province, city, county, ambiguous, pos);
    }

    /// <summary>A province by its short name (<c>广西</c>, <c>四川</c>) where the agency uses it: followed by a sign (<c>广西-东盟…</c>) or by one of its cities or counties.</summary>
    private static Division? ShortProvince(string name, AdministrativeDivisions data)
    {
        foreach (var province in data.Provinces)
        {
            var shortName = ShortProvince(province.Name);
            if (shortName.Length < 2 || shortName == province.Name || !name.StartsWith(shortName, StringComparison.Ordinal)) continue;
            var rest = name[shortName.Length..];
            if (rest.Length > 0 && !char.IsLetter(rest[0])) return province;
            if (data.Cities.Concat(data.Counties).Any(d => d.Province == province.Name && rest.StartsWith(d.Name, StringComparison.Ordinal))) return province;
        }
        return null;
    }

    /// <summary>国家税务总局珠海市香洲区税务局: a vertically managed office is placed by the name after its parent organisation's.</summary>
    private static string WithoutParentOrganisation(string name, AdministrativeDivisions data)
    {
        if (Prefix(name, "", data).End > 0) return name;
        var parent = ParentOrganisation().Match(name);
        return parent.Success && Prefix(name[parent.Length..], "", data).End > 0 ? name[parent.Length..] : name;
    }

    /// <summary>The county (else the city) the text names most often, within the province and city already known; null when none is named or two are named equally often.</summary>
    private static Division? MostNamed(string context, AdministrativeDivisions data, Division? province, Division? city)
    {
        bool Within(Division d) => (province is null || d.Province == province.Name) && (city is null || d.City == city.Name);
        var named = PlacesIn(context, data)
            .Select(p => context.Substring(p.Start, p.Length))
            .Where(n => n.Length >= 3) // two-character names (新县, 东区) occur inside ordinary words
            .SelectMany(n => data.ByName[n])
            .Where(d => d.Level != DivisionLevel.Province && Within(d))
            .ToList();
        foreach (var level in new[] { DivisionLevel.County, DivisionLevel.City })
        {
            var counts = named.Where(d => d.Level == level).GroupBy(d => d.Code).Select(g => (Division: g.First(), Count: g.Count()))
                .OrderByDescending(x => x.Count).ToList();
            if (counts.Count == 0) continue;
            return counts.Count > 1 && counts[1].Count == counts[0].Count ? null : counts[0].Division;
        }
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

    // The unit's own name after the places: a town, township, street or development zone (`城乡建设局` is a bureau).
    [GeneratedRegex("(镇|乡|街道|街|苏木)(人民政府|政府|办事处|党委|党工委)?$|街道办事处$|(开发区|园区|示范区|新区|合作区|试验区|高新区)(管委会|管理委员会|党工委|工委)?$")]
    private static partial Regex BelowCounty();

    [GeneratedRegex("^(国家|中国)[\u4e00-\u9fff]{1,10}?(总局|局|署|公司|银行)")]
    private static partial Regex ParentOrganisation();
}
