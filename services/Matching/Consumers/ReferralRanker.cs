using MassTransit;
using ReferralNet.Matching.Features.ProposeMatches;

namespace ReferralNet.Matching.Consumers;

/// <summary>Ranks the directory for each new referral, stores the proposal and announces it.</summary>
public sealed class ReferralRanker(Database database, MatchRounds rounds) : IInboxConsumer, IConsumer<ReferralSubmitted>
{
    public static string Inbox => "referral-submitted";

    public Task Consume(ConsumeContext<ReferralSubmitted> context) =>
        database.ConsumeOnceAsync(context, Inbox, (work, ct) => rounds.FirstAsync(work, context.Message, ct));
}
