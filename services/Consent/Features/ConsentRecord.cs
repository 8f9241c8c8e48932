using System.Text.Json;
using ReferralNet.BuildingBlocks.Auth;

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
    string ReceiptUrl)
{
    public const string Columns = """
        id AS ConsentId, person_id AS PersonId, grantor, method, purposes, categories, scope, agency_ids AS AgencyIds,
        valid_until AS ValidUntil, status, granted_at AS GrantedAt, revoked_at AS RevokedAt
        """;

    /// <summary>The young person themself, or agency staff recording on their behalf.</summary>
    public static bool MayBeManagedBy(Caller caller, Guid personId) =>
        caller.Role == Roles.Youth ? caller.PersonId == personId : caller.Role is Roles.Worker or Roles.Coordinator;

    public static string ReceiptUrlOf(Guid consentId) => $"/api/consent/consents/{consentId}/receipt";
}

public sealed record ConsentRecipients(string Scope, IReadOnlyList<Guid>? AgencyIds);

/// <summary>The stored row; lists are JSON.</summary>
public sealed class ConsentRow
{
    public Guid ConsentId { get; init; }
    public Guid PersonId { get; init; }
    public string Grantor { get; init; } = "";
    public string Method { get; init; } = "";
    public string Purposes { get; init; } = "[]";
    public string Categories { get; init; } = "[]";
    public string Scope { get; init; } = "";
    public string AgencyIds { get; init; } = "[]";
    public DateTimeOffset ValidUntil { get; init; }
    public string Status { get; init; } = "";
    public DateTimeOffset GrantedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public string RecordedBy { get; init; } = "";

    public ConsentRecord ToRecord() => new(
        ConsentId, PersonId, Grantor, Method,
        JsonSerializer.Deserialize<List<string>>(Purposes)!, JsonSerializer.Deserialize<List<string>>(Categories)!,
        new ConsentRecipients(Scope, Scope == "agencies" ? JsonSerializer.Deserialize<List<Guid>>(AgencyIds) : null),
        ValidUntil, Status, GrantedAt, RevokedAt, ConsentRecord.ReceiptUrlOf(ConsentId));
}
