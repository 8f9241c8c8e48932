using ReferralNet.Support.Features.Plan;

namespace ReferralNet.Support.Features.Reviews;

/// <summary>
/// Fires the review deadlines that fell due, in batches: each claimed with SKIP LOCKED and deleted in the transaction
/// of its effect, so with several instances a deadline fires once (handoff's DeadlineSweep, the same way). A deadline
/// whose case closed, or whose plan's review moved on meanwhile, does nothing.
/// </summary>
public sealed class ReviewSweep(Database database, ReviewDeadline deadline, IOptions<SupportOptions> options, TimeProvider time, ILogger<ReviewSweep> log)
    : PeriodicJob(time, log)
{
    public const int Batch = 200;

    private const string ClaimDue = """
        DELETE FROM due_timers WHERE id IN (
            SELECT id FROM due_timers WHERE due_at <= @Now ORDER BY due_at LIMIT @Batch FOR UPDATE SKIP LOCKED)
        RETURNING kind, case_id AS CaseId
        """;

    protected override TimeSpan Period => options.Value.SweepEvery;

    public override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var now = Time.GetUtcNow();
        await using var work = await database.BeginAsync(ct);
        var due = (await work.QueryAsync<DueTimer>(ClaimDue, new { Now = now, Batch }, ct)).ToList();
        foreach (var timer in due.Where(t => t.Kind == DueTimerKinds.ReviewOverdue))
        {
            if (await SupportCase.FindAsync(work, timer.CaseId, ct) is { IsOpen: true }
                && await SupportPlan.FindAsync(work, timer.CaseId, ct) is { } plan
                && deadline.EscalatesAt(plan.NextReviewDue) <= now)
            {
                await ReviewDeadline.RaiseAsync(work, timer.CaseId, now, ct);
            }
        }
        await work.CommitAsync(ct);
        return due.Count == Batch;
    }

    private sealed class DueTimer
    {
        public string Kind { get; init; } = "";
        public Guid CaseId { get; init; }
    }
}
