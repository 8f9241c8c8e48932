
namespace ReferralNet.Consent.Features;

/// <summary>A consent as the young person and the agencies see it.</summary>
public sealed record ConsentRecord(
    Guid ConsentId,
    Guid PersonId,
    string Grantor,
    string Method,
    IReadOnlyList<string> Purposes,
    IReadOnlyList<string> Categories,
    ConsentRecipients Recipients,
    DateTimeOffset ValidUntil,
    string Status,
    DateTimeOffset GrantedAt,
    DateTimeOffset? RevokedAt,
    RecordedBy? RecordedBy,
    string ReceiptUrl)
{
    public const string Columns = """
        id AS ConsentId, person_id AS PersonId, grantor, method, purposes, categories, scope, agency_ids AS AgencyIds,
        valid_until AS ValidUntil, status, granted_at AS GrantedAt, revoked_at AS RevokedAt, recorded_by AS RecordedByUser,
        recorded_by_agency_id AS RecordedByAgencyId
        """;

    public static string ReceiptUrlOf(Guid consentId) => $"/api/consent/consents/{consentId}/receipt";
}

public sealed record ConsentRecipients([property: CodeList(typeof(ConsentScopes))] string Scope, IReadOnlyList<Guid>? AgencyIds);

/// <summary>The agency and user who recorded a consent on the young person's behalf; null when they gave it themself.</summary>
public sealed record RecordedBy(Guid AgencyId, string UserId);

/// <summary>The stored row; lists are JSON.</summary>
public sealed class ConsentRow
{
    public Guid ConsentId { get; init; }
    public Guid PersonId { get; init; }
    public string Grantor { get; init; } = "";
    public string Method { get; init; } = "";
    public IReadOnlyList<string> Purposes { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public string Scope { get; init; } = "";
    public IReadOnlyList<Guid> AgencyIds { get; init; } = [];
    public DateTimeOffset ValidUntil { get; init; }
    public string Status { get; init; } = "";
    public DateTimeOffset GrantedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public string RecordedByUser { get; init; } = "";
    public Guid? RecordedByAgencyId { get; init; }

    public ConsentRecord ToRecord() => new(
        ConsentId, PersonId, Grantor, Method,
        Purposes, Categories, new ConsentRecipients(Scope, Scope == ConsentScopes.Agencies ? AgencyIds : null),
        ValidUntil, Status, GrantedAt, RevokedAt,
        RecordedByAgencyId is { } agencyId ? new RecordedBy(agencyId, RecordedByUser) : null, ConsentRecord.ReceiptUrlOf(ConsentId));
}
