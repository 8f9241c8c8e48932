using System.Diagnostics;
using ReferralNet.Contracts;
using ReferralNet.Contracts.Codes;
using ReferralNet.Matching.Features.ProposeMatches;
using ReferralNet.Matching.Features.Services;

namespace ReferralNet.Benchmarks;

/// <summary>
/// Matching's ranking in process, as its consumer calls it (shortlist, then the choice among equals), over a generated
/// directory: time per referral, against one pass that only checks who of the town's services is eligible (the floor
/// of any ranking).
/// </summary>
public static class RankingBenchmark
{
    private static readonly string[] Towns = [.. BuildingBlocks.Places.MunicipalityRegister.Japan.All.Take(60).Select(p => p.Code)];
    private static readonly string[] NeedCodes = [.. Needs.All.Order()];
    private static readonly string[] ModalityCodes = [.. Modalities.All.Order()];
    private static readonly string[] UrgencyCodes = [.. Urgencies.All.Order()];

    public static void Run(int serviceCount, int referralCount)
    {
        var random = new Random(14);
        var services = Enumerable.Range(0, serviceCount).Select(_ => GeneratedService(random)).ToList();
        var directory = ActiveDirectory.Of(services);
        var referrals = Enumerable.Range(0, referralCount).Select(_ => GeneratedReferral(random)).ToList();
        var lastOffered = services.Where(_ => random.Next(3) == 0).ToDictionary(s => s.Id, _ => DateTimeOffset.UtcNow.AddMinutes(-random.Next(100_000)));

        // Warm up both paths for two seconds before anything is timed: the JIT's tiers settle, as in a running service.
        var warming = Stopwatch.StartNew();
        foreach (var referral in Enumerable.Repeat(referrals, 100).SelectMany(r => r).TakeWhile(_ => warming.Elapsed < TimeSpan.FromSeconds(2)))
        {
            MatchRanking.Shortlist(referral, directory.Serving(referral.Municipality), excluded: null).Choose(lastOffered);
            directory.Serving(referral.Municipality).Count(s => MatchRanking.IsEligible(referral, s));
        }
        var ranking = new List<double>(referralCount);
        var floor = new List<double>(referralCount);
        var candidates = 0L;
        var eligible = 0L;
        var collections = GC.CollectionCount(0);
        foreach (var referral in referrals)
        {
            var started = Stopwatch.GetTimestamp();
            var shortlist = MatchRanking.Shortlist(referral, directory.Serving(referral.Municipality), excluded: null);
            var lastOfTheShortlist = shortlist.ServiceIds.Where(lastOffered.ContainsKey).ToDictionary(id => id, id => lastOffered[id]);
            candidates += shortlist.Choose(lastOfTheShortlist).Count;
            ranking.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            started = Stopwatch.GetTimestamp();
            eligible += directory.Serving(referral.Municipality).Count(s => MatchRanking.IsEligible(referral, s));
            floor.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        Console.WriteLine($"Ranking {referralCount} referrals over {serviceCount} services in process ({eligible / referralCount} eligible, {(double)candidates / referralCount:0.0} proposed on average, {GC.CollectionCount(0) - collections} gen-0 collections)");
        Console.WriteLine($"  ranking (shortlist + choice) : p50 {Percentile(ranking, 0.5):0.000} ms, p99 {Percentile(ranking, 0.99):0.000} ms, max {ranking.Max():0.000} ms");
        Console.WriteLine($"  eligibility of the town only : p50 {Percentile(floor, 0.5):0.000} ms, p99 {Percentile(floor, 0.99):0.000} ms");
        Console.WriteLine($"  ratio ranking p99 / floor p99: {Percentile(ranking, 0.99) / Percentile(floor, 0.99):0.0}x");
    }

    private static double Percentile(List<double> values, double p) => values.Order().ElementAt((int)Math.Min(values.Count - 1, values.Count * p));

    private static T[] Some<T>(Random random, T[] from, int most) =>
        [.. from.OrderBy(_ => random.Next()).Take(random.Next(1, most + 1))];

    private static DirectoryService GeneratedService(Random random)
    {
        var maximum = random.Next(4) == 0 ? 0 : random.Next(1, 30);
        var available = maximum == 0 ? 0 : random.Next(0, maximum + 1);
        var description = new ServiceDescription(
            Guid.NewGuid(), $"Service {random.Next()}", "", Some(random, NeedCodes, 3), Some(random, ModalityCodes, 3),
            random.Next(3) == 0 ? null : random.Next(10, 16), random.Next(3) == 0 ? null : random.Next(25, 40),
            random.Next(5) == 0 ? [] : Some(random, Towns, 2), random.Next(10) == 0 ? ["ja", "en", "pt"] : ["ja"],
            random.Next(3) switch { 0 => Fees.Fee, 1 => Fees.SlidingScale, _ => Fees.Free },
            new Capacity(available, maximum, available == 0 ? random.Next(0, 16) : 0), ServiceStatuses.Active);
        return new DirectoryService(Guid.CreateVersion7(), description.Normalised());
    }

    private static ReferralSubmitted GeneratedReferral(Random random) => new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), ReferralSources.School, Some(random, NeedCodes, 3),
        UrgencyCodes[random.Next(UrgencyCodes.Length)], Some(random, ModalityCodes, 2), random.Next(2) == 0,
        random.Next(10) == 0 ? ["pt", "ja"] : ["ja"], random.Next(12, 30), Towns[random.Next(Towns.Length)], DateTimeOffset.UtcNow);
}
