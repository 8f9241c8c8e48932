using MassTransit;
using ReferralNet.Insights.Features.Summary;

namespace ReferralNet.Insights.Consumers;

/// <summary>
/// Turns every network event into flow figures: a daily count per event, a daily count per pair of agencies for offers,
/// accepts and passes, handoff timings, passes per case, and which escalations and handoffs are open or stuck.
/// Events arrive in batches (up to <see cref="BatchSize"/>, or what came within <see cref="BatchWindow"/>): a batch costs
/// one transaction, and each message in it counts once (inbox). Each count carries its records' keys (the cell-key
/// method, <see cref="CellKeys"/>): a record's key comes from its id, so a redelivery would add the same key.
/// </summary>
public sealed class FlowRecorder(Database database) : IInboxConsumer,
    IConsumer<Batch<ReferralSubmitted>>, IConsumer<Batch<CaseOpened>>, IConsumer<Batch<MatchesProposed>>,
    IConsumer<Batch<HandoffOffered>>, IConsumer<Batch<HandoffAccepted>>, IConsumer<Batch<HandoffDeclined>>,
    IConsumer<Batch<HandoffExpired>>, IConsumer<Batch<HandoffWithdrawn>>, IConsumer<Batch<HandoffConnected>>,
    IConsumer<Batch<HandoffCompleted>>, IConsumer<Batch<CaseEscalated>>, IConsumer<Batch<EscalationResolved>>,
    IConsumer<Batch<ConsentGranted>>, IConsumer<Batch<ConsentRevoked>>, IConsumer<Batch<ConsentExpired>>,
    IConsumer<Batch<AgencyListed>>, IConsumer<Batch<PlanStepMoved>>, IConsumer<Batch<PlanReviewed>>, IConsumer<Batch<FollowUpRecorded>>,
    IConsumer<Batch<MeetingHeld>>, IConsumer<Batch<MeetingActionDone>>, IConsumer<Batch<SupportMeetingConvened>>
{
    public static string Inbox => "flow-recorder";

    public const int BatchSize = 50;
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(50);

    // PostgreSQL's upsert (SQL Server: MERGE). The slot spreads one day's count over rows (see 0002_count_slots.sql).
    private const string Increment = """
        INSERT INTO daily_counts (day, metric, slot, value, key_sum)
        SELECT day, @Metric, @Slot, n, k FROM unnest(@Days, @Counts, @Keys) AS counted (day, n, k)
        ON CONFLICT (day, metric, slot) DO UPDATE SET
            value = daily_counts.value + EXCLUDED.value, key_sum = (daily_counts.key_sum + EXCLUDED.key_sum) % 4294967296
        """;
    private const int Slots = 16;

    // Keys come sorted, so two batches lock the rows they share in the same order.
    private const string IncrementFlow = """
        INSERT INTO flow_counts (day, from_agency_id, to_agency_id, metric, value, key_sum)
        SELECT day, from_agency_id, to_agency_id, @Metric, n, k FROM unnest(@Days, @FromAgencyIds, @ToAgencyIds, @Counts, @Keys)
            AS counted (day, from_agency_id, to_agency_id, n, k)
        ON CONFLICT (day, from_agency_id, to_agency_id, metric) DO UPDATE SET
            value = flow_counts.value + EXCLUDED.value, key_sum = (flow_counts.key_sum + EXCLUDED.key_sum) % 4294967296
        """;

    private const string StartPasses = """
        INSERT INTO case_passes (case_id, opened_on, passes)
        SELECT case_id, opened_on, 0 FROM unnest(@CaseIds, @Days) AS opened (case_id, opened_on)
        ON CONFLICT (case_id) DO NOTHING
        """;

    private const string CountPass = """
        INSERT INTO case_passes (case_id, opened_on, passes) VALUES (@CaseId, @Day, 1)
        ON CONFLICT (case_id) DO UPDATE SET passes = case_passes.passes + 1
        """;

    private static readonly string RecordOffered = RecordTime("offered_at");
    private static readonly string RecordAccepted = RecordTime("accepted_at");
    private static readonly string RecordConnected = RecordTime("connected_at");
    private static readonly string RecordClosed = RecordTime("closed_at");
    private static readonly string RecordStuck = RecordTime("stuck_at");

    private static string RecordTime(string column) => $"""
        INSERT INTO handoff_timings (handoff_id, case_id, {column}) VALUES (@HandoffId, @CaseId, @At)
        ON CONFLICT (handoff_id) DO UPDATE SET {column} = @At
        """;

    private const string EscalationOpened = """
        INSERT INTO escalations (escalation_id, opened_at) VALUES (@EscalationId, @OccurredAt)
        ON CONFLICT (escalation_id) DO UPDATE SET opened_at = EXCLUDED.opened_at
        """;

    private const string EscalationEnded = """
        INSERT INTO escalations (escalation_id, resolved_at) VALUES (@EscalationId, @OccurredAt)
        ON CONFLICT (escalation_id) DO UPDATE SET resolved_at = EXCLUDED.resolved_at
        """;

    private const string StoreAgency = """
        INSERT INTO agencies (agency_id, kind) VALUES (@AgencyId, @Kind)
        ON CONFLICT (agency_id) DO UPDATE SET kind = EXCLUDED.kind
        """;

    public Task Consume(ConsumeContext<Batch<ReferralSubmitted>> context) =>
        Count(context, FlowMetrics.ReferralsOpened, m => m.OccurredAt, m => m.ReferralId);

    public Task Consume(ConsumeContext<Batch<CaseOpened>> context) => Count(context, FlowMetrics.CasesOpened, m => m.OccurredAt, m => m.CaseId,
        (work, opened, ct) => work.ExecuteAsync(StartPasses,
            new { CaseIds = opened.Select(c => c.CaseId).ToArray(), Days = opened.Select(c => DayOf(c.OccurredAt)).ToArray() }, ct));

    public Task Consume(ConsumeContext<Batch<MatchesProposed>> context) =>
        Count(context, FlowMetrics.MatchesProposed, m => m.OccurredAt, m => m.ReferralId);

    public Task Consume(ConsumeContext<Batch<HandoffOffered>> context) => Count(context, FlowMetrics.Offers, m => m.OccurredAt, m => m.HandoffId,
        async (work, offers, ct) =>
        {
            await CountFlowAsync(work, FlowMetrics.Offers, offers.Select(o => (o.HandoffId, o.OccurredAt, o.FromAgencyId, o.ToAgencyId)), ct);
            await EachAsync(offers, o => work.ExecuteAsync(RecordOffered, new { o.HandoffId, o.CaseId, At = o.OccurredAt }, ct));
        });

    public Task Consume(ConsumeContext<Batch<HandoffAccepted>> context) => Count(context, FlowMetrics.Accepted, m => m.OccurredAt, m => m.HandoffId,
        async (work, accepted, ct) =>
        {
            await CountFlowAsync(work, FlowMetrics.Accepted, accepted.Select(a => (a.HandoffId, a.OccurredAt, a.FromAgencyId, a.ToAgencyId)), ct);
            await EachAsync(accepted, a => work.ExecuteAsync(RecordAccepted, new { a.HandoffId, a.CaseId, At = a.OccurredAt }, ct));
        });

    public Task Consume(ConsumeContext<Batch<HandoffDeclined>> context) => Count(context, FlowMetrics.Declined, m => m.OccurredAt, m => m.HandoffId,
        (work, declined, ct) => PassesAsync(work, declined.Select(d => (d.HandoffId, d.CaseId, d.OccurredAt, d.FromAgencyId, d.ToAgencyId)).ToList(), ct));

    public Task Consume(ConsumeContext<Batch<HandoffExpired>> context) => Count(context, FlowMetrics.Expired, m => m.OccurredAt, m => m.HandoffId,
        (work, expired, ct) => PassesAsync(work, expired.Select(e => (e.HandoffId, e.CaseId, e.OccurredAt, e.FromAgencyId, e.ToAgencyId)).ToList(), ct));

    public Task Consume(ConsumeContext<Batch<HandoffWithdrawn>> context) => Count(context, FlowMetrics.Withdrawn, m => m.OccurredAt, m => m.HandoffId,
        (work, withdrawn, ct) => EachAsync(withdrawn, w => work.ExecuteAsync(RecordClosed, new { w.HandoffId, w.CaseId, At = w.OccurredAt }, ct)));

    public Task Consume(ConsumeContext<Batch<HandoffConnected>> context) => Count(context, FlowMetrics.Connected, m => m.OccurredAt, m => m.HandoffId,
        (work, connected, ct) => EachAsync(connected, c => work.ExecuteAsync(RecordConnected, new { c.HandoffId, c.CaseId, At = c.OccurredAt }, ct)));

    public Task Consume(ConsumeContext<Batch<HandoffCompleted>> context) => Count(context, FlowMetrics.Completed, m => m.OccurredAt, m => m.HandoffId,
        (work, completed, ct) => EachAsync(completed, c => work.ExecuteAsync(RecordClosed, new { c.HandoffId, c.CaseId, At = c.OccurredAt }, ct)));

    public Task Consume(ConsumeContext<Batch<CaseEscalated>> context) =>
        Count(context, FlowMetrics.Escalations, m => m.OccurredAt, m => m.EscalationId ?? m.CaseId,
        (work, escalated, ct) => EachAsync(escalated, async e =>
        {
            if (e.EscalationId is not null)
            {
                await work.ExecuteAsync(EscalationOpened, e, ct);
            }
            if (e is { Reason: EscalationReasons.NoFirstContact, HandoffId: { } handoffId })
            {
                await work.ExecuteAsync(RecordStuck, new { HandoffId = handoffId, e.CaseId, At = e.OccurredAt }, ct);
            }
        }));

    public Task Consume(ConsumeContext<Batch<EscalationResolved>> context) => database.ConsumeBatchOnceAsync(context, Inbox,
        (work, resolved, ct) => EachAsync(resolved, r => work.ExecuteAsync(EscalationEnded, r, ct)));

    public Task Consume(ConsumeContext<Batch<ConsentGranted>> context) =>
        Count(context, FlowMetrics.ConsentsGranted, m => m.OccurredAt, m => m.ConsentId);

    public Task Consume(ConsumeContext<Batch<ConsentRevoked>> context) =>
        Count(context, FlowMetrics.ConsentsRevoked, m => m.OccurredAt, m => m.ConsentId);

    public Task Consume(ConsumeContext<Batch<ConsentExpired>> context) =>
        Count(context, FlowMetrics.ConsentsExpired, m => m.OccurredAt, m => m.ConsentId);

    /// <summary>Forward (started, done) and back; a pause is neither.</summary>
    public Task Consume(ConsumeContext<Batch<PlanStepMoved>> context) => CountBy(context,
        m => StepStatuses.Forward.Contains(m.To) ? FlowMetrics.StepsForward : m.To == StepStatuses.SteppedBack ? FlowMetrics.StepsBack : null,
        m => m.OccurredAt, m => m.StepId);

    public Task Consume(ConsumeContext<Batch<PlanReviewed>> context) =>
        CountBy(context, m => m.OnTime ? FlowMetrics.ReviewsOnTime : FlowMetrics.ReviewsLate, m => m.OccurredAt, m => m.ReviewId);

    public Task Consume(ConsumeContext<Batch<FollowUpRecorded>> context) =>
        CountBy(context, m => FlowMetrics.FollowUps(m.Result), m => m.OccurredAt, m => m.FollowUpId);

    /// <summary>A meeting counts on the day it was held, as a step counts on the day it moved.</summary>
    public Task Consume(ConsumeContext<Batch<MeetingHeld>> context) =>
        CountBy(context, m => m.Kind == MeetingKinds.JointFirstMeeting ? FlowMetrics.JointMeetingsHeld : FlowMetrics.ConferencesHeld,
            m => m.At, m => m.MeetingId);

    public Task Consume(ConsumeContext<Batch<MeetingActionDone>> context) =>
        CountBy(context, m => m.OnTime ? FlowMetrics.MeetingActionsOnTime : FlowMetrics.MeetingActionsLate, m => m.OccurredAt, m => m.ActionId);

    public Task Consume(ConsumeContext<Batch<SupportMeetingConvened>> context) =>
        CountBy(context, m => FlowMetrics.SupportMeetings(m.CouncilId), m => m.At, m => m.MeetingId);

    public Task Consume(ConsumeContext<Batch<AgencyListed>> context) => database.ConsumeBatchOnceAsync(context, Inbox,
        (work, listed, ct) => EachAsync(listed, a => work.ExecuteAsync(StoreAgency, a, ct)));

    /// <param name="recordOf">The id the record counted is known by: its key comes from it.</param>
    private Task Count<T>(
        ConsumeContext<Batch<T>> batch, string metric, Func<T, DateTimeOffset> occurredAt, Func<T, Guid> recordOf,
        Func<UnitOfWork, IReadOnlyList<T>, CancellationToken, Task>? more = null)
        where T : class =>
        CountBy(batch, _ => metric, occurredAt, recordOf, more);

    /// <summary>As <see cref="Count{T}"/>, each message under the metric <paramref name="metricOf"/> gives it (null: not counted).</summary>
    private async Task CountBy<T>(
        ConsumeContext<Batch<T>> batch, Func<T, string?> metricOf, Func<T, DateTimeOffset> occurredAt, Func<T, Guid> recordOf,
        Func<UnitOfWork, IReadOnlyList<T>, CancellationToken, Task>? more = null)
        where T : class
    {
        var committed = new Dictionary<string, int>();
        await database.ConsumeBatchOnceAsync(batch, Inbox, async (work, fresh, ct) =>
        {
            committed.Clear(); // a transaction tried again counts again
            foreach (var counted in fresh.GroupBy(metricOf).Where(m => m.Key is not null))
            {
                var metric = counted.Key!;
                committed[metric] = counted.Count();
                var perDay = counted.GroupBy(m => DayOf(occurredAt(m))).Select(day => (Day: day.Key, Count: Keyed(day.Select(recordOf), metric))).ToList();
                await work.ExecuteAsync(Increment, new
                {
                    Metric = metric,
                    Slot = (short)Random.Shared.Next(Slots),
                    Days = perDay.Select(day => day.Day).ToArray(),
                    Counts = perDay.Select(day => day.Count.Count).ToArray(),
                    Keys = perDay.Select(day => day.Count.Key).ToArray(),
                }, ct);
            }
            if (more is not null)
            {
                await more(work, fresh, ct);
            }
        });
        FlowCounter.Add(committed);
    }

    private static Task CountFlowAsync(
        UnitOfWork work, string metric, IEnumerable<(Guid Handoff, DateTimeOffset At, Guid From, Guid To)> moves, CancellationToken ct)
    {
        var cells = moves.GroupBy(m => (Day: DayOf(m.At), m.From, m.To)).OrderBy(c => c.Key)
            .Select(c => (c.Key, Count: Keyed(c.Select(m => m.Handoff), metric))).ToList();
        return work.ExecuteAsync(IncrementFlow, new
        {
            Metric = metric,
            Days = cells.Select(c => c.Key.Day).ToArray(),
            FromAgencyIds = cells.Select(c => c.Key.From).ToArray(),
            ToAgencyIds = cells.Select(c => c.Key.To).ToArray(),
            Counts = cells.Select(c => c.Count.Count).ToArray(),
            Keys = cells.Select(c => c.Count.Key).ToArray(),
        }, ct);
    }

    private static KeyedCount Keyed(IEnumerable<Guid> records, string metric) =>
        KeyedCount.Sum(records.Select(record => new KeyedCount(1, CellKeys.Of(record, metric))));

    private static async Task PassesAsync(
        UnitOfWork work, IReadOnlyList<(Guid HandoffId, Guid CaseId, DateTimeOffset At, Guid From, Guid To)> passes, CancellationToken ct)
    {
        await CountFlowAsync(work, FlowMetrics.Passes, passes.Select(p => (p.HandoffId, p.At, p.From, p.To)), ct);
        await EachAsync(passes, p => work.ExecuteAsync(CountPass, new { p.CaseId, Day = DayOf(p.At) }, ct));
    }

    // Handoff moves are a few per case, not per referral: one statement each is fine.
    private static async Task EachAsync<T>(IEnumerable<T> messages, Func<T, Task> write)
    {
        foreach (var message in messages)
        {
            await write(message);
        }
    }

    private static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
