using ReferralNet.Handoff.Features.Events;
using ReferralNet.Handoff.Features.Deadlines;
using ReferralNet.Handoff.Features.Escalations;

namespace ReferralNet.Handoff.Features.MoveHandoff;

/// <summary>The receiving agency takes the young person on: it joins the case, and the sender stays accountable until first contact.</summary>
public static class AcceptHandoff
{
    public static readonly HandoffMove Move = new("accept",
        From: CodeSet.Of(HandoffStatuses.Offered), To: HandoffStatuses.Accepted, BySender: false, Update: $"""
        UPDATE handoffs SET status = @To, accepted_at = @Now, updated_at = @Now
        WHERE id = @Id AND status = ANY(@From)
        RETURNING {HandoffRecord.StateColumns}
        """);

    public static Task<Results<Ok<HandoffRecord>, ProblemHttpResult>> HandleAsync(
        Guid id, Caller caller, HandoffMoves moves, ConsentIndex participation, IOptions<HandoffOptions> options, CancellationToken ct) =>
        moves.MakeAsync(id, caller, Move, request: null, details: null, effect: async (work, h, now, ct) =>
        {
            await ConsentProjection.JoinAsync(work, participation, h.CaseId, h.ToAgencyId, JoinedBy.Handoff, now, now, ct);
            await work.CancelAsync(DueTimerKinds.OfferExpiry, h.HandoffId, ct);
            var contactBy = now + options.Value.ContactWithin;
            await work.ScheduleAsync(DueTimerKinds.FirstContact, h.CaseId, h.HandoffId, contactBy, ct);
            await CaseEscalations.ResolveAllAsync(work, h.CaseId, EscalationResolutions.OfferAccepted, now, ct);
            work.Tell(h.FromAgencyId, AgencyEventKinds.OfferAnswered, h.HandoffId, h.CaseId, now, HandoffStatuses.Accepted);
            work.Tell(h.ToAgencyId, AgencyEventKinds.TaskDue, h.HandoffId, h.CaseId, now, TaskKinds.MakeFirstContact);
            return new HandoffAccepted(h.HandoffId, h.CaseId, h.FromAgencyId, h.ToAgencyId, now, contactBy);
        }, ct);
}
