using System.Collections.Concurrent;
using System.Text;
using Microsoft.Win32.SafeHandles;
using SiteGen.Diagnostics;

namespace SiteGen.Views;

/// <summary>Records kept by key in an unnamed temporary file between the stage that makes them and the page that shows them, so
/// memory holds an offset per record instead of the record. A record is written and read with a <see cref="BinaryWriter"/> and
/// <see cref="BinaryReader"/> whose texts are UTF-16 (Chinese text takes two bytes a character, not three). Thread-safe; disposing
/// it deletes the file.</summary>
public sealed class TemporaryRecords : IDisposable
{
    private static readonly UnicodeEncoding Utf16 = new(bigEndian: false, byteOrderMark: false);
    private readonly SafeFileHandle _file;
    private readonly string _what;
    private readonly Lock _lock = new();
    private long _length;
    private readonly ConcurrentDictionary<string, (long Offset, int Length)> _records = new(StringComparer.Ordinal);

    /// <param name="what">What the records are, in the words of an error about the file (as in "the changes pages' sentences").</param>
    public TemporaryRecords(string what)
    {
        _what = what;
        var path = Path.Combine(Path.GetTempPath(), $"sitegen-{Environment.ProcessId}-{Guid.NewGuid():N}.bin");
        _file = Guard(() => File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose));
        // Unnamed at once where the system allows it, so not even a crash leaves the file behind.
        if (!OperatingSystem.IsWindows()) Guard(() => { File.Delete(path); return 0; });
    }

    public bool Holds(string key) => _records.ContainsKey(key);

    /// <summary>Writes the record of <paramref name="key"/> as <paramref name="write"/> writes it, replacing an earlier one.</summary>
    public void Write(string key, Action<BinaryWriter> write)
    {
        // One buffer per thread: thousands of records of 10–30 KB would otherwise each grow a buffer of their own.
        var buffer = _buffer ??= new MemoryStream();
        buffer.SetLength(0);
        using (var writer = new BinaryWriter(buffer, Utf16, leaveOpen: true)) write(writer);
        var record = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        long offset;
        lock (_lock)
        {
            offset = _length;
            _length += record.Length;
        }
        Guard(() =>
        {
            RandomAccess.Write(_file, record.Span, offset);
            return 0;
        });
        _records[key] = (offset, record.Length);
        if (buffer.Capacity > MaxKeptBuffer) _buffer = null;
    }

    /// <summary>The largest buffer a thread keeps for its next record.</summary>
    private const int MaxKeptBuffer = 1024 * 1024;

    [ThreadStatic] private static MemoryStream? _buffer;

    /// <summary>The record of <paramref name="key"/> as <paramref name="read"/> reads it, or null when none was written.</summary>
    public T? Read<T>(string key, Func<BinaryReader, T> read) where T : class
    {
        if (!_records.TryGetValue(key, out var record)) return null;
        var bytes = new byte[record.Length];
        if (Guard(() => RandomAccess.Read(_file, bytes, record.Offset)) != bytes.Length)
            throw new InvalidDataException($"the temporary file of {_what} was cut short");
        using var reader = new BinaryReader(new MemoryStream(bytes), Utf16);
        return read(reader);
    }

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SiteGenException(DiagnosticCodes.OutputPath, $"cannot use the temporary file of {_what}: {ex.Message}",
                "free some disk space in the temporary folder, or point TMPDIR to a writable folder with room");
        }
    }

    public void Dispose() => _file.Dispose();
}
