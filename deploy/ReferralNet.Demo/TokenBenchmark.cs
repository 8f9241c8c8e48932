using System.Diagnostics;
using System.Net.Http.Headers;

namespace ReferralNet.Demo;

/// <summary>
/// What token validation and the proxy hop cost: requests per second, closed loop, on a cheap route, through the
/// gateway and straight to intake in the same run. The authenticated route is intake's case list with a refused query
/// (the token is validated, then 422 before any database work); the anonymous one is a self-referral without a body's
/// fields (422, no database work either). The gateway validates a token and intake validates it again, as in
/// production. Start the network with the gateway's limits raised (see deploy/load.sh), or the limiter is measured.
/// </summary>
public static class TokenBenchmark
{
    private static readonly Func<HttpClient, Task<HttpResponseMessage>> Authenticated = client => client.GetAsync("/api/intake/cases?participating=false");
    private static readonly Func<HttpClient, Task<HttpResponseMessage>> Anonymous =
        client => client.PostAsync("/api/intake/self-referrals", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

    public static async Task RunAsync(GatewayClient gateway, Uri intake, TimeSpan each, int concurrency)
    {
        using var worker = await gateway.AsAsync("token-benchmark", "worker", Guid.NewGuid());
        var token = worker.DefaultRequestHeaders.Authorization!;
        using var direct = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = intake };
        direct.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(token.Scheme, token.Parameter);

        Console.WriteLine($"Token validation: {concurrency} callers, {each.TotalSeconds:0} s per run, closed loop");
        var rates = new Dictionary<string, double>();
        foreach (var (name, client, send) in new[]
        {
            ("warm-up", worker, Authenticated), ("gateway, token", worker, Authenticated), ("direct, token", direct, Authenticated),
            ("gateway, no token", gateway.Anonymous, Anonymous), ("direct, no token", direct, Anonymous),
        })
        {
            rates[name] = await RequestsPerSecondAsync(client, send, name == "warm-up" ? TimeSpan.FromSeconds(3) : each, concurrency);
            if (name != "warm-up")
            {
                Console.WriteLine($"  {name,-18}: {rates[name],8:0} requests/s");
            }
        }
        Console.WriteLine($"  ratio gateway / direct, token    : {rates["gateway, token"] / rates["direct, token"]:0.00}x");
        Console.WriteLine($"  ratio gateway / direct, no token : {rates["gateway, no token"] / rates["direct, no token"]:0.00}x");
    }

    private static async Task<double> RequestsPerSecondAsync(
        HttpClient client, Func<HttpClient, Task<HttpResponseMessage>> send, TimeSpan duration, int concurrency)
    {
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var done = 0;
            while (clock.Elapsed < duration)
            {
                using var response = await send(client);
                done++;
            }
            return done;
        }));
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }
}
