using System.Net.Http.Headers;
using ReferralNet.Web.Session;

namespace ReferralNet.Web.Features.Worker;

/// <summary>
/// The live events of the worker's agency (offers received and answered, tasks, escalations: ids and codes only), from
/// the gateway's stream with the worker's token, passed on to their browser as it comes. The page's script refreshes
/// what changed; <c>Last-Event-ID</c> passes through, so a reconnecting browser misses nothing.
/// </summary>
public static class LiveEvents
{
    public const string StreamClient = "gateway-stream";
    public const string Path = "/worker/events";

    public static void MapLiveEvents(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, RelayAsync).RequireAuthorization(policy => policy.RequireRole(Roles.Worker));

    private static async Task RelayAsync(HttpContext http, IHttpClientFactory clients, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/handoffs/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await SessionUser.TokenAsync(http));
        if (http.Request.Headers["Last-Event-ID"].FirstOrDefault() is { Length: > 0 } lastEventId)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }
        using var response = await clients.CreateClient(StreamClient).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        http.Response.StatusCode = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            return;
        }
        http.Response.ContentType = "text/event-stream";
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                await http.Response.Body.WriteAsync(buffer.AsMemory(0, read), ct);
                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The browser went away: nothing to pass on.
        }
    }
}
