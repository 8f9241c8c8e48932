namespace ReferralNet.Contracts;

/// <summary>
/// Who a service of the directory takes, and the one rule that decides it: active, covering at least one of the young
/// person's needs, taking their age (an unknown age excludes no service: the intake desk checks it), and local to them
/// or reachable remotely. Matching ranks by it; handoff checks an offer to any service against its copy of it.
/// </summary>
public sealed record ServiceEligibility(
    string Status,
    IReadOnlyList<string> Needs,
    IReadOnlyList<string> Modalities,
    IReadOnlyList<string> Municipalities,
    int? AgeMin,
    int? AgeMax)
{
    public bool IsRemote => Modalities.Any(Codes.Modalities.Remote.Contains);

    public bool Takes(IReadOnlyCollection<string> needs, int? ageYears, string? municipality)
    {
        var local = Municipalities.Count == 0
            || (municipality is { } town && Municipalities.Contains(town, StringComparer.OrdinalIgnoreCase));
        var ageFits = ageYears is not { } age || ((AgeMin ?? 0) <= age && age <= (AgeMax ?? int.MaxValue));
        return Status == Codes.ServiceStatuses.Active && needs.Intersect(Needs).Any() && ageFits && (local || IsRemote);
    }
}
