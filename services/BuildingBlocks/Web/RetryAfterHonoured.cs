using System.Diagnostics;
using System.Net;

namespace ReferralNet.BuildingBlocks.Web;

/// <summary>
/// A careful client of the gateway, as the network's own clients are: a request refused with 503 and Retry-After
/// (nothing done) is sent again after the time it names, for up to <see cref="GiveUpAfter"/>. The demo data's loader
/// and a fault suite's own requests use it (they run while the gateway lets in only a share of new work); a load
/// benchmark counts its refusals itself and does not.
/// </summary>
public sealed class RetryAfterHonoured() : DelegatingHandler(new SocketsHttpHandler())
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await base.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || response.Headers.RetryAfter?.Delta is not { } retryAfter
                || clock.Elapsed > GiveUpAfter)
            {
                return response;
            }
            response.Dispose();
            await Task.Delay(retryAfter < LongestWait ? retryAfter : LongestWait, ct);
        }
    }
}
