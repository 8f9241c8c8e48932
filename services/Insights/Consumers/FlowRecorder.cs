using MassTransit;

namespace ReferralNet.Insights.Consumers;

/// <summary>
/// Turns every network event into flow figures: a daily count per event, handoff timings, passes per case.
/// Events arrive in batches (up to <see cref="BatchSize"/>, or what came within <see cref="BatchWindow"/>): a batch costs
/// one transaction, and each message in it counts once (inbox).
/// </summary>
public sealed class FlowRecorder(Database database) : IInboxConsumer,
    IConsumer<Batch<ReferralSubmitted>>, IConsumer<Batch<CaseOpened>>, IConsumer<Batch<MatchesProposed>>,
    IConsumer<Batch<HandoffOffered>>, IConsumer<Batch<HandoffAccepted>>, IConsumer<Batch<HandoffDeclined>>,
    IConsumer<Batch<HandoffExpired>>, IConsumer<Batch<HandoffWithdrawn>>, IConsumer<Batch<HandoffConnected>>,
    IConsumer<Batch<HandoffCompleted>>, IConsumer<Batch<CaseEscalated>>, IConsumer<Batch<ConsentGranted>>,
    IConsumer<Batch<ConsentRevoked>>, IConsumer<Batch<ConsentExpired>>
{
    public static string Inbox => "flow-recorder";

    public const int BatchSize = 50;
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(50);

    // PostgreSQL's upsert (SQL Server: MERGE). The slot spreads one day's count over rows (see 0002_count_slots.sql).
    private const string Increment = """
        INSERT INTO daily_counts (day, metric, slot, value)
        SELECT day, @Metric, @Slot, n FROM unnest(@Days, @Counts) AS counted (day, n)
        ON CONFLICT (day, metric, slot) DO UPDATE SET value = daily_counts.value + EXCLUDED.value
        """;
    private const int Slots = 16;

    public Task Consume(ConsumeContext<Batch<ReferralSubmitted>> context) => Count(context, FlowMetrics.ReferralsOpened, m => m.OccurredAt);

    public Task Consume(ConsumeContext<Batch<CaseOpened>> context) => Count(context, FlowMetrics.CasesOpened, m => m.OccurredAt,
        (work, opened, ct) => work.ExecuteAsync(
            """
            INSERT INTO case_passes (case_id, opened_on, passes)
            SELECT case_id, opened_on, 0 FROM unnest(@CaseIds, @Days) AS opened (case_id, opened_on)
            ON CONFLICT (case_id) DO NOTHING
            """,
            new { CaseIds = opened.Select(c => c.CaseId).ToArray(), Days = opened.Select(c => DayOf(c.OccurredAt)).ToArray() }, ct));

    public Task Consume(ConsumeContext<Batch<MatchesProposed>> context) => Count(context, FlowMetrics.MatchesProposed, m => m.OccurredAt);

    public Task Consume(ConsumeContext<Batch<HandoffOffered>> context) => Count(context, FlowMetrics.Offers, m => m.OccurredAt,
        (work, offers, ct) => EachAsync(offers, offer => RecordTime(work, "offered_at", offer.HandoffId, offer.CaseId, offer.OccurredAt, ct)));

    public Task Consume(ConsumeContext<Batch<HandoffAccepted>> context) => Count(context, FlowMetrics.Accepted, m => m.OccurredAt,
        (work, accepted, ct) => EachAsync(accepted, a => RecordTime(work, "accepted_at", a.HandoffId, a.CaseId, a.OccurredAt, ct)));

    public Task Consume(ConsumeContext<Batch<HandoffDeclined>> context) => Count(context, FlowMetrics.Declined, m => m.OccurredAt,
        (work, declined, ct) => EachAsync(declined, d => CountPass(work, d.CaseId, d.OccurredAt, ct)));

    public Task Consume(ConsumeContext<Batch<HandoffExpired>> context) => Count(context, FlowMetrics.Expired, m => m.OccurredAt,
        (work, expired, ct) => EachAsync(expired, e => CountPass(work, e.CaseId, e.OccurredAt, ct)));

    public Task Consume(ConsumeContext<Batch<HandoffWithdrawn>> context) => Count(context, FlowMetrics.Withdrawn, m => m.OccurredAt);

    public Task Consume(ConsumeContext<Batch<HandoffConnected>> context) => Count(context, FlowMetrics.Connected, m => m.OccurredAt,
        (work, connected, ct) => EachAsync(connected, c => RecordTime(work, "connected_at", c.HandoffId, c.CaseId, c.OccurredAt, ct)));

    public Task Consume(ConsumeContext<Batch<HandoffCompleted>> context) => Count(context, FlowMetrics.Completed, m => m.OccurredAt);

    public Task Consume(ConsumeContext<Batch<CaseEscalated>> context) => Count(context, FlowMetrics.Escalations, m => m.OccurredAt);

    public Task Consume(ConsumeContext<Batch<ConsentGranted>> context) => Count(context, FlowMetrics.ConsentsGranted, m => m.OccurredAt);

    public Task Consume(ConsumeContext<Batch<ConsentRevoked>> context) => Count(context, FlowMetrics.ConsentsRevoked, m => m.OccurredAt);

    public Task Consume(ConsumeContext<Batch<ConsentExpired>> context) => Count(context, FlowMetrics.ConsentsExpired, m => m.OccurredAt);

    private Task Count<T>(
        ConsumeContext<Batch<T>> batch, string metric, Func<T, DateTimeOffset> occurredAt,
        Func<UnitOfWork, IReadOnlyList<T>, CancellationToken, Task>? more = null)
        where T : class =>
        database.ConsumeBatchOnceAsync(batch, Inbox, async (work, fresh, ct) =>
        {
            var perDay = fresh.CountBy(m => DayOf(occurredAt(m))).ToList();
            await work.ExecuteAsync(Increment, new
            {
                Metric = metric,
                Slot = (short)Random.Shared.Next(Slots),
                Days = perDay.Select(day => day.Key).ToArray(),
                Counts = perDay.Select(day => (long)day.Value).ToArray(),
            }, ct);
            if (more is not null)
            {
                await more(work, fresh, ct);
            }
        });

    // Handoff moves are a few per case, not per referral: one statement each is fine.
    private static async Task EachAsync<T>(IEnumerable<T> messages, Func<T, Task> write)
    {
        foreach (var message in messages)
        {
            await write(message);
        }
    }

    private static Task RecordTime(UnitOfWork work, string column, Guid handoffId, Guid caseId, DateTimeOffset at, CancellationToken ct) =>
        work.ExecuteAsync(
            $"""
            INSERT INTO handoff_timings (handoff_id, case_id, {column}) VALUES (@HandoffId, @CaseId, @At)
            ON CONFLICT (handoff_id) DO UPDATE SET {column} = @At
            """, new { HandoffId = handoffId, CaseId = caseId, At = at }, ct);

    private static Task CountPass(UnitOfWork work, Guid caseId, DateTimeOffset at, CancellationToken ct) =>
        work.ExecuteAsync(
            """
            INSERT INTO case_passes (case_id, opened_on, passes) VALUES (@CaseId, @Day, 1)
            ON CONFLICT (case_id) DO UPDATE SET passes = case_passes.passes + 1
            """, new { CaseId = caseId, Day = DayOf(at) }, ct);

    private static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
