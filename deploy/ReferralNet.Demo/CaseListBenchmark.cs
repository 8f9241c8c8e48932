using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Options;
using Npgsql;
using ReferralNet.BuildingBlocks.Web;
using ReferralNet.Intake.Features.OpenReferral;

namespace ReferralNet.Demo;

/// <summary>
/// A worker's caseload of many cases (API-v3 §9) through the gateway: the persons and cases of the intake benchmark,
/// all of one agency, stored once; then, one request after another, finding a case by its reference, a search by
/// name words (which reads every case of the agency, none of whose names is shared), and the first page of the list
/// (each of its cases decided and recorded for the young person's access log). A baseline of plain gateway round trips
/// runs first, in the same process.
/// </summary>
public static class CaseListBenchmark
{
    private const string SomeCases = "SELECT c.id FROM cases c JOIN case_participation p ON p.case_id = c.id WHERE p.agency_id = @Agency ORDER BY random() LIMIT @Count";

    public static async Task RunAsync(GatewayClient gateway, string intakeDatabase, string identitySecret, int persons, int searches)
    {
        var identity = new PersonIdentity(Options.Create(new IdentityOptions { KeySecret = identitySecret }));
        var stored = await IntakeBenchmark.StorePersonsAsync(intakeDatabase, identity, persons, IntakeBenchmark.BenchAgency);
        var references = await ReferencesAsync(intakeDatabase, searches);
        var worker = await gateway.AsAsync("caselist-bench", "worker", IntakeBenchmark.BenchAgency);
        var baseline = await Measure.BaselineAsync(gateway);

        // Warm up each path (not measured), then time each, one request after another.
        foreach (var path in new[] { $"q={references[0]}", "q=人0042", "limit=50", "limit=50&sort=due", "limit=50&overdue=true" })
        {
            await TimeAsync(worker, Enumerable.Repeat(path, 20).ToList());
        }
        var byReference = await TimeAsync(worker, [.. references.Select(r => $"q={r}")]);
        var byName = await TimeAsync(worker, [.. Enumerable.Range(0, searches).Select(i => $"q={Uri.EscapeDataString($"人{i % 1000:D4}")}")]);
        var firstPage = await TimeAsync(worker, [.. Enumerable.Repeat("limit=50", searches)]);
        // Every case's next due is worked out to order them or to keep the overdue ones.
        var soonestDue = await TimeAsync(worker, [.. Enumerable.Repeat("limit=50&sort=due", searches)]);
        var overdue = await TimeAsync(worker, [.. Enumerable.Repeat("limit=50&overdue=true", searches)]);

        Console.WriteLine();
        Console.WriteLine($"ReferralNet case list: {stored} cases of one agency, {searches} requests each, one after another, {Environment.ProcessorCount} cores");
        Report("a case by its reference     ", byReference);
        Report("name words (every case read)", byName);
        Report("first page, 50 cases        ", firstPage);
        Report("soonest due first, 50 cases ", soonestDue);
        Report("overdue only, 50 cases      ", overdue);
        Console.WriteLine($"  baseline GET /health/live    : p50 {Measure.Percentile(baseline, 0.5):0.00} ms, p99 {Measure.Percentile(baseline, 0.99):0.00} ms");
        Console.WriteLine($"  ratio reference p99 / baseline p99: {Measure.Percentile(byReference, 0.99) / Measure.Percentile(baseline, 0.99):0.0}x");
    }

    private static void Report(string what, List<double> times) =>
        Console.WriteLine($"  {what} : p50 {Measure.Percentile(times, 0.5):0.0} ms, p99 {Measure.Percentile(times, 0.99):0.0} ms");

    private static async Task<List<string>> ReferencesAsync(string connectionString, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(SomeCases, connection);
        command.Parameters.AddWithValue("Agency", IntakeBenchmark.BenchAgency);
        command.Parameters.AddWithValue("Count", count);
        var references = new List<string>(count);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            references.Add(CaseReference.Of(reader.GetGuid(0)));
        }
        return references;
    }

    private static async Task<List<double>> TimeAsync(HttpClient worker, IReadOnlyList<string> queries)
    {
        var times = new List<double>(queries.Count);
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await worker.GetAsync($"/api/intake/cases?participating=true&{query}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The case list answered {(int)response.StatusCode}.");
            }
            await response.Content.ReadAsByteArrayAsync();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return times;
    }
}
