namespace SiteGen.Views;

/// <summary>The sentences the changes pages list, kept in a temporary file from when a pair of reports is compared until its
/// changes page renders: memory then holds each comparison's counts only, not the sentences of every pair at once (about
/// 15 KB a pair, 1.2 GB at 100,000 reports).</summary>
/// <remarks>Record per pair: per required item, the number of sentences listed, then each sentence's kind, whether it was
/// reworded, last year's and this year's text (UTF-16, each absent or present) and the lengths and marks of the pieces each is
/// cut into. Sentences are read back as they were written, so output does not depend on which thread compared what.</remarks>
public sealed class ListedSentences : IDisposable
{
    private readonly TemporaryRecords _records = new("the changes pages' sentences");

    /// <summary>Writes the sentences a comparison lists (thread-safe) and returns the comparison without them.</summary>
    public ChangeSummary Keep(ChangeSummary summary)
    {
        _records.Write(summary.Current.Path, writer =>
        {
            foreach (var item in summary.Items)
            {
                var listed = item.Listed ?? throw new ArgumentException("a comparison without its listed sentences", nameof(summary));
                writer.Write7BitEncodedInt(listed.Count);
                foreach (var sentence in listed)
                {
                    writer.Write((byte)sentence.Kind);
                    writer.Write(sentence.Reworded);
                    WriteSide(writer, sentence.Before, sentence.BeforePieces);
                    WriteSide(writer, sentence.After, sentence.AfterPieces);
                }
            }
        });
        return new ChangeSummary(summary.Current, summary.Previous,
            summary.Items.Select(i => i with { Listed = null }).ToList(), summary.Total, summary.Approximate);
    }

    /// <summary>The comparison of the report at <paramref name="path"/> with the sentences <see cref="Keep"/> wrote for it put back
    /// (thread-safe); null when none were kept for it.</summary>
    public ChangeSummary? Restore(string path, ChangeSummary counts) => _records.Read(path, reader =>
    {
        var items = counts.Items.Select(item =>
        {
            var listed = new SentenceChange[reader.Read7BitEncodedInt()];
            for (var i = 0; i < listed.Length; i++)
            {
                var kind = (SentenceChangeKind)reader.ReadByte();
                var reworded = reader.ReadBoolean();
                var (before, beforePieces) = ReadSide(reader);
                var (after, afterPieces) = ReadSide(reader);
                listed[i] = new SentenceChange(kind, before, after, reworded) { BeforePieces = beforePieces, AfterPieces = afterPieces };
            }
            return item with { Listed = listed };
        }).ToList();
        return counts with { Items = items };
    });

    /// <summary>One year's side of a sentence: its text, then its pieces as lengths (they cut the text from start to end) and marks.</summary>
    private static void WriteSide(BinaryWriter writer, string? text, IReadOnlyList<SentencePiece> pieces)
    {
        writer.Write(text is not null);
        if (text is null) return;
        writer.Write(text);
        writer.Write7BitEncodedInt(pieces.Count);
        var at = 0;
        foreach (var piece in pieces)
        {
            if (string.CompareOrdinal(text, at, piece.Text, 0, piece.Text.Length) != 0)
                throw new ArgumentException("a sentence's pieces do not cut its text in order", nameof(pieces));
            writer.Write7BitEncodedInt(piece.Text.Length);
            writer.Write(piece.Changed);
            at += piece.Text.Length;
        }
    }

    private static (string? Text, IReadOnlyList<SentencePiece> Pieces) ReadSide(BinaryReader reader)
    {
        if (!reader.ReadBoolean()) return (null, []);
        var text = reader.ReadString();
        var pieces = new SentencePiece[reader.Read7BitEncodedInt()];
        var at = 0;
        for (var i = 0; i < pieces.Length; i++)
        {
            var length = reader.Read7BitEncodedInt();
            // A piece that is the whole sentence is the sentence itself, as the comparison made it.
            pieces[i] = new SentencePiece(length == text.Length ? text : text.Substring(at, length), reader.ReadBoolean());
            at += length;
        }
        return (text, pieces);
    }

    public void Dispose() => _records.Dispose();
}
