using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SiteGen.Load;
using SiteGen.Search;
using SiteGen.Views;

namespace SiteGen.Build;

/// <summary>The one record of what the previous build loaded and published, kept in <c>.sitegen-cache/</c> beside the output: it
/// decides what this build reuses (content files it need not read, comparisons of two years it need not count again, pages it need not render, attachments and search index files
/// it need not copy) and records what this build did, in one file with one checksum, saved atomically once per build.</summary>
/// <remarks>A damaged, truncated or outdated file means nothing is reused. Loads are recorded even when the build fails (the next one
/// then reads only the files that change); pages and the index only once their output is live, so the record never describes
/// another output. Should a crash fall between the two, every reuse still checks the live file (size and time of a page, size and
/// content-hashed name of an index file, the manifest's hash), so a stale record costs time, never correctness.</remarks>
public sealed class BuildState
{
    private const int FormatVersion = 4;
    private static readonly byte[] Magic = "SGST"u8.ToArray();
    /// <summary>Files of the three separate records earlier versions kept, removed at the first save.</summary>
    private static readonly string[] FormerFiles = [".load", ".pages", ".search.json"];

    private readonly string _outputDir;
    private readonly bool _clean;
    /// <summary>The size of the previous record's pages section (0: none): this build's is about as large, and is buffered whole.</summary>
    private readonly long _pagesSize;
    private SearchIndexState? _index;
    private bool _published;

    private BuildState(string outputDir, bool clean, LoadCache loads, PageCache pages, SearchIndexState? index, ChangeCountsCache changes,
        long pagesSize = 0)
    {
        _pagesSize = pagesSize;
        Changes = changes;
        _outputDir = outputDir;
        _clean = clean;
        Loads = loads;
        Pages = pages;
        PreviousIndex = index;
        _index = index;
    }

    /// <summary>Content files as the previous build loaded them; records this build's loads.</summary>
    public LoadCache Loads { get; }

    /// <summary>Pages and attachments as the previous build published them; records this build's.</summary>
    public PageCache Pages { get; }

    /// <summary>The counts of the comparisons of reports with their previous year, by the two reports' sources; records this build's.</summary>
    public ChangeCountsCache Changes { get; }

    /// <summary>The record of the search index the previous build published, or null (a clean build, or none).</summary>
    public SearchIndexState? PreviousIndex { get; }

    /// <summary>The folder the previous build published, whose files are reused.</summary>
    public string OutputDir => _outputDir;

    public static string PathFor(string outputDir)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDir));
        return Path.Combine(Path.GetDirectoryName(full)!, ".sitegen-cache", Path.GetFileName(full) + ".state");
    }

    /// <summary>Reads the previous build's record; with <paramref name="clean"/>, or when it is absent, unreadable, damaged or of
    /// another format, the build starts from nothing.</summary>
    public static BuildState Open(string outputDir, bool clean)
    {
        var empty = new BuildState(outputDir, clean, LoadCache.Empty(), PageCache.Empty(outputDir), null, ChangeCountsCache.Empty());
        var path = PathFor(outputDir);
        if (clean || !File.Exists(path)) return empty;
        try
        {
            // Streamed twice, checksum first, so no damaged record is parsed and no 16 MB buffer reaches the large-object heap.
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            if (file.Length < Magic.Length + 32 || !Checksummed(file)) return empty;
            file.Position = 0;
            using var reader = new BinaryReader(file, Encoding.UTF8, leaveOpen: true);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != FormatVersion) return empty;
            var loads = LoadCache.Read(reader);
            var pagesStart = file.Position;
            var pages = PageCache.Read(reader, outputDir);
            var pagesSize = file.Position - pagesStart;
            var index = ReadIndex(reader);
            var changes = ChangeCountsCache.Read(reader);
            if (file.Position != file.Length - 32) return empty;
            // The pages and the index describe the output folder; without it (deleted by hand) nothing of them can be reused.
            if (!Directory.Exists(outputDir)) (pages, index) = (PageCache.Empty(outputDir), null);
            return new BuildState(outputDir, clean, loads, pages, index, changes, pagesSize);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException
                                       or FormatException or OverflowException or JsonException or NotSupportedException)
        {
            return empty;
        }
    }

    /// <summary>Whether the record's last 32 bytes are the SHA-256 of the bytes before them.</summary>
    private static bool Checksummed(FileStream file)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var block = new byte[1 << 16];
        var left = file.Length - 32;
        while (left > 0)
        {
            var read = file.Read(block, 0, (int)Math.Min(block.Length, left));
            if (read == 0) return false;
            hash.AppendData(block, 0, read);
            left -= read;
        }
        Span<byte> stored = stackalloc byte[32];
        file.ReadExactly(stored);
        return hash.GetHashAndReset().AsSpan().SequenceEqual(stored);
    }

    private static SearchIndexState? ReadIndex(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        if (length == 0) return null;
        var state = JsonSerializer.Deserialize(reader.ReadBytes(length), SearchIndexStateJson.Default.SearchIndexState);
        return state?.Version == SearchIndexState.FormatVersion ? state : null;
    }

    /// <summary>The previous build's file at <paramref name="path"/> (under the output root) when it is still there with
    /// <paramref name="size"/> bytes, for a file whose name says its content (a search index file); null in a clean build.</summary>
    public string? PreviousFile(string path, long size)
    {
        if (_clean) return null;
        var live = new FileInfo(Path.Combine(_outputDir, path));
        return live.Exists && live.Length == size ? live.FullName : null;
    }

    /// <summary>This build's output is live, with the search index <paramref name="index"/> records (null: none was built).</summary>
    public void Published(SearchIndexState? index)
    {
        _published = true;
        _index = index;
    }

    /// <summary>Writes the record through a temporary file, so a crash leaves the old record or the new one; a record that cannot be
    /// written costs the next build time, never its result, so an I/O failure here is not the build's.</summary>
    public void Save()
    {
        var path = PathFor(_outputDir);
        var temp = path + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // The save is the build's last step, with a core to spare: in a rebuild the pages' section is serialized on it, into a
            // buffer the size of the previous record's, while the loads' is written; the one checksum is taken over the sections in
            // order. A first build writes it in turn, so a record of unknown size never grows a buffer at the end of the largest builds.
            var pages = _pagesSize == 0 ? null : Task.Run(() =>
            {
                var buffer = new MemoryStream((int)Math.Min(_pagesSize + (_pagesSize >> 4) + 4096, Array.MaxLength));
                using var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true);
                Pages.Write(writer, _published);
                return buffer;
            });
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var hashing = new HashingStream(file))
            {
                using (var writer = new BinaryWriter(hashing, Encoding.UTF8, leaveOpen: true))
                {
                    writer.Write(Magic);
                    writer.Write(FormatVersion);
                    Loads.Write(writer);
                    if (pages is null) Pages.Write(writer, _published);
                    else
                    {
                        writer.Flush();
                        var section = pages.GetAwaiter().GetResult();
                        hashing.Write(section.GetBuffer().AsSpan(0, (int)section.Length));
                    }
                    var index = _index is null ? [] : JsonSerializer.SerializeToUtf8Bytes(_index, SearchIndexStateJson.Default.SearchIndexState);
                    writer.Write(index.Length);
                    writer.Write(index);
                    Changes.Write(writer);
                }
                file.Write(hashing.Hash());
            }
            File.Move(temp, path, overwrite: true);
            foreach (var former in FormerFiles) File.Delete(Path.ChangeExtension(path, former));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The next build then reads and renders everything again.
        }
    }
}
