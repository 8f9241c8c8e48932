namespace ReferralNet.Consent.Features.RevokeConsent;

/// <summary>
/// The young person (or a worker of an agency in their case, recording their request) revokes a consent; every service
/// stops permitting.
/// </summary>
public static class RevokeConsentEndpoint
{
    private const string Find = $"SELECT {ConsentRecord.Columns} FROM consents WHERE id = @Id";

    public static void MapRevokeConsent(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/consent/consents/{id:guid}/revoke", Handle).RequirePersonAccess(Policies.ConsentParty)
            .WithName("RevokeConsent").WithSummary("Revokes a consent; every service stops showing what it covered");

    private static async Task<Results<Ok<ConsentRecord>, ProblemHttpResult>> Handle(
        Guid id, Caller caller, Database database, ConsentAuthority authority, TimeProvider time, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        var row = await work.QuerySingleOrDefaultAsync<ConsentRow>(Find, new { Id = id }, ct);
        if (row is null || !await authority.MayManageAsync(work, caller, row.PersonId, ct))
        {
            return Problems.NotFound("The consent");
        }
        if (row.Status != ConsentStatuses.Active)
        {
            return Problems.Conflict($"The consent is already {row.Status}.");
        }
        var now = time.GetUtcNow();
        var revoked = await work.ExecuteAsync(
            $"UPDATE consents SET status = '{ConsentStatuses.Revoked}', revoked_at = @Now WHERE id = @Id AND status = '{ConsentStatuses.Active}'", new { Id = id, Now = now }, ct);
        if (revoked == 0)
        {
            return Problems.Conflict("The consent changed meanwhile; read it again.");
        }
        work.Publish(new ConsentRevoked(id, row.PersonId, now));
        await work.CommitAsync(ct);
        return TypedResults.Ok(row.ToRecord() with { Status = ConsentStatuses.Revoked, RevokedAt = now });
    }
}
