using System.Diagnostics;
using ReferralNet.BuildingBlocks.Consent;

// In-process benchmarks. Run: dotnet run -c Release --project tests/ReferralNet.Benchmarks [-- ranking [--services N] [--referrals N] | places [--count N]
//   | council-records --connection "Host=…;Port=…;Username=…;Password=…" [--meetings N]]
string Option(string name, string fallback) => args.SkipWhile(a => a != $"--{name}").Skip(1).FirstOrDefault() ?? fallback;
if (args.FirstOrDefault() == "ranking")
{
    ReferralNet.Benchmarks.RankingBenchmark.Run(int.Parse(Option("services", "10000")), int.Parse(Option("referrals", "2000")));
    return;
}
if (args.FirstOrDefault() == "council-records")
{
    await ReferralNet.Benchmarks.CouncilRecordsBenchmark.RunAsync(Option("connection", ""), int.Parse(Option("meetings", "100000")));
    return;
}
if (args.FirstOrDefault() == "places")
{
    ReferralNet.Benchmarks.PlaceBenchmark.Run(int.Parse(Option("count", "5000")));
    return;
}

// Consent decisions: the index every service keeps, filled with 100 000 consents.
const int Consents = 100_000;
const int Decisions = 2_000_000;
var random = new Random(42);
var index = new ConsentIndex(TimeProvider.System);
var persons = new Guid[Consents / 2];
var participantsOf = new Guid[Consents / 2][];
var caseOf = new Guid[Consents / 2];
var agencies = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToArray();
string[] categories = ["identity", "contact", "needs-summary", "case-notes", "health", "education"];
string[] purposes = ["coordination", "service-delivery", "statistics"];
for (var p = 0; p < persons.Length; p++)
{
    persons[p] = Guid.NewGuid();
    var caseId = caseOf[p] = Guid.NewGuid();
    index.ApplyCase(caseId, persons[p]);
    if (random.Next(10) == 0)
    {
        // A tenth of the cases closed a while ago: the participation rule then also weighs the read window and the lead.
        index.ApplyClosing(caseId, new CaseClosing(DateTimeOffset.UtcNow.AddDays(-random.Next(60)), agencies[random.Next(agencies.Length)]));
    }
    participantsOf[p] = Enumerable.Range(0, 3).Select(_ => agencies[random.Next(agencies.Length)]).ToArray();
    foreach (var agency in participantsOf[p])
    {
        index.ApplyParticipant(caseId, agency, takesPart: true);
    }
    for (var c = 0; c < 2; c++)
    {
        var network = random.Next(2) == 0;
        index.Apply(new ConsentEntry(Guid.NewGuid(), persons[p],
            ConsentEntry.PurposeBits(purposes.Where(_ => random.Next(2) == 0)),
            ConsentEntry.CategoryBits(categories.Where(_ => random.Next(2) == 0)),
            network, network ? [] : [agencies[random.Next(agencies.Length)]],
            DateTimeOffset.UtcNow.AddYears(1), random.Next(10) == 0 ? ConsentStatuses.Revoked : ConsentStatuses.Active, Version: 1));
    }
}
Console.WriteLine($"Index holds {index.ConsentCount} consents of {persons.Length} persons, {agencies.Length} agencies.");

// Half the questions come from an agency taking part in the person's case, so the whole decision path is measured.
var queries = Enumerable.Range(0, 4096)
    .Select(_ => random.Next(persons.Length))
    .Select(p => (Person: persons[p], Case: caseOf[p],
        Agency: random.Next(2) == 0 ? participantsOf[p][random.Next(3)] : agencies[random.Next(agencies.Length)],
        Category: categories[random.Next(categories.Length)], Purpose: purposes[random.Next(purposes.Length)]))
    .ToArray();

// Baseline in the same process: one dictionary lookup per query (the floor of any in-memory decision).
var baselineMap = persons.ToDictionary(p => p, p => p.GetHashCode());
double Run(Func<int, bool> decide, int count, double[]? latencies)
{
    var permits = 0;
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        var started = latencies is null ? 0 : Stopwatch.GetTimestamp();
        if (decide(i & 4095))
        {
            permits++;
        }
        if (latencies is not null)
        {
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }
    }
    GC.KeepAlive(permits);
    return count / clock.Elapsed.TotalSeconds;
}
bool Baseline(int q) => baselineMap.ContainsKey(queries[q].Person);
bool Decide(int q) => index.Decide(queries[q].Person, queries[q].Agency, queries[q].Category, queries[q].Purpose).Permitted;
bool TakesPart(int q) => index.TakesPart(queries[q].Case, queries[q].Agency);

Run(Baseline, 200_000, null);
Run(Decide, 200_000, null); // warm-up (JIT tiers)
var baselineRate = Run(Baseline, Decisions, null);
var rate = Run(Decide, Decisions, null);
var latencies = new double[Decisions / 4];
Run(Decide, latencies.Length, latencies);
Array.Sort(latencies);
var parallelRate = 0.0;
{
    var clock = Stopwatch.StartNew();
    Parallel.For(0, Environment.ProcessorCount, _ => Run(Decide, Decisions / Environment.ProcessorCount, null));
    parallelRate = Decisions / clock.Elapsed.TotalSeconds;
}
Run(TakesPart, 200_000, null);
var participationRate = Run(TakesPart, Decisions, null);
var participationLatencies = new double[Decisions / 4];
Run(TakesPart, participationLatencies.Length, participationLatencies);
Array.Sort(participationLatencies);
var permitted = queries.Count(q => index.Decide(q.Person, q.Agency, q.Category, q.Purpose).Permitted);
Console.WriteLine($"decisions, 1 thread          : {rate:N0}/s (baseline dictionary lookup {baselineRate:N0}/s, ratio {baselineRate / rate:0.0}x)");
Console.WriteLine($"decisions, {Environment.ProcessorCount} threads         : {parallelRate:N0}/s");
Console.WriteLine($"latency per decision         : p50 {latencies[latencies.Length / 2]:0.00} µs, p99 {latencies[(int)(latencies.Length * 0.99)]:0.00} µs, max {latencies[^1]:0.0} µs");
Console.WriteLine($"participation checks, 1 thread: {participationRate:N0}/s (ratio to the dictionary lookup {baselineRate / participationRate:0.0}x), " +
    $"p50 {participationLatencies[participationLatencies.Length / 2]:0.00} µs, p99 {participationLatencies[(int)(participationLatencies.Length * 0.99)]:0.00} µs");
Console.WriteLine($"share of sample permitted    : {permitted * 100.0 / queries.Length:0.0}%");
