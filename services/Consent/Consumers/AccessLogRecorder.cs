using MassTransit;

namespace ReferralNet.Consent.Consumers;

/// <summary>Keeps the access log: every read of a person's data any service decided, permitted or denied.</summary>
public sealed class AccessLogRecorder(Database database) : IInboxConsumer, IConsumer<CaseDataAccessed>
{
    public static string Inbox => "case-data-accessed";

    // The message id is also the row's key: reads logged before the inbox kept this consumer's messages stay logged once.
    private const string Record = """
        INSERT INTO access_log (message_id, person_id, case_id, agency_id, user_id, category, purpose, decision, at)
        VALUES (@MessageId, @PersonId, @CaseId, @AgencyId, @UserId, @Category, @Purpose, @Decision, @OccurredAt)
        ON CONFLICT (message_id) DO NOTHING
        """;

    public Task Consume(ConsumeContext<CaseDataAccessed> context) => database.ConsumeOnceAsync(context, Inbox, (work, ct) =>
    {
        var read = context.Message;
        return work.ExecuteAsync(Record, new
        {
            MessageId = context.MessageId!.Value, read.PersonId, read.CaseId, read.AgencyId, read.UserId, read.Category,
            read.Purpose, read.Decision, read.OccurredAt,
        }, ct);
    });
}
