using System.Diagnostics.Metrics;

namespace ReferralNet.Insights.Consumers;

/// <summary>
/// The network's flow as a metric for operators (<c>referralnet.flow</c>, one series per flow metric: referrals,
/// offers, passes, escalations, …), counted once each event's count is committed. Counts only, as on the dashboards:
/// no case, person or agency in a tag.
/// </summary>
public static class FlowCounter
{
    private static readonly Meter Meter = new("ReferralNet.Insights");

    private static readonly Counter<long> Events = Meter.CreateCounter<long>(
        "referralnet.flow", unit: "{event}", description: "Network events counted by insights, by flow metric");

    public static void Add(IReadOnlyDictionary<string, int> committed)
    {
        foreach (var (metric, count) in committed)
        {
            Events.Add(count, new KeyValuePair<string, object?>("metric", metric));
        }
    }
}
