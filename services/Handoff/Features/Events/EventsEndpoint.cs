using System.Globalization;

namespace ReferralNet.Handoff.Features.Events;

/// <summary>
/// The live feed of the caller's agency as Server-Sent Events. A reconnect sends <c>Last-Event-ID</c> (the browser does
/// it by itself) and receives what it missed, kept for <see cref="HandoffOptions.EventsKeptFor"/>, then the live
/// events, each once; a comment line every <see cref="HandoffOptions.HeartbeatEvery"/> keeps proxies from closing it.
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
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

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
                return new ValidationErrors().Add("Last-Event-ID", "must be the id of an event this stream sent").ToProblem();
            }
            after = id;
        }
        var agencyId = caller.AgencyId!.Value;
        var settings = options.Value;
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.Stream(async body =>
        {
            var ct = http.RequestAborted;
            // Open before reading where to start, so nothing that commits in between falls through.
            using var stream = streams.Open(agencyId);
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
        }, "text/event-stream");

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
