namespace ReferralNet.Handoff.Features.Events;

/// <summary>Forgets agency events older than <see cref="HandoffOptions.EventsKeptFor"/>: a reconnect resumes at most that far back.</summary>
public sealed class FeedRetention(Database database, IOptions<HandoffOptions> options, TimeProvider time, ILogger<FeedRetention> log)
    : PeriodicJob(time, log)
{
    public const int Batch = 5000;

    private const string Forget = """
        DELETE FROM agency_events WHERE id IN (SELECT id FROM agency_events WHERE occurred_at < @Before ORDER BY id LIMIT @Batch)
        """;

    protected override TimeSpan Period => TimeSpan.FromMinutes(10);

    public override async Task<bool> RunOnceAsync(CancellationToken ct) =>
        await database.ExecuteAsync(Forget, new { Before = Time.GetUtcNow() - options.Value.EventsKeptFor, Batch }, ct) == Batch;
}
