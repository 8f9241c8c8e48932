using ReferralNet.Intake.Features.SharedCase;

namespace ReferralNet.Intake.Features.Dormancy;

/// <summary>
/// Marks open cases with no contact for <see cref="IntakeOptions.DormantAfter"/> as dormant: they stay with their lead
/// agency (listed with <c>status=dormant</c> for low-touch re-contact) rather than being closed, and the next referral or
/// first contact opens them again. Runs at start and then periodically; two instances mark each case once (the row lock
/// and the status condition decide).
/// </summary>
public sealed class DormancySweep(Database database, IOptions<IntakeOptions> options, TimeProvider time, ILogger<DormancySweep> log)
    : PeriodicJob(time, log)
{
    private const string MarkDormant = $"""
        WITH quiet AS (
            UPDATE cases SET status = '{CaseStatuses.Dormant}', updated_at = @Now
            WHERE status = '{CaseStatuses.Open}' AND last_contact_at < @Cutoff
            RETURNING id)
        INSERT INTO case_timeline (case_id, at, kind, agency_id, ref_id, detail)
        SELECT id, @Now, '{TimelineKinds.StatusChanged}', NULL, NULL, '{CaseStatuses.Dormant}' FROM quiet
        """;

    /// <summary>Marks the cases quiet since before <paramref name="now"/> minus the dormancy period; answers how many.</summary>
    public async Task<int> MarkDormantAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        var marked = await work.ExecuteAsync(MarkDormant, new { Now = now, Cutoff = now - options.Value.DormantAfter }, ct);
        await work.CommitAsync(ct);
        return marked;
    }

    protected override TimeSpan Period => options.Value.DormancyCheckEvery;

    public override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        if (await MarkDormantAsync(Time.GetUtcNow(), ct) is > 0 and var marked)
        {
            log.LogInformation("{Count} cases without contact for {Period} are now dormant", marked, options.Value.DormantAfter);
        }
        return false;
    }
}
