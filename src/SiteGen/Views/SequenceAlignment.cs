namespace SiteGen.Views;

/// <summary>Aligns two token sequences (sentences as integer ids): the pairs of positions that stay, in order, as a diff sees them.</summary>
/// <remarks>
/// Myers' O((N+M)·D) algorithm on what remains after the common prefix and suffix are trimmed and the tokens that occur on one
/// side only are set aside (they cannot stay; GNU diff does the same), so two years that share few sentences cost little.
/// When the edit distance of what remains passes <see cref="MaxEditDistance"/> (a report rewritten at length: D² trace memory,
/// (N+M)·D time), the alignment is approximated in O(N log N) instead: the longest increasing run of sentences that occur once on
/// each side (patience anchors), widened by equal neighbours. Both are deterministic.
/// </remarks>
internal static class SequenceAlignment
{
    public const int MaxEditDistance = 1000;

    /// <summary>The aligned position pairs, increasing in both; <c>Exact</c> is false when the bound forced the approximation.
    /// Tokens are small non-negative integers (ids given in order of first appearance).</summary>
    public static (List<(int A, int B)> Matches, bool Exact) Align(int[] a, int[] b)
    {
        var matches = new List<(int A, int B)>(Math.Min(a.Length, b.Length));
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            matches.Add((prefix, prefix));
            prefix++;
        }
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;

        // The middle, with the tokens of one side only set aside; mapA/mapB lead back to the original positions.
        var size = 0;
        for (var i = prefix; i < a.Length - suffix; i++) size = Math.Max(size, a[i] + 1);
        for (var j = prefix; j < b.Length - suffix; j++) size = Math.Max(size, b[j] + 1);
        var inA = new bool[size];
        var inB = new bool[size];
        for (var i = prefix; i < a.Length - suffix; i++) inA[a[i]] = true;
        for (var j = prefix; j < b.Length - suffix; j++) inB[b[j]] = true;
        var mapA = new List<int>(a.Length - prefix - suffix);
        for (var i = prefix; i < a.Length - suffix; i++) if (inB[a[i]]) mapA.Add(i);
        var mapB = new List<int>(b.Length - prefix - suffix);
        for (var j = prefix; j < b.Length - suffix; j++) if (inA[b[j]]) mapB.Add(j);
        var ra = new int[mapA.Count];
        for (var i = 0; i < ra.Length; i++) ra[i] = a[mapA[i]];
        var rb = new int[mapB.Count];
        for (var j = 0; j < rb.Length; j++) rb[j] = b[mapB[j]];

        var exact = true;
        var middle = Myers(ra, rb, MaxEditDistance);
        if (middle is null)
        {
            exact = false;
            middle = Anchored(ra, rb);
        }
        foreach (var (i, j) in middle) matches.Add((mapA[i], mapB[j]));
        for (var s = suffix; s > 0; s--) matches.Add((a.Length - s, b.Length - s));
        return (matches, exact);
    }

    /// <summary>Myers' greedy shortest edit script, backtracked through the saved diagonals; null when it needs more than <paramref name="maxD"/> edits.</summary>
    internal static List<(int A, int B)>? Myers(int[] a, int[] b, int maxD)
    {
        int n = a.Length, m = b.Length;
        var max = Math.Min(n + m, maxD);
        var offset = max + 1;
        var v = new int[2 * max + 3];
        // trace holds V after each round d for k in [-d, d], at offset d² (the rounds before it used 1 + 3 + … + (2d-1) slots).
        var trace = new List<int>();
        for (var d = 0; d <= max; d++)
        {
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || k != d && v[offset + k - 1] < v[offset + k + 1] ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) return Backtrack(trace, d, n, m);
            }
            for (var k = -d; k <= d; k++) trace.Add(v[offset + k]);
        }
        return null;
    }

    private static List<(int A, int B)> Backtrack(List<int> trace, int edits, int n, int m)
    {
        var matches = new List<(int A, int B)>();
        int x = n, y = m;
        for (var d = edits; d > 0; d--)
        {
            var prevRound = d - 1;
            int Prev(int k) => trace[prevRound * prevRound + k + prevRound];
            var kk = x - y;
            var down = kk == -d || kk != d && Prev(kk - 1) < Prev(kk + 1);
            var prevK = down ? kk + 1 : kk - 1;
            var prevX = Prev(prevK);
            var midX = down ? prevX : prevX + 1;
            while (x > midX)
            {
                x--;
                y--;
                matches.Add((x, y));
            }
            x = prevX;
            y = prevX - prevK;
        }
        while (x > 0)
        {
            x--;
            y--;
            matches.Add((x, y));
        }
        matches.Reverse();
        return matches;
    }

    /// <summary>The bounded approximation: the longest increasing run of tokens unique on both sides (patience sorting), each
    /// anchor widened forwards and backwards over equal neighbours.</summary>
    internal static List<(int A, int B)> Anchored(int[] a, int[] b)
    {
        var countA = new Dictionary<int, int>();
        foreach (var t in a) countA[t] = countA.GetValueOrDefault(t) + 1;
        var countB = new Dictionary<int, int>();
        foreach (var t in b) countB[t] = countB.GetValueOrDefault(t) + 1;
        var positionA = new Dictionary<int, int>();
        for (var i = 0; i < a.Length; i++) if (countA[a[i]] == 1 && countB.GetValueOrDefault(a[i]) == 1) positionA[a[i]] = i;

        // Candidates in B order with their A position; the longest increasing subsequence of A positions.
        var candidates = new List<(int A, int B)>();
        for (var j = 0; j < b.Length; j++) if (positionA.TryGetValue(b[j], out var i)) candidates.Add((i, j));
        var tails = new List<int>();
        var previous = new int[candidates.Count];
        for (var c = 0; c < candidates.Count; c++)
        {
            int lo = 0, hi = tails.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (candidates[tails[mid]].A < candidates[c].A) lo = mid + 1;
                else hi = mid;
            }
            previous[c] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count) tails.Add(c);
            else tails[lo] = c;
        }
        var anchors = new List<(int A, int B)>();
        for (var c = tails.Count > 0 ? tails[^1] : -1; c >= 0; c = previous[c]) anchors.Add(candidates[c]);
        anchors.Reverse();

        var matches = new List<(int A, int B)>();
        int nextA = 0, nextB = 0;
        for (var k = 0; k <= anchors.Count; k++)
        {
            var (endA, endB) = k < anchors.Count ? anchors[k] : (a.Length, b.Length);
            // Between two anchors: equal runs after the previous anchor and before the next one.
            while (nextA < endA && nextB < endB && a[nextA] == b[nextB]) matches.Add((nextA++, nextB++));
            var tail = new List<(int A, int B)>();
            int ea = endA, eb = endB;
            while (ea > nextA && eb > nextB && a[ea - 1] == b[eb - 1]) tail.Add((--ea, --eb));
            tail.Reverse();
            matches.AddRange(tail);
            if (k < anchors.Count) matches.Add((endA, endB));
            nextA = endA + 1;
            nextB = endB + 1;
        }
        return matches;
    }
}
