using ReferralNet.Handoff.Features.MoveHandoff;
using ReferralNet.Handoff.Features.OfferHandoff;
using ReferralNet.Handoff.Features.ViewHandoffs;
using ReferralNet.Testing;

namespace ReferralNet.Handoff.Tests.Features.MoveHandoff;

/// <summary>Each request of the handoff service checks itself, before anything is read or written.</summary>
[Trait(Tier.Trait, Tier.Unit)]
public sealed class MoveRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_decline_needs_a_known_reason_and_a_note_of_at_most_2000_characters()
    {
        Assert.True(new DeclineRequest(DeclineReasons.NoCapacity, "We are full until March.").Validate().IsValid);
        Assert.False(new DeclineRequest(null, null).Validate().IsValid);
        Assert.False(new DeclineRequest("busy", null).Validate().IsValid);
        Assert.False(new DeclineRequest(DeclineReasons.Other, new string('x', DeclineRequest.MaxNoteLength + 1)).Validate().IsValid);
    }

    [Fact]
    public void A_first_contact_needs_a_modality_and_a_time_not_in_the_future()
    {
        Assert.True(new ContactRequest(null, Modalities.Phone).Validate(Now, isJointMeeting: false).IsValid);
        Assert.True(new ContactRequest(Now.AddMinutes(4), Modalities.Phone).Validate(Now, isJointMeeting: false).IsValid); // clocks differ a little
        Assert.False(new ContactRequest(Now.AddHours(1), Modalities.Phone).Validate(Now, isJointMeeting: false).IsValid);
        Assert.False(new ContactRequest(new DateTimeOffset(1899, 12, 31, 0, 0, 0, TimeSpan.Zero), Modalities.Phone).Validate(Now, isJointMeeting: false).IsValid);
        Assert.False(new ContactRequest(null, "carrier-pigeon").Validate(Now, isJointMeeting: false).IsValid);
        Assert.False(new ContactRequest(null, Modalities.Video, MeetingId: Guid.NewGuid()).Validate(Now, isJointMeeting: false).IsValid);
        Assert.True(new ContactRequest(null, Modalities.Video, MeetingId: Guid.NewGuid()).Validate(Now, isJointMeeting: true).IsValid);
    }

    [Fact]
    public void Completing_needs_a_known_outcome_and_an_offer_needs_its_referral_and_service()
    {
        Assert.True(new CompleteRequest(Outcomes.GotHelp).Validate().IsValid);
        Assert.False(new CompleteRequest(null).Validate().IsValid);
        Assert.True(new OfferHandoffRequest(Guid.NewGuid(), Guid.NewGuid(), null).Validate().IsValid);
        Assert.False(new OfferHandoffRequest(null, Guid.NewGuid(), null).Validate().IsValid);
        Assert.False(new OfferHandoffRequest(Guid.NewGuid(), null, null).Validate().IsValid);
    }

    [Fact]
    public void A_list_of_handoffs_may_leave_out_its_filters_but_not_give_unknown_ones()
    {
        Assert.True(new ListHandoffsQuery(null, null, null, null).Validate().IsValid);
        Assert.True(new ListHandoffsQuery(HandoffDirections.Outgoing, HandoffStatuses.Offered, 10, null).Validate().IsValid);
        Assert.False(new ListHandoffsQuery("sideways", null, null, null).Validate().IsValid);
        Assert.False(new ListHandoffsQuery(null, "lost", null, null).Validate().IsValid);
    }
}
