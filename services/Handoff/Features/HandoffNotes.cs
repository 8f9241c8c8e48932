namespace ReferralNet.Handoff.Features;

/// <summary>
/// A handoff's ids, service, status and times are not about the person; its note, decline reason, contact modality
/// and outcome are, as the same details are in the case timeline. Every read of handoffs decides them per handoff
/// like any case-notes read (the reader's agency must take part in the case and be covered by consent) and records
/// the decision as CaseDataAccessed in the reading transaction.
/// </summary>
public static class HandoffNotes
{
    private const string PersonsOfCases = "SELECT case_id, person_id FROM case_persons WHERE case_id = ANY(@CaseIds)";

    public const string Category = DataCategories.CaseNotes;
    public const string Purpose = ConsentPurposes.Coordination;

    public static async Task<IReadOnlyList<HandoffRecord>> RevealAsync(
        this ConsentIndex consents, UnitOfWork work, Caller caller, IReadOnlyList<HandoffRecord> handoffs, DateTimeOffset now, CancellationToken ct)
    {
        var personOfCase = (await work.QueryAsync<(Guid CaseId, Guid PersonId)>(
                PersonsOfCases,
                new { CaseIds = handoffs.Select(h => h.CaseId).Distinct().ToArray() }, ct))
            .ToDictionary(c => c.CaseId, c => c.PersonId);
        var shown = new List<HandoffRecord>(handoffs.Count);
        foreach (var handoff in handoffs)
        {
            var permitted = personOfCase.TryGetValue(handoff.CaseId, out var personId)
                && (await consents.DecideAndRecordAsync(work, caller, personId, handoff.CaseId, [Category], Purpose, now, ct))[Category].Permitted;
            shown.Add(permitted ? handoff : handoff.WithoutCaseNotes());
        }
        return shown;
    }
}
