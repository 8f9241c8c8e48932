namespace ReferralNet.Handoff.Features;

/// <summary>The agencies that may offer a case's referrals: its referrers, the receivers that accepted, and those a coordinator gave it to.</summary>
public static class CaseAgencies
{
    private const string Join = "INSERT INTO case_agencies (case_id, agency_id) VALUES (@CaseId, @AgencyId) ON CONFLICT (case_id, agency_id) DO NOTHING";

    public static Task JoinAsync(UnitOfWork work, Guid caseId, Guid agencyId, CancellationToken ct) =>
        work.ExecuteAsync(Join, new { CaseId = caseId, AgencyId = agencyId }, ct);
}
