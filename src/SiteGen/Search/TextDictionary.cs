using System.Security.Cryptography;
using System.Text;

namespace SiteGen.Search;

/// <summary>The dictionary that report text chunks are compressed against: clauses that recur across a fixed sample of the
/// archive's reports (the boilerplate of annual reports: 深入学习贯彻习近平法治思想, 严格落实…), so a chunk of a few thousand characters
/// can point back to them. Deterministic, and it changes only when a sampled report does.</summary>
/// <remarks>The sample is the <see cref="SampleSize"/> reports whose links have the smallest SHA-256, so adding or editing any other
/// report leaves the dictionary, and with it every compressed chunk, as it was.</remarks>
public static class TextDictionary
{
    public const int SampleSize = 32;

    /// <summary>At most this many UTF-16 units: with a chunk of ChunkTarget units (twice that in bytes), everything stays within
    /// DEFLATE's 32 KiB window.</summary>
    public const int MaxChars = 12_000;

    private const int MinClause = 4;
    private const int MaxClause = 200;

    /// <summary>The ids of the sampled documents, by their links.</summary>
    public static IReadOnlySet<int> Sample(IReadOnlyList<string> urls) =>
        urls.Select((url, id) => (Hash: Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(url))), Id: id))
            .OrderBy(x => x.Hash, StringComparer.Ordinal).Take(SampleSize).Select(x => x.Id).ToHashSet();

    /// <summary>The dictionary (UTF-16LE) from the sampled reports' body texts: clauses found in at least two of them, the most
    /// valuable (reports × length) last, where DEFLATE reaches them with the shortest distances.</summary>
    public static byte[] Build(IEnumerable<string> texts)
    {
        var reports = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var clause in text.Split(['。', '，', '；', '：', '、', '！', '？', '\n']))
                if (clause.Length is >= MinClause and <= MaxClause && seen.Add(clause)) reports[clause] = reports.GetValueOrDefault(clause) + 1;
        }
        var ranked = reports.Where(p => p.Value >= 2)
            .Select(p => (Clause: p.Key, Value: (long)p.Value * p.Key.Length))
            .OrderByDescending(x => x.Value).ThenBy(x => x.Clause, StringComparer.Ordinal);
        var picked = new List<(string Clause, long Value)>();
        var size = 0;
        foreach (var x in ranked)
        {
            if (size + x.Clause.Length > MaxChars) continue;
            picked.Add(x);
            size += x.Clause.Length;
        }
        picked.Reverse();
        return Encoding.Unicode.GetBytes(string.Concat(picked.Select(p => p.Clause)));
    }
}
