using ReferralNet.BuildingBlocks.Consent;
using ReferralNet.Testing;

namespace ReferralNet.BuildingBlocks.Tests.Consent;

[Trait(Tier.Trait, Tier.Unit)]
public sealed class ConsentIndexTests
{
    private static readonly TimeSpan ReadWindow = TimeSpan.FromDays(30);
    private readonly ShiftedTime _time = new();
    private readonly ConsentIndex _index;
    private readonly Guid _person = Guid.NewGuid();
    private readonly Guid _case = Guid.NewGuid();
    private readonly Guid _school = Guid.NewGuid();
    private readonly Guid _clinic = Guid.NewGuid();

    public ConsentIndexTests()
    {
        _index = new ConsentIndex(_time, ReadWindow);
        _index.ApplyCase(_case, _person);
        _index.ApplyParticipant(_case, _school, takesPart: true);
    }

    private ConsentEntry Consent(Guid id, string status = ConsentStatuses.Active, bool network = true, Guid[]? agencies = null,
        long version = 1, DateTimeOffset? validUntil = null) =>
        new(id, _person, ConsentEntry.PurposeBits(["coordination"]), ConsentEntry.CategoryBits(["contact", "needs-summary"]),
            network, agencies ?? [], validUntil ?? DateTimeOffset.UtcNow.AddYears(1), status, version);

    [Fact]
    public void An_ended_standing_is_not_brought_back_by_an_older_read_of_the_join_and_a_later_join_reopens_it()
    {
        _index.ApplyParticipant(_case, _clinic, takesPart: true, version: 10);
        _index.ApplyParticipant(_case, _clinic, takesPart: false, version: 12);
        _index.ApplyParticipant(_case, _clinic, takesPart: true, version: 10); // a refresh that read the row before the end
        var ended = _index.TakesPart(_case, _clinic);
        _index.ApplyParticipant(_case, _clinic, takesPart: true, version: 15);

        Assert.False(ended);
        Assert.True(_index.TakesPart(_case, _clinic));
    }

    [Fact]
    public void Network_consent_covers_an_agency_only_once_it_takes_part_in_the_case()
    {
        var id = Guid.NewGuid();
        _index.Apply(Consent(id));
        Assert.Equal(DenyReasons.NotParticipating, _index.Decide(_person, _clinic, "contact", "coordination").Reason);

        _index.ApplyParticipant(_case, _clinic, takesPart: true);

        Assert.Equal(AccessDecision.Permit(id), _index.Decide(_person, _clinic, "contact", "coordination"));
        Assert.Equal(DenyReasons.NotCovered, _index.Decide(_person, _clinic, "health", "coordination").Reason);
        Assert.Equal(DenyReasons.NotCovered, _index.Decide(_person, _clinic, "contact", "statistics").Reason);
    }

    [Fact]
    public void Consent_to_named_agencies_covers_no_other_participant()
    {
        _index.ApplyParticipant(_case, _clinic, takesPart: true);
        _index.Apply(Consent(Guid.NewGuid(), network: false, agencies: [_school]));

        Assert.True(_index.Decide(_person, _school, "contact", "coordination").Permitted);
        Assert.False(_index.Decide(_person, _clinic, "contact", "coordination").Permitted);
    }

    [Fact]
    public void An_older_version_of_a_consent_never_replaces_a_newer_one()
    {
        var id = Guid.NewGuid();
        _index.Apply(Consent(id, ConsentStatuses.Revoked, version: 20));
        _index.Apply(Consent(id, ConsentStatuses.Active, version: 10)); // a refresh that read the row before the revocation

        Assert.Equal(AccessDecision.Deny(DenyReasons.Revoked, id), _index.Decide(_person, _school, "contact", "coordination"));
    }

    [Fact]
    public void A_consent_past_its_valid_until_denies_as_expired_before_its_expiry_event_arrives()
    {
        var id = Guid.NewGuid();
        _index.Apply(Consent(id, validUntil: DateTimeOffset.UtcNow.AddSeconds(-1)));

        Assert.Equal(AccessDecision.Deny(DenyReasons.Expired, id), _index.Decide(_person, _school, "contact", "coordination"));
    }

    [Fact]
    public void One_read_decides_all_its_categories_against_one_state()
    {
        _index.Apply(Consent(Guid.NewGuid()));

        var decisions = _index.DecideInCase(_case, _person, _school, ["identity", "contact", "needs-summary"], "coordination");

        Assert.Equal([false, true, true], decisions.Values.Select(d => d.Permitted));
    }

    [Fact]
    public void Taking_part_in_one_case_of_a_person_opens_no_other_case_of_theirs()
    {
        var otherCase = Guid.NewGuid();
        _index.ApplyCase(otherCase, _person);
        _index.ApplyParticipant(otherCase, _clinic, takesPart: true);
        _index.Apply(Consent(Guid.NewGuid()));

        Assert.True(_index.TakesPart(otherCase, _clinic));
        Assert.False(_index.TakesPart(_case, _clinic));
        Assert.Equal(DenyReasons.NotParticipating, _index.DecideInCase(_case, _person, _clinic, ["contact"], "coordination")["contact"].Reason);
        Assert.True(_index.DecideInCase(otherCase, _person, _clinic, ["contact"], "coordination")["contact"].Permitted);
    }

    [Fact]
    public void After_closing_the_participants_keep_the_case_for_the_read_window_and_then_only_the_lead_does()
    {
        _index.ApplyParticipant(_case, _clinic, takesPart: true);
        _index.ApplyClosing(_case, new CaseClosing(_time.GetUtcNow(), LeadAgencyId: _school));

        _time.Advance(ReadWindow - TimeSpan.FromMinutes(1));
        Assert.True(_index.TakesPart(_case, _clinic));

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(_index.TakesPart(_case, _clinic));
        Assert.False(_index.TakesPartInCaseOf(_person, _clinic));
        Assert.True(_index.TakesPart(_case, _school));
        Assert.True(_index.IsShutOut(_case, _clinic));
        Assert.False(_index.IsShutOut(_case, _school));
    }
}
