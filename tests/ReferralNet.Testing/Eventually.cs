namespace ReferralNet.Testing;

/// <summary>Waits on a condition with a deadline (never a fixed sleep): polls until it holds, fails with the last value seen.</summary>
public static class Eventually
{
    // The first polls come quickly (most conditions hold within a few); a longer wait polls less often, so that the
    // tiers running side by side on two cores do not spend them asking.
    private static readonly TimeSpan FirstPollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestPollInterval = TimeSpan.FromMilliseconds(160);
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(30);

    /// <summary><paramref name="longestPoll"/>: for a probe that is itself costly (a broker's command-line tool), polled less often.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> holds, string what, TimeSpan? within = null, TimeSpan? longestPoll = null)
    {
        var deadline = DateTime.UtcNow + (within ?? DefaultDeadline);
        var interval = FirstPollInterval;
        while (true)
        {
            var value = await probe();
            if (holds(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {(within ?? DefaultDeadline).TotalSeconds:0.#} s for {what}; last seen: {value}");
            }
            await Task.Delay(interval);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, (longestPoll ?? LongestPollInterval).Ticks));
        }
    }

    public static Task Until(Func<bool> holds, string what, TimeSpan? within = null) =>
        Until(() => Task.FromResult(holds()), ok => ok, what, within);

    /// <summary>Until a service's readiness answers 200: its database answers and its queues are bound.</summary>
    public static Task Ready(HttpClient service, string what) =>
        Until(async () => (await service.GetAsync("/health/ready")).StatusCode, status => status == System.Net.HttpStatusCode.OK,
            $"{what} to be ready", TimeSpan.FromSeconds(60));
}
