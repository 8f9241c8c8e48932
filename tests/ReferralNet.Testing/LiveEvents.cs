using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;
using Xunit;

namespace ReferralNet.Testing;

/// <summary>A worker's open <c>GET /api/handoffs/events</c> through the gateway, read as a browser's EventSource would.</summary>
public sealed class LiveEvents : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _closing = new();
    private readonly IAsyncEnumerator<SseItem<string>> _items;

    private LiveEvents(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _items = SseParser.Create(body).EnumerateAsync(_closing.Token).GetAsyncEnumerator(_closing.Token);
    }

    /// <summary>Opens the stream; once this returns, the service streams every event that commits from now on.</summary>
    public static async Task<LiveEvents> OpenAsync(HttpClient worker, long? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/handoffs/events");
        if (lastEventId is { } id)
        {
            request.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var response = await worker.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new LiveEvents(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next event (its type and its data, which carries its id), or a failure when none comes within the time.</summary>
    public async Task<(string Kind, JsonObject Data)> NextAsync(TimeSpan? within = null)
    {
        var deadline = within ?? TimeSpan.FromSeconds(10);
        var moved = await _items.MoveNextAsync().AsTask().WaitAsync(deadline);
        Assert.True(moved, "the event stream ended");
        return (_items.Current.EventType, JsonNode.Parse(_items.Current.Data)!.AsObject());
    }

    /// <summary>Whether the service ends the stream within the time (events before the end are passed over).</summary>
    public async Task<bool> EndsAsync(TimeSpan within)
    {
        try
        {
            while (await _items.MoveNextAsync().AsTask().WaitAsync(within))
            {
            }
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        _response.Dispose();
        _closing.Dispose();
    }
}
