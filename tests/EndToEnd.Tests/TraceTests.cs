using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ReferralNet.Testing;

namespace ReferralNet.EndToEnd.Tests;

[Collection(NetworkCollection.Name)]
public sealed class TraceTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task One_trace_follows_a_referral_from_the_gateway_request_to_the_matching_consumer()
    {
        var scenario = new Scenario(_network);
        var school = await scenario.CreateAgencyAsync("school", "Trace High");
        using var teacher = await _network.ClientAsync("worker", agency: school);
        var referral = await Scenario.ReadAsync(
            await teacher.PostAsJsonAsync("/api/intake/referrals", Scenario.Referral(givenName: $"跡{Guid.NewGuid():N}"[..8])),
            HttpStatusCode.Created);
        var referralId = referral["referralId"]!.GetValue<Guid>();
        await scenario.WaitForMatchesAsync(teacher, referralId);

        var gatewayRequest = await Eventually.Until(
            () => Task.FromResult(Snapshot().LastOrDefault(s =>
                s.Kind == ActivityKind.Server && s.GetTagItem("server.port") as int? == _network.Gateway.Port
                && s.GetTagItem("url.path") as string == "/api/intake/referrals")),
            span => span is not null, "the gateway's server span");
        var consumer = await Eventually.Until(
            () => Task.FromResult(Snapshot().FirstOrDefault(s =>
                s.Kind == ActivityKind.Consumer && s.TraceId == gatewayRequest!.TraceId
                && s.OperationName.Contains("matching-referral-submitted", StringComparison.Ordinal))),
            span => span is not null, "matching's consumer span in the gateway request's trace");

        // Walk up from the consumer: the gateway request must be among its ancestors. A span is exported when it ends, and
        // the outbox's publish span ends at the broker's confirmation, which can come after the consumer's span ended.
        var reached = await Eventually.Until(() => Task.FromResult(AncestorOf(consumer!, gatewayRequest!)),
            ancestor => ancestor is not null, "every span between the gateway request and the consumer to be exported");
        Assert.Equal(gatewayRequest!.SpanId, reached!.SpanId);
    }

    private Activity? AncestorOf(Activity span, Activity ancestor)
    {
        var bySpanId = Snapshot().Where(s => s.TraceId == ancestor.TraceId).ToDictionary(s => s.SpanId);
        var current = span;
        while (current is not null && current.SpanId != ancestor.SpanId)
        {
            current = bySpanId.GetValueOrDefault(current.ParentSpanId);
        }
        return current;
    }

    private IReadOnlyList<Activity> Snapshot() => _network.Spans.Snapshot();
}
