using MassTransit;
using ReferralNet.Intake.Features.SharedCase;
using ReferralNet.Intake.Features.Team;

namespace ReferralNet.Intake.Consumers;

/// <summary>
/// Writes the network's events about a case into its timeline, once per message, and applies the two that change the
/// case: a grant of consent opens the person's cases that waited for it, and a first contact (HandoffConnected) makes
/// the receiver the lead agency — announced as CaseLeadChanged — and counts as contact, waking a dormant case; and a
/// follow-up that found the young person needs help again reopens the closed case (CaseReopened). Handoffs' waits
/// (an answer, first contact) are kept with their due as <see cref="CaseDeadlines"/>.
/// </summary>
public sealed class CaseTimelineRecorder(Database database, ConsentIndex participation) : IInboxConsumer,
    IConsumer<ConsentGranted>, IConsumer<ConsentRevoked>, IConsumer<ConsentExpired>,
    IConsumer<HandoffOffered>, IConsumer<HandoffAccepted>, IConsumer<HandoffDeclined>, IConsumer<HandoffExpired>,
    IConsumer<HandoffWithdrawn>, IConsumer<HandoffConnected>, IConsumer<HandoffCompleted>, IConsumer<CaseEscalated>,
    IConsumer<EscalationAssigned>, IConsumer<FollowUpRecorded>, IConsumer<PlanReviewScheduled>
{
    public static string Inbox => "case-timeline";

    // Entries go to the cases that exist here; an event about an unknown case records nothing rather than failing.
    private const string RecordOnCase = """
        INSERT INTO case_timeline (case_id, at, kind, agency_id, ref_id, detail)
        SELECT id, @At, @Kind, @AgencyId, @RefId, @Detail FROM cases WHERE id = @CaseId
        """;

    private const string RecordOnPersonsCases = """
        INSERT INTO case_timeline (case_id, at, kind, agency_id, ref_id, detail)
        SELECT id, @At, @Kind, NULL, @RefId, @Detail FROM cases WHERE person_id = @PersonId
        """;

    private const string OpenAwaitingCases = $"""
        WITH opened AS (
            UPDATE cases SET status = '{CaseStatuses.Open}', updated_at = @At
            WHERE person_id = @PersonId AND status = '{CaseStatuses.AwaitingConsent}'
            RETURNING id)
        INSERT INTO case_timeline (case_id, at, kind, agency_id, ref_id, detail)
        SELECT id, @At, '{TimelineKinds.StatusChanged}', NULL, @RefId, '{CaseStatuses.Open}' FROM opened
        """;

    // The case that carries on (a merged case hands its lead to the case it was merged into). A later first contact
    // wins over an earlier one that arrives late.
    private const string ChangeLead = $"""
        UPDATE cases SET
            lead_agency_id = @AgencyId, lead_since = @At, updated_at = @At,
            last_contact_at = CASE WHEN last_contact_at < @At THEN @At ELSE last_contact_at END,
            status = CASE WHEN status = '{CaseStatuses.Dormant}' THEN '{CaseStatuses.Open}' ELSE status END
        WHERE id = (SELECT COALESCE(merged_into, id) FROM cases WHERE id = @CaseId)
          AND (lead_since IS NULL OR lead_since <= @At) AND lead_agency_id <> @AgencyId
        RETURNING id
        """;

    public Task Consume(ConsumeContext<ConsentGranted> context)
    {
        var granted = context.Message;
        var entry = new { At = granted.OccurredAt, Kind = TimelineKinds.ConsentGranted, RefId = granted.ConsentId, Detail = granted.Scope, granted.PersonId };
        return OnceAsync(context, (work, ct) => work.ExecuteAsync($"{RecordOnPersonsCases};\n{OpenAwaitingCases}", entry, ct));
    }

    public Task Consume(ConsumeContext<ConsentRevoked> context) =>
        PersonEntryAsync(context, TimelineKinds.ConsentRevoked, context.Message.ConsentId, context.Message.PersonId, context.Message.OccurredAt);

    public Task Consume(ConsumeContext<ConsentExpired> context) =>
        PersonEntryAsync(context, TimelineKinds.ConsentExpired, context.Message.ConsentId, context.Message.PersonId, context.Message.OccurredAt);

    public Task Consume(ConsumeContext<HandoffOffered> context)
    {
        var offered = context.Message;
        return CaseEntryAsync(context, Entry(offered.CaseId, offered.OccurredAt, TimelineKinds.HandoffOffered, offered.FromAgencyId,
            offered.HandoffId, $"pass-{offered.PassNumber}"),
            (work, ct) => CaseDeadlines.AwaitAsync(work, offered.CaseId, offered.HandoffId, TaskKinds.AnswerOffer, offered.ToAgencyId, offered.RespondBy,
                offered.OccurredAt, ct));
    }

    public Task Consume(ConsumeContext<HandoffAccepted> context)
    {
        var accepted = context.Message;
        return CaseEntryAsync(context, Entry(accepted.CaseId, accepted.OccurredAt, TimelineKinds.HandoffAccepted, accepted.ToAgencyId,
            accepted.HandoffId, null), async (work, ct) =>
            {
                await CaseDeadlines.SettleAsync(work, accepted.CaseId, accepted.HandoffId, [TaskKinds.AnswerOffer], ct);
                if (accepted.ContactBy is { } contactBy)
                {
                    await CaseDeadlines.AwaitAsync(work, accepted.CaseId, accepted.HandoffId, TaskKinds.MakeFirstContact, accepted.ToAgencyId, contactBy,
                        accepted.OccurredAt, ct);
                }
            });
    }

    public Task Consume(ConsumeContext<HandoffDeclined> context) =>
        HandoffEndedAsync(context, Entry(context.Message.CaseId, context.Message.OccurredAt, TimelineKinds.HandoffDeclined, context.Message.ToAgencyId,
            context.Message.HandoffId, context.Message.Reason));

    public Task Consume(ConsumeContext<HandoffExpired> context) =>
        HandoffEndedAsync(context, Entry(context.Message.CaseId, context.Message.OccurredAt, TimelineKinds.HandoffExpired, context.Message.ToAgencyId,
            context.Message.HandoffId, null));

    public Task Consume(ConsumeContext<HandoffWithdrawn> context) =>
        HandoffEndedAsync(context, Entry(context.Message.CaseId, context.Message.OccurredAt, TimelineKinds.HandoffWithdrawn, context.Message.FromAgencyId,
            context.Message.HandoffId, null));

    public Task Consume(ConsumeContext<HandoffCompleted> context) =>
        CaseEntryAsync(context, Entry(context.Message.CaseId, context.Message.OccurredAt, TimelineKinds.HandoffCompleted, context.Message.ToAgencyId,
            context.Message.HandoffId, context.Message.Outcome));

    public Task Consume(ConsumeContext<CaseEscalated> context) =>
        CaseEntryAsync(context, Entry(context.Message.CaseId, context.Message.OccurredAt, TimelineKinds.CaseEscalated, null, null,
            context.Message.Reason));

    // The person's open case, if the follow-up's case is not the only one: a follow-up joins it rather than opening a
    // second (one open case per person).
    private const string OpenCaseOfPerson = $"""
        SELECT id FROM cases
        WHERE person_id = (SELECT person_id FROM cases WHERE id = @CaseId) AND id <> @CaseId
          AND status <> '{CaseStatuses.Closed}' AND merged_into IS NULL
        ORDER BY opened_at DESC LIMIT 1
        """;

    private const string Reopen = $"""
        UPDATE cases SET status = '{CaseStatuses.Open}', updated_at = @At, last_contact_at = @At
        WHERE id = @CaseId AND status = '{CaseStatuses.Closed}' AND merged_into IS NULL
        RETURNING person_id AS PersonId, lead_agency_id AS LeadAgencyId
        """;

    /// <summary>
    /// A follow-up after closing is on the case's timeline; one that found the young person needs help again opens the
    /// case again with the same team, or — when the person has another open case — goes on that case's timeline.
    /// </summary>
    public Task Consume(ConsumeContext<FollowUpRecorded> context)
    {
        var followUp = context.Message;
        return OnceAsync(context, async (work, ct) =>
        {
            await work.ExecuteAsync(RecordOnCase, Entry(followUp.CaseId, followUp.OccurredAt, TimelineKinds.FollowUpRecorded, followUp.AgencyId,
                followUp.FollowUpId, followUp.Result), ct);
            if (followUp.Result != FollowUpResults.NeedsHelpAgain)
            {
                return;
            }
            if (await work.QuerySingleOrDefaultAsync<Guid?>(OpenCaseOfPerson, new { followUp.CaseId }, ct) is { } openCase)
            {
                await work.ExecuteAsync(RecordOnCase, Entry(openCase, followUp.OccurredAt, TimelineKinds.FollowUpRecorded, followUp.AgencyId,
                    followUp.FollowUpId, followUp.Result), ct);
                return;
            }
            if (await work.QuerySingleOrDefaultAsync<ReopenedCase>(Reopen, new { followUp.CaseId, At = followUp.OccurredAt }, ct) is { } reopened)
            {
                await work.ExecuteAsync(RecordOnCase, Entry(followUp.CaseId, followUp.OccurredAt, TimelineKinds.CaseReopened, followUp.AgencyId,
                    followUp.FollowUpId, null), ct);
                var announced = new CaseReopened(followUp.CaseId, reopened.PersonId, reopened.LeadAgencyId, followUp.OccurredAt);
                await ConsentProjection.ReopenAsync(work, participation, announced, followUp.OccurredAt, ct);
                work.Publish(announced);
            }
        });
    }

    private sealed record ReopenedCase(Guid PersonId, Guid? LeadAgencyId);

    public Task Consume(ConsumeContext<HandoffConnected> context)
    {
        var connected = context.Message;
        return OnceAsync(context, async (work, ct) =>
        {
            var kind = connected.MeetingId is null ? TimelineKinds.HandoffConnected : TimelineKinds.HandoffConnectedAtJointMeeting;
            await work.ExecuteAsync(RecordOnCase, Entry(connected.CaseId, connected.OccurredAt, kind, connected.ToAgencyId,
                connected.HandoffId, connected.Modality), ct);
            await CaseDeadlines.SettleAsync(work, connected.CaseId, connected.HandoffId, CaseDeadlines.OfHandoff, ct);
            await LeadAsync(work, connected.CaseId, connected.ToAgencyId, connected.HandoffId, connected.OccurredAt, ct);
        });
    }

    /// <summary>The plan's next review is a wait of the case's team (no timeline entry: the plan keeps its versions).</summary>
    public Task Consume(ConsumeContext<PlanReviewScheduled> context)
    {
        var scheduled = context.Message;
        return OnceAsync(context, (work, ct) =>
            CaseDeadlines.AwaitAsync(work, scheduled.CaseId, scheduled.CaseId, TaskKinds.ReviewDue, null, scheduled.DueAt, scheduled.OccurredAt, ct));
    }

    /// <summary>
    /// A coordinator gave an escalated case to an agency: it leads the case from now on, and an agency the escalation
    /// was given to before leaves the team when that assignment was what brought it in.
    /// </summary>
    public Task Consume(ConsumeContext<EscalationAssigned> context)
    {
        var assigned = context.Message;
        return OnceAsync(context, async (work, ct) =>
        {
            await LeadAsync(work, assigned.CaseId, assigned.AgencyId, assigned.EscalationId, assigned.OccurredAt, ct);
            if (assigned.PreviousAgencyId is { } previous && previous != assigned.AgencyId)
            {
                await CaseTeam.EndEscalationStandingAsync(work, participation, assigned.CaseId, previous, assigned.OccurredAt, ct);
            }
        });
    }

    private static async Task LeadAsync(UnitOfWork work, Guid caseId, Guid agencyId, Guid refId, DateTimeOffset at, CancellationToken ct)
    {
        var led = await work.QuerySingleOrDefaultAsync<Guid?>(ChangeLead, new { CaseId = caseId, AgencyId = agencyId, At = at }, ct);
        if (led is { } leadCase)
        {
            await work.ExecuteAsync(RecordOnCase, Entry(leadCase, at, TimelineKinds.LeadChanged, agencyId, refId, null), ct);
            work.Publish(new CaseLeadChanged(leadCase, agencyId, at));
        }
    }

    private static CaseTimeline.Entry Entry(Guid caseId, DateTimeOffset at, string kind, Guid? agencyId, Guid? refId, string? detail) =>
        new() { CaseId = caseId, At = at, Kind = kind, AgencyId = agencyId, RefId = refId, Detail = detail };

    private Task CaseEntryAsync<T>(ConsumeContext<T> context, CaseTimeline.Entry entry) where T : class =>
        OnceAsync(context, (work, ct) => work.ExecuteAsync(RecordOnCase, entry, ct));

    private Task CaseEntryAsync<T>(ConsumeContext<T> context, CaseTimeline.Entry entry, Func<UnitOfWork, CancellationToken, Task> also) where T : class =>
        OnceAsync(context, async (work, ct) =>
        {
            await work.ExecuteAsync(RecordOnCase, entry, ct);
            await also(work, ct);
        });

    /// <summary>A handoff that ended before first contact: the case waits for it no longer.</summary>
    private Task HandoffEndedAsync<T>(ConsumeContext<T> context, CaseTimeline.Entry entry) where T : class =>
        CaseEntryAsync(context, entry, (work, ct) => CaseDeadlines.SettleAsync(work, entry.CaseId, entry.RefId!.Value, CaseDeadlines.OfHandoff, ct));

    private Task PersonEntryAsync<T>(ConsumeContext<T> context, string kind, Guid consentId, Guid personId, DateTimeOffset at) where T : class =>
        OnceAsync(context, (work, ct) => work.ExecuteAsync(RecordOnPersonsCases, new { At = at, Kind = kind, RefId = consentId, Detail = (string?)null, PersonId = personId }, ct));

    private Task OnceAsync<T>(ConsumeContext<T> context, Func<UnitOfWork, CancellationToken, Task> effect) where T : class =>
        database.ConsumeOnceAsync(context, Inbox, effect);
}
