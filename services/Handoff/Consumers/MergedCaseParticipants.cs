using MassTransit;

namespace ReferralNet.Handoff.Consumers;

/// <summary>The agencies of a merged case may offer handoffs for the referrals of the case that carries on.</summary>
public sealed class MergedCaseParticipants(Database database) : IInboxConsumer, IConsumer<CasesMerged>
{
    public static string Inbox => "cases-merged";

    private const string CopyAgencies = """
        INSERT INTO case_agencies (case_id, agency_id)
        SELECT @CaseId, agency_id FROM case_agencies WHERE case_id = @MergedCaseId
        ON CONFLICT (case_id, agency_id) DO NOTHING
        """;

    public Task Consume(ConsumeContext<CasesMerged> context) =>
        database.ConsumeOnceAsync(context, Inbox, (work, ct) => work.ExecuteAsync(CopyAgencies, context.Message, ct));
}
