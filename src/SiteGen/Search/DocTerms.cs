namespace SiteGen.Search;

/// <summary>One document's terms while it is being indexed: weighted frequencies and positions, reused per thread.</summary>
internal sealed class DocTerms
{
    [ThreadStatic] private static DocTerms? _current;

    private sealed class Acc
    {
        public int Weight;
        public readonly List<int> Positions = [];
    }

    private readonly Dictionary<int, Acc> _cjk = [];
    private readonly Dictionary<string, Acc> _words = new(StringComparer.Ordinal);
    private readonly List<Acc> _pool = [];
    private int _used;
    private int _boost;
    private readonly ByteBuffer[] _buffers = Enumerable.Range(0, PostingSpill.Partitions).Select(_ => new ByteBuffer()).ToArray();

    public static DocTerms ForThread() => _current ??= new DocTerms();

    private Acc Next()
    {
        if (_used == _pool.Count) _pool.Add(new Acc());
        var acc = _pool[_used++];
        acc.Weight = 0;
        acc.Positions.Clear();
        return acc;
    }

    public int Scan(string text, int start, int boost)
    {
        _boost = boost;
        var sink = new Sink(this);
        return Tokenizer.Scan(text, start, ref sink);
    }

    /// <summary>A struct sink, so the JIT specialises the tokenizer loop for the indexer instead of dispatching through an interface.</summary>
    private readonly struct Sink(DocTerms terms) : Tokenizer.ISink
    {
        public void Cjk(char c, char next, int position) => terms.Cjk(c, next, position);
        public void Word(ReadOnlySpan<char> word, int position) => terms.Word(word, position);
        public void Join(ReadOnlySpan<char> word, char cjk, int position) => terms.Join(word, cjk, position);
    }

    public void Cjk(char c, char next, int position)
    {
        var unigram = c << 16;
        if (!_cjk.TryGetValue(unigram, out var u)) _cjk[unigram] = u = Next();
        u.Weight += _boost;
        if (next == '\0') return;
        var bigram = unigram | next;
        if (!_cjk.TryGetValue(bigram, out var b)) _cjk[bigram] = b = Next();
        b.Weight += _boost;
        b.Positions.Add(position);
    }

    public void Word(ReadOnlySpan<char> word, int position)
    {
        var lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(word, out var w))
        {
            w = Next();
            lookup[word] = w;
        }
        w.Weight += _boost;
        w.Positions.Add(position);
    }

    public void Join(ReadOnlySpan<char> word, char cjk, int position)
    {
        Span<char> joined = word.Length < 64 ? stackalloc char[word.Length + 1] : new char[word.Length + 1];
        word.CopyTo(joined);
        joined[^1] = cjk;
        Word(joined, position);
    }

    /// <summary>Encodes this document's postings into the spill and resets for the next document.</summary>
    public void Spill(int docId, PostingSpill spill)
    {
        Span<char> pair = stackalloc char[2];
        foreach (var (key, acc) in _cjk)
        {
            pair[0] = (char)(key >> 16);
            pair[1] = (char)(key & 0xFFFF);
            var term = pair[1] == '\0' ? pair[..1] : pair;
            Write(term, docId, acc, withPositions: pair[1] != '\0');
        }
        foreach (var (word, acc) in _words) Write(word, docId, acc, withPositions: true);
        for (var p = 0; p < PostingSpill.Partitions; p++)
        {
            var buffer = _buffers[p];
            if (buffer.Length == 0) continue;
            spill.Append(p, buffer.Bytes.AsSpan(0, buffer.Length));
            buffer.Length = 0;
        }
        _cjk.Clear();
        _words.Clear();
        _used = 0;
    }

    private void Write(ReadOnlySpan<char> term, int docId, Acc acc, bool withPositions)
    {
        var buffer = _buffers[PostingSpill.PartitionOf(term[0])];
        buffer.Varint(term.Length);
        foreach (var ch in term) buffer.Varint(ch);
        buffer.Varint(docId);
        buffer.Varint(acc.Weight);
        if (!withPositions)
        {
            buffer.Varint(0);
            return;
        }
        buffer.Varint(acc.Positions.Count);
        var last = 0;
        foreach (var position in acc.Positions)
        {
            buffer.Varint(position - last);
            last = position;
        }
    }
}
