using System.Diagnostics;
using ReferralNet.BuildingBlocks.Places;

namespace ReferralNet.Benchmarks;

/// <summary>
/// The municipality register as every request that names a town uses it: reading a typed name (kanji, kana, romaji,
/// with its prefecture) as a code, a name that is no town (the closest names searched), and the type-ahead search of a
/// field's first two characters — each against looking a code up, the floor of any reading.
/// </summary>
public static class PlaceBenchmark
{
    public static void Run(int count)
    {
        var started = Stopwatch.GetTimestamp();
        var register = MunicipalityRegister.Japan;
        var loading = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var random = new Random(8);
        var places = register.All.ToArray();
        var picked = Enumerable.Range(0, count).Select(_ => places[random.Next(places.Length)]).ToArray();
        string[] Typed(Municipality p) => [p.Name, p.Kana, p.Romaji, p.FullName];
        var typed = picked.SelectMany(Typed).ToArray();
        var slips = picked.Select(p => p.Romaji[..^2] + "x").ToArray();
        var prefixes = picked.Select(p => p.Kana[..2]).ToArray();

        Console.WriteLine($"Municipality register: {register.Count} places, read on first use in {loading:0} ms; {count} places typed four ways each");
        for (var round = 0; round < 2; round++)
        {
            var floor = Time(picked.Select(p => p.Code).ToArray(), code => register.Find(code));
            var resolve = Time(typed, name => register.Resolve(name));
            var unknown = Time(slips, name => register.Resolve(name));
            var search = Time(prefixes, q => register.Search(q, 8));
            Console.WriteLine($"  find by code           : p50 {floor.P50:0.0} µs, p99 {floor.P99:0.0} µs");
            Console.WriteLine($"  typed name → code      : p50 {resolve.P50:0.0} µs, p99 {resolve.P99:0.0} µs ({resolve.P99 / floor.P99:0}x the code's p99)");
            Console.WriteLine($"  no such town (closest) : p50 {unknown.P50:0.0} µs, p99 {unknown.P99:0.0} µs");
            Console.WriteLine($"  type-ahead, 2 kana     : p50 {search.P50:0.0} µs, p99 {search.P99:0.0} µs");
        }
    }

    private static (double P50, double P99) Time(string[] inputs, Func<string, object?> work)
    {
        var times = new List<double>(inputs.Length);
        foreach (var input in inputs)
        {
            var started = Stopwatch.GetTimestamp();
            work(input);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[(int)(times.Count * 0.99)]);
    }
}
