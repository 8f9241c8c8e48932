using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ReferralNet.BuildingBlocks.Hosting;

/// <summary>
/// Work a service does by itself, every <see cref="Period"/>: the one background-job pattern here, with one error
/// policy. A run that fails is logged (exceptions carry SQL and codes, never parameter values) and tried again at the
/// next tick; only stopping the service ends the loop. A run answers whether work is left (a batch came back full), and
/// is then repeated at once.
/// </summary>
public abstract class PeriodicJob(TimeProvider time, ILogger log) : BackgroundService
{
    protected TimeProvider Time => time;

    protected abstract TimeSpan Period { get; }

    /// <summary>False for a job whose first run waits a period (nothing is due yet when the service starts).</summary>
    protected virtual bool RunsAtStart => true;

    /// <summary>One run; true when it stopped at a batch limit and more is due now.</summary>
    public abstract Task<bool> RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunUntilStoppedAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped (the service, or this job alone): an end, not a failure the host should stop for.
        }
    }

    private async Task RunUntilStoppedAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        if (!RunsAtStart && !await timer.WaitForNextTickAsync(stoppingToken))
        {
            return;
        }
        do
        {
            try
            {
                while (await RunOnceAsync(stoppingToken))
                {
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "{Job} failed; it runs again in {Period}", GetType().Name, Period);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
