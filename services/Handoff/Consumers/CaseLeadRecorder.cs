using MassTransit;

namespace ReferralNet.Handoff.Consumers;

/// <summary>Keeps the lead of each case as intake announces it, for the coordinators' list of escalations.</summary>
public sealed class CaseLeadRecorder(Database database) : IInboxConsumer, IConsumer<CaseLeadChanged>
{
    public static string Inbox => "case-lead-changed";

    // A later change wins over an earlier one that arrives late.
    private const string Record = """
        INSERT INTO case_leads (case_id, lead_agency_id, since) VALUES (@CaseId, @LeadAgencyId, @OccurredAt)
        ON CONFLICT (case_id) DO UPDATE SET lead_agency_id = EXCLUDED.lead_agency_id, since = EXCLUDED.since
        WHERE case_leads.since <= EXCLUDED.since
        """;

    public Task Consume(ConsumeContext<CaseLeadChanged> context) =>
        database.ConsumeOnceAsync(context, Inbox, (work, ct) => work.ExecuteAsync(Record, context.Message, ct));
}
