namespace ReferralNet.Support.Features.Meetings;

public sealed record MeetingScheduled(Guid MeetingId);

/// <summary>
/// The team's meetings (API-v3 §5): a lead or member agency schedules one with attendees from the team; the agencies
/// that attend read it and write its minutes, each action a <c>meeting-action</c> task of its agency until that agency
/// says it is done. A handoff's joint first meeting is proposed by the sending agency and confirmed by the receiving
/// one; the young person may ask to move it, and the sender proposes another time. All of it is the case's notes:
/// shared by the young person's consent (<c>case-notes</c>), or not at all — before consent, a council's support
/// meeting is the place to talk about them.
/// </summary>
public static class MeetingEndpoints
{
    // A handoff has one joint first meeting: a second proposal inserts nothing.
    private const string Insert = """
        INSERT INTO meetings (id, case_id, kind, at, place, online_url, attendees, youth_invited, agenda, handoff_id, scheduled_by, created_at, status)
        VALUES (@Id, @CaseId, @Kind, @At, @Place, @OnlineUrl, @Attendees, @YouthInvited, @Agenda, @HandoffId, @AgencyId, @Now, @Status)
        ON CONFLICT (handoff_id) WHERE handoff_id IS NOT NULL DO NOTHING
        """;

    private const string Confirm = "UPDATE meetings SET status = @Confirmed WHERE id = @MeetingId";

    private const string Move = """
        UPDATE meetings SET at = @At, place = @Place, online_url = @OnlineUrl, status = @Status, move_requested_at = NULL, move_note = NULL
        WHERE id = @MeetingId
        """;

    private const string Lock = "SELECT id FROM meetings WHERE id = @MeetingId FOR UPDATE";

    private const string WriteDecisions = """
        UPDATE meetings SET decisions = @Decisions, minutes_by = @AgencyId, minutes_at = @Now WHERE id = @MeetingId
        """;

    private const string ActionsBefore = "SELECT id AS ActionId, agency_id AS AgencyId, what, done_at AS DoneAt FROM meeting_actions WHERE meeting_id = @MeetingId";

    private const string DeleteActions = "DELETE FROM meeting_actions WHERE meeting_id = @MeetingId";

    private const string InsertAction = """
        INSERT INTO meeting_actions (id, meeting_id, case_id, agency_id, what, due, done_at, position)
        VALUES (@Id, @MeetingId, @CaseId, @AgencyId, @What, @Due, @DoneAt, @Position)
        """;

    private const string MarkDone = """
        UPDATE meeting_actions SET done_at = @Now
        WHERE id = @ActionId AND meeting_id = @MeetingId AND agency_id = @AgencyId AND done_at IS NULL
        RETURNING due
        """;

    private const string ActionOf = "SELECT COUNT(*) FROM meeting_actions WHERE id = @ActionId AND meeting_id = @MeetingId AND agency_id = @AgencyId";

    public static void MapMeetings(this IEndpointRouteBuilder app)
    {
        var meetings = app.MapGroup("/api/support/cases/{caseId:guid}/meetings");
        meetings.MapPost("", ScheduleAsync).RequirePersonAccess(Policies.Worker)
            .WithName("ScheduleMeeting").WithSummary("A lead or member agency schedules a meeting of the team");
        meetings.MapGet("", ListAsync).RequirePersonAccess(Policies.Worker)
            .WithName("ListMeetings").WithSummary("The case's meetings the caller's agency attends, newest first");
        meetings.MapGet("/{meetingId:guid}", ReadAsync).RequirePersonAccess(Policies.Worker)
            .WithName("ReadMeeting").WithSummary("A meeting the caller's agency attends, with its minutes once written");
        meetings.MapPut("/{meetingId:guid}/minutes", RecordMinutesAsync).RequirePersonAccess(Policies.Worker)
            .WithName("RecordMeetingMinutes").WithSummary("An agency that attended writes the minutes: decisions, and actions that become tasks");
        meetings.MapPost("/{meetingId:guid}/actions/{actionId:guid}/done", DoneAsync).RequirePersonAccess(Policies.Worker)
            .WithName("MarkMeetingActionDone").WithSummary("The agency given an action says it is done");
        meetings.MapPost("/{meetingId:guid}/confirm", ConfirmAsync).RequirePersonAccess(Policies.Worker)
            .WithName("ConfirmJointFirstMeeting").WithSummary("The receiving agency confirms the time of a handoff's joint first meeting");
        meetings.MapPut("/{meetingId:guid}/time", MoveAsync).RequirePersonAccess(Policies.Worker)
            .WithName("MoveMeeting").WithSummary("Another time (and place) for a meeting: a joint first meeting's by its sender, then confirmed again");
    }

    private static async Task<Results<Created<MeetingScheduled>, ProblemHttpResult>> ScheduleAsync(
        Guid caseId, ScheduleMeetingRequest request, Caller caller, HttpContext http, Database database, ConsentIndex consents,
        TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await IdempotentCreation.RunAsync(http, caller.UserId, request, database, now, async Task<Creation<MeetingScheduled>> (work) =>
        {
            var access = await Meeting.AccessAsync(work, caseId, caller, consents, now, ct);
            if (access.Problem is { } problem)
            {
                return problem;
            }
            if (!access.Case!.IsOpen)
            {
                return Closed();
            }
            if (request.Validate(now, agency => consents.TakesPart(caseId, agency)) is { IsValid: false } errors)
            {
                return errors.ToProblem();
            }
            var attendees = request.Attendees ?? [];
            if (request.Kind == MeetingKinds.JointFirstMeeting)
            {
                if (await AcceptedHandoff.WaitingAsync(work, caseId, request.HandoffId!.Value, ct) is not { } handoff)
                {
                    return new ValidationErrors().Add("handoffId", ErrorCodes.UnknownValue, "is not a handoff of this case accepted and waiting for first contact").ToProblem();
                }
                if (caller.AgencyId != handoff.FromAgencyId)
                {
                    return Problems.Forbidden("The sending agency proposes the joint first meeting; the receiving agency confirms it.");
                }
                Guid[] both = [handoff.FromAgencyId, handoff.ToAgencyId];
                if (attendees.Count > 0 && !attendees.Order().SequenceEqual(both.Order()))
                {
                    return new ValidationErrors().Add("attendees", ErrorCodes.NotAllowed, "of a joint first meeting are the sending and the receiving agency").ToProblem();
                }
                attendees = both;
            }
            var id = Guid.CreateVersion7();
            var joint = request.Kind == MeetingKinds.JointFirstMeeting;
            var inserted = await work.ExecuteAsync(Insert, new
            {
                Id = id, CaseId = caseId, request.Kind, request.At, Place = Trimmed(request.Place), OnlineUrl = Trimmed(request.OnlineUrl),
                Attendees = attendees.ToArray(), YouthInvited = joint || (request.YouthInvited ?? false), Agenda = request.Agenda!.Trim(),
                request.HandoffId, caller.AgencyId, Now = now, Status = joint ? MeetingStatuses.Proposed : MeetingStatuses.Scheduled,
            }, ct);
            if (inserted == 0)
            {
                return Problems.Conflict("A joint first meeting is already proposed for this handoff: give it another time instead.");
            }
            return new MeetingScheduled(id);
        }, created => $"/api/support/cases/{caseId}/meetings/{created.MeetingId}", ct);
    }

    private static async Task<Results<Ok<Page<MeetingView>>, ProblemHttpResult>> ListAsync(
        Guid caseId, Guid? cursor, int? limit, Caller caller, Database database, ConsentIndex consents, TimeProvider time, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        var access = await Meeting.AccessAsync(work, caseId, caller, consents, time.GetUtcNow(), ct);
        Page<MeetingView>? views = null;
        if (access.Problem is null)
        {
            var page = await work.PageAsync<Meeting>(Meeting.ReadAttendedOfCase, new { CaseId = caseId, caller.AgencyId }, limit, cursor, m => m.MeetingId, ct);
            views = new Page<MeetingView>(await Meeting.ViewsAsync(work, page.Items, ct), page.NextCursor);
        }
        await work.CommitAsync(ct);
        return access.Problem is { } problem ? problem : TypedResults.Ok(views!);
    }

    private static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> ReadAsync(
        Guid caseId, Guid meetingId, Caller caller, Database database, ConsentIndex consents, TimeProvider time, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        var (meeting, problem) = await AttendedAsync(work, caseId, meetingId, caller, consents, time.GetUtcNow(), ct);
        var view = meeting is null ? null : (await Meeting.ViewsAsync(work, [meeting], ct))[0];
        await work.CommitAsync(ct);
        return problem ?? (Results<Ok<MeetingView>, ProblemHttpResult>)TypedResults.Ok(view!);
    }

    private static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> RecordMinutesAsync(
        Guid caseId, Guid meetingId, RecordMinutesRequest request, Caller caller, Database database, ConsentIndex consents,
        IOptions<SupportOptions> options, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var work = await database.BeginAsync(ct);
        var (meeting, problem) = await AttendedAsync(work, caseId, meetingId, caller, consents, now, ct, forUpdate: true);
        if (problem is not null)
        {
            await work.CommitAsync(ct); // the consent decision is recorded, as for any read
            return problem;
        }
        if (request.Validate(options.Value.Today(now), meeting!.Attended) is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        await work.ExecuteAsync(WriteDecisions, new
        {
            MeetingId = meetingId, Decisions = (request.Decisions ?? []).Select(d => d.Trim()).ToArray(), caller.AgencyId, Now = now,
        }, ct);
        if (meeting.Decisions is null)
        {
            work.Publish(new MeetingHeld(meetingId, caseId, meeting.Kind, meeting.At, now)); // its first minutes: it was held
        }
        // An action written again as it was keeps its id and whether it was done.
        var before = (await work.QueryAsync<KeptAction>(ActionsBefore, new { MeetingId = meetingId }, ct)).ToList();
        await work.ExecuteAsync(DeleteActions, new { MeetingId = meetingId }, ct);
        foreach (var (action, position) in (request.Actions ?? []).Select((a, i) => (a, i)))
        {
            var what = action.What!.Trim();
            var kept = before.FirstOrDefault(b => b.AgencyId == action.AgencyId && b.What == what);
            if (kept is not null)
            {
                before.Remove(kept);
            }
            await work.ExecuteAsync(InsertAction, new
            {
                Id = kept?.ActionId ?? Guid.CreateVersion7(), MeetingId = meetingId, CaseId = caseId, action.AgencyId, What = what,
                action.Due, kept?.DoneAt, Position = position,
            }, ct);
        }
        var view = await ReadBackAsync(work, caseId, meetingId, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> DoneAsync(
        Guid caseId, Guid meetingId, Guid actionId, Caller caller, Database database, ConsentIndex consents, IOptions<SupportOptions> options,
        TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var work = await database.BeginAsync(ct);
        var (_, problem) = await AttendedAsync(work, caseId, meetingId, caller, consents, now, ct, forUpdate: true);
        var ids = new { ActionId = actionId, MeetingId = meetingId, caller.AgencyId, Now = now };
        if (problem is null && await work.QuerySingleAsync<long>(ActionOf, ids, ct) == 0)
        {
            problem = Problems.NotFound("The action of your agency");
        }
        if (problem is not null)
        {
            await work.CommitAsync(ct);
            return problem;
        }
        if (await work.QuerySingleOrDefaultAsync<DateOnly?>(MarkDone, ids, ct) is { } due)
        {
            work.Publish(new MeetingActionDone(actionId, meetingId, caseId, caller.AgencyId!.Value, options.Value.Today(now) <= due, now));
        }
        var view = await ReadBackAsync(work, caseId, meetingId, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> ConfirmAsync(
        Guid caseId, Guid meetingId, Caller caller, Database database, ConsentIndex consents, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var work = await database.BeginAsync(ct);
        var (meeting, problem) = await AttendedAsync(work, caseId, meetingId, caller, consents, now, ct, forUpdate: true);
        var handoff = meeting is { IsJoint: true } ? await AcceptedHandoff.OfAsync(work, meeting.HandoffId!.Value, ct) : null;
        if (meeting is not null)
        {
            problem = meeting.IsJoint is false ? Problems.Conflict("Only a joint first meeting is confirmed: a case conference is scheduled as it is.")
                : caller.AgencyId != handoff?.ToAgencyId ? Problems.Forbidden("The receiving agency confirms the joint first meeting.")
                : meeting.Status == MeetingStatuses.MoveRequested
                    ? Problems.Conflict("The young person asked to move this meeting: the sending agency gives it another time first.")
                    : null;
        }
        if (problem is not null)
        {
            await work.CommitAsync(ct);
            return problem;
        }
        if (meeting!.Status != MeetingStatuses.Confirmed)
        {
            await work.ExecuteAsync(Confirm, new { MeetingId = meetingId, MeetingStatuses.Confirmed }, ct);
            work.Publish(new JointMeetingConfirmed(meetingId, handoff!.HandoffId, caseId, meeting.At, now));
        }
        var view = await ReadBackAsync(work, caseId, meetingId, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> MoveAsync(
        Guid caseId, Guid meetingId, MoveMeetingRequest request, Caller caller, Database database, ConsentIndex consents, TimeProvider time,
        CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var work = await database.BeginAsync(ct);
        var (meeting, problem) = await AttendedAsync(work, caseId, meetingId, caller, consents, now, ct, forUpdate: true);
        if (meeting is { IsJoint: true } && caller.AgencyId != meeting.ScheduledBy)
        {
            problem = Problems.Forbidden("The sending agency gives the joint first meeting another time; the receiving agency then confirms it.");
        }
        if (problem is not null)
        {
            await work.CommitAsync(ct);
            return problem;
        }
        var moved = meeting!;
        if (request.Validate(now, moved) is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        await work.ExecuteAsync(Move, new
        {
            MeetingId = meetingId, request.At, Place = Trimmed(request.Place) ?? moved.Place, OnlineUrl = Trimmed(request.OnlineUrl) ?? moved.OnlineUrl,
            Status = moved.IsJoint ? MeetingStatuses.Proposed : MeetingStatuses.Scheduled,
        }, ct);
        var view = await ReadBackAsync(work, caseId, meetingId, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(view);
    }

    /// <summary>
    /// The meeting, when the caller's agency may see the case's meetings (<see cref="Meeting.AccessAsync"/>) and attended
    /// this one (else 404, as for a meeting that does not exist); for a change, also an open case (409).
    /// </summary>
    private static async Task<(Meeting? Meeting, ProblemHttpResult? Problem)> AttendedAsync(
        UnitOfWork work, Guid caseId, Guid meetingId, Caller caller, ConsentIndex consents, DateTimeOffset now, CancellationToken ct,
        bool forUpdate = false)
    {
        var access = await Meeting.AccessAsync(work, caseId, caller, consents, now, ct);
        if (access.Problem is { } problem)
        {
            return (null, problem);
        }
        if (forUpdate)
        {
            await work.ExecuteAsync(Lock, new { MeetingId = meetingId }, ct);
        }
        if (await Meeting.FindAsync(work, caseId, meetingId, ct) is not { } meeting || !meeting.Attended(caller.AgencyId!.Value))
        {
            return (null, Problems.NotFound("The meeting"));
        }
        return forUpdate && !access.Case!.IsOpen ? (null, Closed()) : (meeting, null);
    }

    private static async Task<MeetingView> ReadBackAsync(UnitOfWork work, Guid caseId, Guid meetingId, CancellationToken ct) =>
        (await Meeting.ViewsAsync(work, [(await Meeting.FindAsync(work, caseId, meetingId, ct))!], ct))[0];

    private static ProblemHttpResult Closed() =>
        Problems.Conflict("The case is closed: its meetings are kept as they were. A follow-up that finds the young person needs help again opens it.");

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed class KeptAction
    {
        public Guid ActionId { get; init; }
        public Guid AgencyId { get; init; }
        public string What { get; init; } = "";
        public DateTimeOffset? DoneAt { get; init; }
    }
}
