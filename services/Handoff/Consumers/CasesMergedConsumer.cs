namespace ReferralNet.Handoff.Consumers;

/// <summary>The agencies of a merged case may offer handoffs for the referrals of the case that carries on.</summary>
public sealed class CasesMergedConsumer(Database database, TimeProvider time) : IdempotentConsumer<CasesMerged>(database, time)
{
    protected override Task HandleAsync(CasesMerged merged, UnitOfWork work, CancellationToken ct) =>
        work.ExecuteAsync(
            """
            INSERT INTO case_agencies (case_id, agency_id)
            SELECT @CaseId, agency_id FROM case_agencies WHERE case_id = @MergedCaseId
            ON CONFLICT (case_id, agency_id) DO NOTHING
            """, merged, ct);
}
