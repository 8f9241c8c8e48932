using MassTransit;
using ReferralNet.Support.Features;
using ReferralNet.Support.Features.Plan;
using ReferralNet.Support.Features.Reviews;

namespace ReferralNet.Support.Consumers;

/// <summary>
/// Keeps what the plan's rhythm depends on, once per message: a case's lead when it changes (until then its first
/// referrer leads: SupportCase.Lead) and its key person's agency (later wins over earlier delivered late); a closing stops the review's deadline and schedules the follow-up for the agency that
/// led at closing; a reopening drops a follow-up still waiting and gives the team its review again.
/// </summary>
public sealed class CaseTeamRecorder(Database database, ReviewDeadline deadline, IOptions<SupportOptions> options) : IInboxConsumer,
    IConsumer<CaseLeadChanged>, IConsumer<KeyPersonNamed>, IConsumer<CaseClosed>, IConsumer<CaseReopened>
{
    public static string Inbox => "case-team";

    private const string Lead = """
        INSERT INTO case_teams (case_id, lead_agency_id, lead_since) VALUES (@CaseId, @AgencyId, @At)
        ON CONFLICT (case_id) DO UPDATE SET lead_agency_id = EXCLUDED.lead_agency_id, lead_since = EXCLUDED.lead_since
        WHERE case_teams.lead_since IS NULL OR case_teams.lead_since <= EXCLUDED.lead_since
        """;

    private const string KeyPerson = """
        INSERT INTO case_teams (case_id, key_person_agency_id, key_person_since) VALUES (@CaseId, @AgencyId, @At)
        ON CONFLICT (case_id) DO UPDATE SET key_person_agency_id = EXCLUDED.key_person_agency_id, key_person_since = EXCLUDED.key_person_since
        WHERE case_teams.key_person_since IS NULL OR case_teams.key_person_since <= EXCLUDED.key_person_since
        """;

    private const string ScheduleFollowUp = """
        INSERT INTO follow_ups (id, case_id, agency_id, closed_at, due_at) VALUES (@Id, @CaseId, @AgencyId, @At, @DueAt)
        ON CONFLICT (case_id) WHERE result IS NULL DO UPDATE SET agency_id = EXCLUDED.agency_id, closed_at = EXCLUDED.closed_at, due_at = EXCLUDED.due_at
        WHERE follow_ups.closed_at < EXCLUDED.closed_at
        """;

    private const string DropWaitingFollowUp = "DELETE FROM follow_ups WHERE case_id = @CaseId AND result IS NULL AND closed_at <= @At";

    public Task Consume(ConsumeContext<CaseLeadChanged> context) =>
        OnceAsync(context, (work, ct) => work.ExecuteAsync(Lead, new { context.Message.CaseId, AgencyId = context.Message.LeadAgencyId, At = context.Message.OccurredAt }, ct));

    public Task Consume(ConsumeContext<KeyPersonNamed> context) =>
        OnceAsync(context, (work, ct) => work.ExecuteAsync(KeyPerson, new { context.Message.CaseId, context.Message.AgencyId, At = context.Message.OccurredAt }, ct));

    /// <summary>A merged case carries on in the other: only a case that ended is followed up.</summary>
    public Task Consume(ConsumeContext<CaseClosed> context)
    {
        var closed = context.Message;
        return OnceAsync(context, async (work, ct) =>
        {
            await deadline.CancelAsync(work, closed.CaseId, ct);
            if (closed.Reason != CaseCloseReasons.Merged && closed.LeadAgencyId is { } lead)
            {
                await work.ExecuteAsync(ScheduleFollowUp, new
                {
                    Id = Guid.CreateVersion7(), closed.CaseId, AgencyId = lead, At = closed.OccurredAt, DueAt = closed.OccurredAt + options.Value.FollowUpAfter,
                }, ct);
            }
        });
    }

    public Task Consume(ConsumeContext<CaseReopened> context)
    {
        var reopened = context.Message;
        return OnceAsync(context, async (work, ct) =>
        {
            await work.ExecuteAsync(DropWaitingFollowUp, new { reopened.CaseId, At = reopened.OccurredAt }, ct);
            if (await SupportPlan.FindAsync(work, reopened.CaseId, ct) is { } plan)
            {
                await deadline.ScheduleAsync(work, reopened.CaseId, plan.NextReviewDue, reopened.OccurredAt, ct);
            }
        });
    }

    private Task OnceAsync<T>(ConsumeContext<T> context, Func<UnitOfWork, CancellationToken, Task> effect) where T : class =>
        database.ConsumeOnceAsync(context, Inbox, effect);
}
