using System.Text;
using System.Text.Json;

namespace SiteGen.Search;

/// <summary>The archive's reports in catalogue order, which gives the document ids, and the objects that describe each report
/// besides its text: the catalogue (filter values, region tree, each document's profile and site facet values) and the
/// publication dates.</summary>
/// <remarks>Ids follow year (newest first), region path, agency, series, publication date (newest first) and page path, so the
/// documents of a year or of a year and region are a run of ids, and within a year each document's profile (its agency,
/// region and series) is at least the previous one's: the catalogue stores small differences.</remarks>
public sealed class SearchCatalogue
{
    /// <summary>What the index keeps of a report from the site model.</summary>
    public sealed record Entry(string Path, string Url, string Title, int Year, IReadOnlyList<string> Region, string Agency, string Series, DateOnly? Published)
    {
        public string RegionText => string.Join(" › ", Region);

        /// <summary>Per site facet (<see cref="Facets"/>), the codes of the report's values, ascending.</summary>
        public IReadOnlyList<IReadOnlyList<int>> FacetCodes { get; init; } = [];
    }

    public const int AgencyPageSize = 64;

    public IReadOnlyList<Entry> Docs { get; }

    /// <summary>Document id by page path.</summary>
    public IReadOnlyDictionary<string, int> Ids { get; }

    /// <summary>The site's own taxonomies that are search facets; each entry has codes into their values.</summary>
    public IReadOnlyList<CatalogueFacet> Facets { get; }

    public SearchCatalogue(IEnumerable<Entry> entries, IReadOnlyList<CatalogueFacet>? facets = null)
    {
        Facets = facets ?? [];
        Docs = entries.OrderByDescending(e => e.Year)
            .ThenBy(e => e.Region, RegionOrder.Instance)
            .ThenBy(e => e.Agency, StringComparer.Ordinal)
            .ThenBy(e => e.Series, StringComparer.Ordinal)
            .ThenByDescending(e => e.Published ?? DateOnly.MinValue)
            .ThenBy(e => e.Path, StringComparer.Ordinal)
            .ToList();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in Docs) ids[e.Path] = ids.Count;
        Ids = ids;
        if (Docs.FirstOrDefault(e => e.FacetCodes.Count != Facets.Count) is { } odd)
            throw new ArgumentException($"{odd.Path} has values of {odd.FacetCodes.Count} facets, the catalogue {Facets.Count}", nameof(entries));
    }

    /// <summary>The catalogue of the site model's reports, with a facet per site taxonomy that is one (a hierarchical one's report
    /// has the values of its terms and of the terms above them); <paramref name="href"/> turns a page path into its link.</summary>
    public static SearchCatalogue Of(IEnumerable<Model.Report> reports, IEnumerable<Model.Taxonomy> taxonomies, Func<string, string> href)
    {
        var facets = taxonomies.Where(t => t.Definition is { BuiltIn: false, Facet: true }).ToList();
        var codes = facets.Select(t => t.Terms.Select((term, i) => (term, i)).ToDictionary(p => p.term, p => p.i)).ToList();
        IReadOnlyList<int> CodesOf(int facet, Model.Report report)
        {
            var own = new SortedSet<int>();
            foreach (var term in facets[facet].TermsOf(report))
                for (var t = term; t is not null; t = t.Parent) own.Add(codes[facet][t]);
            return [.. own];
        }
        return new(reports.Select(r => new Entry(r.Path, href(r.Path), r.Title, r.Year, r.Region, r.Agency, r.Series, r.Published)
            {
                FacetCodes = facets.Count == 0 ? [] : facets.Select((_, f) => CodesOf(f, r)).ToList(),
            }),
            facets.Select(t => new CatalogueFacet(t.Name, t.Definition.Label ?? t.Name, t.Terms.Select(term => term.Key).ToList())).ToList());
    }

    /// <summary>Orders region paths part by part (by code unit), a path before its extensions.</summary>
    private sealed class RegionOrder : IComparer<IReadOnlyList<string>>
    {
        public static readonly RegionOrder Instance = new();

        public int Compare(IReadOnlyList<string>? x, IReadOnlyList<string>? y)
        {
            for (var i = 0; i < Math.Min(x!.Count, y!.Count); i++)
            {
                var c = string.CompareOrdinal(x[i], y[i]);
                if (c != 0) return c;
            }
            return x.Count.CompareTo(y.Count);
        }
    }

    private sealed record Profile(int Agency, int Region, int Series);

    /// <summary>Writes the agency name pages through <paramref name="page"/> (which returns a reference to what it was given, valid
    /// once <paramref name="close"/> has run) and returns the catalogue object, compressed.</summary>
    public byte[] Write(Func<byte[], Func<string>> page, Action close, SearchJsonContext json)
    {
        var regionNames = new List<string>();
        var regionDepths = new StringBuilder();
        var regionIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var region in Docs.Select(d => d.Region).Where(r => r.Count > 0).Distinct(RegionEquality.Instance).Order(RegionOrder.Instance))
        {
            for (var depth = 1; depth <= region.Count; depth++)
            {
                var key = string.Join('\u001f', region.Take(depth));
                if (regionIndex.ContainsKey(key)) continue;
                regionIndex[key] = regionNames.Count;
                regionNames.Add(region[depth - 1]);
                regionDepths.Append((char)('0' + Math.Min(9, depth - 1)));
            }
        }
        int RegionOf(Entry e) => e.Region.Count == 0 ? -1 : regionIndex[string.Join('\u001f', e.Region)];

        var series = Docs.Select(d => d.Series).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var seriesCode = series.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal);

        // Profiles in region, agency and series order; agency codes in order of first appearance there.
        var profileOf = new Dictionary<(string Agency, string Region, string Series), int>();
        var profiles = new List<Profile>();
        var agencies = new List<string>();
        var agencyCode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in Docs.OrderBy(e => e.Region, RegionOrder.Instance).ThenBy(e => e.Agency, StringComparer.Ordinal).ThenBy(e => e.Series, StringComparer.Ordinal))
        {
            var key = (e.Agency, string.Join('\u001f', e.Region), e.Series);
            if (profileOf.ContainsKey(key)) continue;
            if (!agencyCode.TryGetValue(e.Agency, out var code))
            {
                agencyCode[e.Agency] = code = agencies.Count;
                agencies.Add(e.Agency);
            }
            profileOf[key] = profiles.Count;
            profiles.Add(new Profile(code, RegionOf(e), seriesCode[e.Series]));
        }

        var pageRefs = new List<Func<string>>();
        for (var start = 0; start < agencies.Count; start += AgencyPageSize)
            pageRefs.Add(page(Deflater.Compress(JsonSerializer.SerializeToUtf8Bytes(agencies.Skip(start).Take(AgencyPageSize).ToList(), json.IReadOnlyListString))));
        close();

        var years = Docs.GroupBy(d => d.Year).Select(g => new FilterValue(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Count())).ToList();
        var info = new CatalogueInfo(years, series, regionNames, regionDepths.ToString(), agencies.Count, AgencyPageSize, pageRefs.Select(r => r()).ToList(), profiles.Count,
            Facets.Count == 0 ? null : Facets);
        var infoBytes = JsonSerializer.SerializeToUtf8Bytes(info, json.CatalogueInfo);
        var b = new ByteBuffer();
        b.Varint(infoBytes.Length);
        b.Append(infoBytes);
        var (agenciesSeen, previousRegion) = (0, 0);
        foreach (var p in profiles)
        {
            b.Varint(p.Agency == agenciesSeen ? 0 : 1 + p.Agency);
            agenciesSeen = Math.Max(agenciesSeen, p.Agency + 1);
            b.Varint(p.Region + 1 - previousRegion);
            previousRegion = p.Region + 1;
            b.Varint(p.Series);
        }
        var previous = 0;
        for (var i = 0; i < Docs.Count; i++)
        {
            if (i == 0 || Docs[i].Year != Docs[i - 1].Year) previous = 0;
            var e = Docs[i];
            var profile = profileOf[(e.Agency, string.Join('\u001f', e.Region), e.Series)];
            b.Varint(profile - previous);
            previous = profile;
        }
        for (var f = 0; f < Facets.Count; f++)
        {
            foreach (var e in Docs)
            {
                var codes = e.FacetCodes[f];
                b.Varint(codes.Count);
                for (var i = 0; i < codes.Count; i++) b.Varint(i == 0 ? codes[0] : codes[i] - codes[i - 1] - 1);
            }
        }
        return Deflater.Compress(b.Bytes.AsSpan(0, b.Length));
    }

    /// <summary>The publication dates object, compressed: per document 0 (none) or 1 + zigzag(days from 1 January of its year).</summary>
    public byte[] Dates()
    {
        var b = new ByteBuffer();
        foreach (var e in Docs)
        {
            if (e.Published is not { } published)
            {
                b.Varint(0);
                continue;
            }
            var days = published.DayNumber - new DateOnly(Math.Clamp(e.Year, 1, 9999), 1, 1).DayNumber;
            b.Varint(1 + (days >= 0 ? 2 * days : -2 * days - 1));
        }
        return Deflater.Compress(b.Bytes.AsSpan(0, b.Length));
    }

    private sealed class RegionEquality : IEqualityComparer<IReadOnlyList<string>>
    {
        public static readonly RegionEquality Instance = new();
        public bool Equals(IReadOnlyList<string>? x, IReadOnlyList<string>? y) => x!.SequenceEqual(y!, StringComparer.Ordinal);
        public int GetHashCode(IReadOnlyList<string> obj) => string.Join('\u001f', obj).GetHashCode(StringComparison.Ordinal);
    }
}
