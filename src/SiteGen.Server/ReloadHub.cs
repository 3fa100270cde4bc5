using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace SiteGen.Server;

/// <summary>The Server-Sent Events channel to open tabs: tells them the build number on connect, then `reload` after a good build and `build-error` after a failed one.</summary>
internal sealed class ReloadHub
{
    public const string EventsPath = "/__sitegen/events";
    public const string ScriptPath = "/__sitegen/reload.js";

    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ConcurrentDictionary<Channel<string>, byte> _clients = new();
    private volatile BuildOutcome? _last;

    public int ClientCount => _clients.Count;

    /// <summary>Records a finished build and tells every open tab about it.</summary>
    public void Publish(BuildOutcome outcome)
    {
        _last = outcome;
        var message = Message(outcome, onConnect: false);
        foreach (var client in _clients.Keys) client.Writer.TryWrite(message);
    }

    /// <summary>Streams events to one tab until it goes away or the server stops.</summary>
    public async Task HandleAsync(HttpContext context, CancellationToken stopping)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        _clients[channel] = 0;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var token = linked.Token;
        try
        {
            var last = _last;
            await WriteAsync(response, "retry: 1000\n\n" + (last is null ? "" : Message(last, onConnect: true)), token);
            while (!token.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(token);
                wait.CancelAfter(KeepAlive);
                string text;
                try
                {
                    text = await channel.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    text = ": keep-alive\n\n";
                }
                await WriteAsync(response, text, token);
            }
        }
        catch (OperationCanceledException)
        {
            // The tab closed or the server is stopping.
        }
        catch (IOException)
        {
        }
        finally
        {
            _clients.TryRemove(channel, out _);
        }
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken token)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), token);
        await response.Body.FlushAsync(token);
    }

    /// <summary>On connect a tab learns the current build number (and any error), so a tab that missed a reload while disconnected can catch up.</summary>
    private static string Message(BuildOutcome outcome, bool onConnect)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("build", outcome.Number);
            json.WriteBoolean("ok", outcome.Succeeded);
            if (!outcome.Succeeded)
            {
                json.WriteString("message", $"build {outcome.Number} failed with {outcome.ErrorCount} error(s); the last good site is still served");
                json.WriteStartArray("diagnostics");
                foreach (var d in outcome.Diagnostics) json.WriteStringValue(d.ToString());
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        var name = onConnect ? "hello" : outcome.Succeeded ? "reload" : "build-error";
        var sb = new StringBuilder();
        sb.Append("event: ").Append(name).Append('\n');
        sb.Append("data: ").Append(Encoding.UTF8.GetString(buffer.ToArray())).Append("\n\n");
        if (onConnect && !outcome.Succeeded)
            sb.Append("event: build-error\ndata: ").Append(Encoding.UTF8.GetString(buffer.ToArray())).Append("\n\n");
        return sb.ToString();
    }
}
