using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using ReferralNet.BuildingBlocks.Hosting;
using ReferralNet.BuildingBlocks.Web;
using ReferralNet.Testing;

namespace ReferralNet.BuildingBlocks.Tests.Web;

[Trait(Tier.Trait, Tier.Unit)]
public sealed class AdmissionTests : IAsyncDisposable
{
    private readonly List<WebApplication> _apps = [];

    [Fact]
    public async Task A_request_that_would_wait_past_the_queue_budget_gets_503_with_retry_after_and_does_nothing()
    {
        var (client, work, first) = await StartWithTheOnePlaceTakenAsync(queued: 10, budget: TimeSpan.FromMilliseconds(200));

        var refused = await client.GetAsync("/work");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(3), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("busy", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(first.IsCompleted);
        Assert.Equal(1, work.Started);
        work.Release();
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
    }

    [Fact]
    public async Task A_request_beyond_a_full_queue_is_refused_at_once()
    {
        var (client, work, first) = await StartWithTheOnePlaceTakenAsync(queued: 0, budget: TimeSpan.FromMinutes(1));

        var refused = await client.GetAsync("/work");

        // Answered while the only place is still taken: it did not wait for it.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.False(first.IsCompleted);
        work.Release();
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.Equal(1, work.Started);
    }

    [Fact]
    public async Task A_queued_request_is_worked_on_once_a_place_frees_within_the_budget()
    {
        var (client, work, first) = await StartWithTheOnePlaceTakenAsync(queued: 1, budget: TimeSpan.FromMinutes(1));
        var second = client.GetAsync("/work");

        work.Release();

        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second).StatusCode);
        Assert.Equal(2, work.Started);
    }

    [Fact]
    public async Task Health_and_held_open_requests_are_answered_while_every_place_is_taken()
    {
        var (client, work, first) = await StartWithTheOnePlaceTakenAsync(queued: 0, budget: TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/held-open")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/work")).StatusCode);
        work.Release();
        await first;
    }

    /// <summary>A process with one place for work, taken by a request that is worked on until the test releases it.</summary>
    private async Task<(HttpClient Client, HeldWork Work, Task<HttpResponseMessage> First)> StartWithTheOnePlaceTakenAsync(int queued, TimeSpan budget)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(TestIssuers.Trusted)
        {
            ["Admission:ConcurrentRequests"] = "1",
            ["Admission:QueuedRequests"] = queued.ToString(),
            ["Admission:QueueBudget"] = budget.ToString(),
            ["Admission:RetryAfterSeconds"] = "3",
        });
        builder.AddWebDefaults("admission-probe");
        var app = builder.Build();
        app.UseWebDefaults();
        var work = new HeldWork();
        app.MapGet("/work", work.DoAsync).AllowAnonymous();
        app.MapGet("/held-open", () => TypedResults.Ok()).AllowAnonymous().HeldOpenForChanges();
        await app.StartAsync();
        _apps.Add(app);
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var first = client.GetAsync("/work");
        await Eventually.Until(() => work.Started == 1, "the first request to be worked on");
        return (client, work, first);
    }

    /// <summary>Work that counts its starts and finishes only when the test lets it.</summary>
    private sealed class HeldWork
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _started;

        public int Started => Volatile.Read(ref _started);

        public async Task<Ok> DoAsync()
        {
            Interlocked.Increment(ref _started);
            await _released.Task;
            return TypedResults.Ok();
        }

        public void Release() => _released.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }
    }
}
