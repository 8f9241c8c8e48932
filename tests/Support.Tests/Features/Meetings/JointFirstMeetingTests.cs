using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ReferralNet.Testing;

namespace ReferralNet.Support.Tests.Features.Meetings;

/// <summary>
/// API-v3 §5: an accepted handoff's joint first meeting — proposed by the sender, confirmed by the receiver, moved at
/// the young person's request, and first contact recorded at it, which the case's timeline says.
/// </summary>
[Collection(NetworkCollection.Name)]
public sealed class JointFirstMeetingTests(NetworkFixture fixture)
{
    private readonly ReferralNetwork _network = fixture.Network;

    [Fact]
    public async Task Proposed_by_the_sender_confirmed_by_the_receiver_moved_for_the_young_person_and_first_contact_recorded_at_it()
    {
        var (person, handoffId, receiver) = await AcceptedHandoffAsync("三");
        using var _ = receiver;
        var meetings = $"/api/support/cases/{person.CaseId}/meetings";
        var proposal = new
        {
            kind = "joint-first-meeting", handoffId, at = DateTimeOffset.UtcNow.AddDays(5), onlineUrl = "https://meet.example.jp/three",
            agenda = "はじめまして。これからの話をゆっくり", youthInvited = false,
        };

        var byReceiver = await Eventually.Until(async () => await receiver.PostAsJsonAsync(meetings, proposal),
            r => r.StatusCode is not (HttpStatusCode.UnprocessableEntity or HttpStatusCode.NotFound),
            "the accepted handoff and the receiver's place on the team to reach the support service");
        var proposed = await Scenario.ReadAsync(await person.Teacher.PostAsJsonAsync(meetings, proposal), HttpStatusCode.Created);
        var meetingId = proposed["meetingId"]!.GetValue<Guid>();
        var again = await person.Teacher.PostAsJsonAsync(meetings, proposal);
        // The receiver's place on the team reaches the support service by its own queue: wait for it as the task list shows it.
        var toConfirm = await Eventually.Until(() => TasksAsync(receiver, TaskKinds.ConfirmMeeting, person.CaseId), t => t.Count > 0, "the receiver's task to confirm");
        var senderConfirms = await person.Teacher.PostAsync($"{meetings}/{meetingId}/confirm", null);
        var confirmed = await Scenario.ReadAsync(await receiver.PostAsync($"{meetings}/{meetingId}/confirm", null), HttpStatusCode.OK);
        var (youth, _) = await YouthSignIn.EnrolAsync(_network, person.YouthAccessCode!);
        using var __ = youth;
        var seen = Assert.Single((await Scenario.ReadAsync(await youth.GetAsync("/api/support/me/meetings"), HttpStatusCode.OK))["items"]!.AsArray())!;
        var asked = await Scenario.ReadAsync(await youth.PostAsJsonAsync($"/api/support/me/meetings/{meetingId}/move-request",
            new { note = "午前中は起きられないので、午後がいいです" }), HttpStatusCode.OK);
        var toMove = await TasksAsync(person.Teacher, TaskKinds.MoveMeeting, person.CaseId);
        var confirmWhileAsked = await receiver.PostAsync($"{meetings}/{meetingId}/confirm", null);
        var asTheReceiverSees = await Scenario.ReadAsync(await receiver.GetAsync($"{meetings}/{meetingId}"), HttpStatusCode.OK);
        var receiverMoves = await receiver.PutAsJsonAsync($"{meetings}/{meetingId}/time", new { at = DateTimeOffset.UtcNow.AddDays(6) });
        var moved = await Scenario.ReadAsync(await person.Teacher.PutAsJsonAsync($"{meetings}/{meetingId}/time",
            new { at = DateTimeOffset.UtcNow.AddDays(6) }), HttpStatusCode.OK);
        await Scenario.ReadAsync(await receiver.PostAsync($"{meetings}/{meetingId}/confirm", null), HttpStatusCode.OK);
        var contact = await Eventually.Until(async () => await receiver.PostAsJsonAsync($"/api/handoffs/{handoffId}/contact",
                new { modality = "video", meetingId }), r => r.StatusCode != HttpStatusCode.UnprocessableEntity,
            "the confirmation to reach the handoff service");
        var connected = await Scenario.ReadAsync(contact, HttpStatusCode.OK);
        var timeline = await Eventually.Until(
            async () => (await Scenario.ReadAsync(await receiver.GetAsync($"/api/intake/cases/{person.CaseId}"), HttpStatusCode.OK))["timeline"]!.AsArray(),
            entries => entries.Any(e => e!["kind"]!.GetValue<string>() == TimelineKinds.HandoffConnectedAtJointMeeting), "the timeline's entry of first contact at the meeting");

        Assert.Equal(HttpStatusCode.Forbidden, byReceiver.StatusCode);
        await Scenario.ReadProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Single(toConfirm);
        await Scenario.ReadProblemAsync(senderConfirms, HttpStatusCode.Forbidden);
        Assert.Equal(MeetingStatuses.Confirmed, confirmed["status"]!.GetValue<string>());
        Assert.Equal([person.School, person.Peers], confirmed["attendees"]!.AsArray().Select(a => a!.GetValue<Guid>()));
        Assert.True(confirmed["youthInvited"]!.GetValue<bool>());
        Assert.Equal((MeetingKinds.JointFirstMeeting, "https://meet.example.jp/three"), (seen["kind"]!.GetValue<string>(), seen["onlineUrl"]!.GetValue<string>()));
        Assert.Equal(MeetingStatuses.MoveRequested, asked["items"]![0]!["status"]!.GetValue<string>());
        Assert.Single(toMove);
        await Scenario.ReadProblemAsync(confirmWhileAsked, HttpStatusCode.Conflict);
        Assert.Equal("午前中は起きられないので、午後がいいです", asTheReceiverSees["moveNote"]!.GetValue<string>());
        await Scenario.ReadProblemAsync(receiverMoves, HttpStatusCode.Forbidden);
        Assert.Equal(MeetingStatuses.Proposed, moved["status"]!.GetValue<string>());
        Assert.Null(moved["moveNote"]);
        Assert.Equal(meetingId, connected["contactMeetingId"]!.GetValue<Guid>());
        var entry = timeline.Single(e => e!["kind"]!.GetValue<string>() == TimelineKinds.HandoffConnectedAtJointMeeting)!;
        Assert.Equal(person.Peers, entry["agencyId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task First_contact_naming_a_meeting_that_is_not_the_handoffs_confirmed_joint_meeting_is_refused_and_changes_nothing()
    {
        var (person, handoffId, receiver) = await AcceptedHandoffAsync("偽");
        using var _ = receiver;

        var refused = await receiver.PostAsJsonAsync($"/api/handoffs/{handoffId}/contact", new { modality = "video", meetingId = Guid.NewGuid() });
        var handoff = await Scenario.HandoffAsync(receiver, handoffId);

        var problem = await Scenario.ReadProblemAsync(refused, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(ErrorCodes.UnknownValue, problem["errorCodes"]!["meetingId"]![0]!.GetValue<string>());
        Assert.Equal(HandoffStatuses.Accepted, handoff["status"]!.GetValue<string>());
    }

    /// <summary>A school's referral, shared for contact and case notes, offered to the town's peer circle and accepted by it; its receiving worker.</summary>
    private async Task<(ReferredPerson Person, Guid HandoffId, HttpClient Receiver)> AcceptedHandoffAsync(string givenName)
    {
        var person = await ReferredPerson.CreateAsync(_network, givenName: givenName);
        await ReferredPerson.GrantAsync(person.Teacher, person.PersonId, [DataCategories.Contact, DataCategories.CaseNotes]);
        await person.MatchesAsync(_network);
        var handoffId = Scenario.HandoffIdOf(await person.OfferAsync(_network, 0));
        var receiver = await _network.ClientAsync("worker", agency: person.Peers);
        await Scenario.ReadAsync(await receiver.PostAsync($"/api/handoffs/{handoffId}/accept", null), HttpStatusCode.OK);
        return (person, handoffId, receiver);
    }

    private static async Task<List<JsonNode?>> TasksAsync(HttpClient worker, string kind, Guid caseId) =>
        [.. (await Scenario.ReadAsync(await worker.GetAsync("/api/support/tasks"), HttpStatusCode.OK))["items"]!.AsArray()
            .Where(t => t!["kind"]!.GetValue<string>() == kind && t["caseId"]!.GetValue<Guid>() == caseId)];
}
