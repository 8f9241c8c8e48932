using ReferralNet.Handoff.Features.Events;
using ReferralNet.Handoff.Features.Escalations;

namespace ReferralNet.Handoff.Features.Deadlines;

/// <summary>
/// Fires the deadlines that fell due, in batches: each claimed with SKIP LOCKED and deleted in the transaction of its
/// effect, so with two instances a deadline fires once, and after a restart what fell due meanwhile fires at the first
/// sweep. A deadline whose move already happened finds its handoff moved on and does nothing.
/// </summary>
public sealed class DeadlineSweep(Database database, CasePasses passes, IOptions<HandoffOptions> options, TimeProvider time, ILogger<DeadlineSweep> log)
    : PeriodicJob(time, log)
{
    public const int Batch = 200;

    private const string ClaimDue = """
        DELETE FROM due_timers WHERE id IN (
            SELECT id FROM due_timers WHERE due_at <= @Now ORDER BY due_at LIMIT @Batch FOR UPDATE SKIP LOCKED)
        RETURNING kind, case_id AS CaseId, handoff_id AS HandoffId, due_at AS DueAt
        """;

    private const string Expire = $"""
        UPDATE handoffs SET status = '{HandoffStatuses.Expired}', closed_at = @Now, updated_at = @Now
        WHERE id = @HandoffId AND status = '{HandoffStatuses.Offered}'
        RETURNING {HandoffRecord.StateColumns}
        """;

    private const string StillWithoutContact = $"SELECT EXISTS (SELECT 1 FROM handoffs WHERE id = @HandoffId AND status = '{HandoffStatuses.Accepted}')";

    protected override TimeSpan Period => options.Value.SweepEvery;

    public override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var now = Time.GetUtcNow();
        await using var work = await database.BeginAsync(ct);
        var due = (await work.QueryAsync<DueTimer>(ClaimDue, new { Now = now, Batch }, ct)).ToList();
        foreach (var timer in due)
        {
            await FireAsync(work, timer, now, ct);
        }
        await work.CommitAsync(ct);
        return due.Count == Batch;
    }

    private async Task FireAsync(UnitOfWork work, DueTimer timer, DateTimeOffset now, CancellationToken ct)
    {
        switch (timer.Kind)
        {
            case DueTimerKinds.OfferExpiry:
                if (await work.QuerySingleOrDefaultAsync<HandoffRecord>(Expire, new { timer.HandoffId, Now = now }, ct) is { } expired)
                {
                    work.Publish(new HandoffExpired(expired.HandoffId, expired.CaseId, expired.FromAgencyId, expired.ToAgencyId, now));
                    work.Tell(expired.FromAgencyId, AgencyEventKinds.OfferExpired, expired.HandoffId, expired.CaseId, now);
                    work.Tell(expired.ToAgencyId, AgencyEventKinds.OfferExpired, expired.HandoffId, expired.CaseId, now);
                    await passes.RecordAsync(work, expired, now, ct);
                }
                break;
            case DueTimerKinds.FirstContact:
                if (await work.QuerySingleAsync<bool>(StillWithoutContact, timer, ct))
                {
                    await CaseEscalations.OpenAsync(work, timer.CaseId, timer.HandoffId, EscalationReasons.NoFirstContact, await CasePasses.CountAsync(work, timer.CaseId, ct), now, ct);
                }
                break;
            case DueTimerKinds.NextStep:
                // Still here, so no offer was sent on the case since the pass (an offer clears it).
                await CaseEscalations.OpenAsync(work, timer.CaseId, timer.HandoffId, EscalationReasons.NoNextStep, await CasePasses.CountAsync(work, timer.CaseId, ct), now, ct);
                break;
        }
    }

    private sealed class DueTimer
    {
        public string Kind { get; init; } = "";
        public Guid CaseId { get; init; }
        public Guid? HandoffId { get; init; }
        public DateTimeOffset DueAt { get; init; }
    }
}
