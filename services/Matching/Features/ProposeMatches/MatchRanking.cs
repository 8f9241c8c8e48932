using ReferralNet.Matching.Features.Services;

namespace ReferralNet.Matching.Features.ProposeMatches;

[StoredAsJson]
public sealed record RankedService(Guid ServiceId, Guid AgencyId, string ServiceName, double Score, IReadOnlyList<string> Reasons);

/// <summary>
/// Ranks the directory for a referral among the services that take the young person (<see cref="ServiceEligibility"/>).
/// Score (0–1): share of needs covered (0.6), a preferred first-contact modality (0.2), free places (0.1), a shared
/// language (0.1).
/// </summary>
public static class MatchRanking
{
    public const int MaxCandidates = 10;

    public static IReadOnlyList<RankedService> Rank(
        ReferralSubmitted referral, IEnumerable<DirectoryService> directory, IReadOnlySet<Guid>? excluded = null) =>
        directory
            .Where(service => excluded is null || !excluded.Contains(service.Id))
            .Select(service => Score(referral, service))
            .OfType<RankedService>()
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.ServiceId)
            .Take(MaxCandidates)
            .ToList();

    private static RankedService? Score(ReferralSubmitted referral, DirectoryService service)
    {
        var d = service.Description;
        var eligibility = d.Eligibility;
        if (!eligibility.Takes(referral.Needs, referral.AgeYears, referral.Municipality))
        {
            return null;
        }
        var covered = referral.Needs.Intersect(d.Needs!).ToList();

        var reasons = covered.Select(need => $"covers {need}").ToList();
        var score = 0.6 * covered.Count / referral.Needs.Count;

        var preferred = referral.Modalities.Intersect(d.Modalities!).ToList();
        if (preferred.Count > 0)
        {
            score += 0.2;
            reasons.Add(preferred.Any(Contracts.Codes.Modalities.Remote.Contains) ? "online first contact" : $"offers {preferred[0]}");
        }
        else if (referral.RemoteFirst && eligibility.IsRemote)
        {
            score += 0.1;
            reasons.Add("online first contact");
        }

        var capacity = d.Capacity!;
        if (capacity.Available > 0)
        {
            score += 0.1 * Math.Min(capacity.Available, 5) / 5.0;
            reasons.Add(capacity.Available == 1 ? "1 place free" : $"{capacity.Available} places free");
        }
        else if (capacity.WaitWeeks > 0)
        {
            reasons.Add($"waiting list of {capacity.WaitWeeks} weeks");
        }

        if (referral.Languages.Count == 0 || referral.Languages.Intersect(d.Languages!).Any())
        {
            score += 0.1;
        }

        return new RankedService(service.Id, d.AgencyId!.Value, d.Name!, Math.Round(score, 3), reasons);
    }
}
