using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.Support.Features;
using ReferralNet.Support.Features.Councils;
using ReferralNet.Testing;

namespace ReferralNet.Support.Tests.Features.Councils;

/// <summary>
/// API-v3 §5: a statutory council's support meeting (支援会議) about a person — read by the agencies that attended and
/// nobody else, opening none of the case's data, listed for the young person with every read of its minutes in their
/// access log, and deleted once its retention has passed.
/// </summary>
[Collection(NetworkCollection.Name)]
public sealed class SupportMeetingTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task Only_the_agencies_that_attended_read_its_minutes_it_opens_no_case_data_and_the_young_person_sees_it_and_each_read()
    {
        var planned = await PlannedCase.WithPlanAsync(_network, "協");
        var scenario = new Scenario(_network);
        var welfare = await scenario.CreateAgencyAsync("welfare-office", "Council Welfare");
        var peers = await scenario.CreateAgencyAsync("cso", "Council Peers");
        var outsiderAgency = await scenario.CreateAgencyAsync("cso", "Council Outsider");
        using var coordinator = await _network.ClientAsync("coordinator", sub: "coordinator-convening");
        using var otherCoordinator = await _network.ClientAsync("coordinator", sub: "coordinator-other");
        using var welfareWorker = await _network.ClientAsync("worker", agency: welfare);
        using var peersWorker = await _network.ClientAsync("worker", agency: peers);
        using var outsider = await _network.ClientAsync("worker", agency: outsiderAgency);
        var council = await RegisterAsync(coordinator, [planned.School, welfare, peers]);
        var meetings = $"/api/support/councils/{council}/meetings";

        var notAMember = await coordinator.PostAsJsonAsync(meetings, new { at = DateTimeOffset.UtcNow.AddHours(-1), attendees = new[] { welfare, outsiderAgency }, caseId = planned.CaseId });
        var meetingId = (await Scenario.ReadAsync(await coordinator.PostAsJsonAsync(meetings,
            new { at = DateTimeOffset.UtcNow.AddHours(-1), attendees = new[] { planned.School, welfare }, caseId = planned.CaseId }), HttpStatusCode.Created))["meetingId"]!.GetValue<Guid>();
        var meeting = $"{meetings}/{meetingId}";
        var written = await Scenario.ReadAsync(await welfareWorker.PutAsJsonAsync($"{meeting}/minutes", new
        {
            decisions = new[] { "家庭訪問の前に、学校から本人に手紙を出す" },
            actions = new[] { new { agencyId = welfare, what = "家族に連絡する", due = "2027-01-31" } },
        }), HttpStatusCode.OK);
        var bySchool = await Scenario.ReadAsync(await planned.Lead.GetAsync(meeting), HttpStatusCode.OK);
        var byConvener = await Scenario.ReadAsync(await coordinator.GetAsync(meeting), HttpStatusCode.OK);
        var byMemberAway = await peersWorker.GetAsync(meeting);
        var byOutsider = await outsider.GetAsync(meeting);
        var byOtherCoordinator = await otherCoordinator.GetAsync(meeting);
        var outsiderMinutes = await outsider.PutAsJsonAsync($"{meeting}/minutes", new { decisions = new[] { "書き換え" } });
        var caseByWelfare = await welfareWorker.GetAsync($"/api/intake/cases/{planned.CaseId}");
        var planByWelfare = await welfareWorker.GetAsync(planned.PlanPath);
        var (youth, _) = await YouthSignIn.EnrolAsync(_network, planned.YouthAccessCode);
        using var __ = youth;
        var mine = await Scenario.ReadAsync(await youth.GetAsync("/api/support/me/meetings"), HttpStatusCode.OK);
        var reads = await Eventually.Until(async () => (await Scenario.ReadAsync(await youth.GetAsync(
                $"/api/consent/persons/{planned.PersonId}/access-log?limit=200"), HttpStatusCode.OK))["items"]!.AsArray()
                .Where(e => e!["category"]!.GetValue<string>() == CouncilRecords.Minutes).ToList(),
            entries => entries.Count >= 2, "the reads of the minutes in the young person's access log");

        Assert.Equal(ErrorCodes.NotAllowed, (await Scenario.ReadProblemAsync(notAMember, HttpStatusCode.UnprocessableEntity))["errorCodes"]!["attendees[1]"]![0]!.GetValue<string>());
        Assert.Equal("家族に連絡する", written["minutes"]!["actions"]![0]!["what"]!.GetValue<string>());
        Assert.Equal("家庭訪問の前に、学校から本人に手紙を出す", bySchool["minutes"]!["decisions"]![0]!.GetValue<string>());
        Assert.Null(byConvener["minutes"]);
        Assert.Equal([planned.School, welfare], byConvener["attendees"]!.AsArray().Select(a => a!.GetValue<Guid>()));
        await Scenario.ReadProblemAsync(byMemberAway, HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(byOutsider, HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(byOtherCoordinator, HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(outsiderMinutes, HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(caseByWelfare, HttpStatusCode.NotFound);
        await Scenario.ReadProblemAsync(planByWelfare, HttpStatusCode.NotFound);
        var listed = Assert.Single(mine["items"]!.AsArray(), m => m!["kind"]!.GetValue<string>() == MeetingKinds.SupportMeeting)!;
        Assert.Equal(("Council of the ward", LegalBases.SocialWelfareAct106_6), (listed["council"]!.GetValue<string>(), listed["legalBasis"]!.GetValue<string>()));
        Assert.Empty(listed["decisions"]!.AsArray());
        Assert.All(reads, e => Assert.Equal(CouncilRecords.Purpose, e!["purpose"]!.GetValue<string>()));
        Assert.Contains(reads, e => e!["agencyId"]!.GetValue<Guid>() == planned.School);
        Assert.Contains(reads, e => e!["agencyId"]!.GetValue<Guid>() == welfare);
    }

    [Fact]
    public async Task A_meeting_held_by_reference_is_linked_to_its_case_later_and_its_record_is_deleted_after_the_retention()
    {
        var planned = await PlannedCase.WithPlanAsync(_network, "参");
        using var coordinator = await _network.ClientAsync("coordinator");
        var council = await RegisterAsync(coordinator, [planned.School]);
        var meetings = $"/api/support/councils/{council}/meetings";
        var held = DateTimeOffset.UtcNow.AddDays(-2);

        var meetingId = (await Scenario.ReadAsync(await coordinator.PostAsJsonAsync(meetings,
            new { at = held, attendees = new[] { planned.School }, reference = "R-2026-014" }), HttpStatusCode.Created))["meetingId"]!.GetValue<Guid>();
        var byReference = await Scenario.ReadAsync(await planned.Lead.GetAsync($"{meetings}/{meetingId}"), HttpStatusCode.OK);
        var unknownCase = await planned.Lead.PutAsJsonAsync($"{meetings}/{meetingId}/case", new { caseId = Guid.NewGuid() });
        var linked = await Scenario.ReadAsync(await planned.Lead.PutAsJsonAsync($"{meetings}/{meetingId}/case", new { caseId = planned.CaseId }), HttpStatusCode.OK);
        // A sweep on a clock past the retention, as an instance of the service would run it then.
        var later = new ShiftedTime();
        later.Advance(new SupportOptions().CouncilRecordsFor + TimeSpan.FromDays(3));
        var services = _network.SupportServices;
        await new CouncilRecordsSweep(services.GetRequiredService<Database>(), services.GetRequiredService<IOptions<SupportOptions>>(), later,
            NullLogger<CouncilRecordsSweep>.Instance).RunOnceAsync(CancellationToken.None);
        var afterRetention = await planned.Lead.GetAsync($"{meetings}/{meetingId}");

        Assert.Equal(("R-2026-014", (Guid?)null), (byReference["reference"]!.GetValue<string>(), byReference["caseId"]?.GetValue<Guid>()));
        Assert.Equal(ErrorCodes.UnknownValue, (await Scenario.ReadProblemAsync(unknownCase, HttpStatusCode.UnprocessableEntity))["errorCodes"]!["caseId"]![0]!.GetValue<string>());
        Assert.Equal(planned.CaseId, linked["caseId"]!.GetValue<Guid>());
        await Scenario.ReadProblemAsync(afterRetention, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_councils_members_change_an_agency_that_leaves_attends_no_new_meeting_and_one_that_joins_is_bound_from_then()
    {
        var scenario = new Scenario(_network);
        var (first, second, third) = (await scenario.CreateAgencyAsync("school", "Members A"), await scenario.CreateAgencyAsync("clinic", "Members B"),
            await scenario.CreateAgencyAsync("cso", "Members C"));
        using var coordinator = await _network.ClientAsync("coordinator");
        var council = await RegisterAsync(coordinator, [first, second]);

        var changed = await Scenario.ReadAsync(await coordinator.PutAsJsonAsync($"/api/support/councils/{council}",
            new { name = "Council of the ward", legalBasis = LegalBases.ChildWelfareAct25_2, members = new[] { first, third } }), HttpStatusCode.OK);
        var leftAttends = await coordinator.PostAsJsonAsync($"/api/support/councils/{council}/meetings",
            new { at = DateTimeOffset.UtcNow, attendees = new[] { second }, reference = "M-1" });
        var unknown = await coordinator.PutAsJsonAsync($"/api/support/councils/{Guid.NewGuid()}",
            new { name = "None", legalBasis = LegalBases.ChildWelfareAct25_2, members = new[] { first } });
        var listed = await Scenario.ReadAsync(await coordinator.GetAsync("/api/support/councils"), HttpStatusCode.OK);

        Assert.Equal(LegalBases.ChildWelfareAct25_2, changed["legalBasis"]!.GetValue<string>());
        Assert.Equal(new[] { first, third }.Order(), changed["members"]!.AsArray().Select(m => m!["agencyId"]!.GetValue<Guid>()).Order());
        var stayed = changed["members"]!.AsArray().Single(m => m!["agencyId"]!.GetValue<Guid>() == first)!["boundSince"]!.GetValue<DateTimeOffset>();
        var joined = changed["members"]!.AsArray().Single(m => m!["agencyId"]!.GetValue<Guid>() == third)!["boundSince"]!.GetValue<DateTimeOffset>();
        Assert.True(stayed < joined, "the member that stayed keeps the day it was bound from");
        Assert.Equal(ErrorCodes.NotAllowed, (await Scenario.ReadProblemAsync(leftAttends, HttpStatusCode.UnprocessableEntity))["errorCodes"]!["attendees[0]"]![0]!.GetValue<string>());
        await Scenario.ReadProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Contains(listed["items"]!.AsArray(), c => c!["councilId"]!.GetValue<Guid>() == council);
    }

    private static async Task<Guid> RegisterAsync(HttpClient coordinator, Guid[] members) =>
        (await Scenario.ReadAsync(await coordinator.PostAsJsonAsync("/api/support/councils",
            new { name = "Council of the ward", legalBasis = LegalBases.SocialWelfareAct106_6, members }), HttpStatusCode.Created))["councilId"]!.GetValue<Guid>();
}
