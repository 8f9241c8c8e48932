using ReferralNet.Matching.Features.Offers;
using ReferralNet.Matching.Features.Services;

namespace ReferralNet.Matching.Features.ProposeMatches;

/// <summary>The referral as matching ranked it, kept so that a pass on the case ranks it again.</summary>
[StoredAsJson]
public sealed record RankedReferral(ReferralSubmitted Referral);

/// <summary>
/// A referral's proposal, round by round: the first when the referral arrives, the next after each pass on its case
/// (a declined or expired offer), each without the services that passed on the case. Every round is announced as
/// MatchesProposed, so the handoff service may offer to its new candidates.
/// </summary>
public sealed class MatchRounds(ServiceDirectory directory, MatchesReady ready, TimeProvider time)
{
    private const string PassedOnCase = "SELECT service_id FROM case_passes WHERE case_id = @CaseId";

    private const string StoreFirst = """
        INSERT INTO referral_matches (referral_id, case_id, from_agency_id, candidates, proposed_at, referral, round, excluded)
        VALUES (@ReferralId, @CaseId, @FromAgencyId, @Candidates, @Now, @Referral, 1, @Excluded)
        """;

    private const string StoreNext = """
        UPDATE referral_matches SET candidates = @Candidates, proposed_at = @Now, round = round + 1, excluded = @Excluded
        WHERE referral_id = @ReferralId
        """;

    private const string ReferralsOfCase = "SELECT referral FROM referral_matches WHERE case_id = @CaseId AND referral IS NOT NULL FOR UPDATE";

    public async Task FirstAsync(UnitOfWork work, ReferralSubmitted referral, CancellationToken ct)
    {
        var (ranked, excluded) = await RankAsync(work, referral, ct);
        await work.ExecuteAsync(StoreFirst, new
        {
            referral.ReferralId, referral.CaseId, referral.FromAgencyId, Candidates = ranked, Now = time.GetUtcNow(),
            Referral = new RankedReferral(referral), Excluded = excluded,
        }, ct);
        Announce(work, referral, ranked);
    }

    /// <summary>After a pass on the case: every referral of the case is ranked again without the services that passed.</summary>
    public async Task NextAsync(UnitOfWork work, Guid caseId, CancellationToken ct)
    {
        foreach (var stored in await work.QueryAsync<RankedReferral>(ReferralsOfCase, new { CaseId = caseId }, ct))
        {
            var (ranked, excluded) = await RankAsync(work, stored.Referral, ct);
            await work.ExecuteAsync(StoreNext, new { stored.Referral.ReferralId, Candidates = ranked, Now = time.GetUtcNow(), Excluded = excluded }, ct);
            Announce(work, stored.Referral, ranked);
        }
    }

    /// <summary>
    /// Ranks the directory for the referral without the services that passed on its case; <paramref name="among"/>
    /// narrows the directory first (a worker's search), <paramref name="take"/> says how many are chosen.
    /// </summary>
    public async Task<(IReadOnlyList<RankedService> Ranked, IReadOnlyList<Guid> Excluded)> RankAsync(
        UnitOfWork work, ReferralSubmitted referral, CancellationToken ct, Func<ListedService, bool>? among = null, int take = MatchRanking.MaxCandidates)
    {
        IReadOnlyList<Guid> excluded = [.. await work.QueryAsync<Guid>(PassedOnCase, new { referral.CaseId }, ct)];
        var candidates = (await directory.ActiveAsync(ct)).Serving(referral.Municipality);
        var shortlist = MatchRanking.Shortlist(referral, among is null ? candidates : candidates.Where(among), excluded.ToHashSet(), take);
        return (shortlist.Choose(await KnownOffers.LastOfferedAsync(work, shortlist.ServiceIds, ct)), excluded);
    }

    private void Announce(UnitOfWork work, ReferralSubmitted referral, IReadOnlyList<RankedService> ranked)
    {
        work.Publish(new MatchesProposed(
            referral.ReferralId, referral.CaseId, ranked.Select(r => new MatchCandidate(r.ServiceId, r.AgencyId, r.Score)).ToList(), time.GetUtcNow()));
        work.AfterCommit(() => ready.Announce(referral.ReferralId));
    }
}
