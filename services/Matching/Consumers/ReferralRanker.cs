using MassTransit;
using ReferralNet.Matching.Features.ProposeMatches;
using ReferralNet.Matching.Features.Services;

namespace ReferralNet.Matching.Consumers;

/// <summary>Ranks the directory for each new referral, stores the proposal and announces it.</summary>
public sealed class ReferralRanker(Database database, ServiceDirectory directory, MatchesReady ready, TimeProvider time)
    : IInboxConsumer, IConsumer<ReferralSubmitted>
{
    public static string Inbox => "referral-submitted";

    private const string StoreProposal = """
        INSERT INTO referral_matches (referral_id, case_id, from_agency_id, candidates, proposed_at)
        VALUES (@ReferralId, @CaseId, @FromAgencyId, @Candidates, @Now)
        """;

    public Task Consume(ConsumeContext<ReferralSubmitted> context) => database.ConsumeOnceAsync(context, Inbox, async (work, ct) =>
    {
        var referral = context.Message;
        var ranked = MatchRanking.Rank(referral, await directory.ActiveAsync(work, ct));
        var now = time.GetUtcNow();
        await work.ExecuteAsync(StoreProposal, new { referral.ReferralId, referral.CaseId, referral.FromAgencyId, Candidates = ranked, Now = now }, ct);
        work.Publish(new MatchesProposed(
            referral.ReferralId, referral.CaseId, ranked.Select(r => new MatchCandidate(r.ServiceId, r.AgencyId, r.Score)).ToList(), now));
        work.AfterCommit(() => ready.Announce(referral.ReferralId));
    });
}
