using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SiteGen.Load;
using SiteGen.Model;
using SiteGen.Render;

namespace SiteGen.Build;

/// <summary>Hashes everything a page's HTML depends on (its view model, the hash of its Markdown source, what it shows of its attachments, the theme, the settings and SiteGen itself), so an unchanged page can be reused instead of rendered.</summary>
public sealed class PageFingerprints(byte[] globalHash, byte[] modelHash)
{
    // The JSON only feeds a hash, never a page: Chinese text is written as UTF-8 instead of escaped char by char (a third of a clean build's fingerprinting time).
    private static readonly JsonWriterOptions ViewWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private static readonly SiteView SitePlaceholder = new("", "", "", null, "", "", "", [], [], new FooterView(null, null, null, null, null, false), new Dictionary<string, object?>());
    private SiteHash? _siteHash;
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    /// <summary>The hash of what every page depends on (SiteGen, the theme, the settings), for files fingerprinted without a view.</summary>
    public byte[] GlobalHash => globalHash;

    /// <summary>The hash of everything pages may show but reports' bodies (<see cref="Model"/>), the base of every page's input key.</summary>
    public byte[] ModelHash => modelHash;

    /// <summary>The fingerprint of a page from its view (<see cref="PageRenderer.View"/>, which holds no report body: a report's body is represented by its source bytes, so the fingerprint costs no Markdown rendering).</summary>
    public string Of(Page page, PageView view) => Of(view, page.Report is { } report ? [report] : [], page.Report is not null);

    /// <summary>The fingerprint of a page whose view leaves out what it shows of <paramref name="sources"/>' bodies: their source hashes stand for it.</summary>
    public string Of(PageView view, IReadOnlyList<Report> sources) => Of(view, sources, attachments: false);

    /// <summary>The fingerprint of a file made from <paramref name="inputs"/> and the settings alone (a feed).</summary>
    public string Of(string inputs)
    {
        // Pooled: a feed's inputs run to tens of kilobytes, and a fresh buffer for each would reach the large-object heap.
        var bytes = ArrayPool<byte>.Shared.Rent(globalHash.Length + Encoding.UTF8.GetMaxByteCount(inputs.Length));
        try
        {
            globalHash.CopyTo(bytes, 0);
            var length = globalHash.Length + Encoding.UTF8.GetBytes(inputs, 0, inputs.Length, bytes, globalHash.Length);
            return Convert.ToHexStringLower(SHA256.HashData(bytes.AsSpan(0, length)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private string Of(PageView view, IReadOnlyList<Report> sources, bool attachments)
    {
        // Every page shares one site view: it is hashed once, not serialized into each of 15,000 fingerprints.
        var siteHash = SiteHashOf(view.Site);
        // Everything hashed is gathered in one reused buffer and hashed in one call: per-call overhead, not bytes, dominated.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        buffer.Write(globalHash);
        buffer.Write(siteHash);
        Serialize(view with { Site = SitePlaceholder }, buffer);
        foreach (var report in sources)
        {
            // The loader already hashed the source (or took the hash from its cache); a stat still notices content that vanished since.
            if (!File.Exists(report.Source.FullPath)) throw new FileNotFoundException("the report file no longer exists", report.Source.FullPath);
            buffer.Write(report.Source.SourceHash);
            // What the page shows of its attachments (their URLs, types and sizes) is not in its source.
            if (attachments) foreach (var attachment in report.Attachments) buffer.Write(Encoding.UTF8.GetBytes(attachment.RenderKey));
        }
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>A site view and the hash of its JSON.</summary>
    private sealed record SiteHash(SiteView Site, byte[] Hash);

    private byte[] SiteHashOf(SiteView site)
    {
        var known = Volatile.Read(ref _siteHash);
        if (known is not null && ReferenceEquals(known.Site, site)) return known.Hash;
        var buffer = new ArrayBufferWriter<byte>();
        Serialize(new PageView(site, new PageInfoView("", "", "", "", "", "", [], [], null, null, null, null, "")), buffer);
        var computed = new SiteHash(site, SHA256.HashData(buffer.WrittenSpan));
        Volatile.Write(ref _siteHash, computed);
        return computed.Hash;
    }

    /// <summary>Appends the view as JSON to <paramref name="buffer"/>, written by the source-generated serializer.</summary>
    private static void Serialize(PageView view, ArrayBufferWriter<byte> buffer)
    {
        var writer = t_writer ??= new Utf8JsonWriter(buffer, ViewWriter);
        writer.Reset(buffer);
        var info = PageViewJson.Default.PageView;
        if (info.SerializeHandler is { } handler) handler(writer, view);
        else JsonSerializer.Serialize(writer, view, info);
        writer.Flush();
    }

    /// <summary>The hash of everything any page may show but the text of reports' bodies: <paramref name="global"/> (SiteGen, theme,
    /// settings), the build's <paramref name="options"/>, and every report's URL, series, front matter, body links and attachments.
    /// While it stays the same, a page's view can change only through the bodies it shows (<see cref="InputKey"/>).</summary>
    public static byte[] Model(byte[] global, Site site, string options)
    {
        using var hashing = new HashingStream();
        using (var w = new BinaryWriter(hashing, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(global);
            w.Write(options);
            w.Write(site.Reports.Count);
            foreach (var report in site.Reports)
            {
                w.Write(report.Source.RelativePath);
                w.Write(report.Path);
                w.Write(report.Series);
                LoadCacheFormat.WriteFacts(w, report.Meta, report.Source.Links, positions: false);
                w.Write(report.Attachments.Count);
                foreach (var attachment in report.Attachments) w.Write(attachment.RenderKey);
            }
        }
        return hashing.Hash();
    }

    /// <summary>What a page's view is made from, short of building it: the <paramref name="model"/> hash and the sources of the bodies
    /// whose text or counts it shows. Equal keys mean equal views, so a page whose key the build state knows keeps its fingerprint
    /// without its view being built.</summary>
    public static string InputKey(byte[] model, IReadOnlyList<Report> bodies)
    {
        // One hash call over a stack buffer: an incremental hash per page cost a native context each, a tenth of a one-report rebuild.
        var length = model.Length + bodies.Sum(r => r.Source.SourceHash.Length);
        var bytes = length <= 1024 ? stackalloc byte[length] : new byte[length];
        model.CopyTo(bytes);
        var at = model.Length;
        foreach (var report in bodies)
        {
            report.Source.SourceHash.CopyTo(bytes[at..]);
            at += report.Source.SourceHash.Length;
        }
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>The inputs shared by every page: theme files, site settings, base URL and the SiteGen build itself.</summary>
    public static byte[] Global(ThemeFiles theme, SiteConfig config, SiteUrls urls)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(typeof(PageFingerprints).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        // Source-generated: the reflection serializer spent ~0.1 s of every rebuild working out the settings' types.
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(config, PageViewJson.Default.SiteConfig));
        hash.AppendData(Encoding.UTF8.GetBytes($"{urls.Origin}|{urls.BasePath}"));
        foreach (var path in theme.Paths)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path + "\0"));
            hash.AppendData(SHA256.HashData(theme.Bytes(path)));
        }
        return hash.GetHashAndReset();
    }
}
