using MassTransit;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.BuildingBlocks.Messaging;
using ReferralNet.Contracts;

namespace ReferralNet.Insights.Consumers;

/// <summary>
/// Turns every network event into flow figures: a daily count per event, handoff timings, passes per case.
/// One endpoint for all of them; each message counts once (inbox).
/// </summary>
public sealed class FlowRecorder(Database database, TimeProvider time) :
    IConsumer<ReferralSubmitted>, IConsumer<CaseOpened>, IConsumer<MatchesProposed>,
    IConsumer<HandoffOffered>, IConsumer<HandoffAccepted>, IConsumer<HandoffDeclined>, IConsumer<HandoffExpired>,
    IConsumer<HandoffWithdrawn>, IConsumer<HandoffConnected>, IConsumer<HandoffCompleted>, IConsumer<CaseEscalated>,
    IConsumer<ConsentGranted>, IConsumer<ConsentRevoked>, IConsumer<ConsentExpired>
{
    // PostgreSQL's upsert (SQL Server: MERGE). The slot spreads one day's count over rows (see 0002_count_slots.sql).
    private const string Increment = """
        INSERT INTO daily_counts (day, metric, slot, value) VALUES (@Day, @Metric, @Slot, 1)
        ON CONFLICT (day, metric, slot) DO UPDATE SET value = daily_counts.value + 1
        """;
    private const int Slots = 16;

    public Task Consume(ConsumeContext<ReferralSubmitted> context) => Count(context, FlowMetric.ReferralsOpened, context.Message.OccurredAt);

    public Task Consume(ConsumeContext<CaseOpened> context) => Count(context, FlowMetric.CasesOpened, context.Message.OccurredAt,
        (work, ct) => work.ExecuteAsync(
            "INSERT INTO case_passes (case_id, opened_on, passes) VALUES (@CaseId, @Day, 0) ON CONFLICT (case_id) DO NOTHING",
            new { context.Message.CaseId, Day = DayOf(context.Message.OccurredAt) }, ct));

    public Task Consume(ConsumeContext<MatchesProposed> context) => Count(context, FlowMetric.MatchesProposed, context.Message.OccurredAt);

    public Task Consume(ConsumeContext<HandoffOffered> context) => Count(context, FlowMetric.Offers, context.Message.OccurredAt,
        (work, ct) => work.ExecuteAsync(
            """
            INSERT INTO handoff_timings (handoff_id, case_id, offered_at) VALUES (@HandoffId, @CaseId, @OccurredAt)
            ON CONFLICT (handoff_id) DO UPDATE SET offered_at = @OccurredAt
            """, context.Message, ct));

    public Task Consume(ConsumeContext<HandoffAccepted> context) => Count(context, FlowMetric.Accepted, context.Message.OccurredAt,
        (work, ct) => RecordTime(work, "accepted_at", context.Message.HandoffId, context.Message.CaseId, context.Message.OccurredAt, ct));

    public Task Consume(ConsumeContext<HandoffDeclined> context) => Count(context, FlowMetric.Declined, context.Message.OccurredAt,
        (work, ct) => CountPass(work, context.Message.CaseId, context.Message.OccurredAt, ct));

    public Task Consume(ConsumeContext<HandoffExpired> context) => Count(context, FlowMetric.Expired, context.Message.OccurredAt,
        (work, ct) => CountPass(work, context.Message.CaseId, context.Message.OccurredAt, ct));

    public Task Consume(ConsumeContext<HandoffWithdrawn> context) => Count(context, FlowMetric.Withdrawn, context.Message.OccurredAt);

    public Task Consume(ConsumeContext<HandoffConnected> context) => Count(context, FlowMetric.Connected, context.Message.OccurredAt,
        (work, ct) => RecordTime(work, "connected_at", context.Message.HandoffId, context.Message.CaseId, context.Message.OccurredAt, ct));

    public Task Consume(ConsumeContext<HandoffCompleted> context) => Count(context, FlowMetric.Completed, context.Message.OccurredAt);

    public Task Consume(ConsumeContext<CaseEscalated> context) => Count(context, FlowMetric.Escalations, context.Message.OccurredAt);

    public Task Consume(ConsumeContext<ConsentGranted> context) => Count(context, FlowMetric.ConsentsGranted, context.Message.OccurredAt);

    public Task Consume(ConsumeContext<ConsentRevoked> context) => Count(context, FlowMetric.ConsentsRevoked, context.Message.OccurredAt);

    public Task Consume(ConsumeContext<ConsentExpired> context) => Count(context, FlowMetric.ConsentsExpired, context.Message.OccurredAt);

    private Task Count(ConsumeContext context, string metric, DateTimeOffset at, Func<UnitOfWork, CancellationToken, Task>? more = null) =>
        database.ConsumeOnceAsync(context, $"{nameof(FlowRecorder)}.{metric}", time, async (work, ct) =>
        {
            await work.ExecuteAsync(Increment, new { Day = DayOf(at), Metric = metric, Slot = (short)Random.Shared.Next(Slots) }, ct);
            if (more is not null)
            {
                await more(work, ct);
            }
        });

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

    private static DateTime DayOf(DateTimeOffset at) => at.UtcDateTime.Date;
}

public static class FlowMetric
{
    public const string ReferralsOpened = "referrals-opened";
    public const string CasesOpened = "cases-opened";
    public const string MatchesProposed = "matches-proposed";
    public const string Offers = "offers";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string Expired = "expired";
    public const string Withdrawn = "withdrawn";
    public const string Connected = "connected";
    public const string Completed = "completed";
    public const string Escalations = "escalations";
    public const string ConsentsGranted = "consents-granted";
    public const string ConsentsRevoked = "consents-revoked";
    public const string ConsentsExpired = "consents-expired";
}
