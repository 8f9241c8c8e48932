using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Testing;

namespace ReferralNet.Support.Tests;

/// <summary>
/// A young person a school referred (and so leads the case of), with a consent that shares the support plan with the
/// network and a first plan: a goal and two steps owned by the school. <see cref="Referral"/> is the referral as sent.
/// </summary>
public sealed record PlannedCase(HttpClient Lead, Guid School, Guid CaseId, Guid PersonId, string YouthAccessCode, object Referral, JsonObject Plan)
{
    public string PlanPath => $"/api/support/cases/{CaseId}/plan";

    public Guid StepId(int step) => Plan["steps"]![step]!["id"]!.GetValue<Guid>();

    public Guid GoalId(int goal) => Plan["goals"]![goal]!["id"]!.GetValue<Guid>();

    public static object PlanBody(Guid owner, string goal = "朝、決まった時間に起きる") => new
    {
        goals = new[] { new { text = goal } },
        steps = new[]
        {
            new { kind = "online-contact", title = "オンラインで話す", ownerAgencyId = owner, due = "2027-01-15" },
            new { kind = "small-group", title = "少人数の集まりに行ってみる", ownerAgencyId = owner, due = "2027-03-01" },
        },
    };

    public static async Task<PlannedCase> WithPlanAsync(IGatewayClients network, string givenName, params string[] categories)
    {
        var school = await new Scenario(network).CreateAgencyAsync("school", "Plan High");
        var teacher = await network.ClientAsync("worker", agency: school);
        var referral = Scenario.Referral(givenName: $"{givenName}{Guid.NewGuid():N}"[..8]);
        var opened = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals", referral), HttpStatusCode.Created);
        var (caseId, personId) = (opened["caseId"]!.GetValue<Guid>(), opened["personId"]!.GetValue<Guid>());
        await ReferredPerson.GrantAsync(teacher, personId, categories.Length == 0 ? [DataCategories.SupportPlan] : categories);
        var created = await Eventually.Until(
            async () => await teacher.PutAsJsonAsync($"/api/support/cases/{caseId}/plan", PlanBody(school)),
            r => r.StatusCode != HttpStatusCode.NotFound && r.StatusCode != HttpStatusCode.Forbidden,
            "the support service to know the case and its consent");
        return new PlannedCase(teacher, school, caseId, personId, opened["youthAccessCode"]!.GetValue<string>(), referral,
            await Scenario.ReadAsync(created, HttpStatusCode.Created));
    }

    /// <summary>A new agency refers the same young person and the lead admits it: a member of the team, and its worker.</summary>
    public async Task<(HttpClient Worker, Guid Agency)> AdmitAsync(IGatewayClients network, string kind, string name)
    {
        var agency = await new Scenario(network).CreateAgencyAsync(kind, name);
        var worker = await network.ClientAsync("worker", agency: agency);
        await Scenario.ReadAsync(await worker.PostAsJsonAsync("/api/intake/referrals", Referral), HttpStatusCode.Accepted);
        await Scenario.ReadAsync(await Lead.PostAsync($"/api/intake/cases/{CaseId}/team/{agency}/admit", null), HttpStatusCode.OK);
        return (worker, agency);
    }

    public async Task<JsonObject> ReadPlanAsync(HttpClient reader) => await Scenario.ReadAsync(await reader.GetAsync(PlanPath), HttpStatusCode.OK);

    /// <summary>A PUT of <paramref name="body"/> naming <paramref name="version"/> in If-Match (none when null).</summary>
    public Task<HttpResponseMessage> WriteAsync(HttpClient writer, object body, int? version)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, PlanPath) { Content = JsonContent.Create(body) };
        if (version is { } v)
        {
            request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{v}\""));
        }
        return writer.SendAsync(request);
    }

    public Task<HttpResponseMessage> MoveAsync(HttpClient mover, Guid stepId, string to, string? note = null) =>
        mover.PostAsJsonAsync($"{PlanPath}/steps/{stepId}/moves", new { to, note });

    public static string StatusOf(JsonObject plan, Guid stepId) =>
        plan["steps"]!.AsArray().Single(s => s!["id"]!.GetValue<Guid>() == stepId)!["status"]!.GetValue<string>();
}
