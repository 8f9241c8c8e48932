using ReferralNet.BuildingBlocks.Consent;

namespace ReferralNet.BuildingBlocks.Tests.Consent;

public sealed class ConsentIndexTests
{
    private readonly ConsentIndex _index = new(TimeProvider.System);
    private readonly Guid _person = Guid.NewGuid();
    private readonly Guid _case = Guid.NewGuid();
    private readonly Guid _school = Guid.NewGuid();
    private readonly Guid _clinic = Guid.NewGuid();

    public ConsentIndexTests()
    {
        _index.ApplyCase(_case, _person);
        _index.ApplyParticipant(_case, _school);
    }

    private ConsentEntry Consent(Guid id, string status = ConsentStatus.Active, bool network = true, Guid[]? agencies = null,
        long version = 1, DateTimeOffset? validUntil = null) =>
        new(id, _person, ConsentEntry.PurposeBits(["coordination"]), ConsentEntry.CategoryBits(["contact", "needs-summary"]),
            network, agencies ?? [], validUntil ?? DateTimeOffset.UtcNow.AddYears(1), status, version);

    [Fact]
    public void Network_consent_covers_an_agency_only_once_it_takes_part_in_the_case()
    {
        var id = Guid.NewGuid();
        _index.Apply(Consent(id));
        Assert.Equal(DenyReasons.NotParticipating, _index.Decide(_person, _clinic, "contact", "coordination").Reason);

        _index.ApplyParticipant(_case, _clinic);

        Assert.Equal(AccessDecision.Permit(id), _index.Decide(_person, _clinic, "contact", "coordination"));
        Assert.Equal(DenyReasons.NotCovered, _index.Decide(_person, _clinic, "health", "coordination").Reason);
        Assert.Equal(DenyReasons.NotCovered, _index.Decide(_person, _clinic, "contact", "statistics").Reason);
    }

    [Fact]
    public void Consent_to_named_agencies_covers_no_other_participant()
    {
        _index.ApplyParticipant(_case, _clinic);
        _index.Apply(Consent(Guid.NewGuid(), network: false, agencies: [_school]));

        Assert.True(_index.Decide(_person, _school, "contact", "coordination").Permitted);
        Assert.False(_index.Decide(_person, _clinic, "contact", "coordination").Permitted);
    }

    [Fact]
    public void An_older_version_of_a_consent_never_replaces_a_newer_one()
    {
        var id = Guid.NewGuid();
        _index.Apply(Consent(id, ConsentStatus.Revoked, version: 20));
        _index.Apply(Consent(id, ConsentStatus.Active, version: 10)); // a refresh that read the row before the revocation

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

        var decisions = _index.Decide(_person, _school, ["identity", "contact", "needs-summary"], "coordination");

        Assert.Equal([false, true, true], decisions.Values.Select(d => d.Permitted));
    }
}
