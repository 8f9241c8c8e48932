namespace ReferralNet.Consent.Features.Participants;

/// <summary>An agency that takes part in one of the person's open cases.</summary>
public sealed record Participant(Guid AgencyId);

public sealed record ParticipantsResponse(IReadOnlyList<Participant> Items);

/// <summary>
/// Who takes part in the young person's support: the agencies of their open cases, from the participation every
/// service keeps (ids only: the directory names them). For the young person themself, and auditors (logged). So a
/// young person sees who may see what they share with "every agency of my case".
/// </summary>
public static class ParticipantsEndpoint
{
    private const string OfPerson = """
        SELECT DISTINCT p.agency_id AS AgencyId
        FROM case_persons cp JOIN case_participation p ON p.case_id = cp.case_id
        WHERE cp.person_id = @PersonId AND cp.closed_at IS NULL AND p.ended_at IS NULL
        ORDER BY p.agency_id
        """;

    public static void MapParticipants(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/consent/persons/{personId:guid}/participants", Handle).RequirePersonAccess(Policies.AccessLogReader)
            .WithName("ListParticipants").WithSummary("The agencies taking part in the young person's case, with their standing");

    private static async Task<Results<Ok<ParticipantsResponse>, ProblemHttpResult>> Handle(
        Guid personId, Caller caller, Database database, ConsentAuthority authority, CancellationToken ct)
    {
        if (!caller.IsAuditor && !caller.IsYouth(personId))
        {
            return Problems.NotFound("The person");
        }
        await using var work = await database.BeginAsync(ct);
        var participants = await work.QueryAsync<Participant>(OfPerson, new { PersonId = personId }, ct);
        await authority.RecordReadAsync(work, caller, personId, ConsentRecords.Participants, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(new ParticipantsResponse([.. participants]));
    }
}
