namespace ReferralNet.Testing;

/// <summary>Waits on a condition with a deadline (never a fixed sleep): polls until it holds, fails with the last value seen.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(30);

    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> holds, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? DefaultDeadline);
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
            await Task.Delay(PollInterval);
        }
    }

    public static Task Until(Func<bool> holds, string what, TimeSpan? within = null) =>
        Until(() => Task.FromResult(holds()), ok => ok, what, within);

    /// <summary>Until a service's readiness answers 200: its database answers and its queues are bound.</summary>
    public static Task Ready(HttpClient service, string what) =>
        Until(async () => (await service.GetAsync("/health/ready")).StatusCode, status => status == System.Net.HttpStatusCode.OK,
            $"{what} to be ready", TimeSpan.FromSeconds(60));
}
