namespace ReferralNet.Contracts;

/// <summary>
/// Who a service of the directory takes, and the one rule that decides it: active, covering at least one of the young
/// person's needs, taking their age (an unknown age excludes no service: the intake desk checks it), and serving their
/// town, or no area limit at all (an online service of a town, for example one a municipality pays for its residents,
/// is limited to it as an in-person one is). Matching ranks by it; handoff checks an offer to any service against its
/// copy of it.
/// </summary>
public sealed record ServiceEligibility(
    string Status,
    IReadOnlyList<string> Needs,
    IReadOnlyList<string> Modalities,
    IReadOnlyList<string> Municipalities,
    int? AgeMin,
    int? AgeMax)
{
    // Loops rather than LINQ: ranking asks this of every service of a town for every referral.
    public bool Takes(IReadOnlyList<string> needs, int? ageYears, string? municipality)
    {
        if (Status != Codes.ServiceStatuses.Active || (ageYears is { } age && (age < (AgeMin ?? 0) || age > (AgeMax ?? int.MaxValue))))
        {
            return false;
        }
        return Serves(municipality) && CoversAny(needs);
    }

    /// <summary>The town is in the service's area, or the service has no area limit.</summary>
    public bool Serves(string? municipality)
    {
        if (Municipalities.Count == 0)
        {
            return true;
        }
        for (var i = 0; municipality is not null && i < Municipalities.Count; i++)
        {
            if (string.Equals(Municipalities[i], municipality, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private bool CoversAny(IReadOnlyList<string> needs)
    {
        for (var i = 0; i < needs.Count; i++)
        {
            for (var j = 0; j < Needs.Count; j++)
            {
                if (Needs[j] == needs[i])
                {
                    return true;
                }
            }
        }
        return false;
    }
}
