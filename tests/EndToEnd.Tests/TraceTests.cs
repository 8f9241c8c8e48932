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

        // Walk up from the consumer: the gateway request must be among its ancestors.
        var bySpanId = Snapshot().Where(s => s.TraceId == gatewayRequest!.TraceId).ToDictionary(s => s.SpanId);
        var ancestor = consumer;
        while (ancestor is not null && ancestor.SpanId != gatewayRequest!.SpanId)
        {
            ancestor = bySpanId.GetValueOrDefault(ancestor.ParentSpanId);
        }
        Assert.NotNull(ancestor);
    }

    private IReadOnlyList<Activity> Snapshot() => _network.Spans.Snapshot();
}
