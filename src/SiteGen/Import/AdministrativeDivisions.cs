
namespace SiteGen.Import;

/// <summary>China's provinces, prefecture-level cities and county-level divisions, read once from the embedded data file (see its header for source and date).</summary>
internal sealed class AdministrativeDivisions
{
    private static readonly Lazy<AdministrativeDivisions> Embedded = new(Load);

    public static AdministrativeDivisions Default => Embedded.Value;

    public IReadOnlyList<Division> Provinces { get; }
    public IReadOnlyList<Division> Cities { get; }
    public IReadOnlyList<Division> Counties { get; }

    private readonly Dictionary<string, IReadOnlyList<Division>> _byName;
    private readonly int _longestName;

    /// <summary>Every division by its full name (several places share some names: 朝阳区, 鼓楼区).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Division>> ByName => _byName;

    private AdministrativeDivisions(List<Division> provinces, List<Division> cities, List<Division> counties)
    {
        Provinces = provinces;
        Cities = cities;
        Counties = counties;
        _byName = provinces.Concat(cities).Concat(counties).GroupBy(d => d.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Division>)g.ToList(), StringComparer.Ordinal);
        _longestName = _byName.Keys.Max(k => k.Length);
    }

    /// <summary>The length of the longest full division name starting at <paramref name="start"/> of <paramref name="text"/>, or 0.</summary>
    public int NameLengthAt(string text, int start)
    {
        var lookup = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var length = Math.Min(_longestName, text.Length - start); length >= 2; length--)
            if (lookup.ContainsKey(text.AsSpan(start, length))) return length;
        return 0;
    }

    private static AdministrativeDivisions Load()
    {
        using var stream = typeof(AdministrativeDivisions).Assembly.GetManifestResourceStream("import/divisions.txt")
            ?? throw new InvalidOperationException("the administrative divisions data file is not embedded in SiteGen");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Parses the data file format: <c>PP name</c> lines for provinces, <c>PPCC city|CCname …</c> lines for cities and their counties.</summary>
    public static AdministrativeDivisions Parse(string text)
    {
        var provinces = new List<Division>();
        var cities = new List<Division>();
        var counties = new List<Division>();
        var provinceByCode = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var bar = line.IndexOf('|');
            var head = bar < 0 ? line : line[..bar];
            var space = head.IndexOf(' ');
            var code = head[..space];
            var name = head[(space + 1)..].Trim();
            if (bar < 0)
            {
                provinceByCode[code] = name;
                provinces.Add(new Division(code.PadRight(6, '0'), name, name, null, DivisionLevel.Province));
                continue;
            }
            var province = provinceByCode[code[..2]];
            string? city = name == "-" ? null : name;
            if (city is not null) cities.Add(new Division(code + "00", city, province, null, DivisionLevel.City));
            foreach (var item in line[(bar + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                counties.Add(new Division(code + item[..2], item[2..], province, city, DivisionLevel.County));
        }
        return new AdministrativeDivisions(provinces, cities, counties);
    }
}
