using MassTransit;
using ReferralNet.Consent.Features;

namespace ReferralNet.Consent.Consumers;

/// <summary>
/// Stores a new code's hash, and tells the young person which agency issued it (their access log). A code works only
/// while no newer one exists for the person, which the exchange checks when the code is used: whatever order the events
/// come in, and however many are consumed at once.
/// </summary>
public sealed class AccessCodeRecorder(Database database) : IInboxConsumer, IConsumer<YouthAccessCodeIssued>
{
    public static string Inbox => "youth-access-code-issued";

    private const string StoreCode = """
        INSERT INTO access_codes (code_hash, person_id, issued_at, expires_at, issued_by_agency_id)
        VALUES (@CodeHash, @PersonId, @OccurredAt, @ExpiresAt, @IssuedByAgencyId)
        ON CONFLICT (code_hash) DO NOTHING
        """;

    public Task Consume(ConsumeContext<YouthAccessCodeIssued> context) => database.ConsumeOnceAsync(context, Inbox, async (work, ct) =>
    {
        var issued = context.Message;
        await work.ExecuteAsync(StoreCode, issued, ct);
        await PersonAccessLog.RecordAsync(work, new PersonAccessLog.Entry(
            issued.PersonId, AccessLogKinds.CodeIssued, issued.IssuedByAgencyId, issued.IssuedBy, Roles.Worker, ConsentRecords.AccessCode,
            ConsentPurposes.Coordination, AccessDecisions.Permit, issued.OccurredAt), ct);
    });
}
