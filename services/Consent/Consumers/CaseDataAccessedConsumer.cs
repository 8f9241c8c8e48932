using MassTransit;

namespace ReferralNet.Consent.Consumers;

/// <summary>Keeps the access log. The message id is the row's key, so a redelivered read is logged once.</summary>
public sealed class CaseDataAccessedConsumer(Database database) : IConsumer<CaseDataAccessed>
{
    public async Task Consume(ConsumeContext<CaseDataAccessed> context)
    {
        var read = context.Message;
        await using var work = await database.BeginAsync(context.CancellationToken);
        await work.ExecuteAsync(
            """
            INSERT INTO access_log (message_id, person_id, case_id, agency_id, user_id, category, purpose, decision, at)
            VALUES (@MessageId, @PersonId, @CaseId, @AgencyId, @UserId, @Category, @Purpose, @Decision, @OccurredAt)
            ON CONFLICT (message_id) DO NOTHING
            """,
            new
            {
                MessageId = context.MessageId!.Value, read.PersonId, read.CaseId, read.AgencyId, read.UserId, read.Category,
                read.Purpose, read.Decision, read.OccurredAt,
            }, context.CancellationToken);
        await work.CommitAsync(context.CancellationToken);
    }
}
