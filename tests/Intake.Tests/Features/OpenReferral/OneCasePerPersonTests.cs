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
    public async Task The_same_person_from_a_school_and_a_clinic_with_width_and_kana_variants_lands_on_one_case()
    {
        var school = await WorkerOfNewAgencyAsync("school", "Kana High");
        var clinic = await WorkerOfNewAgencyAsync("clinic", "Kana Clinic");

        var first = await ReferAsync(school, Scenario.Referral(familyName: "ヤマダ", givenName: "タロウ"));
        var second = await ReferAsync(clinic, Scenario.Referral(familyName: "やまだ", givenName: " た ろ う "));
        var third = await ReferAsync(clinic, Scenario.Referral(familyName: "ﾔﾏﾀﾞ", givenName: "ﾀ・ﾛｳ"));

        Assert.False(first["existingCase"]!.GetValue<bool>());
        Assert.NotNull(first["youthAccessCode"]);
        foreach (var later in new[] { second, third })
        {
            Assert.True(later["existingCase"]!.GetValue<bool>());
            Assert.Equal(first["caseId"]!.GetValue<Guid>(), later["caseId"]!.GetValue<Guid>());
            Assert.Equal(first["personId"]!.GetValue<Guid>(), later["personId"]!.GetValue<Guid>());
            Assert.Null(later["youthAccessCode"]);
        }
    }

    [Fact]
    public async Task Ten_simultaneous_first_referrals_for_one_new_person_make_one_person_and_one_case()
    {
        var workers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => WorkerOfNewAgencyAsync("school", $"Parallel {i}")));

        var answers = await Task.WhenAll(workers.Select(worker => ReferAsync(worker, Scenario.Referral(givenName: "ハナコ"))));

        Assert.Single(answers.Select(a => a["caseId"]!.GetValue<Guid>()).Distinct());
        Assert.Single(answers.Select(a => a["personId"]!.GetValue<Guid>()).Distinct());
        Assert.Single(answers, a => !a["existingCase"]!.GetValue<bool>());
        Assert.Single(answers, a => a["youthAccessCode"] is not null);
        Assert.Equal(10, answers.Select(a => a["referralId"]!.GetValue<Guid>()).Distinct().Count());
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
