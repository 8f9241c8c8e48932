using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.BuildingBlocks.Messaging;
using ReferralNet.Support.Features;
using ReferralNet.Support.Features.Councils;

namespace ReferralNet.Benchmarks;

/// <summary>
/// The support meetings' retention sweep as the support service runs it (<see cref="CouncilRecordsSweep"/>: batches of
/// 1 000, each its own statement), over a database of its own migrated as the service migrates, holding
/// <c>meetings</c> support meetings of which a tenth are past their retention; against the floor of one unbatched
/// DELETE of the same rows (restored in between).
/// </summary>
public static class CouncilRecordsBenchmark
{
    private const string Council = "INSERT INTO councils (id, name, legal_basis, created_by, created_at, updated_at) VALUES (@Id, 'Bench', 'social-welfare-act-106-6', 'bench', now(), now())";

    // A tenth held before the retention began, the rest spread over the years kept; minutes on each, as a held meeting has.
    private const string Fill = """
        INSERT INTO council_meetings (id, council_id, at, attendees, case_id, reference, convened_by, created_at, decisions, actions, minutes_at)
        SELECT gen_random_uuid(), @Council,
               CASE WHEN n % 10 = 0 THEN now() - @Keep - (n % 300) * interval '1 day' - interval '1 day'
                    ELSE now() - (n % 1800) * interval '1 day' END,
               ARRAY[gen_random_uuid(), gen_random_uuid()], gen_random_uuid(), NULL, 'bench', now(),
               ARRAY['決まったこと 1', '決まったこと 2'], '[]', now()
        FROM generate_series(1, @Meetings) AS n
        """;

    private const string Expired = "SELECT COUNT(*) FROM council_meetings WHERE at < now() - @Keep";

    public static async Task RunAsync(string connection, int meetings)
    {
        var database = $"rn_bench_councils_{Guid.NewGuid():N}"[..30];
        var connectionString = new NpgsqlConnectionStringBuilder(connection) { Database = database }.ConnectionString;
        new SchemaMigrator(Options.Create(new DatabaseOptions { ConnectionString = connectionString }),
            new ServiceIdentity("support", typeof(CouncilRecordsSweep).Assembly), [], NullLogger<SchemaMigrator>.Instance).Migrate();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var keep = new SupportOptions().CouncilRecordsFor;
        await using (var setup = await dataSource.OpenConnectionAsync())
        {
            var council = Guid.NewGuid();
            await setup.ExecuteAsync(Council, new { Id = council });
            await setup.ExecuteAsync(Fill, new { Council = council, Keep = keep, Meetings = meetings });
            await setup.ExecuteAsync("VACUUM ANALYZE council_meetings");
        }
        Console.WriteLine($"Support meetings' retention: {meetings} meetings, a tenth past {keep.TotalDays:0} days");
        var sweep = new CouncilRecordsSweep(new Database(dataSource, new OutboxSignal(), TimeProvider.System), Options.Create(new SupportOptions()),
            TimeProvider.System, NullLogger<CouncilRecordsSweep>.Instance);
        for (var round = 1; round <= 2; round++)
        {
            await using var connectionOf = await dataSource.OpenConnectionAsync();
            await connectionOf.ExecuteAsync("CREATE TEMP TABLE kept AS SELECT * FROM council_meetings WHERE at < now() - @Keep", new { Keep = keep });
            var expired = await connectionOf.ExecuteScalarAsync<long>(Expired, new { Keep = keep });
            var clock = Stopwatch.StartNew();
            var runs = 1;
            while (await sweep.RunOnceAsync(CancellationToken.None))
            {
                runs++;
            }
            var swept = clock.Elapsed;
            var left = await connectionOf.ExecuteScalarAsync<long>(Expired, new { Keep = keep });
            await connectionOf.ExecuteAsync("INSERT INTO council_meetings SELECT * FROM kept");
            clock.Restart();
            var once = await connectionOf.ExecuteAsync("DELETE FROM council_meetings WHERE at < now() - @Keep", new { Keep = keep });
            var floor = clock.Elapsed;
            await connectionOf.ExecuteAsync("INSERT INTO council_meetings SELECT * FROM kept; DROP TABLE kept");
            Console.WriteLine($"  round {round}: the sweep deleted {expired - left} of {expired} expired in {swept.TotalMilliseconds:0} ms ({runs} batches, "
                + $"{(expired - left) / swept.TotalSeconds:0} meetings/s); one unbatched DELETE of {once}: {floor.TotalMilliseconds:0} ms "
                + $"(the sweep {swept / floor:0.0}x that)");
        }
        await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Database = "postgres" }.ConnectionString);
        await server.ExecuteAsync($"DROP DATABASE {database} WITH (FORCE)");
    }
}
