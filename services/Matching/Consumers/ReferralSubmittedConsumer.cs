using ReferralNet.Matching.Features.ProposeMatches;
using ReferralNet.Matching.Features.Services;

namespace ReferralNet.Matching.Consumers;

/// <summary>Ranks the directory for each new referral, stores the proposal and announces it.</summary>
public sealed class ReferralSubmittedConsumer(Database database, ServiceDirectory directory, MatchesReady ready, TimeProvider time)
    : IdempotentConsumer<ReferralSubmitted>(database, time)
{
    protected override async Task HandleAsync(ReferralSubmitted referral, UnitOfWork work, CancellationToken ct)
    {
        var ranked = MatchRanking.Rank(referral, await directory.ActiveAsync(work, ct));
        var now = Time.GetUtcNow();
        await work.ExecuteAsync(
            """
            INSERT INTO referral_matches (referral_id, case_id, from_agency_id, candidates, proposed_at)
            VALUES (@ReferralId, @CaseId, @FromAgencyId, @Candidates, @Now)
            """,
            new { referral.ReferralId, referral.CaseId, referral.FromAgencyId, Candidates = ranked, Now = now }, ct);
        work.Publish(new MatchesProposed(
            referral.ReferralId,
            referral.CaseId,
            ranked.Select(r => new MatchCandidate(r.ServiceId, r.AgencyId, r.Score)).ToList(),
            now));
        work.AfterCommit(() => ready.Announce(referral.ReferralId));
    }
}
