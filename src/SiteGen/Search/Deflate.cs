namespace SiteGen.Search;

/// <summary>A DEFLATE (RFC 1951) encoder of our own, for the index's compressed objects, which the browser inflates with
/// <c>DecompressionStream("deflate-raw")</c>. Its output depends only on its input: zlib and zlib-ng (behind
/// System.IO.Compression) promise the same decompressed bytes, not the same compressed ones across CPUs and versions, and the
/// index must be byte-identical wherever it is built (and when an incremental build copies earlier output).</summary>
/// <remarks>LZ77 with hash chains and one step of lazy matching, then per block the smallest of a dynamic Huffman, fixed
/// Huffman or stored encoding. Not thread-safe: use <see cref="ForThread"/>.</remarks>
public sealed class Deflater
{
    private const int Window = 32768;
    private const int MinMatch = 3;
    private const int MaxMatch = 258;
    private const int HashBits = 14;
    private const int MaxChain = 48;
    private const int GoodLength = 32;
    private const int NiceLength = 96;
    private const int BlockTokens = 16384;

    // Hash heads of the stream being compressed, valid where _headStamp holds this stream's stamp (elsewhere the dictionary's
    // heads apply): no copy of the dictionary's table per stream.
    private readonly int[] _head = new int[1 << HashBits];
    private readonly int[] _headStamp = new int[1 << HashBits];
    private int _stamp;
    private int[] _prev = new int[1 << 16];
    private byte[] _buffer = [];
    private byte[]? _bufferHistory;
    private int _end;
    private int[] _tokens = new int[BlockTokens];
    private readonly int[] _litFreq = new int[286];
    private readonly int[] _distFreq = new int[30];
    private readonly BitWriter _bits = new();

    // History shared by every stream compressed after a dictionary: hash heads and chains over the dictionary, never written.
    private int[]? _historyHead;
    private int[]? _historyPrev;
    private byte[]? _history;

    [ThreadStatic] private static Deflater? _current;

    public static Deflater ForThread() => _current ??= new Deflater();

    /// <summary>A whole, final DEFLATE stream of <paramref name="data"/>.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> data) => ForThread().Encode([], null, null, data, final: true);

    /// <summary>Compresses <paramref name="data"/> as the continuation of a stream that has already produced
    /// <paramref name="dictionary"/> (see <see cref="DeflateDictionary"/>): matches may reach back into it.</summary>
    internal byte[] CompressAfter(DeflateDictionary dictionary, ReadOnlySpan<byte> data) =>
        Encode(dictionary.Bytes, dictionary.Head, dictionary.Prev, data, final: true);

    /// <summary>The non-final blocks producing <paramref name="data"/>, ended by an empty stored block so that the stream ends on a byte boundary.</summary>
    internal byte[] CompressOpen(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return [];
        var open = Encode([], null, null, data, final: false, alignWithEmptyStored: true);
        return open;
    }

    /// <summary>Hash heads and chains after reading <paramref name="data"/> from its start (for a dictionary).</summary>
    internal static (int[] Head, int[] Prev) Chains(ReadOnlySpan<byte> data)
    {
        var head = new int[1 << HashBits];
        Array.Fill(head, -1);
        var prev = new int[Math.Max(1, data.Length)];
        for (var i = 0; i + MinMatch <= data.Length; i++)
        {
            var h = Hash(data, i);
            prev[i] = head[h];
            head[h] = i;
        }
        return (head, prev);
    }

    private static int Hash(ReadOnlySpan<byte> b, int i) => ((b[i] << 9) ^ (b[i + 1] << 4) ^ b[i + 2] ^ (b[i + 2] << 11)) & ((1 << HashBits) - 1);

    private byte[] Encode(byte[] history, int[]? historyHead, int[]? historyPrev, ReadOnlySpan<byte> data, bool final, bool alignWithEmptyStored = false)
    {
        // The buffer is history followed by data; positions below history.Length belong to the dictionary (copied once per thread).
        var start = history.Length;
        var end = start + data.Length;
        if (_buffer.Length < end || !ReferenceEquals(_bufferHistory, history))
        {
            if (_buffer.Length < end) _buffer = new byte[Math.Max(end, 2 * _buffer.Length)];
            history.CopyTo(_buffer, 0);
            _bufferHistory = history;
        }
        var buffer = _buffer;
        data.CopyTo(buffer.AsSpan(start));
        _end = end;
        _history = history;
        _historyHead = historyHead;
        _historyPrev = historyPrev;
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_headStamp);
            _stamp = 1;
        }
        if (_prev.Length < data.Length) _prev = new int[Math.Max(data.Length, 2 * _prev.Length)];

        _bits.Clear();
        var blockStart = start;
        var count = 0;
        var havePrev = false;
        int prevLength = 0, prevDistance = 0;
        var i = start;

        void Literal(byte b)
        {
            _tokens[count++] = b;
        }

        void Match(int length, int distance)
        {
            _tokens[count++] = (length << 16) | distance;
        }

        void MaybeFlush(int upTo, bool last)
        {
            if (count < BlockTokens - 2 && !last) return;
            WriteBlock(buffer, blockStart, upTo, count, last && final);
            blockStart = upTo;
            count = 0;
        }

        while (i < end)
        {
            var length = 0;
            var distance = 0;
            if (i + MinMatch <= end)
            {
                var candidate = Insert(buffer, i, start);
                if (candidate >= 0 && !(havePrev && prevLength >= NiceLength))
                    (length, distance) = Longest(buffer, i, candidate, havePrev ? Math.Max(prevLength, MinMatch - 1) : MinMatch - 1, start);
            }
            if (havePrev && prevLength >= MinMatch && length <= prevLength)
            {
                Match(prevLength, prevDistance);
                var matchEnd = i - 1 + prevLength;
                for (var j = i + 1; j < matchEnd; j++)
                    if (j + MinMatch <= end) Insert(buffer, j, start);
                i = matchEnd;
                havePrev = false;
                MaybeFlush(i, false);
                continue;
            }
            if (havePrev)
            {
                Literal(buffer[i - 1]);
                MaybeFlush(i, false);
            }
            havePrev = true;
            prevLength = length;
            prevDistance = distance;
            i++;
        }
        if (havePrev)
        {
            if (prevLength >= MinMatch) Match(prevLength, prevDistance);
            else Literal(buffer[end - 1]);
        }
        MaybeFlush(end, true);
        if (alignWithEmptyStored)
        {
            _bits.Write(0, 3);
            _bits.AlignToByte();
            _bits.Write(0, 16);
            _bits.Write(0xFFFF, 16);
        }
        _bits.AlignToByte();
        _history = null;
        _historyHead = null;
        _historyPrev = null;
        return _bits.Bytes.ToArray();
    }

    /// <summary>Adds position i to its hash chain; returns the previous head of the chain (−1 when empty).</summary>
    private int Insert(byte[] buffer, int i, int start)
    {
        var h = Hash(buffer, i);
        var previous = _headStamp[h] == _stamp ? _head[h] : _historyHead?[h] ?? -1;
        _prev[i - start] = previous;
        _head[h] = i;
        _headStamp[h] = _stamp;
        return previous;
    }

    private int Previous(int position, int start) => position >= start ? _prev[position - start] : _historyPrev![position];

    /// <summary>The longest match for position i that is longer than <paramref name="better"/>, walking the hash chain from <paramref name="candidate"/>.</summary>
    private (int Length, int Distance) Longest(byte[] buffer, int i, int candidate, int better, int start)
    {
        var limit = Math.Min(MaxMatch, _end - i);
        var bestLength = better;
        var bestDistance = 0;
        // As zlib does: with a good match in hand already, look at fewer candidates.
        var chain = better >= GoodLength ? MaxChain / 4 : MaxChain;
        var floor = i - Window;
        var here = buffer.AsSpan(i, limit);
        while (candidate >= 0 && candidate > floor && chain-- > 0)
        {
            if (bestLength < limit && buffer[candidate + bestLength] == buffer[i + bestLength] && buffer[candidate] == buffer[i])
            {
                var length = buffer.AsSpan(candidate, limit).CommonPrefixLength(here);
                if (length > bestLength)
                {
                    bestLength = length;
                    bestDistance = i - candidate;
                    if (length >= NiceLength || length == limit) break;
                }
            }
            candidate = Previous(candidate, start);
        }
        return bestDistance == 0 ? (0, 0) : (bestLength, bestDistance);
    }

    // RFC 1951 §3.2.5: length codes 257–285 and distance codes 0–29, their base values and extra bits.
    private static readonly int[] LengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
    private static readonly int[] LengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
    private static readonly int[] DistanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
    private static readonly int[] DistanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
    private static readonly int[] CodeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
    private static readonly byte[] LengthCode = BuildLengthCodes();

    private static byte[] BuildLengthCodes()
    {
        var codes = new byte[MaxMatch + 1];
        for (var code = 0; code < LengthBase.Length; code++)
            for (var length = LengthBase[code]; length < (code + 1 < LengthBase.Length ? LengthBase[code + 1] : MaxMatch + 1); length++)
                codes[length] = (byte)code;
        codes[MaxMatch] = 28;
        return codes;
    }

    private static int DistanceCode(int distance)
    {
        var lo = 0;
        var hi = DistanceBase.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if (DistanceBase[mid] <= distance) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>Writes the tokens of buffer[from, to) as one block, in the smallest of the three encodings.</summary>
    private void WriteBlock(byte[] buffer, int from, int to, int count, bool last)
    {
        Array.Clear(_litFreq);
        Array.Clear(_distFreq);
        for (var t = 0; t < count; t++)
        {
            var token = _tokens[t];
            if (token < 256) _litFreq[token]++;
            else
            {
                _litFreq[257 + LengthCode[token >> 16]]++;
                _distFreq[DistanceCode(token & 0xFFFF)]++;
            }
        }
        _litFreq[256] = 1;

        var litLengths = HuffmanLengths(_litFreq, 15);
        var distLengths = HuffmanLengths(_distFreq, 15);
        var hlit = 286;
        while (hlit > 257 && litLengths[hlit - 1] == 0) hlit--;
        var hdist = 30;
        while (hdist > 1 && distLengths[hdist - 1] == 0) hdist--;
        var all = new byte[hlit + hdist];
        litLengths.AsSpan(0, hlit).CopyTo(all);
        distLengths.AsSpan(0, hdist).CopyTo(all.AsSpan(hlit));
        var runs = RunLengths(all);
        var clFreq = new int[19];
        foreach (var (symbol, _) in runs) clFreq[symbol]++;
        var clLengths = HuffmanLengths(clFreq, 7);
        var hclen = 19;
        while (hclen > 4 && clLengths[CodeLengthOrder[hclen - 1]] == 0) hclen--;

        long dataBits(byte[] lit, byte[] dist)
        {
            long bits = 0;
            for (var s = 0; s < 286; s++) bits += (long)_litFreq[s] * (lit[s] + (s >= 257 ? LengthExtra[s - 257] : 0));
            for (var s = 0; s < 30; s++) bits += (long)_distFreq[s] * (dist[s] + DistanceExtra[s]);
            return bits;
        }
        long headerBits = 14 + 3 * hclen;
        foreach (var (symbol, _) in runs) headerBits += clLengths[symbol] + symbol switch { 16 => 2, 17 => 3, 18 => 7, _ => 0 };
        var dynamicBits = 3 + headerBits + dataBits(litLengths, distLengths);
        var fixedBits = 3 + dataBits(FixedLit, FixedDist);
        var storedBits = to - from <= 65535 ? 3 + 7 + 32 + 8L * (to - from) : long.MaxValue;

        var final = last ? 1u : 0u;
        if (storedBits <= dynamicBits && storedBits <= fixedBits)
        {
            _bits.Write(final, 1);
            _bits.Write(0, 2);
            _bits.AlignToByte();
            _bits.Write((uint)(to - from), 16);
            _bits.Write((uint)~(to - from) & 0xFFFF, 16);
            for (var k = from; k < to; k++) _bits.Write(buffer[k], 8);
            return;
        }
        byte[] lit, dst;
        if (fixedBits <= dynamicBits)
        {
            _bits.Write(final, 1);
            _bits.Write(1, 2);
            (lit, dst) = (FixedLit, FixedDist);
        }
        else
        {
            _bits.Write(final, 1);
            _bits.Write(2, 2);
            _bits.Write((uint)(hlit - 257), 5);
            _bits.Write((uint)(hdist - 1), 5);
            _bits.Write((uint)(hclen - 4), 4);
            for (var k = 0; k < hclen; k++) _bits.Write(clLengths[CodeLengthOrder[k]], 3);
            var clCodes = Codes(clLengths);
            foreach (var (symbol, extra) in runs)
            {
                _bits.Write(clCodes[symbol], clLengths[symbol]);
                if (symbol == 16) _bits.Write((uint)extra, 2);
                else if (symbol == 17) _bits.Write((uint)extra, 3);
                else if (symbol == 18) _bits.Write((uint)extra, 7);
            }
            (lit, dst) = (litLengths, distLengths);
        }
        var litCodes = Codes(lit);
        var distCodes = Codes(dst);
        for (var t = 0; t < count; t++)
        {
            var token = _tokens[t];
            if (token < 256)
            {
                _bits.Write(litCodes[token], lit[token]);
                continue;
            }
            var length = token >> 16;
            var distance = token & 0xFFFF;
            var lc = LengthCode[length];
            _bits.Write(litCodes[257 + lc], lit[257 + lc]);
            _bits.Write((uint)(length - LengthBase[lc]), LengthExtra[lc]);
            var dc = DistanceCode(distance);
            _bits.Write(distCodes[dc], dst[dc]);
            _bits.Write((uint)(distance - DistanceBase[dc]), DistanceExtra[dc]);
        }
        _bits.Write(litCodes[256], lit[256]);
    }

    private static readonly byte[] FixedLit = Enumerable.Range(0, 288).Select(s => (byte)(s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8)).ToArray();
    private static readonly byte[] FixedDist = Enumerable.Repeat((byte)5, 30).ToArray();

    /// <summary>The code lengths as (symbol, extra) pairs of the code-length alphabet: 0–15 literally, 16 repeats the previous
    /// length 3–6 times, 17 and 18 give runs of 3–10 and 11–138 zeros.</summary>
    private static List<(int Symbol, int Extra)> RunLengths(byte[] lengths)
    {
        var runs = new List<(int, int)>();
        for (var i = 0; i < lengths.Length;)
        {
            var value = lengths[i];
            var run = 1;
            while (i + run < lengths.Length && lengths[i + run] == value) run++;
            i += run;
            if (value == 0)
            {
                while (run >= 11) { var n = Math.Min(run, 138); runs.Add((18, n - 11)); run -= n; }
                if (run >= 3) { runs.Add((17, run - 3)); run = 0; }
                while (run-- > 0) runs.Add((0, 0));
                continue;
            }
            runs.Add((value, 0));
            run--;
            while (run >= 3) { var n = Math.Min(run, 6); runs.Add((16, n - 3)); run -= n; }
            while (run-- > 0) runs.Add((value, 0));
        }
        return runs;
    }

    /// <summary>Canonical Huffman codes for the lengths (RFC 1951 §3.2.2), bit-reversed for least-significant-first writing.</summary>
    private static uint[] Codes(byte[] lengths)
    {
        var count = new int[16];
        foreach (var l in lengths) if (l > 0) count[l]++;
        var next = new uint[16];
        uint code = 0;
        for (var bits = 1; bits < 16; bits++)
        {
            code = (code + (uint)count[bits - 1]) << 1;
            next[bits] = code;
        }
        var codes = new uint[lengths.Length];
        for (var s = 0; s < lengths.Length; s++)
        {
            var l = lengths[s];
            if (l == 0) continue;
            var c = next[l]++;
            uint reversed = 0;
            for (var k = 0; k < l; k++) reversed |= ((c >> k) & 1) << (l - 1 - k);
            codes[s] = reversed;
        }
        return codes;
    }

    /// <summary>Huffman code lengths of at most <paramref name="maxBits"/> bits for the frequencies; always a complete code of at
    /// least two symbols, which every inflater accepts.</summary>
    private static byte[] HuffmanLengths(int[] freq, int maxBits)
    {
        var lengths = new byte[freq.Length];
        // Leaves in ascending frequency (ties by symbol), sorted by one primitive key; two queues then give the tree without a heap.
        var keys = new long[freq.Length + 2];
        var n = 0;
        for (var s = 0; s < freq.Length; s++) if (freq[s] > 0) keys[n++] = ((long)freq[s] << 16) | (uint)s;
        if (n == 0) keys[n++] = 0;
        if (n == 1) keys[n++] = (keys[0] & 0xFFFF) == 0 ? 1 : 0;
        Array.Sort(keys, 0, n);
        var leaves = new int[n];
        for (var k = 0; k < n; k++) leaves[k] = (int)(keys[k] & 0xFFFF);
        var weight = new long[2 * n];
        var parent = new int[2 * n];
        for (var k = 0; k < n; k++) weight[k] = Math.Max(1, freq[leaves[k]]);
        int leaf = 0, node = n, made = n;
        int Smallest()
        {
            if (leaf < n && (node >= made || weight[leaf] <= weight[node])) return leaf++;
            return node++;
        }
        while (made < 2 * n - 1)
        {
            var a = Smallest();
            var b = Smallest();
            weight[made] = weight[a] + weight[b];
            parent[a] = made;
            parent[b] = made;
            made++;
        }
        var depth = new int[2 * n];
        for (var k = 2 * n - 3; k >= 0; k--) depth[k] = depth[parent[k]] + 1;
        var histogram = new int[Math.Max(maxBits, n) + 2];
        for (var k = 0; k < n; k++) histogram[Math.Min(depth[k], histogram.Length - 1)]++;
        // Lengths over the limit are clamped, then the Kraft sum is brought back to exactly one (as miniz does).
        for (var l = maxBits + 1; l < histogram.Length; l++)
        {
            histogram[maxBits] += histogram[l];
            histogram[l] = 0;
        }
        long total = 0;
        for (var l = 1; l <= maxBits; l++) total += (long)histogram[l] << (maxBits - l);
        while (total > 1L << maxBits)
        {
            histogram[maxBits]--;
            for (var l = maxBits - 1; l > 0; l--)
            {
                if (histogram[l] == 0) continue;
                histogram[l]--;
                histogram[l + 1] += 2;
                break;
            }
            total--;
        }
        // The rarest symbols get the longest codes.
        var k2 = 0;
        for (var l = maxBits; l >= 1; l--)
            for (var c = 0; c < histogram[l]; c++) lengths[leaves[k2++]] = (byte)l;
        return lengths;
    }
}

/// <summary>A preset dictionary for DEFLATE streams, emulated with plain DEFLATE because <c>DecompressionStream</c> takes none: the
/// dictionary is stored once as the opening of a stream (<see cref="Prefix"/>, non-final blocks ending on a byte boundary), and every
/// text is compressed as a continuation of it. A reader inflates prefix ‖ text and drops the first <see cref="Bytes"/>.Length bytes.</summary>
public sealed class DeflateDictionary
{
    public byte[] Bytes { get; }
    public byte[] Prefix { get; }
    internal int[] Head { get; }
    internal int[] Prev { get; }

    public DeflateDictionary(byte[] bytes)
    {
        Bytes = bytes;
        Prefix = Deflater.ForThread().CompressOpen(bytes);
        (Head, Prev) = Deflater.Chains(bytes);
    }

    /// <summary>The rest of the stream after <see cref="Prefix"/> that produces <paramref name="data"/>; thread-safe.</summary>
    public byte[] Compress(ReadOnlySpan<byte> data) => Deflater.ForThread().CompressAfter(this, data);
}
