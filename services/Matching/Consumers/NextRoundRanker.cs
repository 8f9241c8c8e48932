using MassTransit;
using ReferralNet.Matching.Features.Offers;
using ReferralNet.Matching.Features.ProposeMatches;

namespace ReferralNet.Matching.Consumers;

/// <summary>
/// A declined or expired offer is a pass: the service that passed is left out of every later round for the case, and
/// the case's referrals are ranked again at once, so the sender has a next service to choose.
/// </summary>
public sealed class NextRoundRanker(Database database, MatchRounds rounds)
    : IInboxConsumer, IConsumer<HandoffOffered>, IConsumer<HandoffDeclined>, IConsumer<HandoffExpired>
{
    public static string Inbox => "next-round";

    private const string RecordPass = """
        INSERT INTO case_passes (case_id, service_id) SELECT case_id, service_id FROM offers WHERE handoff_id = @HandoffId
        ON CONFLICT (case_id, service_id) DO NOTHING
        RETURNING case_id
        """;

    public Task Consume(ConsumeContext<HandoffOffered> context) =>
        database.ConsumeOnceAsync(context, Inbox, (work, ct) => KnownOffers.RecordAsync(work, context.Message, ct));

    public Task Consume(ConsumeContext<HandoffDeclined> context) => PassAsync(context, context.Message.HandoffId);

    public Task Consume(ConsumeContext<HandoffExpired> context) => PassAsync(context, context.Message.HandoffId);

    private Task PassAsync(ConsumeContext context, Guid handoffId) => database.ConsumeOnceAsync(context, Inbox, async (work, ct) =>
    {
        await KnownOffers.RequireAsync(work, handoffId, ct);
        if (await work.QuerySingleOrDefaultAsync<Guid?>(RecordPass, new { HandoffId = handoffId }, ct) is { } caseId)
        {
            await rounds.NextAsync(work, caseId, ct);
        }
    });
}
