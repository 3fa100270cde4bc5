using System.Collections.Concurrent;
using System.Text;
using Microsoft.Win32.SafeHandles;
using SiteGen.Diagnostics;

namespace SiteGen.Views;

/// <summary>The sentences the changes pages list, kept in a temporary file from when a pair of reports is compared until its
/// changes page renders: memory then holds each comparison's counts only, not the sentences of every pair at once (about
/// 15 KB a pair, 1.2 GB at 100,000 reports).</summary>
/// <remarks>Record per pair: per required item, the number of sentences listed, then each sentence's kind, whether it was
/// reworded, last year's and this year's text (UTF-16, each absent or present) and the lengths and marks of the pieces each is
/// cut into. Sentences are read back as they were written, so output does not depend on which thread compared what.</remarks>
public sealed class ListedSentences : IDisposable
{
    private static readonly UnicodeEncoding Utf16 = new(bigEndian: false, byteOrderMark: false);
    private readonly SafeFileHandle _file;
    private readonly Lock _lock = new();
    private long _length;
    private readonly ConcurrentDictionary<string, (long Offset, int Length)> _records = new(StringComparer.Ordinal);

    public ListedSentences()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sitegen-changes-{Environment.ProcessId}-{Guid.NewGuid():N}.bin");
        _file = Guard(() => File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose));
        // Unnamed at once where the system allows it, so not even a crash leaves the file behind.
        if (!OperatingSystem.IsWindows()) Guard(() => { File.Delete(path); return 0; });
    }

    /// <summary>Writes the sentences a comparison lists (thread-safe) and returns the comparison without them.</summary>
    public ChangeSummary Keep(ChangeSummary summary)
    {
        var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Utf16, leaveOpen: true))
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
        }
        long offset;
        lock (_lock)
        {
            offset = _length;
            _length += buffer.Length;
        }
        Guard(() =>
        {
            RandomAccess.Write(_file, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), offset);
            return 0;
        });
        _records[summary.Current.Path] = (offset, (int)buffer.Length);
        return new ChangeSummary(summary.Current, summary.Previous,
            summary.Items.Select(i => i with { Listed = null }).ToList(), summary.Total, summary.Approximate);
    }

    /// <summary>The comparison of the report at <paramref name="path"/> with the sentences <see cref="Keep"/> wrote for it put back
    /// (thread-safe); null when none were kept for it.</summary>
    public ChangeSummary? Restore(string path, ChangeSummary counts)
    {
        if (!_records.TryGetValue(path, out var record)) return null;
        var bytes = new byte[record.Length];
        if (Guard(() => RandomAccess.Read(_file, bytes, record.Offset)) != bytes.Length)
            throw new InvalidDataException("the temporary file of the changes pages' sentences was cut short");
        using var reader = new BinaryReader(new MemoryStream(bytes), Utf16);
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
    }

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

    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SiteGenException(DiagnosticCodes.OutputPath, $"cannot use the temporary file of the changes pages' sentences: {ex.Message}",
                "free some disk space in the temporary folder, or point TMPDIR to a writable folder with room");
        }
    }

    public void Dispose() => _file.Dispose();
}
