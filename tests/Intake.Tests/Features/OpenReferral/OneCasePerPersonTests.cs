using System.Net;
using System.Net.Http.Json;
using ReferralNet.Testing;
using static ReferralNet.Intake.Tests.Referrals;

namespace ReferralNet.Intake.Tests.Features.OpenReferral;

[Collection(NetworkCollection.Name)]
public sealed class OneCasePerPersonTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    private async Task<HttpClient> WorkerOfNewAgencyAsync(string kind, string name) =>
        (await new Referrals(_network).WorkerOfNewAgencyAsync(kind, name)).Worker;

    [Fact]
    public async Task The_same_person_from_a_school_and_a_clinic_with_width_and_kana_variants_lands_on_one_case_once_the_clinic_is_admitted()
    {
        var school = await WorkerOfNewAgencyAsync("school", "Kana High");
        var (clinic, clinicAgency) = await new Referrals(_network).WorkerOfNewAgencyAsync("clinic", "Kana Clinic");

        var first = await ReferAsync(school, Scenario.Referral(familyName: "ヤマダ", givenName: "タロウ"));
        var second = await ReferToWaitAsync(clinic, Scenario.Referral(familyName: "やまだ", givenName: " た ろ う "));
        var third = await ReferToWaitAsync(clinic, Scenario.Referral(familyName: "ﾔﾏﾀﾞ", givenName: "ﾀ・ﾛｳ"));

        Assert.False(first["existingCase"]!.GetValue<bool>());
        Assert.NotNull(first["youthAccessCode"]);
        foreach (var later in new[] { second, third })
        {
            Assert.Equal(["referralId", "status"], later.Select(p => p.Key));
            Assert.Equal("awaiting-admission", later["status"]!.GetValue<string>());
        }
        var caseId = IdOf(first, "caseId");
        await Scenario.ReadAsync(await school.PostAsync($"/api/intake/cases/{caseId}/team/{clinicAgency}/admit", null), HttpStatusCode.OK);
        foreach (var later in new[] { second, third })
        {
            var landed = await Scenario.ReadAsync(await clinic.GetAsync($"/api/intake/referrals/{IdOf(later, "referralId")}"), HttpStatusCode.OK);
            Assert.Equal("submitted", landed["status"]!.GetValue<string>());
            Assert.Equal(caseId, IdOf(landed, "caseId"));
        }
    }

    [Fact]
    public async Task Ten_simultaneous_first_referrals_for_one_new_person_make_one_person_and_one_case()
    {
        var workers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => WorkerOfNewAgencyAsync("school", $"Parallel {i}")));

        var responses = await Task.WhenAll(workers.Select(worker => SendAsync(worker, Scenario.Referral(givenName: "ハナコ"))));

        // One agency opened the case; the nine others wait to be admitted to it.
        var opened = await Scenario.ReadAsync(Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created), HttpStatusCode.Created);
        var waiting = await Task.WhenAll(responses.Where(r => r.StatusCode != HttpStatusCode.Created).Select(r => Scenario.ReadAsync(r, HttpStatusCode.Accepted)));
        Assert.Equal(9, waiting.Length);
        Assert.False(opened["existingCase"]!.GetValue<bool>());
        Assert.NotNull(opened["youthAccessCode"]);
        Assert.All(waiting, w => Assert.Null(w["caseId"]));
        Assert.Equal(10, waiting.Append(opened).Select(a => a["referralId"]!.GetValue<Guid>()).Distinct().Count());
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_gets_the_first_answer_and_stores_no_second_referral()
    {
        var worker = await WorkerOfNewAgencyAsync("school", "Retry High");
        var referral = Scenario.Referral(givenName: "ジロウ");
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ReferAsync(worker, referral, key)));
        var fresh = await ReferAsync(worker, referral); // no key: a new referral to the same case

        Assert.Single(answers.Select(a => a["referralId"]!.GetValue<Guid>()).Distinct());
        Assert.Single(answers, a => a["youthAccessCode"] is not null); // the one-time code is never replayed
        Assert.NotEqual(answers[0]["referralId"]!.GetValue<Guid>(), fresh["referralId"]!.GetValue<Guid>());
        Assert.True(fresh["existingCase"]!.GetValue<bool>());

        using var other = new HttpRequestMessage(HttpMethod.Post, "/api/intake/referrals")
        {
            Content = JsonContent.Create(Scenario.Referral(givenName: "サブロウ")),
        };
        other.Headers.Add("Idempotency-Key", key);
        var problem = await Scenario.ReadProblemAsync(await worker.SendAsync(other), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Idempotency-Key", problem["errors"]!.AsObject().Select(e => e.Key));
    }
}
