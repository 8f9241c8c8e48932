using MassTransit;
using ReferralNet.Handoff.Features;
using ReferralNet.Handoff.Features.Deadlines;

namespace ReferralNet.Handoff.Consumers;

/// <summary>
/// After a revocation, open offers to agencies that no consent covers any more are withdrawn (the sender stays lead,
/// so the case is not dropped). The revocation is written to this service's projection here as well — the write is
/// idempotent — so the decision never depends on which of the two consumers saw the event first.
/// </summary>
public sealed class OfferWithdrawalOnRevocation(Database database, ConsentIndex consents, TimeProvider time)
    : IInboxConsumer, IConsumer<ConsentRevoked>
{
    public static string Inbox => "consent-revoked";

    public const string Purpose = ConsentPurposes.Coordination;

    private const string OpenOffers = $"""
        SELECT {HandoffRecord.StateColumns} FROM handoffs
        WHERE status = '{HandoffStatuses.Offered}' AND case_id IN (SELECT case_id FROM case_persons WHERE person_id = @PersonId)
        """;

    private const string Withdraw = $"""
        UPDATE handoffs SET status = '{HandoffStatuses.Withdrawn}', closed_at = @Now, updated_at = @Now
        WHERE id = @HandoffId AND status = '{HandoffStatuses.Offered}'
        """;

    public Task Consume(ConsumeContext<ConsentRevoked> context) => database.ConsumeOnceAsync(context, Inbox, async (work, ct) =>
    {
        var revoked = context.Message;
        var now = time.GetUtcNow();
        await ConsentProjection.EndAsync(work, revoked.ConsentId, revoked.PersonId, ConsentStatuses.Revoked, revoked.OccurredAt, now, ct);
        consents.Apply(await ConsentProjection.ReadAsync(work, revoked.ConsentId, ct));

        var open = await work.QueryAsync<HandoffRecord>(OpenOffers, revoked, ct);
        foreach (var offer in open.Where(o => !consents.CouldReceive(revoked.PersonId, o.ToAgencyId, Purpose)))
        {
            if (await work.ExecuteAsync(Withdraw, new { offer.HandoffId, Now = now }, ct) == 1)
            {
                await work.CancelAsync(DueTimerKinds.OfferExpiry, offer.HandoffId, ct);
                work.Publish(new HandoffWithdrawn(offer.HandoffId, offer.CaseId, offer.FromAgencyId, offer.ToAgencyId, now, WithdrawReasons.ConsentRevoked));
            }
        }
    });
}
