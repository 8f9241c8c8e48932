using MassTransit;
using ReferralNet.Consent.Features;

namespace ReferralNet.Consent.Consumers;

/// <summary>
/// Tells the young person when a coordinator gives their escalated case to an agency (access log kind
/// <c>assigned</c>): the agency may see what they share with the whole network from then on, so they see who and when.
/// </summary>
public sealed class AssignmentRecorder(Database database) : IInboxConsumer, IConsumer<EscalationAssigned>
{
    public static string Inbox => "escalation-assigned";

    private const string PersonOfCase = "SELECT person_id FROM case_persons WHERE case_id = @CaseId";

    public Task Consume(ConsumeContext<EscalationAssigned> context) => database.ConsumeOnceAsync(context, Inbox, async (work, ct) =>
    {
        var assigned = context.Message;
        // The case reaches this service with its first referral; an assignment cannot come first but for a redelivery's
        // order, which the next delivery sets right.
        var personId = await work.QuerySingleOrDefaultAsync<Guid?>(PersonOfCase, assigned, ct)
            ?? throw new InvalidOperationException("The assigned case is not known here yet.");
        await PersonAccessLog.RecordAsync(work, new PersonAccessLog.Entry(
            personId, AccessLogKinds.Assigned, assigned.AgencyId, $"escalation-{assigned.EscalationId:N}", Roles.Coordinator,
            ConsentRecords.Participants, ConsentPurposes.Coordination, AccessDecisions.Permit, assigned.OccurredAt), ct);
    });
}
