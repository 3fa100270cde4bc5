using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Win32.SafeHandles;

namespace SiteGen.Server;

/// <summary>Answers requests for the built site: base path, folders and index.html, content types, caching headers, single byte ranges, the theme's 404 page, and the reload script injected into HTML.</summary>
internal sealed class SiteResponder(string outputDir, Func<string> basePath)
{
    /// <summary>Injected before <c>&lt;/body&gt;</c> of every served HTML page; an external script so a strict CSP still allows it.</summary>
    public const string ReloadTag = "<script src=\"" + ReloadHub.ScriptPath + "\" defer></script>";

    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();
    private static readonly byte[] ReloadScript = LoadReloadScript();

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".xml"] = "application/xml";
        provider.Mappings[".webmanifest"] = "application/manifest+json";
        // Attachments are served as a host should serve them (OFD and WPS Office's formats are unknown to ASP.NET Core).
        foreach (var type in Model.AttachmentTypes.All) provider.Mappings[type.Extension] = type.MediaType;
        return provider;
    }

    private static byte[] LoadReloadScript()
    {
        using var stream = typeof(SiteResponder).Assembly.GetManifestResourceStream("reload.js")!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public async Task RespondAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.XContentTypeOptions = "nosniff";
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        var path = request.Path.Value ?? "/";
        if (path == ReloadHub.ScriptPath)
        {
            response.ContentType = "text/javascript; charset=utf-8";
            response.Headers.CacheControl = "no-cache";
            await WriteBodyAsync(context, ReloadScript);
            return;
        }

        var basePrefix = basePath();
        if (path + "/" == basePrefix || (path == "/" && basePrefix != "/"))
        {
            Redirect(context, basePrefix);
            return;
        }
        if (!path.StartsWith(basePrefix, StringComparison.Ordinal))
        {
            await NotFoundAsync(context);
            return;
        }

        var (kind, full) = ServedPath.Resolve(outputDir, path[basePrefix.Length..]);
        switch (kind)
        {
            case ServedPath.Kind.Refused:
                response.StatusCode = StatusCodes.Status400BadRequest;
                response.ContentType = "text/plain; charset=utf-8";
                await WriteBodyAsync(context, "400 Bad Request: this path is never served\n"u8.ToArray());
                return;
            case ServedPath.Kind.FolderWithoutSlash:
                Redirect(context, path + "/" + request.QueryString);
                return;
        }
        if (!await TryServeFileAsync(context, full!, StatusCodes.Status200OK)) await NotFoundAsync(context);
    }

    private static void Redirect(HttpContext context, string location)
    {
        context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        context.Response.Headers.Location = location;
        context.Response.Headers.CacheControl = "no-cache";
    }

    /// <summary>The theme's 404.html with status 404; a bare page when the site has not been built yet (the reload script still comes with it, to show build errors).</summary>
    private async Task NotFoundAsync(HttpContext context)
    {
        if (await TryServeFileAsync(context, Path.Combine(outputDir, "404.html"), StatusCodes.Status404NotFound)) return;
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        var html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>\n"
            + "<body><h1>Not found</h1><p>No successful build yet, or this page does not exist.</p>" + ReloadTag + "</body></html>\n";
        await WriteBodyAsync(context, Encoding.UTF8.GetBytes(html));
    }

    private async Task<bool> TryServeFileAsync(HttpContext context, string full, int status)
    {
        SafeFileHandle file;
        try
        {
            if (!File.Exists(full)) return false;
            // Serve from an open handle: a rebuild swaps the output folder, and an open file stays readable across the swap.
            file = File.OpenHandle(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return false;
        }
        using (file)
        {
            await ServeOpenFileAsync(context, full, file, status);
        }
        return true;
    }

    private async Task ServeOpenFileAsync(HttpContext context, string full, SafeFileHandle file, int status)
    {
        var length = RandomAccess.GetLength(file);
        var modified = File.GetLastWriteTimeUtc(file);
        var request = context.Request;
        var response = context.Response;
        if (!ContentTypes.TryGetContentType(full, out var contentType)) contentType = "application/octet-stream";
        var isHtml = contentType == "text/html";
        // SiteGen writes its own text files in UTF-8; a text attachment (.txt, .csv) is sent as the editor saved it, often in GB18030,
        // so it is labelled UTF-8 only when it is, and otherwise left for the browser to recognise.
        if ((contentType.StartsWith("text/", StringComparison.Ordinal) && (contentType is not ("text/plain" or "text/csv") || await StartsAsUtf8Async(file, length)))
            || contentType is "application/xml" or "application/json" or "application/manifest+json")
            contentType += "; charset=utf-8";

        var etag = string.Create(CultureInfo.InvariantCulture, $"\"{length:x}-{modified.Ticks:x}{(isHtml ? "-r" : "")}\"");
        response.Headers.ETag = etag;
        response.Headers.LastModified = modified.ToString("R", CultureInfo.InvariantCulture);
        response.Headers.CacheControl = CacheControl(full);
        // HTML is served with the reload script injected, so its bytes differ from the file's: it is never sent in slices.
        var rangeable = !isHtml && status == StatusCodes.Status200OK;
        if (rangeable) response.Headers.AcceptRanges = "bytes";
        if (status == StatusCodes.Status200OK && request.Headers.IfNoneMatch.Contains(etag))
        {
            response.ContentType = contentType;
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        if (isHtml)
        {
            var html = new byte[length];
            var done = 0;
            for (int read; done < html.Length && (read = await RandomAccess.ReadAsync(file, html.AsMemory(done), done, context.RequestAborted)) > 0;)
                done += read;
            Array.Resize(ref html, done);
            response.ContentType = contentType;
            response.StatusCode = status;
            await WriteBodyAsync(context, InjectReload(html));
            return;
        }

        // Range is defined for GET only (RFC 9110 14.2); with If-Range the whole file is always correct, so its validator need not be checked.
        var (outcome, first, last) = rangeable && HttpMethods.IsGet(request.Method) && !request.Headers.ContainsKey("If-Range")
            ? ByteRange.Parse(request.Headers.Range.ToString(), length)
            : (ByteRange.Outcome.Whole, 0L, length - 1);
        switch (outcome)
        {
            case ByteRange.Outcome.Unsatisfiable:
                response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
                response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes */{length}");
                response.ContentLength = 0;
                return;
            case ByteRange.Outcome.Partial:
                response.StatusCode = StatusCodes.Status206PartialContent;
                response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {first}-{last}/{length}");
                break;
            default:
                response.StatusCode = status;
                (first, last) = (0, length - 1);
                break;
        }
        response.ContentType = contentType;
        response.ContentLength = last - first + 1;
        if (HttpMethods.IsHead(request.Method)) return;
        await CopySliceAsync(context, file, first, last - first + 1);
    }

    /// <summary>Whether the first 64 KiB of a file are valid UTF-8 (a character cut off at that point allowed).</summary>
    private static async Task<bool> StartsAsUtf8Async(SafeFileHandle file, long length)
    {
        var head = new byte[(int)Math.Min(length, 64 * 1024)];
        var read = 0;
        for (int n; read < head.Length && (n = await RandomAccess.ReadAsync(file, head.AsMemory(read), read)) > 0;) read += n;
        var status = System.Text.Unicode.Utf8.ToUtf16(head.AsSpan(0, read), new char[read], out _, out _, replaceInvalidSequences: false, isFinalBlock: read == length);
        return status is System.Buffers.OperationStatus.Done or System.Buffers.OperationStatus.NeedMoreData;
    }

    /// <summary>Streams <paramref name="count"/> bytes from <paramref name="offset"/> in small blocks, so a slice of a large pack never sits whole in memory.</summary>
    private static async Task CopySliceAsync(HttpContext context, SafeFileHandle file, long offset, long count)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (count > 0)
            {
                var read = await RandomAccess.ReadAsync(file, buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), offset, context.RequestAborted);
                if (read == 0)
                {
                    // The file shrank under us (someone else wrote into the output): the promised length cannot be kept, so end the connection.
                    context.Abort();
                    return;
                }
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
                offset += read;
                count -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Theme assets carry a content hash in their name, so they may be cached forever; every other file is revalidated, since it changes on rebuild.</summary>
    private string CacheControl(string full)
    {
        var name = Path.GetFileNameWithoutExtension(full);
        var inAssets = full.StartsWith(Path.Combine(outputDir, "assets") + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        var hashed = inAssets && name.LastIndexOf('.') is var dot and > 0 && name.Length - dot - 1 >= 8;
        return hashed ? "public, max-age=31536000, immutable" : "no-cache";
    }

    /// <summary>Adds the reload script before the last <c>&lt;/body&gt;</c> (or at the end); the file on disk is never changed.</summary>
    internal static byte[] InjectReload(byte[] html)
    {
        var text = Encoding.UTF8.GetString(html);
        var at = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        var injected = at < 0 ? text + ReloadTag : text[..at] + ReloadTag + text[at..];
        return Encoding.UTF8.GetBytes(injected);
    }

    private static async Task WriteBodyAsync(HttpContext context, byte[] body)
    {
        context.Response.ContentLength = body.Length;
        if (HttpMethods.IsHead(context.Request.Method)) return;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
