using ReferralNet.Handoff.Features.Events;
using ReferralNet.Handoff.Features.Deadlines;

namespace ReferralNet.Handoff.Features.OfferHandoff;

/// <summary>What a new offer is, however it is made (by a worker, or forwarded by itself after a pass).</summary>
public sealed record NewOffer(
    Guid ReferralId, Guid CaseId, string Urgency, Guid FromAgencyId, Guid ToAgencyId, Guid ToServiceId, string Note, string OfferedBy,
    bool AutoForward);

/// <summary>
/// Stores an offer the one way: its row, its expiry at <c>respondBy</c> (by the referral's urgency), the end of the
/// case's wait for a next step, and HandoffOffered through the outbox. It also picks the next best candidate when an
/// offer sent with autoForward was passed on.
/// </summary>
public sealed class HandoffOffers(IOptions<HandoffOptions> options)
{
    private const string Store = $"""
        INSERT INTO handoffs (id, referral_id, case_id, from_agency_id, to_agency_id, to_service_id, status, note,
                              respond_by, pass_number, offered_by, offered_at, updated_at, auto_forward)
        VALUES (@HandoffId, @ReferralId, @CaseId, @FromAgencyId, @ToAgencyId, @ToServiceId, '{HandoffStatuses.Offered}', @Note,
                @RespondBy, @PassNumber, @OfferedBy, @OccurredAt, @OccurredAt, @AutoForward)
        """;

    // The best candidate of the referral that has not passed on the case, holds no open offer on it, and is not the sender's.
    private const string NextCandidate = $"""
        SELECT c.service_id AS ServiceId, c.agency_id AS AgencyId, r.urgency FROM candidates c
        JOIN referrals r ON r.referral_id = c.referral_id
        WHERE c.referral_id = @ReferralId AND c.agency_id <> @FromAgencyId
          AND NOT EXISTS (SELECT 1 FROM handoffs h WHERE h.case_id = @CaseId AND h.to_service_id = c.service_id
                          AND h.status IN ('{HandoffStatuses.Offered}', '{HandoffStatuses.Accepted}', '{HandoffStatuses.Connected}',
                                           '{HandoffStatuses.Declined}', '{HandoffStatuses.Expired}'))
        ORDER BY c.score DESC, c.service_id
        LIMIT 1
        """;

    public async Task<HandoffOffered> OpenAsync(UnitOfWork work, NewOffer offer, DateTimeOffset now, CancellationToken ct)
    {
        var handoff = new HandoffOffered(
            Guid.CreateVersion7(), offer.ReferralId, offer.CaseId, offer.FromAgencyId, offer.ToAgencyId, offer.ToServiceId,
            now + options.Value.RespondWithinFor(offer.Urgency), await CasePasses.CountAsync(work, offer.CaseId, ct), now);
        await work.ExecuteAsync(Store, new
        {
            handoff.HandoffId, handoff.ReferralId, handoff.CaseId, handoff.FromAgencyId, handoff.ToAgencyId, handoff.ToServiceId,
            offer.Note, handoff.RespondBy, handoff.PassNumber, offer.OfferedBy, handoff.OccurredAt, offer.AutoForward,
        }, ct);
        // The offer is the next step after a pass; the receiver has until respondBy to answer.
        await work.CancelForCaseAsync(DueTimerKinds.NextStep, handoff.CaseId, ct);
        await work.ScheduleAsync(DueTimerKinds.OfferExpiry, handoff.CaseId, handoff.HandoffId, handoff.RespondBy, ct);
        work.Publish(handoff);
        work.Tell(handoff.ToAgencyId, AgencyEventKinds.OfferReceived, handoff.HandoffId, handoff.CaseId, now);
        return handoff;
    }

    /// <summary>
    /// After a pass on an offer sent with autoForward, while the case is under the pass threshold: the next best
    /// candidate is offered at once, in the sender's name, forwarding again on its own pass. Answers whether one was.
    /// </summary>
    public async Task<bool> ForwardAsync(UnitOfWork work, HandoffRecord passed, int passes, DateTimeOffset now, CancellationToken ct)
    {
        if (!passed.AutoForward || passes >= options.Value.PassThreshold)
        {
            return false;
        }
        var next = await work.QuerySingleOrDefaultAsync<Candidate>(NextCandidate, passed, ct);
        if (next is null)
        {
            return false;
        }
        await OpenAsync(work, new NewOffer(passed.ReferralId, passed.CaseId, next.Urgency, passed.FromAgencyId, next.AgencyId, next.ServiceId,
            Note: "", OfferedBy: AutoForwarded, AutoForward: true), now, ct);
        return true;
    }

    /// <summary>Who an offer forwarded by itself was made by (the sender's agency stays the sender).</summary>
    public const string AutoForwarded = "auto-forward";

    private sealed class Candidate
    {
        public Guid ServiceId { get; init; }
        public Guid AgencyId { get; init; }
        public string Urgency { get; init; } = Urgencies.Routine;
    }
}
