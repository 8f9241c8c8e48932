using ReferralNet.Handoff.Features.Events;
using ReferralNet.Handoff.Features.Escalations;
using ReferralNet.Handoff.Features.OfferHandoff;

namespace ReferralNet.Handoff.Features.Deadlines;

/// <summary>
/// A declined or expired offer is a pass: the case is never dropped. Each pass gives the sender
/// <see cref="HandoffOptions.NextStepWithin"/> to send a new offer; at <see cref="HandoffOptions.PassThreshold"/>
/// passes the case is escalated to the coordinators as passed around.
/// </summary>
public sealed class CasePasses(IOptions<HandoffOptions> options, HandoffOffers offers)
{
    private const string CountPasses = $"""
        SELECT COUNT(*) FROM handoffs WHERE case_id = @CaseId AND status IN ('{HandoffStatuses.Declined}', '{HandoffStatuses.Expired}')
        """;

    public static Task<int> CountAsync(UnitOfWork work, Guid caseId, CancellationToken ct) =>
        work.QuerySingleAsync<int>(CountPasses, new { CaseId = caseId }, ct);

    /// <summary>Records the pass the handoff just became (its status already declined or expired).</summary>
    public async Task RecordAsync(UnitOfWork work, HandoffRecord passed, DateTimeOffset now, CancellationToken ct)
    {
        var passes = await CountAsync(work, passed.CaseId, ct);
        if (await offers.ForwardAsync(work, passed, passes, now, ct))
        {
            return; // the forwarded offer is the next step
        }
        await work.CancelForCaseAsync(DueTimerKinds.NextStep, passed.CaseId, ct);
        await work.ScheduleAsync(DueTimerKinds.NextStep, passed.CaseId, passed.HandoffId, now + options.Value.NextStepWithin, ct);
        work.Tell(passed.FromAgencyId, AgencyEventKinds.TaskDue, passed.HandoffId, passed.CaseId, now, TaskKinds.ChooseNextService);
        if (passes >= options.Value.PassThreshold)
        {
            await CaseEscalations.OpenAsync(work, passed.CaseId, passed.HandoffId, EscalationReasons.PassedAround, passes, now, ct);
        }
    }
}
