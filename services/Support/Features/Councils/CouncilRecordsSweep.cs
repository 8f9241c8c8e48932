namespace ReferralNet.Support.Features.Councils;

/// <summary>
/// Deletes the support meetings held longer than <c>Support:CouncilRecordsFor</c> ago, minutes and all, in batches
/// (each instance may run it; a batch another instance deleted is not there to delete).
/// </summary>
public sealed class CouncilRecordsSweep(Database database, IOptions<SupportOptions> options, TimeProvider time, ILogger<CouncilRecordsSweep> log)
    : PeriodicJob(time, log)
{
    public const int Batch = 1000;

    private const string DeleteExpired = """
        DELETE FROM council_meetings WHERE id IN (
            SELECT id FROM council_meetings WHERE at < @Before ORDER BY at LIMIT @Batch FOR UPDATE SKIP LOCKED)
        """;

    protected override TimeSpan Period => TimeSpan.FromHours(1);

    public override async Task<bool> RunOnceAsync(CancellationToken ct) =>
        await database.ExecuteAsync(DeleteExpired, new { Before = Time.GetUtcNow() - options.Value.CouncilRecordsFor, Batch }, ct) == Batch;
}
