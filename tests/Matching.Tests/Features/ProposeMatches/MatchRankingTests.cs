using ReferralNet.Contracts;
using ReferralNet.Contracts.Codes;
using ReferralNet.Matching.Features.ProposeMatches;
using ReferralNet.Matching.Features.Services;
using ReferralNet.Testing;

namespace ReferralNet.Matching.Tests.Features.ProposeMatches;

[Trait(Tier.Trait, Tier.Unit)]
public sealed class MatchRankingTests
{
    private const string Town = "Setagaya";

    private static ReferralSubmitted Referral(
        string[] needs, int age = 19, string[]? modalities = null, bool remoteFirst = true, string urgency = Urgencies.Routine,
        string[]? languages = null) => new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "school", needs, urgency,
        modalities ?? ["online-chat"], remoteFirst, languages ?? ["ja"], age, Town, DateTimeOffset.UtcNow);

    private static DirectoryService Service(
        string name, string[] needs, string[]? modalities = null, int ageMin = 12, int ageMax = 39, string[]? municipalities = null,
        int available = 3, int maximum = 20, int waitWeeks = 0, string status = "active", string fee = "free", string[]? languages = null) =>
        new(Guid.CreateVersion7(), new ServiceDescription(Guid.NewGuid(), name, "", needs, modalities ?? ["online-chat"], ageMin, ageMax,
            municipalities ?? [Town], languages ?? ["ja"], fee, new Capacity(available, maximum, waitWeeks), status));

    private static RankedService Only(ReferralSubmitted referral, DirectoryService service) => MatchRanking.Rank(referral, [service]).Single();

    [Fact]
    public void A_service_covering_more_of_the_needs_ranks_first()
    {
        var both = Service("both", ["mental-health", "social-connection"]);
        var one = Service("one", ["social-connection"]);

        var ranked = MatchRanking.Rank(Referral(["mental-health", "social-connection"]), [one, both]);

        Assert.Equal([both.Id, one.Id], ranked.Select(r => r.ServiceId));
        Assert.Equal(0.2, ranked[0].Score - ranked[1].Score, 3); // 0.40 shared by the two needs
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
    public void A_service_limited_to_another_town_is_not_proposed_online_or_not_and_one_without_an_area_limit_is()
    {
        var nationwide = Service("nationwide", ["social-connection"], ["video"], municipalities: []);
        var remoteElsewhere = Service("remote elsewhere", ["social-connection"], ["video"], municipalities: ["Osaka"]);
        var inPersonElsewhere = Service("in person elsewhere", ["social-connection"], ["in-person"], municipalities: ["Osaka"]);

        var ranked = MatchRanking.Rank(Referral(["social-connection"]), [nationwide, remoteElsewhere, inPersonElsewhere]);

        Assert.Equal([nationwide.Id], ranked.Select(r => r.ServiceId));
    }

    [Fact]
    public void Inactive_services_are_not_proposed()
    {
        var ranked = MatchRanking.Rank(Referral(["mental-health"]), [Service("closed", ["mental-health"], status: "inactive")]);

        Assert.Empty(ranked);
    }

    [Fact]
    public void The_score_is_the_sum_of_its_components_and_each_is_a_reason_in_words()
    {
        var ranked = Only(Referral(["mental-health", "housing"]), Service("chat", ["mental-health"], available: 3));

        Assert.Equal(
            [
                new ScoreComponent(RankingReasons.CoversNeed, "mental-health", 0.2),
                new ScoreComponent(RankingReasons.PreferredModality, "online-chat", 0.15),
                new ScoreComponent(RankingReasons.Local, Town, 0.15),
                new ScoreComponent(RankingReasons.FreePlaces, "3", 0.12),
            ],
            ranked.Components!);
        Assert.Equal(ranked.Components!.Sum(c => c.Points), ranked.Score, 3);
        Assert.Equal(["covers mental-health", "online first contact", "in Setagaya", "3 places free"], ranked.Reasons);
    }

    [Fact]
    public void A_preferred_first_contact_counts_more_than_any_online_contact_for_a_young_person_who_wants_to_start_online()
    {
        var referral = Referral(["social-connection"], modalities: ["video"], remoteFirst: true);
        var video = Service("video", ["social-connection"], ["video"]);
        var chat = Service("chat", ["social-connection"], ["online-chat"]);
        var visit = Service("visit", ["social-connection"], ["in-person"]);

        var ranked = MatchRanking.Rank(referral, [visit, chat, video]);

        Assert.Equal([video.Id, chat.Id, visit.Id], ranked.Select(r => r.ServiceId));
        Assert.Contains(ranked[1].Components!, c => c is { Reason: RankingReasons.OnlineFirstContact, Value: "online-chat", Points: 0.1 });
    }

    [Fact]
    public void A_referral_from_a_town_ranks_that_towns_service_above_otherwise_equal_remote_only_services_from_elsewhere()
    {
        // The case: a dozen online services without an area limit, and the one that serves town X.
        var online = Enumerable.Range(0, 12).Select(i => Service($"online {i}", ["social-connection"], ["online-chat"], municipalities: [])).ToList();
        var local = Service("town X", ["social-connection"], ["online-chat"], municipalities: [Town]);

        var ranked = MatchRanking.Rank(Referral(["social-connection"]), [.. online, local]);

        Assert.Equal(local.Id, ranked[0].ServiceId);
        Assert.Contains("in Setagaya", ranked[0].Reasons);
        Assert.Equal(MatchRanking.MaxCandidates, ranked.Count);
    }

    [Fact]
    public void More_free_places_rank_higher_and_a_waiting_list_ranks_below_a_single_free_place()
    {
        var plenty = Service("plenty", ["mental-health"], available: 8);
        var one = Service("one", ["mental-health"], available: 1);
        var waiting = Service("waiting", ["mental-health"], available: 0, waitWeeks: 2);

        var ranked = MatchRanking.Rank(Referral(["mental-health"]), [waiting, one, plenty]);

        Assert.Equal([plenty.Id, one.Id, waiting.Id], ranked.Select(r => r.ServiceId));
        Assert.Contains("waiting list of 2 weeks", ranked[2].Reasons);
    }

    [Fact]
    public void A_full_service_without_a_waiting_list_is_not_proposed_but_one_that_keeps_no_count_of_places_is()
    {
        var full = Service("full", ["mental-health"], available: 0, maximum: 10);
        var uncounted = Service("uncounted", ["mental-health"], available: 0, maximum: 0);

        var ranked = MatchRanking.Rank(Referral(["mental-health"]), [full, uncounted]);

        Assert.Equal([uncounted.Id], ranked.Select(r => r.ServiceId));
        Assert.DoesNotContain(ranked[0].Components!, c => c.Reason is RankingReasons.FreePlaces or RankingReasons.WaitingList);
    }

    [Fact]
    public void An_urgent_referral_demotes_a_waiting_list_and_leaves_out_one_longer_than_it_can_wait()
    {
        var week = Service("a week", ["mental-health"], available: 0, waitWeeks: 1);
        var month = Service("a month", ["mental-health"], available: 0, waitWeeks: 4);

        var routine = MatchRanking.Rank(Referral(["mental-health"], urgency: Urgencies.Routine), [week, month]);
        var urgent = MatchRanking.Rank(Referral(["mental-health"], urgency: Urgencies.Urgent), [week, month]);

        Assert.Equal([week.Id, month.Id], routine.Select(r => r.ServiceId));
        Assert.Equal([week.Id], urgent.Select(r => r.ServiceId));
        Assert.True(urgent[0].Score < routine[0].Score, $"urgent {urgent[0].Score}, routine {routine[0].Score}");
    }

    [Fact]
    public void A_free_service_ranks_above_a_fee_for_a_young_person_with_a_financial_need_and_only_then()
    {
        var free = Service("free", ["social-connection", "financial"], fee: Fees.Free);
        var sliding = Service("sliding", ["social-connection", "financial"], fee: Fees.SlidingScale);
        var fee = Service("fee", ["social-connection", "financial"], fee: Fees.Fee);

        var withNeed = MatchRanking.Rank(Referral(["social-connection", "financial"]), [fee, sliding, free]);
        var without = MatchRanking.Rank(Referral(["social-connection"]), [fee, sliding, free]);

        Assert.Equal([free.Id, sliding.Id, fee.Id], withNeed.Select(r => r.ServiceId));
        Assert.Contains("free of charge", withNeed[0].Reasons);
        Assert.Single(without.Select(r => r.Score).Distinct());
    }

    [Fact]
    public void A_service_in_the_young_persons_own_language_ranks_higher_and_one_sharing_no_language_is_not_proposed()
    {
        var portuguese = Service("pt", ["mental-health"], languages: ["ja", "pt"]);
        var japanese = Service("ja", ["mental-health"], languages: ["ja"]);
        var english = Service("en", ["mental-health"], languages: ["en"]);

        var ranked = MatchRanking.Rank(Referral(["mental-health"], languages: ["pt", "ja"]), [english, japanese, portuguese]);

        Assert.Equal([portuguese.Id, japanese.Id], ranked.Select(r => r.ServiceId));
        Assert.Contains("speaks pt", ranked[0].Reasons);
    }

    [Fact]
    public void Equal_services_go_first_to_one_never_offered_then_to_the_one_offered_longest_ago()
    {
        var yesterday = Service("offered yesterday", ["mental-health"]);
        var lastWeek = Service("offered last week", ["mental-health"]);
        var never = Service("never offered", ["mental-health"]);
        var now = DateTimeOffset.UtcNow;

        var ranked = MatchRanking.Rank(Referral(["mental-health"]), [yesterday, lastWeek, never], lastOffered: new Dictionary<Guid, DateTimeOffset>
        {
            [yesterday.Id] = now.AddDays(-1),
            [lastWeek.Id] = now.AddDays(-7),
        });

        Assert.Equal([never.Id, lastWeek.Id, yesterday.Id], ranked.Select(r => r.ServiceId));
    }

    [Fact]
    public void Equal_services_beyond_the_tenth_are_shortlisted_so_that_the_last_offers_not_the_ids_choose_among_them()
    {
        var equal = Enumerable.Range(0, 14).Select(i => Service($"s{i}", ["social-connection"])).ToList();
        var referral = Referral(["social-connection"]);
        var offeredEarlier = equal.Take(4).ToDictionary(s => s.Id, _ => DateTimeOffset.UtcNow);

        var shortlist = MatchRanking.Shortlist(referral, ActiveDirectory.Of(equal).Serving(Town), excluded: null);
        var ranked = shortlist.Choose(offeredEarlier);

        Assert.Equal(14, shortlist.ServiceIds.Count);
        Assert.Equal(equal.Skip(4).Select(s => s.Id).Order(), ranked.Select(r => r.ServiceId).Order());
    }

    [Fact]
    public void Services_that_passed_on_the_case_are_left_out()
    {
        var passed = Service("passed", ["mental-health"]);
        var other = Service("other", ["mental-health"]);

        var ranked = MatchRanking.Rank(Referral(["mental-health"]), [passed, other], excluded: new HashSet<Guid> { passed.Id });

        Assert.Equal([other.Id], ranked.Select(r => r.ServiceId));
    }

    [Fact]
    public void At_most_ten_candidates_are_proposed()
    {
        var many = Enumerable.Range(0, 15).Select(i => Service($"s{i}", ["social-connection"])).ToList();

        Assert.Equal(MatchRanking.MaxCandidates, MatchRanking.Rank(Referral(["social-connection"]), many).Count);
    }
}
