using System.Globalization;
using ReferralNet.Matching.Features.Services;

namespace ReferralNet.Matching.Features.ProposeMatches;

/// <summary>One part of a candidate's score and the reason it is shown for: a code of <see cref="RankingReasons"/> and its value.</summary>
public sealed record ScoreComponent(string Reason, string Value, double Points);

/// <summary>
/// A candidate as the worker sees it. <see cref="Score"/> is the sum of <see cref="Components"/>; <see cref="Reasons"/>
/// says each in words (v1). Proposals stored before the components existed have none.
/// </summary>
[StoredAsJson]
public sealed record RankedService(
    Guid ServiceId, Guid AgencyId, string ServiceName, double Score, IReadOnlyList<string> Reasons, IReadOnlyList<ScoreComponent>? Components);

/// <summary>
/// Ranks the directory for a referral. First who may be proposed at all (<see cref="IsEligible"/>), then a score whose
/// every component is a reason shown to the worker (<see cref="ScoreOf"/>), best first; equal scores go to the service
/// offered least recently, so that equal services share the work instead of the oldest winning every time.
/// </summary>
public static class MatchRanking
{
    public const int MaxCandidates = 10;

    /// <summary>Every young person in the network is assumed to speak it: a shared Japanese earns no points.</summary>
    public const string NetworkLanguage = "ja";

    /// <summary>The longest wait on a waiting list a referral of each urgency may be proposed with.</summary>
    public static readonly IReadOnlyDictionary<string, int> AcceptableWaitWeeks = new Dictionary<string, int>
    {
        [Urgencies.Routine] = 12,
        [Urgencies.Soon] = 4,
        [Urgencies.Urgent] = 1,
    };

    private const double NeedsWeight = 0.40;
    private const double PreferredModalityWeight = 0.15;
    private const double OnlineFirstContactWeight = 0.10;
    private const double LocalWeight = 0.15;
    private const double PlacesWeight = 0.15;
    private const double FeeWeight = 0.10;
    private const double LanguageWeight = 0.05;
    private const int PlentyOfPlaces = 5;

    private static int AcceptableWait(string urgency) =>
        AcceptableWaitWeeks.TryGetValue(urgency, out var weeks) ? weeks : AcceptableWaitWeeks[Urgencies.Routine];

    /// <summary>The best <see cref="MaxCandidates"/>; <paramref name="lastOffered"/> (by service) decides between equal scores.</summary>
    public static IReadOnlyList<RankedService> Rank(
        ReferralSubmitted referral, IEnumerable<DirectoryService> directory, IReadOnlySet<Guid>? excluded = null,
        IReadOnlyDictionary<Guid, DateTimeOffset>? lastOffered = null) =>
        Shortlist(referral, ActiveDirectory.Of(directory).Serving(referral.Municipality), excluded)
            .Choose(lastOffered ?? new Dictionary<Guid, DateTimeOffset>());

    /// <summary>
    /// Of <paramref name="candidates"/> (the services of the young person's town, <see cref="ActiveDirectory.Serving"/>),
    /// the eligible ones that can be among the best <paramref name="take"/>: the top scores and every service tied with
    /// the last of them, whose last offers then decide (<see cref="RankingShortlist.Choose"/>). Scores are computed
    /// without their reasons, which only the chosen need.
    /// </summary>
    public static RankingShortlist Shortlist(
        ReferralSubmitted referral, IEnumerable<ListedService> candidates, IReadOnlySet<Guid>? excluded, int take = MaxCandidates)
    {
        var scored = new List<(ListedService Service, double Score)>();
        var best = new PriorityQueue<double, double>(take + 1);
        foreach (var listed in candidates)
        {
            if (excluded?.Contains(listed.Service.Id) == true || !IsEligible(referral, listed))
            {
                continue;
            }
            var score = ScoreOf(referral, listed, reasons: null);
            scored.Add((listed, score));
            best.Enqueue(score, score);
            if (best.Count > take)
            {
                best.Dequeue();
            }
        }
        var lowestChosen = best.Count == take ? best.Peek() : double.MinValue;
        return new RankingShortlist(referral, scored.Where(s => s.Score >= lowestChosen).ToList(), take);
    }

    /// <summary>
    /// Who may be proposed: a service that takes the young person (<see cref="ServiceEligibility.Takes"/>: active, a
    /// need covered, the age, the town or no area limit), shares a language when both name theirs, and has a free
    /// place or a waiting list short enough for the urgency. A service that keeps no count of places (maximum 0) is
    /// not held to the last rule.
    /// </summary>
    public static bool IsEligible(ReferralSubmitted referral, ListedService listed)
    {
        if (!listed.Eligibility.Takes(referral.Needs, referral.AgeYears, referral.Municipality))
        {
            return false;
        }
        var service = listed.Service.Description;
        if (referral.Languages.Count > 0 && service.Languages!.Count > 0 && FirstShared(referral.Languages, service.Languages) is null)
        {
            return false;
        }
        var capacity = service.Capacity!;
        return capacity.Maximum == 0 || capacity.Available > 0
            || (capacity.WaitWeeks > 0 && capacity.WaitWeeks <= AcceptableWait(referral.Urgency));
    }

    // Loops rather than LINQ in what follows: it runs for every service of the town and every referral.
    private static bool Has(IReadOnlyList<string> codes, string code)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            if (codes[i] == code)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The first of <paramref name="wanted"/> (other than <paramref name="except"/>) that <paramref name="offered"/> has too.</summary>
    private static string? FirstShared(IReadOnlyList<string> wanted, IReadOnlyList<string> offered, string? except = null)
    {
        for (var i = 0; i < wanted.Count; i++)
        {
            if (wanted[i] != except && Has(offered, wanted[i]))
            {
                return wanted[i];
            }
        }
        return null;
    }

    /// <summary>The score, rounded to thousandths so that equal services tie; each component is added to <paramref name="reasons"/> when given.</summary>
    public static double ScoreOf(ReferralSubmitted referral, ListedService listed, List<ScoreComponent>? reasons)
    {
        var service = listed.Service.Description;
        var score = 0.0;
        void Add(string reason, string value, double points)
        {
            score += points;
            reasons?.Add(new ScoreComponent(reason, value, Math.Round(points, 3)));
        }

        for (var i = 0; i < referral.Needs.Count; i++)
        {
            if (Has(service.Needs!, referral.Needs[i]))
            {
                Add(RankingReasons.CoversNeed, referral.Needs[i], NeedsWeight / referral.Needs.Count);
            }
        }

        if (FirstShared(referral.Modalities, service.Modalities!) is { } preferred)
        {
            Add(RankingReasons.PreferredModality, preferred, PreferredModalityWeight);
        }
        else if (referral.RemoteFirst && service.Modalities!.FirstOrDefault(Modalities.Remote.Contains) is { } online)
        {
            Add(RankingReasons.OnlineFirstContact, online, OnlineFirstContactWeight);
        }

        // The field study's step from online to nearby in-person support: a service of the young person's own town.
        if (referral.Municipality is { } town && listed.Eligibility.Municipalities.Count > 0 && listed.Eligibility.Serves(town))
        {
            Add(RankingReasons.Local, town, LocalWeight);
        }

        var capacity = service.Capacity!;
        if (capacity.Available > 0)
        {
            Add(RankingReasons.FreePlaces, capacity.Available.ToString(CultureInfo.InvariantCulture),
                PlacesWeight * (0.5 + 0.5 * Math.Min(capacity.Available, PlentyOfPlaces) / PlentyOfPlaces));
        }
        else if (capacity.WaitWeeks > 0)
        {
            // Worth at most half of one free place, and less the closer the wait comes to what the urgency accepts.
            var acceptable = AcceptableWait(referral.Urgency);
            Add(RankingReasons.WaitingList, capacity.WaitWeeks.ToString(CultureInfo.InvariantCulture),
                PlacesWeight * 0.5 * Math.Max(0, 1 - (double)capacity.WaitWeeks / (acceptable + 1)));
        }

        if (Has(referral.Needs, Needs.Financial) && service.Fee is Fees.Free or Fees.SlidingScale)
        {
            Add(RankingReasons.FeeFitsFinancialNeed, service.Fee, service.Fee == Fees.Free ? FeeWeight : FeeWeight / 2);
        }

        if (FirstShared(referral.Languages, service.Languages!, except: NetworkLanguage) is { } language)
        {
            Add(RankingReasons.SpeaksLanguage, language, LanguageWeight);
        }
        return Math.Round(score, 3);
    }

    /// <summary>A component in the worker's words (the v1 reasons; the web app words the codes in Japanese and English).</summary>
    public static string Describe(ScoreComponent component) => component.Reason switch
    {
        RankingReasons.CoversNeed => $"covers {component.Value}",
        RankingReasons.PreferredModality when Modalities.Remote.Contains(component.Value) => "online first contact",
        RankingReasons.PreferredModality => $"offers {component.Value}",
        RankingReasons.OnlineFirstContact => "online first contact",
        RankingReasons.Local => $"in {component.Value}",
        RankingReasons.FreePlaces => component.Value == "1" ? "1 place free" : $"{component.Value} places free",
        RankingReasons.WaitingList => $"waiting list of {component.Value} weeks",
        RankingReasons.FeeFitsFinancialNeed => component.Value == Fees.Free ? "free of charge" : "sliding-scale fee",
        RankingReasons.SpeaksLanguage => $"speaks {component.Value}",
        _ => component.Reason,
    };
}

/// <summary>The services that can be among a referral's best, with their scores; the last offers decide between equals.</summary>
public sealed record RankingShortlist(ReferralSubmitted Referral, IReadOnlyList<(ListedService Service, double Score)> Candidates, int Take)
{
    public IReadOnlyList<Guid> ServiceIds => Candidates.Select(c => c.Service.Service.Id).ToList();

    /// <summary>Best first; between equal scores, the service never offered, then the one offered longest ago, then by id.</summary>
    public IReadOnlyList<RankedService> Choose(IReadOnlyDictionary<Guid, DateTimeOffset> lastOffered) =>
        Candidates
            .OrderByDescending(c => c.Score)
            .ThenBy(c => lastOffered.TryGetValue(c.Service.Service.Id, out var at) ? at : DateTimeOffset.MinValue)
            .ThenBy(c => c.Service.Service.Id)
            .Take(Take)
            .Select(c => Explain(c.Service, c.Score))
            .ToList();

    private RankedService Explain(ListedService listed, double score)
    {
        var components = new List<ScoreComponent>();
        MatchRanking.ScoreOf(Referral, listed, components);
        var d = listed.Service.Description;
        return new RankedService(listed.Service.Id, d.AgencyId!.Value, d.Name!, score, components.Select(MatchRanking.Describe).ToList(), components);
    }
}
