using MassTransit;

namespace ReferralNet.Support.Consumers;

/// <summary>
/// Keeps the handoffs that wait for first contact, once per message: accepted, until first contact or withdrawal ends
/// them. A joint first meeting is proposed only for one of them.
/// </summary>
public sealed class AcceptedHandoffs(Database database) : IInboxConsumer,
    IConsumer<HandoffAccepted>, IConsumer<HandoffConnected>, IConsumer<HandoffWithdrawn>
{
    public static string Inbox => "accepted-handoffs";

    private const string Accepted = """
        INSERT INTO accepted_handoffs (handoff_id, case_id, from_agency_id, to_agency_id, accepted_at)
        VALUES (@HandoffId, @CaseId, @FromAgencyId, @ToAgencyId, @OccurredAt)
        ON CONFLICT (handoff_id) DO NOTHING
        """;

    private const string Ended = "UPDATE accepted_handoffs SET ended_at = @OccurredAt WHERE handoff_id = @HandoffId AND ended_at IS NULL";

    public Task Consume(ConsumeContext<HandoffAccepted> context) =>
        database.ConsumeOnceAsync(context, Inbox, (work, ct) => work.ExecuteAsync(Accepted, context.Message, ct));

    public Task Consume(ConsumeContext<HandoffConnected> context) =>
        database.ConsumeOnceAsync(context, Inbox, (work, ct) => work.ExecuteAsync(Ended, context.Message, ct));

    public Task Consume(ConsumeContext<HandoffWithdrawn> context) =>
        database.ConsumeOnceAsync(context, Inbox, (work, ct) => work.ExecuteAsync(Ended, context.Message, ct));
}
