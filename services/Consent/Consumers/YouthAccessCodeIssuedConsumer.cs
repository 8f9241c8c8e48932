using ReferralNet.BuildingBlocks.Data;
using ReferralNet.BuildingBlocks.Messaging;
using ReferralNet.Contracts;

namespace ReferralNet.Consent.Consumers;

/// <summary>
/// Stores a new code's hash. A code works only while no newer one exists for the person, which the exchange checks
/// when the code is used: whatever order the events come in, and however many are consumed at once.
/// </summary>
public sealed class YouthAccessCodeIssuedConsumer(Database database, TimeProvider time) : IdempotentConsumer<YouthAccessCodeIssued>(database, time)
{
    protected override Task HandleAsync(YouthAccessCodeIssued issued, UnitOfWork work, CancellationToken ct) =>
        work.ExecuteAsync(
            """
            INSERT INTO access_codes (code_hash, person_id, issued_at, expires_at) VALUES (@CodeHash, @PersonId, @OccurredAt, @ExpiresAt)
            ON CONFLICT (code_hash) DO NOTHING
            """, issued, ct);
}
