using System.Globalization;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ReferralNet.Handoff.Features.Events;

/// <summary>
/// The live feed of the caller's agency as Server-Sent Events. A reconnect sends <c>Last-Event-ID</c> (the browser does
/// it by itself) and receives what it missed, kept for <see cref="HandoffOptions.EventsKeptFor"/>, then the live
/// events, each once; a comment line every <see cref="HandoffOptions.HeartbeatEvery"/> keeps proxies from closing it.
/// A stream ends when its token expires (the client reconnects with a fresh one and <c>Last-Event-ID</c>), and a user
/// or an agency past its number of open streams is refused with 429.
/// </summary>
public static class EventsEndpoint
{
    public const int Batch = 500;

    private const string Missed = """
        SELECT id, agency_id AS AgencyId, kind, handoff_id AS HandoffId, case_id AS CaseId, code, occurred_at AS OccurredAt
        FROM agency_events WHERE agency_id = @AgencyId AND id > @After AND occurred_at > @Since
        ORDER BY id LIMIT @Batch
        """;

    private const string Latest = "SELECT COALESCE(MAX(id), 0) FROM agency_events";

    private static readonly byte[] Heartbeat = ": heartbeat\n\n"u8.ToArray();

    // How long a browser waits before it reconnects after the stream broke.
    private static readonly byte[] Retry = "retry: 3000\n\n"u8.ToArray();

    public static void MapEvents(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/handoffs/events", Handle).RequirePersonAccess(Policies.Worker).HeldOpenForChanges()
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .WithName("StreamHandoffEvents").WithSummary("The caller's agency's handoff changes as they happen (server-sent events)");

    private static Results<PushStreamHttpResult, ProblemHttpResult> Handle(
        HttpContext http, Caller caller, Database database, AgencyStreams streams, ConsentIndex participation,
        IOptions<HandoffOptions> options, TimeProvider time)
    {
        var lastEventId = http.Request.Headers["Last-Event-ID"].ToString();
        long? after = null;
        if (lastEventId.Length > 0)
        {
            if (!long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return new ValidationErrors().Add("Last-Event-ID", ErrorCodes.UnknownValue, "must be the id of an event this stream sent").ToProblem();
            }
            after = id;
        }
        var agencyId = caller.AgencyId!.Value;
        var settings = options.Value;
        // Opened before reading where to start, so nothing that commits in between falls through; closed with the request.
        if (streams.Open(agencyId, caller.UserId, settings) is not { } stream)
        {
            http.Response.Headers.RetryAfter = "30";
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many open event streams.",
                detail: $"A user holds at most {settings.StreamsPerUser} streams and an agency {settings.StreamsPerAgency}; close one first.");
        }
        http.Response.RegisterForDispose(stream);
        var expiresAt = long.TryParse(http.User.FindFirstValue(JwtRegisteredClaimNames.Exp), out var exp)
            ? DateTimeOffset.FromUnixTimeSeconds(exp)
            : DateTimeOffset.MinValue;
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.Stream(async body =>
        {
            using var tokenLife = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
            // On the clock tokens are validated on, not the service's (which a test may move by days).
            tokenLife.CancelAfter(TimeSpan.FromTicks(Math.Max(0, (expiresAt - TimeProvider.System.GetUtcNow()).Ticks)));
            try
            {
                await StreamAsync(body, stream, tokenLife.Token);
            }
            catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
            {
                // The token expired: the stream ends here, and the client comes back with a fresh one.
            }
        }, "text/event-stream");

        async Task StreamAsync(Stream body, AgencyStream stream, CancellationToken ct)
        {
            var sent = after ?? await database.QuerySingleOrDefaultAsync<long>(Latest, null, ct);
            await body.WriteAsync(Retry, ct);
            if (after is not null)
            {
                sent = await SendMissedAsync(body, sent, ct);
            }
            await body.FlushAsync(ct);
            while (!ct.IsCancellationRequested)
            {
                if (!await stream.WaitAsync(settings.HeartbeatEvery, time, ct))
                {
                    await body.WriteAsync(Heartbeat, ct);
                    await body.FlushAsync(ct);
                    continue;
                }
                var (events, mustCatchUp) = stream.Take();
                foreach (var e in events.Where(e => e.Id > sent))
                {
                    sent = await SendAsync(body, e, ct);
                }
                if (mustCatchUp)
                {
                    sent = await SendMissedAsync(body, sent, ct);
                }
                await body.FlushAsync(ct);
            }
        }

        async Task<long> SendMissedAsync(Stream body, long sent, CancellationToken ct)
        {
            while (true)
            {
                var missed = await database.QueryAsync<AgencyEvent>(Missed,
                    new { AgencyId = agencyId, After = sent, Since = time.GetUtcNow() - settings.EventsKeptFor, Batch }, ct);
                foreach (var e in missed)
                {
                    sent = await SendAsync(body, e, ct);
                }
                if (missed.Count < Batch)
                {
                    return sent;
                }
            }
        }

        // An event of a case the agency is shut out of (consent) is skipped, as the tasks list skips it; its id still counts as sent.
        async Task<long> SendAsync(Stream body, AgencyEvent e, CancellationToken ct)
        {
            if (!participation.IsShutOut(e.CaseId, agencyId))
            {
                await body.WriteAsync(e.Frame, ct);
            }
            return e.Id;
        }
    }
}
