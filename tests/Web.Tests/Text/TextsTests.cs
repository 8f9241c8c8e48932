using ReferralNet.Testing;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Tests.Text;

[Trait(Tier.Trait, Tier.Unit)]
public sealed class TextsTests
{
    public static TheoryData<string> Languages => new(Texts.Cultures.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_code_a_page_shows_has_its_words_in_both_languages(string language)
    {
        var t = Texts.For(System.Globalization.CultureInfo.GetCultureInfo(language));

        Assert.Equal(language, t.Language);
        foreach (var (words, codes) in new[]
        {
            (t.Needs, Needs.All), (t.NeedsPlain, Needs.All), (t.Modalities, Modalities.All), (t.Categories, DataCategories.All),
            (t.CategoriesPlain, DataCategories.All), (t.Purposes, ConsentPurposes.All), (t.AgencyKinds, AgencyKinds.All), (t.Fees, Fees.All),
            (t.ContactChannels, ContactChannels.All), (t.ContactChannelsBy, ContactChannels.All), (t.Worker.DuplicateReasons, DuplicateReasons.All), (t.Worker.TaskKinds, TaskKinds.All),
            (t.Worker.TimelineKinds, TimelineKinds.All), (t.Worker.CaseSorts, CaseSorts.All), (t.Worker.AgeBands, AgeBands.All), (t.Coordinator.EscalationReasons, EscalationReasons.All),
            (t.Plan.StepKinds, StepKinds.All), (t.Plan.StepStatuses, StepStatuses.All), (t.Plan.StepStatusesPlain, StepStatuses.All),
            (t.Plan.GoalStatuses, GoalStatuses.All), (t.Plan.Progress3, ReviewProgress.All), (t.Plan.FollowUpResults, FollowUpResults.All),
            (t.ErrorWords, ErrorCodes.All), (t.Worker.ConsentScopes, ConsentScopes.All),
            (t.Meeting.Kinds, MeetingKinds.All), (t.Meeting.KindsPlain, MeetingKinds.All), (t.Meeting.Statuses, MeetingStatuses.All),
            (t.Meeting.StatusesPlain, MeetingStatuses.All), (t.Meeting.LegalBases, LegalBases.All),
            (t.AccessRecords, [CouncilRecords.Minutes]), (t.AccessPurposes, [CouncilRecords.Purpose]),
            (t.Worker.CloseReasons, CaseCloseReasons.All.Append(CaseCloseReasons.Merged)), (t.Worker.RemovalReasons, TeamRemovalReasons.All),
        })
        {
            Assert.Empty(codes.Except(words.Keys));
        }
    }

    [Fact]
    public void Japanese_is_the_language_of_anyone_who_asks_for_neither()
    {
        Assert.Equal("ja", Texts.For(System.Globalization.CultureInfo.GetCultureInfo("fr")).Language);
        Assert.Equal("en", Texts.For(System.Globalization.CultureInfo.GetCultureInfo("en-GB")).Language);
    }
}
