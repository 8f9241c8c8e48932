using ReferralNet.BuildingBlocks.Data;
using ReferralNet.BuildingBlocks.Messaging;
using ReferralNet.Contracts;

namespace ReferralNet.Consent.Consumers;

/// <summary>Stores a new code's hash; the person's older codes stop working (whatever order the events came in).</summary>
public sealed class YouthAccessCodeIssuedConsumer(Database database, TimeProvider time) : IdempotentConsumer<YouthAccessCodeIssued>(database, time)
{
    protected override async Task HandleAsync(YouthAccessCodeIssued issued, UnitOfWork work, CancellationToken ct)
    {
        // The new code ends the person's earlier ones; both statements in one round trip.
        await work.ExecuteAsync(
            """
            INSERT INTO access_codes (code_hash, person_id, issued_at, expires_at) VALUES (@CodeHash, @PersonId, @OccurredAt, @ExpiresAt)
            ON CONFLICT (code_hash) DO NOTHING;
            UPDATE access_codes SET ended_at = @Now
            WHERE person_id = @PersonId AND ended_at IS NULL
              AND issued_at < (SELECT MAX(issued_at) FROM access_codes WHERE person_id = @PersonId)
            """, new { issued.CodeHash, issued.PersonId, issued.OccurredAt, issued.ExpiresAt, Now = Time.GetUtcNow() }, ct);
    }
}
