using SiteGen.Model;
using SiteGen.Reports;

namespace SiteGen.Views;

/// <summary>What happened to a sentence between last year's report and this year's.</summary>
public enum SentenceChangeKind
{
    Unchanged,
    Added,
    Dropped,

    /// <summary>A sentence of last year's stands in this year's report with other figures, or (when <see cref="SentenceChange.Reworded"/>) lightly reworded.</summary>
    Changed,
}

/// <summary>A piece of a sentence as shown: its text, and whether it is a figure that changed (to mark with <c>&lt;mark&gt;</c> or <c>&lt;del&gt;</c>/<c>&lt;ins&gt;</c>).</summary>
public readonly record struct SentencePiece(string Text, bool Changed);

/// <summary>One line of the comparison: a sentence kept, added, dropped or changed; <see cref="Before"/> is last year's text, <see cref="After"/> this year's.</summary>
public sealed record SentenceChange(SentenceChangeKind Kind, string? Before, string? After, bool Reworded = false)
{
    /// <summary>Last year's sentence cut where its figures changed; empty for an added sentence.</summary>
    public IReadOnlyList<SentencePiece> BeforePieces { get; init; } = Before is null ? [] : [new SentencePiece(Before, false)];

    /// <summary>This year's sentence cut where its figures changed; empty for a dropped sentence.</summary>
    public IReadOnlyList<SentencePiece> AfterPieces { get; init; } = After is null ? [] : [new SentencePiece(After, false)];
}

/// <summary>How many sentences were added, dropped, changed and kept.</summary>
public sealed record ChangeCounts(int Added, int Dropped, int Changed, int Unchanged)
{
    public static readonly ChangeCounts None = new(0, 0, 0, 0);

    public ChangeCounts Plus(ChangeCounts other) =>
        new(Added + other.Added, Dropped + other.Dropped, Changed + other.Changed, Unchanged + other.Unchanged);
}

/// <summary>One required item compared between the two years: whether each report has it, its counts, and the first
/// <see cref="ChangeComparer.MaxListed"/> sentences of each kind that changed (changed figures, added, dropped), in this year's
/// order with dropped ones where they stood; <c>Listed</c> is null in the counts the views keep (see <see cref="ListedSentences"/>).</summary>
public sealed record ItemChanges(RequiredItem Item, bool InPrevious, bool InCurrent, ChangeCounts Counts, IReadOnlyList<SentenceChange>? Listed);

/// <summary>A report's comparison with the same agency's report of the previous year in the same series: the counts shown on the
/// report page and, as the comparison made it or read back for its <c>/changes/…/</c> page, the sentences that page lists.</summary>
/// <param name="Approximate">True when an item was rewritten so widely that its alignment was approximated (see <see cref="SequenceAlignment"/>).</param>
public sealed record ChangeSummary(Report Current, Report Previous, IReadOnlyList<ItemChanges> Items, ChangeCounts Total, bool Approximate);

/// <summary>The sentences of one required item of a report (the plain text of its sections' bodies, in order), kept as ranges
/// of that text with the hashes of their keys, so a comparison that only counts creates no strings. The masked keys and
/// character pairs that pairing needs are made on first use and kept, since a report is compared with two years; an instance
/// is therefore used by one thread at a time.</summary>
public sealed class ItemSentences
{
    private readonly string _text;
    private readonly List<Range> _ranges;
    private ulong?[]? _masked;
    private long[]?[]? _pairs;

    public ItemSentences(string text)
    {
        _text = text;
        _ranges = new List<Range>(text.Length / 32 + 4);
        Sentences.Ranges(text, _ranges);
        Keys = new ulong[_ranges.Count];
        for (var i = 0; i < Keys.Length; i++) Keys[i] = Sentences.KeyHash(Span(i));
    }

    public int Count => _ranges.Count;

    /// <summary><see cref="Sentences.KeyHash"/> of each sentence.</summary>
    public ulong[] Keys { get; }

    public ReadOnlySpan<char> Span(int i) => _text.AsSpan(_ranges[i]);

    public string this[int i] => _text[_ranges[i]];

    /// <summary><see cref="Sentences.MaskedHash"/> of sentence <paramref name="i"/>.</summary>
    public ulong Masked(int i) => (_masked ??= new ulong?[Count])[i] ??= Sentences.MaskedHash(Span(i));

    /// <summary>The distinct pairs of adjacent characters of sentence <paramref name="i"/>'s masked key, sorted, each packed in a long.</summary>
    public long[] Pairs(int i) => (_pairs ??= new long[]?[Count])[i] ??= Bigrams(Span(i));

    /// <summary>Whether a sentence can be a reworded change of figures: long enough, and holding a figure.</summary>
    public bool HasFigures(int i)
    {
        var sentence = Span(i);
        return sentence.Length >= ChangeComparer.MinReworded && (sentence.IndexOfAnyInRange('0', '9') >= 0 || sentence.IndexOfAnyInRange('０', '９') >= 0);
    }

    private static long[] Bigrams(ReadOnlySpan<char> sentence)
    {
        Span<char> masked = sentence.Length <= 512 ? stackalloc char[sentence.Length] : new char[sentence.Length];
        var text = masked[..Sentences.Fold(sentence, masked, mask: true)];
        if (text.Length < 2) return [];
        var pairs = new long[text.Length - 1];
        for (var i = 0; i + 1 < text.Length; i++) pairs[i] = ((long)text[i] << 16) | text[i + 1];
        Array.Sort(pairs);
        var distinct = 1;
        for (var i = 1; i < pairs.Length; i++) if (pairs[i] != pairs[distinct - 1]) pairs[distinct++] = pairs[i];
        return pairs[..distinct];
    }
}

/// <summary>A report's sentences per required item, read once and compared with both the year before and the year after.</summary>
public sealed record ReportSentences(IReadOnlyList<ItemSentences> Items)
{
    /// <summary>The sentences of item <paramref name="number"/> (1–5).</summary>
    public ItemSentences Of(int number) => Items[number - 1];

    /// <summary>Reads each item's sections into one text; top-level headings are left out: they name the item and carry the year.</summary>
    public static ReportSentences Of(SectionedBody body)
    {
        var items = new ItemSentences[RequiredSections.All.Count];
        // One builder per thread, in one block as large as the body (an item's plain text is no longer than its Markdown): a
        // builder grown block by block allocates a whole new block each time it is cleared for the next item.
        var sb = _text ??= new System.Text.StringBuilder();
        sb.Clear();
        var length = 0;
        foreach (var section in body.Sections) length += section.BodySpan.Length + 1;
        if (sb.Capacity < length) sb.Capacity = length;
        // A section that covers two items (不足和下一步打算) is read for each; most cover one.
        for (var n = 1; n <= items.Length; n++)
        {
            sb.Clear();
            foreach (var section in body.Sections)
                if (section.Items.Contains(n)) MarkdownText.Append(sb.Append('\n'), section.BodySpan);
            items[n - 1] = new ItemSentences(sb.ToString());
        }
        if (sb.Capacity > MaxKeptCapacity) _text = null;
        return new ReportSentences(items);
    }

    /// <summary>The largest builder a thread keeps for the next report (larger ones, of a rare long report, are let go).</summary>
    private const int MaxKeptCapacity = 256 * 1024;

    [ThreadStatic] private static System.Text.StringBuilder? _text;
}

/// <summary>Compares two years of one agency's report item by item, sentence by sentence.</summary>
/// <remarks>
/// Per required item, the sentences (<see cref="ReportSentences"/>) are aligned with <see cref="SequenceAlignment"/>. Then, among
/// the sentences the alignment left out: a sentence found on both sides (moved) counts as unchanged; a pair equal once figures are
/// masked is a change of figures, with the changed figures marked; and, inside a short run of edits (at most <see cref="MaxRun"/>
/// sentences dropped and added: a sentence edited where it stood), a pair of sentences that both hold figures and whose masked
/// character pairs agree by <see cref="ReworkedSimilarity"/> (Dice) or more is a change of figures with some rewording, best pairs
/// first. A longer run is a passage rewritten at length; scoring every pair in it would cost more than the rest of the comparison
/// and pair sentences that merely share the report's stock phrases. Everything else is added or dropped. Deterministic throughout.
/// </remarks>
public static class ChangeComparer
{
    public const double ReworkedSimilarity = 0.75;
    public const int MinReworded = 10;
    public const int MaxRun = 8;

    /// <summary>Sentences of one kind (changed, added, dropped) listed per item; the two reports have the rest. A report
    /// rewritten at length would otherwise carry both years' whole text onto its changes page.</summary>
    public const int MaxListed = 5;

    /// <summary>Compares a report with its previous year's: each item's counts, and its first <see cref="MaxListed"/> sentences of each
    /// kind that changed (only those become strings).</summary>
    public static ChangeSummary Compare(Report previous, SectionedBody previousBody, Report current, SectionedBody currentBody) =>
        Compare(previous, previousBody, ReportSentences.Of(previousBody), current, currentBody, ReportSentences.Of(currentBody));

    public static ChangeSummary Compare(Report previous, SectionedBody previousBody, ReportSentences previousSentences,
        Report current, SectionedBody currentBody, ReportSentences currentSentences)
    {
        var items = new List<ItemChanges>();
        var approximate = false;
        foreach (var item in RequiredSections.All)
        {
            var before = previousSentences.Of(item.Number);
            var after = currentSentences.Of(item.Number);
            var script = Script(before, after);
            approximate |= !script.Exact;
            items.Add(new ItemChanges(item, previousBody.Has(item.Number), currentBody.Has(item.Number), Count(script.Ops), Listed(script, before, after)));
        }
        return new ChangeSummary(current, previous, items, items.Aggregate(ChangeCounts.None, (sum, i) => sum.Plus(i.Counts)), approximate);
    }

    /// <summary>The paired edit script of one item and whether its alignment was exact.</summary>
    private sealed record EditScript(Op[] Ops, bool Exact);

    private static EditScript Script(ItemSentences before, ItemSentences after)
    {
        var ids = new Dictionary<ulong, int>(before.Count + after.Count);
        int[] Ids(ulong[] keys)
        {
            var result = new int[keys.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                if (!ids.TryGetValue(keys[i], out var id)) ids[keys[i]] = id = ids.Count;
                result[i] = id;
            }
            return result;
        }
        var (matches, exact) = SequenceAlignment.Align(Ids(before.Keys), Ids(after.Keys));

        // The edit script: each run of edits as its dropped sentences then its added ones, then the sentence kept after it.
        var ops = new Op[before.Count + after.Count - matches.Count];
        var n = 0;
        var hunk = 0;
        int a = 0, b = 0;
        for (var m = 0; m <= matches.Count; m++)
        {
            var (ma, mb) = m < matches.Count ? matches[m] : (before.Count, after.Count);
            while (a < ma) ops[n++] = new Op(SentenceChangeKind.Dropped, a++, -1, hunk);
            while (b < mb) ops[n++] = new Op(SentenceChangeKind.Added, -1, b++, hunk);
            if (m < matches.Count) ops[n++] = new Op(SentenceChangeKind.Unchanged, a++, b++, hunk);
            hunk++;
        }

        if (ops.Length > matches.Count)
        {
            PairByKey(ops, i => before.Keys[i], j => after.Keys[j], SentenceChangeKind.Unchanged);
            PairByKey(ops, before.Masked, after.Masked, SentenceChangeKind.Changed);
            PairReworded(ops, before, after);
        }
        return new EditScript(ops, exact);
    }

    private static ChangeCounts Count(Op[] ops)
    {
        int added = 0, dropped = 0, changed = 0, unchanged = 0;
        foreach (var op in ops)
        {
            if (op.Consumed) continue;
            switch (op.Kind)
            {
                case SentenceChangeKind.Added: added++; break;
                case SentenceChangeKind.Dropped: dropped++; break;
                case SentenceChangeKind.Changed: changed++; break;
                default: unchanged++; break;
            }
        }
        return new ChangeCounts(added, dropped, changed, unchanged);
    }

    private static List<SentenceChange> Listed(EditScript script, ItemSentences before, ItemSentences after)
    {
        var listed = new List<SentenceChange>();
        int added = 0, dropped = 0, changed = 0;
        foreach (var op in script.Ops)
        {
            if (op.Consumed) continue;
            switch (op.Kind)
            {
                case SentenceChangeKind.Dropped when dropped++ < MaxListed:
                    listed.Add(new SentenceChange(SentenceChangeKind.Dropped, before[op.A], null));
                    break;
                case SentenceChangeKind.Added when added++ < MaxListed:
                    listed.Add(new SentenceChange(SentenceChangeKind.Added, null, after[op.B]));
                    break;
                case SentenceChangeKind.Changed when changed++ < MaxListed:
                    listed.Add(Changed(before[op.PairedA], after[op.B], op.Reworded));
                    break;
            }
        }
        return listed;
    }

    /// <summary>One entry of the edit script (a sentence of last year's <see cref="A"/>, this year's <see cref="B"/>, or both, in run
    /// <see cref="Hunk"/>); pairing turns an added entry into a kept or changed one and consumes its dropped partner.</summary>
    private struct Op(SentenceChangeKind kind, int a, int b, int hunk)
    {
        public SentenceChangeKind Kind = kind;
        public readonly int A = a;
        public readonly int B = b;
        public readonly int Hunk = hunk;
        public int PairedA = -1;
        public bool Reworded;
        public bool Consumed;
    }

    /// <summary>Pairs each still added sentence with the first still dropped one of the same key, anywhere in the item.</summary>
    private static void PairByKey(Op[] ops, Func<int, ulong> droppedKey, Func<int, ulong> addedKey, SentenceChangeKind result)
    {
        // Dropped entries of one key as a linked list, first to last: the first entry by key, then each entry's successor.
        var count = 0;
        foreach (var op in ops) if (op.Kind == SentenceChangeKind.Dropped && !op.Consumed) count++;
        if (count == 0) return;
        // Sized at once: an item rewritten at length drops hundreds of sentences, and growing the table step by step cost
        // more than filling it.
        var dropped = new Dictionary<ulong, (int First, int Last)>(count);
        var next = new int[ops.Length];
        for (var k = 0; k < ops.Length; k++)
        {
            if (ops[k].Kind != SentenceChangeKind.Dropped || ops[k].Consumed) continue;
            next[k] = -1;
            var key = droppedKey(ops[k].A);
            if (dropped.TryGetValue(key, out var list))
            {
                next[list.Last] = k;
                dropped[key] = (list.First, k);
            }
            else dropped[key] = (k, k);
        }
        for (var k = 0; k < ops.Length; k++)
        {
            ref var op = ref ops[k];
            if (op.Kind != SentenceChangeKind.Added || !dropped.TryGetValue(addedKey(op.B), out var list) || list.First < 0) continue;
            ops[list.First].Consumed = true;
            op.Kind = result;
            op.PairedA = ops[list.First].A;
            dropped[addedKey(op.B)] = (next[list.First], list.Last);
        }
    }

    /// <summary>Within each short run of edits, pairs the most similar remaining dropped and added sentences with figures, best first.</summary>
    private static void PairReworded(Op[] ops, ItemSentences before, ItemSentences after)
    {
        var candidates = new List<(double Score, int Dropped, int Added)>();
        var dropped = new List<int>();
        var added = new List<int>();
        for (var start = 0; start < ops.Length;)
        {
            var end = start;
            int droppedInRun = 0, addedInRun = 0;
            for (; end < ops.Length && ops[end].Hunk == ops[start].Hunk; end++)
            {
                if (ops[end].Kind == SentenceChangeKind.Dropped) droppedInRun++;
                else if (ops[end].Kind is SentenceChangeKind.Added or SentenceChangeKind.Changed) addedInRun++;
            }
            var run = (start, end);
            start = end;
            if (droppedInRun == 0 || addedInRun == 0 || droppedInRun > MaxRun || addedInRun > MaxRun) continue;

            dropped.Clear();
            added.Clear();
            for (var k = run.start; k < run.end; k++)
            {
                if (ops[k].Kind == SentenceChangeKind.Dropped && !ops[k].Consumed && before.HasFigures(ops[k].A)) dropped.Add(k);
                else if (ops[k].Kind == SentenceChangeKind.Added && after.HasFigures(ops[k].B)) added.Add(k);
            }
            candidates.Clear();
            foreach (var d in dropped)
            foreach (var x in added)
            {
                var p = before.Pairs(ops[d].A);
                var q = after.Pairs(ops[x].B);
                if (p.Length + q.Length == 0 || 2.0 * Math.Min(p.Length, q.Length) / (p.Length + q.Length) < ReworkedSimilarity) continue;
                var score = 2.0 * Common(p, q) / (p.Length + q.Length);
                if (score >= ReworkedSimilarity) candidates.Add((score, d, x));
            }
            candidates.Sort((l, r) => r.Score != l.Score ? r.Score.CompareTo(l.Score) : l.Dropped != r.Dropped ? l.Dropped.CompareTo(r.Dropped) : l.Added.CompareTo(r.Added));
            foreach (var (_, d, x) in candidates)
            {
                if (ops[d].Consumed || ops[x].Kind != SentenceChangeKind.Added) continue;
                ops[d].Consumed = true;
                ops[x].Kind = SentenceChangeKind.Changed;
                ops[x].PairedA = ops[d].A;
                ops[x].Reworded = true;
            }
        }
    }

    private static int Common(long[] x, long[] y)
    {
        int i = 0, j = 0, common = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] == y[j])
            {
                common++;
                i++;
                j++;
            }
            else if (x[i] < y[j]) i++;
            else j++;
        }
        return common;
    }

    /// <summary>A changed pair with its changed figures marked: figure by figure when both sentences have as many figures, otherwise each figure the other sentence lacks.</summary>
    internal static SentenceChange Changed(string before, string after, bool reworded)
    {
        var figuresBefore = Sentences.Figures(before);
        var figuresAfter = Sentences.Figures(after);
        bool[] changedBefore, changedAfter;
        if (!reworded && figuresBefore.Count == figuresAfter.Count)
        {
            changedBefore = figuresBefore.Select((f, i) => Sentences.Key(f.Text) != Sentences.Key(figuresAfter[i].Text)).ToArray();
            changedAfter = changedBefore;
        }
        else
        {
            var valuesBefore = figuresBefore.Select(f => Sentences.Key(f.Text)).ToHashSet(StringComparer.Ordinal);
            var valuesAfter = figuresAfter.Select(f => Sentences.Key(f.Text)).ToHashSet(StringComparer.Ordinal);
            changedBefore = figuresBefore.Select(f => !valuesAfter.Contains(Sentences.Key(f.Text))).ToArray();
            changedAfter = figuresAfter.Select(f => !valuesBefore.Contains(Sentences.Key(f.Text))).ToArray();
        }
        return new SentenceChange(SentenceChangeKind.Changed, before, after, reworded)
        {
            BeforePieces = Pieces(before, figuresBefore, changedBefore),
            AfterPieces = Pieces(after, figuresAfter, changedAfter),
        };
    }

    private static List<SentencePiece> Pieces(string sentence, List<Figure> figures, bool[] changed)
    {
        var pieces = new List<SentencePiece>();
        var at = 0;
        for (var i = 0; i < figures.Count; i++)
        {
            if (!changed[i]) continue;
            if (figures[i].Start > at) pieces.Add(new SentencePiece(sentence[at..figures[i].Start], false));
            pieces.Add(new SentencePiece(figures[i].Text, true));
            at = figures[i].Start + figures[i].Length;
        }
        if (at < sentence.Length) pieces.Add(new SentencePiece(sentence[at..], false));
        return pieces;
    }
}
