namespace ReferralNet.Handoff.Consumers;

/// <summary>Keeps the proposed services of each referral: a handoff is offered to one of them.</summary>
public sealed class MatchesProposedConsumer(Database database, TimeProvider time) : IdempotentConsumer<MatchesProposed>(database, time)
{
    protected override async Task HandleAsync(MatchesProposed matches, UnitOfWork work, CancellationToken ct)
    {
        await work.ExecuteAsync(
            """
            INSERT INTO candidates (referral_id, service_id, agency_id, score)
            SELECT @ReferralId, * FROM unnest(@ServiceIds, @AgencyIds, @Scores)
            ON CONFLICT (referral_id, service_id) DO NOTHING
            """,
            new
            {
                matches.ReferralId,
                ServiceIds = matches.Candidates.Select(c => c.ServiceId).ToArray(),
                AgencyIds = matches.Candidates.Select(c => c.AgencyId).ToArray(),
                Scores = matches.Candidates.Select(c => c.Score).ToArray(),
            }, ct);
    }
}
