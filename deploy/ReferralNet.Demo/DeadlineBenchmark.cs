using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using ReferralNet.Contracts.Codes;

namespace ReferralNet.Demo;

/// <summary>
/// The deadline sweep under a full table: <c>offers</c> open offers stored straight into handoff's database, <c>due</c>
/// of them falling due within the same minute (the rest in three days). Measures how late each fired after its due
/// time (its <c>closed_at</c> minus its due time), then deletes what it stored. The expiries are real: their
/// HandoffExpired events reach the other services (for unknown cases, so they change no case; insights counts them).
/// Matching is told of the due offers too (its <c>offers</c> rows), as their HandoffOffered would have: an expiry of an
/// offer it never heard of is one it waits for, and redelivers until its horizon.
/// </summary>
public static class DeadlineBenchmark
{
    private const string Note = "Stored for the deadline benchmark.";

    public static async Task RunAsync(string handoffDatabase, string matchingDatabase, int offers, int due)
    {
        await using var connection = new NpgsqlConnection(handoffDatabase);
        await connection.OpenAsync();
        var now = DateTime.UtcNow;
        var firstDue = now.AddSeconds(20);
        var rows = Enumerable.Range(0, offers).Select(i => (Handoff: Guid.NewGuid(), Case: Guid.NewGuid(),
            DueAt: i < due ? firstDue.AddMilliseconds(60_000.0 * i / due) : now.AddDays(3))).ToList();
        var clock = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await BulkCopy.IntoAsync(connection, "handoffs (id, referral_id, case_id, from_agency_id, to_agency_id, to_service_id, status, note, respond_by, pass_number, offered_by, offered_at, updated_at)", rows, async (w, r) =>
            {
                await w.WriteAsync(r.Handoff, NpgsqlDbType.Uuid);
                await w.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await w.WriteAsync(r.Case, NpgsqlDbType.Uuid);
                await w.WriteAsync(Guid.Empty, NpgsqlDbType.Uuid);
                await w.WriteAsync(Guid.Empty, NpgsqlDbType.Uuid);
                await w.WriteAsync(Guid.Empty, NpgsqlDbType.Uuid);
                await w.WriteAsync(HandoffStatuses.Offered, NpgsqlDbType.Varchar);
                await w.WriteAsync(Note, NpgsqlDbType.Text);
                await w.WriteAsync(r.DueAt, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(0, NpgsqlDbType.Integer);
                await w.WriteAsync("deadline-benchmark", NpgsqlDbType.Varchar);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
            });
            await BulkCopy.IntoAsync(connection, "due_timers (id, kind, case_id, handoff_id, due_at)", rows, async (w, r) =>
            {
                await w.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await w.WriteAsync(DueTimerKinds.OfferExpiry, NpgsqlDbType.Varchar);
                await w.WriteAsync(r.Case, NpgsqlDbType.Uuid);
                await w.WriteAsync(r.Handoff, NpgsqlDbType.Uuid);
                await w.WriteAsync(r.DueAt, NpgsqlDbType.TimestampTz);
            });
            await transaction.CommitAsync();
        }
        await using (var matching = new NpgsqlConnection(matchingDatabase))
        {
            await matching.OpenAsync();
            await BulkCopy.IntoAsync(matching, "offers (handoff_id, referral_id, case_id, service_id)", rows.Take(due).ToList(), async (w, r) =>
            {
                await w.WriteAsync(r.Handoff, NpgsqlDbType.Uuid);
                await w.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await w.WriteAsync(r.Case, NpgsqlDbType.Uuid);
                await w.WriteAsync(Guid.Empty, NpgsqlDbType.Uuid);
            });
        }
        Console.WriteLine($"Stored {offers} open offers with their deadlines in {clock.Elapsed.TotalSeconds:0.0} s; {due} fall due from {firstDue:HH:mm:ss} over one minute.");

        var dueIds = rows.Take(due).Select(r => r.Handoff).ToArray();
        var deadline = Stopwatch.StartNew();
        long fired;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            await using var counting = new NpgsqlCommand($"SELECT COUNT(*) FROM handoffs WHERE id = ANY(@Ids) AND status = '{HandoffStatuses.Expired}'", connection);
            counting.Parameters.AddWithValue("Ids", dueIds);
            fired = (long)(await counting.ExecuteScalarAsync())!;
        }
        while (fired < due && deadline.Elapsed < TimeSpan.FromMinutes(3));

        var lateness = new List<double>(due);
        await using (var reading = new NpgsqlCommand("SELECT EXTRACT(EPOCH FROM closed_at - respond_by) * 1000 FROM handoffs WHERE id = ANY(@Ids) AND closed_at IS NOT NULL", connection))
        {
            reading.Parameters.AddWithValue("Ids", dueIds);
            await using var reader = await reading.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lateness.Add((double)reader.GetDecimal(0));
            }
        }
        await using (var notYet = new NpgsqlCommand($"SELECT COUNT(*) FROM handoffs WHERE note = @Note AND status = '{HandoffStatuses.Expired}' AND respond_by > now() + interval '1 day'", connection))
        {
            notYet.Parameters.AddWithValue("Note", Note);
            Console.WriteLine($"  offers not yet due that fired  : {(long)(await notYet.ExecuteScalarAsync())!}");
        }
        Console.WriteLine($"  deadlines fired                : {fired} of {due}");
        if (lateness.Count > 0)
        {
            Console.WriteLine($"  fired after due time           : p50 {Measure.Percentile(lateness, 0.5):0} ms, p99 {Measure.Percentile(lateness, 0.99):0} ms, max {lateness.Max():0} ms");
            Console.WriteLine($"  within 5 s of due time         : {lateness.Count(l => l <= 5000)} of {due}");
        }

        await using var cleanup = new NpgsqlCommand("DELETE FROM due_timers WHERE handoff_id IN (SELECT id FROM handoffs WHERE note = @Note); DELETE FROM handoffs WHERE note = @Note", connection);
        cleanup.Parameters.AddWithValue("Note", Note);
        cleanup.CommandTimeout = 300;
        await cleanup.ExecuteNonQueryAsync();
        await using var matchingCleanup = new NpgsqlConnection(matchingDatabase);
        await matchingCleanup.OpenAsync();
        await using var forget = new NpgsqlCommand("DELETE FROM offers WHERE handoff_id = ANY(@Ids)", matchingCleanup);
        forget.Parameters.AddWithValue("Ids", dueIds);
        await forget.ExecuteNonQueryAsync();
    }
}
