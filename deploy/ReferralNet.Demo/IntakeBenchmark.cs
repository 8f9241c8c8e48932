using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using ReferralNet.Contracts.Codes;
using ReferralNet.Intake.Features.OpenReferral;

namespace ReferralNet.Demo;

/// <summary>
/// POST /api/intake/referrals through the gateway with many persons already stored: stores the persons (each with an
/// open case, a referral, its timeline and participation) straight into intake's database once, keyed with the
/// network's identity secret exactly as intake keys them; then submits referrals at a steady rate (open loop), half of
/// them for stored persons, half for new ones. A baseline of plain gateway round trips runs first, in the same process.
/// </summary>
public static class IntakeBenchmark
{
    private const string FamilyName = "基準";       // the stored persons
    private const string NewFamilyName = "新規";    // persons the benchmark's referrals bring in

    // An agency is a claim in the workers' tokens; intake needs no directory entry for it (matching may not run).
    internal static readonly Guid BenchAgency = Guid.Parse("b0000000-0000-4000-8000-000000000001");
    private const int WarmUpSeconds = 10;
    private const int WindowSeconds = 5;

    public static async Task RunAsync(GatewayClient gateway, string intakeDatabase, string identitySecret, int persons, int referrals, int ratePerSecond)
    {
        var identity = new PersonIdentity(Options.Create(new IdentityOptions { KeySecret = identitySecret }));
        var stored = await StorePersonsAsync(intakeDatabase, identity, persons, BenchAgency);
        var workers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => gateway.AsAsync($"intake-bench-{i}", "worker", BenchAgency)));
        var run = Guid.NewGuid().ToString("N")[..6];

        var baseline = await Measure.BaselineAsync(gateway);

        Console.WriteLine($"Warming up with {ratePerSecond * WarmUpSeconds} referrals ({WarmUpSeconds} s at the target rate, not measured)...");
        await SubmitAllAsync(workers, $"w{run}", ratePerSecond * WarmUpSeconds, ratePerSecond, stored);
        Console.WriteLine($"Submitting {referrals} referrals at {ratePerSecond}/s, half for the {stored} stored persons...");
        var clock = Stopwatch.StartNew();
        var results = await SubmitAllAsync(workers, $"m{run}", referrals, ratePerSecond, stored);
        var elapsed = clock.Elapsed;

        var http = results.Select(r => r.Ms).ToList();
        var existing = results.Count(r => r.ExistingCase);
        var windows = results.Chunk(ratePerSecond * WindowSeconds).Select(w => $"{Measure.Percentile(w.Select(r => r.Ms).ToList(), 0.99):0}");
        Console.WriteLine();
        Console.WriteLine($"ReferralNet intake: {referrals} referrals at {ratePerSecond}/s target, {stored} persons stored, {Environment.ProcessorCount} cores");
        Console.WriteLine($"  sustained throughput          : {referrals / elapsed.TotalSeconds:0.0} referrals/s ({existing} landed on an existing case)");
        Console.WriteLine($"  POST /api/intake/referrals    : p50 {Measure.Percentile(http, 0.5):0.0} ms, p99 {Measure.Percentile(http, 0.99):0.0} ms, max {http.Max():0.0} ms");
        Console.WriteLine($"  POST p99 per {WindowSeconds} s window     : {string.Join(", ", windows)} ms");
        Measure.ReportBaseline(baseline, http);
    }

    /// <summary>Stores persons 0 … count-1 that are not there yet (COPY, in one transaction); answers how many there are.</summary>
    internal static async Task<int> StorePersonsAsync(string connectionString, PersonIdentity identity, int count, Guid agency)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var counting = new NpgsqlCommand("SELECT COUNT(*) FROM persons WHERE family_name = @family AND given_name LIKE '人%'", connection))
        {
            counting.Parameters.AddWithValue("family", FamilyName);
            var already = (int)(long)(await counting.ExecuteScalarAsync())!;
            if (already >= count)
            {
                return already;
            }
            Console.WriteLine($"Storing persons {already} … {count - 1} in intake's database...");
            var clock = Stopwatch.StartNew();
            await using var transaction = await connection.BeginTransactionAsync();
            var now = DateTime.UtcNow;
            var rows = Enumerable.Range(already, count - already)
                .Select(i => (Index: i, Person: Guid.NewGuid(), Case: Guid.NewGuid(), Referral: Guid.NewGuid()))
                .ToList();
            await BulkCopy.IntoAsync(connection, "persons (id, identity_key, family_name, given_name, birth_date, municipality, created_at)", rows, async (w, r) =>
            {
                await w.WriteAsync(r.Person, NpgsqlDbType.Uuid);
                await w.WriteAsync(identity.KeyOf(FamilyName, GivenName(r.Index), BirthDate(r.Index)), NpgsqlDbType.Varchar);
                await w.WriteAsync(FamilyName, NpgsqlDbType.Varchar);
                await w.WriteAsync(GivenName(r.Index), NpgsqlDbType.Varchar);
                await w.WriteAsync(BirthDate(r.Index), NpgsqlDbType.Date);
                await w.WriteAsync("Setagaya", NpgsqlDbType.Varchar);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
            });
            await BulkCopy.IntoAsync(connection, "cases (id, person_id, status, lead_agency_id, lead_since, opened_at, updated_at, last_contact_at)", rows, async (w, r) =>
            {
                await w.WriteAsync(r.Case, NpgsqlDbType.Uuid);
                await w.WriteAsync(r.Person, NpgsqlDbType.Uuid);
                await w.WriteAsync(CaseStatuses.Open, NpgsqlDbType.Varchar);
                await w.WriteAsync(agency, NpgsqlDbType.Uuid);
                for (var t = 0; t < 4; t++)
                {
                    await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
                }
            });
            await BulkCopy.IntoAsync(connection, "referrals (id, case_id, person_id, from_agency_id, submitted_by, source, needs, urgency, preferences, summary, created_at)", rows, async (w, r) =>
            {
                await w.WriteAsync(r.Referral, NpgsqlDbType.Uuid);
                await w.WriteAsync(r.Case, NpgsqlDbType.Uuid);
                await w.WriteAsync(r.Person, NpgsqlDbType.Uuid);
                await w.WriteAsync(agency, NpgsqlDbType.Uuid);
                foreach (var text in new[] { "intake-bench", "agency-worker", """["social-connection"]""", "routine", "{}", "Stored for the benchmark." })
                {
                    await w.WriteAsync(text, NpgsqlDbType.Text);
                }
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
            });
            await BulkCopy.IntoAsync(connection, "case_timeline (case_id, at, kind, agency_id, ref_id)", rows, async (w, r) =>
            {
                await w.WriteAsync(r.Case, NpgsqlDbType.Uuid);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(TimelineKinds.ReferralSubmitted, NpgsqlDbType.Varchar);
                await w.WriteAsync(agency, NpgsqlDbType.Uuid);
                await w.WriteAsync(r.Referral, NpgsqlDbType.Uuid);
            });
            await BulkCopy.IntoAsync(connection, "case_persons (case_id, person_id, changed_at)", rows, async (w, r) =>
            {
                await w.WriteAsync(r.Case, NpgsqlDbType.Uuid);
                await w.WriteAsync(r.Person, NpgsqlDbType.Uuid);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
            });
            await BulkCopy.IntoAsync(connection, "case_participation (case_id, agency_id, changed_at)", rows, async (w, r) =>
            {
                await w.WriteAsync(r.Case, NpgsqlDbType.Uuid);
                await w.WriteAsync(agency, NpgsqlDbType.Uuid);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
            });
            await transaction.CommitAsync();
            await using var analyze = new NpgsqlCommand("ANALYZE", connection);
            await analyze.ExecuteNonQueryAsync();
            Console.WriteLine($"Stored {rows.Count} persons with their cases in {clock.Elapsed.TotalSeconds:0.0} s.");
            return count;
        }
    }

    private static string GivenName(int index) => $"人{index:D6}";

    private static DateOnly BirthDate(int index) => new DateOnly(1990, 1, 1).AddDays(index % 9000);

    // Every other referral is for a stored person; the rest are people the network has not seen.
    private static Task<List<(double Ms, bool ExistingCase)>> SubmitAllAsync(HttpClient[] workers, string prefix, int count, int ratePerSecond, int stored) =>
        Measure.AtRateAsync(count, ratePerSecond, i =>
        {
            var person = Random.Shared.Next(stored);
            return i % 2 == 0
                ? SubmitOneAsync(workers[i % workers.Length], FamilyName, GivenName(person), BirthDate(person))
                : SubmitOneAsync(workers[i % workers.Length], NewFamilyName, $"{prefix}-{i}", new DateOnly(2000, 1, 1).AddDays(i % 3000));
        });

    private static async Task<(double Ms, bool ExistingCase)> SubmitOneAsync(HttpClient worker, string familyName, string givenName, DateOnly birthDate)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await worker.PostAsJsonAsync("/api/intake/referrals", new
        {
            person = new { familyName, givenName, birthDate, municipality = "Setagaya" },
            source = "agency-worker",
            needs = new[] { "mental-health", "social-connection" },
            preferences = new { modalities = new[] { "online-chat" }, remoteFirst = true, languages = new[] { "ja" } },
            summary = "Intake benchmark referral.",
        });
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var answer = await GatewayClient.ReadAsync(response, HttpStatusCode.Created);
        return (ms, answer["existingCase"]!.GetValue<bool>());
    }
}
