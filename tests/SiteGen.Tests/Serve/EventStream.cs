using System.Threading.Channels;

namespace SiteGen.Tests.Serve;

/// <summary>A test client of the server's Server-Sent Events stream: collects events and waits for a named one.</summary>
internal sealed class EventStream : IAsyncDisposable
{
    /// <summary>One received event.</summary>
    public sealed record Event(string Name, string Data);

    private readonly HttpClient _client = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<Event> _events = Channel.CreateUnbounded<Event>();
    private Task _reader = Task.CompletedTask;

    public static async Task<EventStream> OpenAsync(Uri events)
    {
        var stream = new EventStream();
        var response = await stream._client.GetAsync(events, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        stream.ContentType = response.Content.Headers.ContentType?.MediaType;
        var body = await response.Content.ReadAsStreamAsync();
        stream._reader = Task.Run(() => stream.ReadAsync(body));
        return stream;
    }

    public string? ContentType { get; private set; }

    private async Task ReadAsync(Stream body)
    {
        using var reader = new StreamReader(body);
        string? name = null;
        var data = "";
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
                else if (line.Length == 0 && name is not null)
                {
                    _events.Writer.TryWrite(new Event(name, data));
                    (name, data) = (null, "");
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
        }
    }

    /// <summary>Waits for the next event called <paramref name="name"/>, skipping others; fails after <paramref name="seconds"/>.</summary>
    public async Task<Event> WaitForAsync(string name, int seconds = 20)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (true)
        {
            var next = await _events.Reader.ReadAsync(timeout.Token);
            if (next.Name == name) return next;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _client.Dispose();
        await _reader;
        _stop.Dispose();
    }
}
