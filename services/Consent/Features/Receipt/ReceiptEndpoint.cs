using System.Text;

namespace ReferralNet.Consent.Features.Receipt;

public sealed record ReceiptController(string Name, string Jurisdiction);

public sealed record ReceiptPurpose(string Purpose, string Description, IReadOnlyList<string> Categories);

/// <summary>
/// A consent receipt in the spirit of the Kantara Consent Receipt and ISO/IEC 27560: who consented (the person's id,
/// never a name), to whom, what, why, how it was given, until when, its status, and how to revoke it; plus the same
/// in plain words for the young person.
/// </summary>
public sealed record ConsentReceipt(
    string Version,
    Guid ReceiptId,
    Guid ConsentId,
    ReceiptController Controller,
    Guid Subject,
    DateTimeOffset GrantedAt,
    string Grantor,
    string Method,
    RecordedBy? RecordedBy,
    IReadOnlyList<ReceiptPurpose> Purposes,
    IReadOnlyList<string> Categories,
    bool SensitiveCategories,
    ConsentRecipients Recipients,
    DateTimeOffset ValidUntil,
    string Status,
    DateTimeOffset? EndedAt,
    string HowToRevoke,
    string HumanReadable);

public static class ReceiptEndpoint
{
    private static readonly Dictionary<string, string> PurposeWords = new()
    {
        [ConsentPurposes.Coordination] = "agencies working with you coordinate your support, so you tell your story once",
        [ConsentPurposes.ServiceDelivery] = "an agency provides you a service it offers",
        [ConsentPurposes.Statistics] = "counting how referrals flow, never showing you as a person",
    };

    public static void MapReceipt(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/consent/consents/{id:guid}/receipt", Handle).RequirePersonAccess(Policies.ConsentReader)
            .WithName("GetConsentReceipt").WithSummary("The receipt of one consent: what is shared, with whom, until when");

    /// <summary>
    /// Readable by the young person, by workers of agencies in their case and by auditors (both logged), as long as the
    /// consent exists — revoked or not.
    /// </summary>
    private static async Task<Results<Ok<ConsentReceipt>, ProblemHttpResult>> Handle(
        Guid id, Caller caller, Database database, ConsentAuthority authority, IOptions<ConsentOptions> options, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        var row = await work.QuerySingleOrDefaultAsync<ConsentRow>($"SELECT {ConsentRecord.Columns} FROM consents WHERE id = @Id", new { Id = id }, ct);
        if (row is null || !await authority.MayReadAsync(work, caller, row.PersonId, ct))
        {
            return Problems.NotFound("The consent");
        }
        await authority.RecordReadAsync(work, caller, row.PersonId, ConsentRecords.Consents, ct);
        await work.CommitAsync(ct);
        var consent = row.ToRecord();
        var purposes = consent.Purposes.Select(p => new ReceiptPurpose(p, PurposeWords[p], consent.Categories)).ToList();
        var howToRevoke = $"Revoke at any time on your consent page, or ask any worker of an agency you know to record it " +
            $"(POST /api/consent/consents/{id}/revoke). Every agency stops seeing your data within a second.";
        return TypedResults.Ok(new ConsentReceipt(
            "KI-CR-v1.1.0", Guid.NewGuid(), id, new ReceiptController(options.Value.Controller, options.Value.Jurisdiction),
            consent.PersonId, consent.GrantedAt, consent.Grantor, consent.Method, consent.RecordedBy, purposes, consent.Categories,
            consent.Categories.Any(DataCategories.Sensitive.Contains), consent.Recipients, consent.ValidUntil, consent.Status, consent.RevokedAt,
            howToRevoke, Words(consent, purposes, howToRevoke)));
    }

    private static string Words(ConsentRecord consent, IReadOnlyList<ReceiptPurpose> purposes, string howToRevoke)
    {
        var to = consent.Recipients.Scope == ConsentScopes.Network
            ? "every agency that takes part in your case, now or later"
            : $"these agencies only: {string.Join(", ", consent.Recipients.AgencyIds ?? [])}";
        var text = new StringBuilder()
            .Append($"On {consent.GrantedAt:yyyy-MM-dd} you agreed ({consent.Method}, given by: {consent.Grantor}")
            .Append(consent.RecordedBy is { } by ? $", recorded by agency {by.AgencyId}) that " : ") that ")
            .Append($"{to} may see your {string.Join(", ", consent.Categories)}, so that ")
            .Append(string.Join("; and so that ", purposes.Select(p => p.Description)))
            .Append($". This lasts until {consent.ValidUntil:yyyy-MM-dd}. It is now {consent.Status}. ")
            .Append(howToRevoke);
        return text.ToString();
    }
}
