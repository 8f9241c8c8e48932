using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ReferralNet.Intake.Features.Dormancy;
using ReferralNet.Testing;
using static ReferralNet.Intake.Tests.Referrals;

namespace ReferralNet.Intake.Tests.Features.Dormancy;

[Collection(NetworkCollection.Name)]
public sealed class DormancyTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task A_case_without_contact_for_the_period_becomes_dormant_stays_with_its_lead_and_the_next_referral_opens_it()
    {
        var (clinic, clinicAgency) = await new Referrals(_network).WorkerOfNewAgencyAsync("clinic", "Quiet Clinic");
        var referral = Scenario.Referral("高橋", $"静{Guid.NewGuid():N}"[..6], UniqueBirthDate(), UniqueTown(), source: "agency-worker");
        var caseId = IdOf(await ReferAsync(clinic, referral), "caseId");
        var sweep = _network.IntakeServices.GetRequiredService<DormancySweep>();

        await sweep.MarkDormantAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        var view = await ViewAsync(clinic, caseId);
        Assert.Equal("open", view["status"]!.GetValue<string>()); // contact a moment ago: not quiet
        var marked = await sweep.MarkDormantAsync(DateTimeOffset.UtcNow.AddDays(91), CancellationToken.None);

        var dormant = await ViewAsync(clinic, caseId);
        Assert.True(marked >= 1, $"{marked} cases marked");
        Assert.Equal("dormant", dormant["status"]!.GetValue<string>());
        Assert.Equal(clinicAgency, IdOf(dormant, "leadAgencyId"));
        Assert.Equal("status-changed", KindsOf(dormant)[^1]);
        var recontact = await Scenario.ReadAsync(await clinic.GetAsync("/api/intake/cases?status=dormant"), HttpStatusCode.OK);
        Assert.Equal([caseId], recontact["items"]!.AsArray().Select(c => IdOf(c!.AsObject(), "caseId")));

        var again = await ReferAsync(clinic, referral);
        Assert.Equal(caseId, IdOf(again, "caseId"));
        Assert.Equal("open", (await ViewAsync(clinic, caseId))["status"]!.GetValue<string>());
    }
}
