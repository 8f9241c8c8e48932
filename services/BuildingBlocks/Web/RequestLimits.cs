using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ReferralNet.BuildingBlocks.Web;

/// <summary>
/// How long a request line and how large its headers may be: the gateway refuses more with 414 or 431 problem+json.
/// Kestrel's own refusals have no body, so every process sets Kestrel's limits far above these: the gateway answers
/// first (a query of eleven parameters of 5 000 characters each was a bare 414 from Kestrel at twice the limit), and a
/// service accepts whatever the gateway let through, with the headers the proxy adds to it.
/// </summary>
public static class RequestLimits
{
    public const int MaxTargetLength = 8 * 1024;
    public const int MaxHeadersLength = 32 * 1024;

    public static void AboveTheGateways(KestrelServerOptions kestrel)
    {
        kestrel.Limits.MaxRequestLineSize = 16 * MaxTargetLength;
        kestrel.Limits.MaxRequestHeadersTotalSize = 2 * MaxHeadersLength;
    }
}
