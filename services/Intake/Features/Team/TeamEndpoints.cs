using ReferralNet.Intake.Features.SharedCase;

namespace ReferralNet.Intake.Features.Team;

public sealed record AdmissionAnswer(Guid AgencyId, string? Standing, string Status);

/// <summary>A young person's case: its team, and who of it is to contact them by when (<see cref="CaseDeadlines"/>).</summary>
public sealed record MyCase(Guid CaseId, string Reference, string Status, TeamView Team, IReadOnlyList<ContactDue> ContactsDue);

/// <summary>
/// The young person's team (API-v3 §1): read by its members and by the young person; the lead or the young person
/// admits or declines an agency that waits; the young person removes any agency but the lead, whose standing then ends
/// everywhere at once. An agency outside the case — pending ones included — gets 404 for all of it.
/// </summary>
public static class TeamEndpoints
{
    private const string CasesOfPerson = $"""
        SELECT id FROM cases WHERE person_id = @PersonId AND merged_into IS NULL AND status <> '{CaseStatuses.Closed}' ORDER BY opened_at
        """;

    public static void MapTeam(this IEndpointRouteBuilder app)
    {
        var team = app.MapGroup("/api/intake/cases/{caseId:guid}/team");
        team.MapGet("", GetAsync).RequirePersonAccess(Policies.TeamParty)
            .WithName("GetTeam").WithSummary("The team around the young person: the agencies of the case and their standing");
        team.MapPost("/{agencyId:guid}/admit", AdmitAsync).RequirePersonAccess(Policies.TeamParty)
            .WithName("AdmitTeamMember").WithSummary("Admits an agency that asked to join the case (the lead or the young person)");
        team.MapPost("/{agencyId:guid}/decline", DeclineAsync).RequirePersonAccess(Policies.TeamParty)
            .WithName("DeclineTeamMember").WithSummary("Declines an agency that asked to join the case (the lead or the young person)");
        team.MapDelete("/{agencyId:guid}", RemoveAsync).RequirePersonAccess(Policies.Youth)
            .WithName("RemoveTeamMember").WithSummary("The young person removes an agency from their team");
        app.MapGet("/api/intake/me/cases", MineAsync).RequireAuthorization(Policies.Youth)
            .WithName("ListMyCases").WithSummary("The signed-in young person's cases and the agencies in each");
    }

    private static async Task<Results<Ok<TeamView>, ProblemHttpResult>> GetAsync(
        Guid caseId, Caller caller, Database database, ConsentIndex participation, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        if (await CaseTeam.FindAsync(work, caseId, ct) is not { } found || !found.MaySeeTeam(caller, participation))
        {
            return Problems.NotFound("The case");
        }
        return TypedResults.Ok(await CaseTeam.ReadAsync(work, caseId, ct));
    }

    private static Task<Results<Ok<AdmissionAnswer>, ProblemHttpResult>> AdmitAsync(
        Guid caseId, Guid agencyId, Caller caller, Database database, ConsentIndex participation, TimeProvider time, CancellationToken ct) =>
        DecideAsync(caseId, agencyId, caller, database, participation, ct, async (work, now) =>
            await PendingReferrals.AdmitAsync(work, participation, caseId, agencyId, now, ct)
                ? new AdmissionAnswer(agencyId, Standings.Member, ReferralStatuses.Submitted)
                : null, time);

    private static Task<Results<Ok<AdmissionAnswer>, ProblemHttpResult>> DeclineAsync(
        Guid caseId, Guid agencyId, Caller caller, Database database, ConsentIndex participation, TimeProvider time, CancellationToken ct) =>
        DecideAsync(caseId, agencyId, caller, database, participation, ct, async (work, now) =>
            await PendingReferrals.DeclineAsync(work, caseId, agencyId, now, ct)
                ? new AdmissionAnswer(agencyId, Standing: null, ReferralStatuses.NotAdmitted)
                : null, time);

    /// <summary>
    /// 404 for whoever may not see the case; 403 for a member that is not the lead (it sees the request, the lead
    /// decides); 404 when the agency does not wait.
    /// </summary>
    private static async Task<Results<Ok<AdmissionAnswer>, ProblemHttpResult>> DecideAsync(
        Guid caseId, Guid agencyId, Caller caller, Database database, ConsentIndex participation, CancellationToken ct,
        Func<UnitOfWork, DateTimeOffset, Task<AdmissionAnswer?>> decide, TimeProvider time)
    {
        await using var work = await database.BeginAsync(ct);
        if (await CaseTeam.FindAsync(work, caseId, ct) is not { } found || !found.MaySeeTeam(caller, participation))
        {
            return Problems.NotFound("The case");
        }
        if (!found.MayAdmit(caller))
        {
            return caller.IsLimitedYouth ? Caller.Limited() : Problems.Forbidden("The lead agency or the young person decides who joins the team.");
        }
        if (await decide(work, time.GetUtcNow()) is not { } answer)
        {
            return Problems.NotFound("A request to join");
        }
        await work.CommitAsync(ct);
        return TypedResults.Ok(answer);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        Guid caseId, Guid agencyId, Caller caller, Database database, ConsentIndex participation, TimeProvider time, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        if (await CaseTeam.FindAsync(work, caseId, ct) is not { } found || !caller.IsYouth(found.PersonId))
        {
            return Problems.NotFound("The case");
        }
        if (caller.IsLimitedYouth)
        {
            return Caller.Limited();
        }
        if (found.LeadAgencyId == agencyId)
        {
            return Problems.Conflict("The lead agency stays accountable for the case; ask for another lead instead.");
        }
        if (!participation.TakesPart(caseId, agencyId))
        {
            return Problems.NotFound("The agency in this team");
        }
        await CaseTeam.EndAsync(work, participation, found, agencyId, TeamRemovalReasons.RemovedByYoungPerson, time.GetUtcNow(), ct);
        await work.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>The young person's open cases with their teams: what their page shows, the requests to join among them.</summary>
    private static async Task<Ok<Page<MyCase>>> MineAsync(Caller caller, Database database, IOptions<IntakeOptions> options, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        var mine = new List<MyCase>();
        foreach (var caseId in await work.QueryAsync<Guid>(CasesOfPerson, new { caller.PersonId }, ct))
        {
            var found = (await CaseTeam.FindAsync(work, caseId, ct))!;
            var team = await CaseTeam.ReadAsync(work, caseId, ct);
            var contacts = await CaseDeadlines.ContactsDueAsync(work, caseId, options.Value.DeskContactWithin, ct);
            mine.Add(new MyCase(caseId, team.CaseReference, found.Status, team, contacts));
        }
        return TypedResults.Ok(new Page<MyCase>(mine, NextCursor: null));
    }
}
