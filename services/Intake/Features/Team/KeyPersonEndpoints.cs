namespace ReferralNet.Intake.Features.Team;

public sealed record NameKeyPersonRequest(Guid? AgencyId, string? DisplayName)
{
    public const int MaxNameLength = 100;

    public ValidationErrors Validate() => new ValidationErrors()
        .Check(AgencyId is not null, "agencyId", ErrorCodes.Required, "is required: the team member the key person works for")
        .Required(DisplayName, "displayName", MaxNameLength);
}

public sealed record KeyPersonChangeRequest(string? Note)
{
    public const int MaxNoteLength = 1000;

    public ValidationErrors Validate() => new ValidationErrors()
        .Check((Note?.Length ?? 0) <= MaxNoteLength, "note", ErrorCodes.TooLong, $"must be at most {MaxNoteLength} characters");
}

/// <summary>
/// The key person of the team (主担当者, API-v3 §1): the lead names a worker of a lead or member agency, having agreed
/// it with the young person; the young person may ask for another, which is the lead's <c>key-person-change</c> task
/// until it names one again. Whoever may not see the team gets 404; a member that is not the lead, 403.
/// </summary>
public static class KeyPersonEndpoints
{
    private const string Name = """
        UPDATE cases SET key_person_agency_id = @AgencyId, key_person_name = @DisplayName WHERE id = @CaseId;
        DELETE FROM key_person_change_requests WHERE case_id = @CaseId;
        """;

    private const string Ask = """
        INSERT INTO key_person_change_requests (case_id, requested_at, note) VALUES (@CaseId, @At, @Note)
        ON CONFLICT (case_id) DO UPDATE SET requested_at = EXCLUDED.requested_at, note = EXCLUDED.note
        """;

    private const string RecordOnTimeline = """
        INSERT INTO case_timeline (case_id, at, kind, agency_id, ref_id, detail) VALUES (@CaseId, @At, @Kind, @AgencyId, NULL, NULL)
        """;

    public static void MapKeyPerson(this IEndpointRouteBuilder app)
    {
        var keyPerson = app.MapGroup("/api/intake/cases/{caseId:guid}/key-person");
        keyPerson.MapPut("", NameAsync).RequirePersonAccess(Policies.Worker)
            .WithName("NameKeyPerson").WithSummary("The lead names the team's key person: a worker of a lead or member agency");
        keyPerson.MapPost("/change-request", AskAsync).RequirePersonAccess(Policies.Youth)
            .WithName("AskForAnotherKeyPerson").WithSummary("The young person asks for another key person: a task for the lead");
    }

    private static async Task<Results<Ok<KeyPerson>, ProblemHttpResult>> NameAsync(
        Guid caseId, NameKeyPersonRequest request, Caller caller, Database database, ConsentIndex participation, TimeProvider time, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        if (await CaseTeam.FindAsync(work, caseId, ct) is not { } found || !found.MaySeeTeam(caller, participation))
        {
            return Problems.NotFound("The case");
        }
        if (!caller.IsWorkerOf(found.LeadAgencyId ?? Guid.Empty))
        {
            return Problems.Forbidden("The lead agency names the key person, with the young person.");
        }
        var errors = request.Validate();
        errors.Check(request.AgencyId is not { } agency || participation.TakesPart(caseId, agency), "agencyId", ErrorCodes.NotAllowed, "is not a lead or member of the team");
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }
        var now = time.GetUtcNow();
        await work.ExecuteAsync(Name, new { CaseId = caseId, request.AgencyId, DisplayName = request.DisplayName!.Trim() }, ct);
        await work.ExecuteAsync(RecordOnTimeline, new { CaseId = caseId, At = now, Kind = TimelineKinds.KeyPersonNamed, request.AgencyId }, ct);
        // The support service learns whose agency reviews the plan; the worker's name stays here.
        work.Publish(new KeyPersonNamed(caseId, request.AgencyId!.Value, now));
        await work.CommitAsync(ct);
        return TypedResults.Ok(new KeyPerson(request.AgencyId!.Value, request.DisplayName.Trim()));
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> AskAsync(
        Guid caseId, KeyPersonChangeRequest request, Caller caller, Database database, ConsentIndex participation, TimeProvider time, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        if (await CaseTeam.FindAsync(work, caseId, ct) is not { } found || !found.MaySeeTeam(caller, participation))
        {
            return Problems.NotFound("The case");
        }
        if (caller.IsLimitedYouth)
        {
            return Caller.Limited();
        }
        if (request.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var now = time.GetUtcNow();
        await work.ExecuteAsync(Ask, new { CaseId = caseId, At = now, Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim() }, ct);
        await work.ExecuteAsync(RecordOnTimeline, new { CaseId = caseId, At = now, Kind = TimelineKinds.KeyPersonChangeRequested, AgencyId = (Guid?)null }, ct);
        await work.CommitAsync(ct);
        return TypedResults.Accepted((string?)null);
    }
}
