using ReferralNet.Handoff.Features;

namespace ReferralNet.Handoff.Consumers;

/// <summary>
/// After a revocation, open offers to agencies that no consent covers any more are withdrawn (the sender stays lead,
/// so the case is not dropped). The revocation is written to this service's projection here as well — the write is
/// idempotent — so the decision never depends on which of the two consumers saw the event first.
/// </summary>
public sealed class ConsentRevokedConsumer(Database database, ConsentIndex consents, TimeProvider time)
    : IdempotentConsumer<ConsentRevoked>(database, time)
{
    public const string Purpose = ConsentPurposes.Coordination;

    protected override async Task HandleAsync(ConsentRevoked revoked, UnitOfWork work, CancellationToken ct)
    {
        var now = Time.GetUtcNow();
        await ConsentProjection.EndAsync(work, revoked.ConsentId, revoked.PersonId, ConsentStatuses.Revoked, revoked.OccurredAt, now, ct);
        consents.Apply(await ConsentProjection.ReadAsync(work, revoked.ConsentId, ct));

        var open = await work.QueryAsync<HandoffRecord>(
            $"""
            SELECT {HandoffRecord.Columns} FROM handoffs
            WHERE status = '{HandoffStatuses.Offered}' AND case_id IN (SELECT case_id FROM case_persons WHERE person_id = @PersonId)
            """, revoked, ct);
        foreach (var offer in open.Where(o => !consents.CouldReceive(revoked.PersonId, o.ToAgencyId, Purpose)))
        {
            var withdrawn = await work.ExecuteAsync(
                $"UPDATE handoffs SET status = '{HandoffStatuses.Withdrawn}', closed_at = @Now, updated_at = @Now WHERE id = @HandoffId AND status = '{HandoffStatuses.Offered}'",
                new { offer.HandoffId, Now = now }, ct);
            if (withdrawn == 1)
            {
                work.Publish(new HandoffWithdrawn(offer.HandoffId, offer.CaseId, offer.FromAgencyId, offer.ToAgencyId, now));
            }
        }
    }
}
