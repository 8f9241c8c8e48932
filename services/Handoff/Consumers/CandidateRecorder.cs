using MassTransit;

namespace ReferralNet.Handoff.Consumers;

/// <summary>Keeps the proposed services of each referral: a handoff is offered to one of them.</summary>
public sealed class CandidateRecorder(Database database) : IInboxConsumer, IConsumer<MatchesProposed>
{
    public static string Inbox => "matches-proposed";

    private const string StoreCandidates = """
        INSERT INTO candidates (referral_id, service_id, agency_id, score)
        SELECT @ReferralId, * FROM unnest(@ServiceIds, @AgencyIds, @Scores)
        ON CONFLICT (referral_id, service_id) DO NOTHING
        """;

    public Task Consume(ConsumeContext<MatchesProposed> context) => database.ConsumeOnceAsync(context, Inbox, (work, ct) =>
    {
        var matches = context.Message;
        return work.ExecuteAsync(StoreCandidates, new
        {
            matches.ReferralId,
            ServiceIds = matches.Candidates.Select(c => c.ServiceId).ToArray(),
            AgencyIds = matches.Candidates.Select(c => c.AgencyId).ToArray(),
            Scores = matches.Candidates.Select(c => c.Score).ToArray(),
        }, ct);
    });
}
