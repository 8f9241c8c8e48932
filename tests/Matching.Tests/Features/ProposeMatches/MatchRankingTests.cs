using ReferralNet.Contracts;
using ReferralNet.Matching.Features.ProposeMatches;
using ReferralNet.Matching.Features.Services;

namespace ReferralNet.Matching.Tests.Features.ProposeMatches;

public sealed class MatchRankingTests
{
    private static ReferralSubmitted Referral(string[] needs, int age = 19, string[]? modalities = null, bool remoteFirst = true) => new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "school", needs, "routine",
        modalities ?? ["online-chat"], remoteFirst, ["ja"], age, "Setagaya", DateTimeOffset.UtcNow);

    private static DirectoryService Service(
        string name, string[] needs, string[]? modalities = null, int ageMin = 12, int ageMax = 39, string[]? municipalities = null,
        int available = 3, string status = "active") =>
        new(Guid.NewGuid(), new ServiceDescription(Guid.NewGuid(), name, "", needs, modalities ?? ["online-chat"], ageMin, ageMax,
            municipalities ?? ["Setagaya"], ["ja"], "free", new Capacity(available, 20, 0), status));

    [Fact]
    public void A_service_covering_more_of_the_needs_ranks_first()
    {
        var both = Service("both", ["mental-health", "social-connection"]);
        var one = Service("one", ["social-connection"]);

        var ranked = MatchRanking.Rank(Referral(["mental-health", "social-connection"]), [one, both]);

        Assert.Equal([both.Id, one.Id], ranked.Select(r => r.ServiceId));
        Assert.True(ranked[0].Score > ranked[1].Score);
    }

    [Fact]
    public void Services_that_cover_none_of_the_needs_are_not_proposed()
    {
        var ranked = MatchRanking.Rank(Referral(["mental-health"]), [Service("jobs", ["employment"])]);

        Assert.Empty(ranked);
    }

    [Theory]
    [InlineData(11, false)]
    [InlineData(12, true)]
    [InlineData(39, true)]
    [InlineData(40, false)]
    public void A_service_is_proposed_only_within_its_age_range(int age, bool proposed)
    {
        var ranked = MatchRanking.Rank(Referral(["mental-health"], age), [Service("teens", ["mental-health"], ageMin: 12, ageMax: 39)]);

        Assert.Equal(proposed, ranked.Count == 1);
    }

    [Fact]
    public void A_remote_service_elsewhere_is_proposed_but_an_in_person_one_elsewhere_is_not()
    {
        var remote = Service("remote", ["social-connection"], ["video"], municipalities: ["Osaka"]);
        var inPerson = Service("in-person", ["social-connection"], ["in-person"], municipalities: ["Osaka"]);

        var ranked = MatchRanking.Rank(Referral(["social-connection"]), [remote, inPerson]);

        Assert.Equal([remote.Id], ranked.Select(r => r.ServiceId));
    }

    [Fact]
    public void Inactive_services_are_not_proposed()
    {
        var ranked = MatchRanking.Rank(Referral(["mental-health"]), [Service("closed", ["mental-health"], status: "inactive")]);

        Assert.Empty(ranked);
    }

    [Fact]
    public void Reasons_name_the_covered_needs_the_first_contact_and_the_free_places()
    {
        var ranked = MatchRanking.Rank(Referral(["mental-health", "housing"]), [Service("chat", ["mental-health"], available: 3)]);

        Assert.Equal(["covers mental-health", "online first contact", "3 places free"], ranked.Single().Reasons);
    }

    [Fact]
    public void At_most_ten_candidates_are_proposed()
    {
        var many = Enumerable.Range(0, 15).Select(i => Service($"s{i}", ["social-connection"])).ToList();

        Assert.Equal(MatchRanking.MaxCandidates, MatchRanking.Rank(Referral(["social-connection"]), many).Count);
    }
}
