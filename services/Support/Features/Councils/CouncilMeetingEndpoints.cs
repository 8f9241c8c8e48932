namespace ReferralNet.Support.Features.Councils;

/// <summary>An action a support meeting agreed: kept in its minutes (a council's members need not be on the person's team).</summary>
[StoredAsJson]
public sealed record CouncilAction(Guid AgencyId, string What, DateOnly Due);

public sealed record CouncilMinutes(IReadOnlyList<string> Decisions, IReadOnlyList<CouncilAction> Actions);

/// <summary>A support meeting as its reader may see it: <see cref="Minutes"/> only ever for the agencies that attended.</summary>
public sealed record CouncilMeetingView(
    Guid MeetingId, Guid CouncilId, string Council, [property: CodeList(typeof(LegalBases))] string LegalBasis, DateTimeOffset At,
    IReadOnlyList<Guid> Attendees, Guid? CaseId, string? Reference, CouncilMinutes? Minutes);

public sealed record CouncilMeetingList(IReadOnlyList<CouncilMeetingView> Items);

public sealed record CouncilMeetingConvened(Guid MeetingId);

/// <summary>
/// A council's support meetings (支援会議, API-v3 §5): convened by a coordinator about a person — a case, or a reference
/// for someone not yet in ReferralNet — with member agencies attending. Only those attendees read and write its
/// minutes; the convening coordinator sees when, which council and who attended, never the minutes; anyone else 404.
/// A meeting opens nothing of the case's consent-gated data (consent still decides that), and each read of minutes
/// about a case is in the young person's access log. Records go <c>Support:CouncilRecordsFor</c> after the meeting.
/// </summary>
public static class CouncilMeetingEndpoints
{
    public const int MaxListed = 200;

    private const string Columns = """
        m.id AS MeetingId, m.council_id AS CouncilId, c.name AS Council, c.legal_basis AS LegalBasis, m.at, m.attendees,
        m.case_id AS CaseId, m.reference, m.convened_by AS ConvenedBy, m.decisions, m.actions
        """;

    private const string Insert = """
        INSERT INTO council_meetings (id, council_id, at, attendees, case_id, reference, convened_by, created_at)
        VALUES (@Id, @CouncilId, @At, @Attendees, @CaseId, @Reference, @UserId, @Now)
        """;

    private const string ReadOne = $"""
        SELECT {Columns} FROM council_meetings m JOIN councils c ON c.id = m.council_id
        WHERE m.id = @MeetingId AND m.council_id = @CouncilId
        """;

    private const string ConvenedBy = $"""
        SELECT {Columns} FROM council_meetings m JOIN councils c ON c.id = m.council_id
        WHERE m.council_id = @CouncilId AND m.convened_by = @UserId ORDER BY m.at DESC LIMIT @MaxListed
        """;

    private const string Attended = $"""
        SELECT {Columns} FROM council_meetings m JOIN councils c ON c.id = m.council_id
        WHERE @AgencyId = ANY(m.attendees) ORDER BY m.at DESC LIMIT @MaxListed
        """;

    private const string WriteMinutes = """
        UPDATE council_meetings SET decisions = @Decisions, actions = @Actions, minutes_at = @Now WHERE id = @MeetingId
        """;

    private const string LinkCase = "UPDATE council_meetings SET case_id = @CaseId WHERE id = @MeetingId";

    public static void MapCouncilMeetings(this IEndpointRouteBuilder app)
    {
        var meetings = app.MapGroup("/api/support/councils/{councilId:guid}/meetings");
        meetings.MapPost("", ConveneAsync).RequireAuthorization(Policies.Coordinator)
            .WithName("ConveneSupportMeeting").WithSummary("A coordinator convenes a council's support meeting about a person");
        meetings.MapGet("", ConvenedAsync).RequireAuthorization(Policies.Coordinator)
            .WithName("ListConvenedSupportMeetings").WithSummary("The council's support meetings the caller convened: when and who, never minutes");
        meetings.MapGet("/{meetingId:guid}", ReadAsync).RequirePersonAccess(Policies.Staff)
            .WithName("ReadSupportMeeting").WithSummary("A support meeting: with its minutes for the agencies that attended");
        meetings.MapPut("/{meetingId:guid}/minutes", MinutesAsync).RequirePersonAccess(Policies.Worker)
            .WithName("RecordSupportMeetingMinutes").WithSummary("An agency that attended writes the support meeting's minutes");
        meetings.MapPut("/{meetingId:guid}/case", LinkCaseAsync).RequirePersonAccess(Policies.Worker)
            .WithName("LinkSupportMeetingToCase").WithSummary("An agency that attended names the case a meeting held by reference was about");
        app.MapGet("/api/support/council-meetings", AttendedAsync).RequirePersonAccess(Policies.Worker)
            .WithName("ListAttendedSupportMeetings").WithSummary("The support meetings the caller's agency attends, newest first");
    }

    private static async Task<Results<Created<CouncilMeetingConvened>, ProblemHttpResult>> ConveneAsync(
        Guid councilId, ConveneRequest request, Caller caller, HttpContext http, Database database, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await IdempotentCreation.RunAsync(http, caller.UserId, request, database, now, async Task<Creation<CouncilMeetingConvened>> (work) =>
        {
            if (await Council.FindAsync(work, councilId, ct) is not { } council)
            {
                return Problems.NotFound("The council");
            }
            var members = council.Members.Select(m => m.AgencyId).ToHashSet();
            if (request.Validate(now, members.Contains) is { IsValid: false } errors)
            {
                return errors.ToProblem();
            }
            if (request.CaseId is { } caseId && await SupportCase.FindAsync(work, caseId, ct) is null)
            {
                return new ValidationErrors().Add("caseId", ErrorCodes.UnknownValue, "is not a case of the network").ToProblem();
            }
            var id = Guid.CreateVersion7();
            await work.ExecuteAsync(Insert, new
            {
                Id = id, CouncilId = councilId, request.At, Attendees = request.Attendees!.ToArray(), request.CaseId,
                Reference = string.IsNullOrWhiteSpace(request.Reference) ? null : request.Reference.Trim(), caller.UserId, Now = now,
            }, ct);
            work.Publish(new SupportMeetingConvened(id, councilId, request.At!.Value, now));
            return new CouncilMeetingConvened(id);
        }, created => $"/api/support/councils/{councilId}/meetings/{created.MeetingId}", ct);
    }

    private static async Task<Ok<CouncilMeetingList>> ConvenedAsync(Guid councilId, Caller caller, Database database, CancellationToken ct) =>
        TypedResults.Ok(new CouncilMeetingList([.. (await database.QueryAsync<StoredMeeting>(ConvenedBy,
            new { CouncilId = councilId, caller.UserId, MaxListed }, ct)).Select(m => m.View(withMinutes: false))]));

    private static async Task<Ok<CouncilMeetingList>> AttendedAsync(Caller caller, Database database, CancellationToken ct) =>
        TypedResults.Ok(new CouncilMeetingList([.. (await database.QueryAsync<StoredMeeting>(Attended,
            new { caller.AgencyId, MaxListed }, ct)).Select(m => m.View(withMinutes: false))]));

    private static async Task<Results<Ok<CouncilMeetingView>, ProblemHttpResult>> ReadAsync(
        Guid councilId, Guid meetingId, Caller caller, Database database, TimeProvider time, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        var meeting = await work.QuerySingleOrDefaultAsync<StoredMeeting>(ReadOne, new { CouncilId = councilId, MeetingId = meetingId }, ct);
        CouncilMeetingView? view = null;
        if (meeting is not null && meeting.AttendedBy(caller))
        {
            await RecordReadAsync(work, meeting, caller, time.GetUtcNow(), ct);
            view = meeting.View(withMinutes: true);
        }
        else if (meeting is not null && caller.Role == Roles.Coordinator && meeting.ConvenedBy == caller.UserId)
        {
            view = meeting.View(withMinutes: false);
        }
        await work.CommitAsync(ct);
        return view is null ? Problems.NotFound("The support meeting") : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<CouncilMeetingView>, ProblemHttpResult>> MinutesAsync(
        Guid councilId, Guid meetingId, CouncilMinutesRequest request, Caller caller, Database database, IOptions<SupportOptions> options,
        TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await ChangeAsync(database, councilId, meetingId, caller, now, async (work, meeting) =>
        {
            if (request.Validate(options.Value.Today(now), meeting.Attendees.Contains) is { IsValid: false } errors)
            {
                return errors.ToProblem();
            }
            await work.ExecuteAsync(WriteMinutes, new
            {
                MeetingId = meetingId, Decisions = (request.Decisions ?? []).Select(d => d.Trim()).ToArray(), Now = now,
                Actions = (IReadOnlyList<CouncilAction>)[.. (request.Actions ?? []).Select(a => new CouncilAction(a.AgencyId!.Value, a.What!.Trim(), a.Due!.Value))],
            }, ct);
            return null;
        }, ct);
    }

    private static async Task<Results<Ok<CouncilMeetingView>, ProblemHttpResult>> LinkCaseAsync(
        Guid councilId, Guid meetingId, LinkCaseRequest request, Caller caller, Database database, TimeProvider time, CancellationToken ct) =>
        await ChangeAsync(database, councilId, meetingId, caller, time.GetUtcNow(), async (work, _) =>
        {
            if (request.Validate() is { IsValid: false } errors)
            {
                return errors.ToProblem();
            }
            if (await SupportCase.FindAsync(work, request.CaseId!.Value, ct) is null)
            {
                return new ValidationErrors().Add("caseId", ErrorCodes.UnknownValue, "is not a case of the network").ToProblem();
            }
            await work.ExecuteAsync(LinkCase, new { MeetingId = meetingId, request.CaseId }, ct);
            return null;
        }, ct);

    /// <summary>A change by an agency that attended (anyone else: 404), then the meeting as it now stands, its read logged.</summary>
    private static async Task<Results<Ok<CouncilMeetingView>, ProblemHttpResult>> ChangeAsync(
        Database database, Guid councilId, Guid meetingId, Caller caller, DateTimeOffset now,
        Func<UnitOfWork, StoredMeeting, Task<ProblemHttpResult?>> change, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        var ids = new { CouncilId = councilId, MeetingId = meetingId };
        if (await work.QuerySingleOrDefaultAsync<StoredMeeting>(ReadOne + " FOR UPDATE OF m", ids, ct) is not { } meeting || !meeting.AttendedBy(caller))
        {
            return Problems.NotFound("The support meeting");
        }
        if (await change(work, meeting) is { } problem)
        {
            return problem;
        }
        var changed = (await work.QuerySingleAsync<StoredMeeting>(ReadOne, ids, ct))!;
        await RecordReadAsync(work, changed, caller, now, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(changed.View(withMinutes: true));
    }

    /// <summary>Minutes about a case are read under the council's statute: the young person's access log says so.</summary>
    private static async Task RecordReadAsync(UnitOfWork work, StoredMeeting meeting, Caller caller, DateTimeOffset now, CancellationToken ct)
    {
        if (meeting.CaseId is { } caseId && meeting.Decisions is not null && await SupportCase.FindAsync(work, caseId, ct) is { } found)
        {
            work.Publish(new CaseDataAccessed(found.PersonId, caseId, caller.AgencyId!.Value, caller.UserId, CouncilRecords.Minutes,
                CouncilRecords.Purpose, AccessDecisions.Permit, now));
        }
    }

    private sealed class StoredMeeting
    {
        public Guid MeetingId { get; init; }
        public Guid CouncilId { get; init; }
        public string Council { get; init; } = "";
        public string LegalBasis { get; init; } = "";
        public DateTimeOffset At { get; init; }
        public Guid[] Attendees { get; init; } = [];
        public Guid? CaseId { get; init; }
        public string? Reference { get; init; }
        public string ConvenedBy { get; init; } = "";
        public string[]? Decisions { get; init; }
        public IReadOnlyList<CouncilAction>? Actions { get; init; }

        public bool AttendedBy(Caller caller) => caller.Role == Roles.Worker && caller.AgencyId is { } agency && Attendees.Contains(agency);

        public CouncilMeetingView View(bool withMinutes) => new(MeetingId, CouncilId, Council, LegalBasis, At, Attendees, CaseId, Reference,
            withMinutes && Decisions is not null ? new CouncilMinutes(Decisions, Actions ?? []) : null);
    }
}
