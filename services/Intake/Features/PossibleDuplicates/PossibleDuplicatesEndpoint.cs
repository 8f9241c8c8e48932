namespace ReferralNet.Intake.Features.PossibleDuplicates;

/// <summary>Another live case that may be the same young person, and why; no personal data of either record.</summary>
public sealed record PossibleDuplicate(Guid CaseId, string Status, IReadOnlyList<string> Reasons);

public sealed record PossibleDuplicatesResponse(Guid CaseId, IReadOnlyList<PossibleDuplicate> Items);

/// <summary>A worker of an agency taking part in the case reviews the near matches; merging is their decision.</summary>
public static class PossibleDuplicatesEndpoint
{
    public static void MapPossibleDuplicates(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/intake/cases/{caseId:guid}/possible-duplicates", Handle).RequirePersonAccess(Policies.Worker);

    private static async Task<Results<Ok<PossibleDuplicatesResponse>, ProblemHttpResult>> Handle(
        Guid caseId, Caller caller, Database database, ConsentIndex participation, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        var (self, bornSameDay) = await PersonRecord.ReadAsync(work, caseId, ct);
        await work.CommitAsync(ct);
        if (self is null || !participation.TakesPart(caseId, caller.AgencyId ?? Guid.Empty))
        {
            return Problems.NotFound("The case");
        }
        var items = bornSameDay
            .Select(other => new PossibleDuplicate(other.CaseId, other.Status, NearMatch.Between(self, other)))
            .Where(d => d.Reasons.Count > 0)
            .ToList();
        return TypedResults.Ok(new PossibleDuplicatesResponse(caseId, items));
    }
}
