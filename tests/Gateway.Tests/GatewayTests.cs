using System.Net;
using System.Net.Http.Json;
using ReferralNet.BuildingBlocks.Web;
using ReferralNet.Testing;

namespace ReferralNet.Gateway.Tests;

[Collection(NetworkCollection.Name)]
public sealed class GatewayTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task A_request_without_a_token_gets_401_problem_json()
    {
        using var anonymous = await _network.ClientAsync();
        await Scenario.ReadProblemAsync(await anonymous.GetAsync("/api/matching/agencies"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_gets_401()
    {
        using var forger = await _network.ClientAsync();
        forger.DefaultRequestHeaders.Authorization = new("Bearer",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4Iiwicm9sZSI6ImNvb3JkaW5hdG9yIn0.c2lnbmF0dXJlLW5vdC12YWxpZA");
        await Scenario.ReadProblemAsync(await forger.GetAsync("/api/insights/summary"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_young_person_asking_for_the_coordinators_dashboard_gets_403()
    {
        using var youth = await _network.ClientAsync("youth", person: Guid.NewGuid());
        await Scenario.ReadProblemAsync(await youth.GetAsync("/api/insights/summary"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_2_MiB_body_gets_413_problem_json_and_creates_nothing()
    {
        using var worker = await _network.ClientAsync("worker", agency: Guid.NewGuid());
        var huge = Scenario.Json($$"""{ "summary": "{{new string('x', 2 * 1024 * 1024)}}" }""");
        await Scenario.ReadProblemAsync(await worker.PostAsync("/api/intake/referrals", huge), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Malformed_json_gets_400_problem_json_from_the_service_behind_the_gateway()
    {
        using var worker = await _network.ClientAsync("worker", agency: Guid.NewGuid());
        var problem = await Scenario.ReadProblemAsync(
            await worker.PostAsync("/api/intake/referrals", Scenario.Json("""{ "person": { "familyName": "山田", """)), HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_gets_400_naming_the_field_not_the_value()
    {
        using var worker = await _network.ClientAsync("worker", agency: Guid.NewGuid());
        var problem = await Scenario.ReadProblemAsync(
            await worker.PostAsync("/api/intake/referrals", Scenario.Json("""{ "person": { "birthDate": "not-a-date-taro" } }""")),
            HttpStatusCode.BadRequest);
        Assert.Contains("birthDate", problem["detail"]!.GetValue<string>());
        Assert.DoesNotContain("taro", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_invalid_referral_gets_422_naming_every_field()
    {
        using var worker = await _network.ClientAsync("worker", agency: Guid.NewGuid());
        var problem = await Scenario.ReadProblemAsync(await worker.PostAsJsonAsync("/api/intake/referrals", new
        {
            person = new { familyName = "", givenName = "太郎", birthDate = "2024-01-01", municipality = "Setagaya" },
            source = "neighbour", needs = new[] { "mental-health", "astrology" }, summary = "x",
        }), HttpStatusCode.UnprocessableEntity);
        var fields = problem["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Equal(["needs", "person.birthDate", "person.familyName", "source"], fields.Order());
    }

    [Fact]
    public async Task The_correlation_id_of_a_request_comes_back_and_one_is_made_when_missing()
    {
        using var anonymous = await _network.ClientAsync();
        using var given = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        given.Headers.Add(CorrelationId.Header, "case-42-check");
        var echoed = await anonymous.SendAsync(given);
        Assert.Equal("case-42-check", echoed.Headers.GetValues(CorrelationId.Header).Single());

        var made = await anonymous.GetAsync("/api/matching/agencies");
        Assert.Equal(32, made.Headers.GetValues(CorrelationId.Header).Single().Length);
    }

    [Fact]
    public async Task The_gateway_is_ready_when_every_service_behind_it_is()
    {
        using var anonymous = await _network.ClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Dev_tokens_answer_404_when_switched_off()
    {
        await using var production = _network.StartGateway(new Dictionary<string, string?> { ["Gateway:DevTokens"] = "false" });
        using var anonymous = await production.ClientAsync();
        var response = await anonymous.PostAsJsonAsync("/dev/token", new { sub = "u-1", role = "coordinator" });
        await Scenario.ReadProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_gateway_refuses_to_start_with_dev_tokens_on_outside_the_development_environment()
    {
        var settings = new Dictionary<string, string?>(
            [.. TestIssuers.Trusted, .. TestIssuers.Signing(TestIssuers.Development, TestIssuers.DevelopmentKey)]) { ["Gateway:DevTokens"] = "true" };
        await using var production = new ServiceHost<GatewayOptions>(settings, environment: "Production");

        var refused = Assert.ThrowsAny<Exception>(() => production.Start());

        Assert.Contains("Gateway:DevTokens is on in the 'Production' environment", refused.ToString());
    }

    [Fact]
    public async Task A_user_over_the_rate_limit_gets_429()
    {
        await using var limited = _network.StartGateway(new Dictionary<string, string?>
        {
            ["Gateway:RateLimit:PermitsPerSecond"] = "1",
            ["Gateway:RateLimit:Burst"] = "3",
        });
        using var coordinator = await limited.ClientAsync("coordinator");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await coordinator.GetAsync("/api/matching/agencies")).StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
    }

    [Fact]
    public async Task Every_answer_forbids_sniffing_and_referrers_and_api_answers_are_never_stored()
    {
        using var worker = await _network.ClientAsync("worker", agency: Guid.NewGuid());
        using var anonymous = await _network.ClientAsync();

        var api = await worker.GetAsync($"/api/intake/cases/{Guid.NewGuid()}");
        var health = await anonymous.GetAsync("/health/live");

        foreach (var response in new[] { api, health })
        {
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
            Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
        }
        Assert.True(api.Headers.CacheControl?.NoStore, "an API answer must carry Cache-Control: no-store");
    }
}
