using ReferralNet.Testing;
using ReferralNet.Web.Features.Youth;

namespace ReferralNet.Web.Tests.Features.Youth;

[Trait(Tier.Trait, Tier.Unit)]
public sealed class AccessLogVisitsTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 5, 3, 0, 0, TimeSpan.Zero);
    private static readonly Guid School = Guid.NewGuid();
    private static readonly Guid Clinic = Guid.NewGuid();

    [Fact]
    public void A_case_page_read_by_one_agency_is_one_visit_naming_each_kind_of_record_once()
    {
        var visits = AccessLogVisit.Of(
        [
            Read(School, DataCategories.Contact, Noon),
            Read(School, DataCategories.Identity, Noon.AddSeconds(-1)),
            Read(School, DataCategories.Contact, Noon.AddSeconds(-20)),
        ]);

        var visit = Assert.Single(visits);
        Assert.Equal([DataCategories.Contact, DataCategories.Identity], visit.Categories);
        Assert.Equal(Noon, visit.First.At);
    }

    [Fact]
    public void Another_agency_another_decision_a_later_moment_or_a_sign_in_start_a_visit_of_their_own()
    {
        var visits = AccessLogVisit.Of(
        [
            Read(School, DataCategories.Contact, Noon),
            Read(Clinic, DataCategories.Contact, Noon.AddSeconds(-1)),
            Read(Clinic, DataCategories.Identity, Noon.AddSeconds(-2), AccessDecisions.Deny),
            Read(Clinic, DataCategories.Identity, Noon.AddMinutes(-2), AccessDecisions.Deny),
            Read(Clinic, DataCategories.Identity, Noon.AddMinutes(-2).AddSeconds(-1), AccessDecisions.Deny) with { Kind = AccessLogKinds.SignedIn },
        ]);

        Assert.Equal(5, visits.Count);
        Assert.All(visits, v => Assert.Single(v.Categories));
    }

    private static AccessLogEntry Read(Guid agency, string category, DateTimeOffset at, string decision = AccessDecisions.Permit) =>
        new(Guid.CreateVersion7(), at, AccessLogKinds.Read, agency, Roles.Worker, category, ConsentPurposes.Coordination, decision);
}
