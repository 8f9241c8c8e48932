using ReferralNet.Intake.Features.PossibleDuplicates;
using ReferralNet.Testing;

namespace ReferralNet.Intake.Tests.Features.PossibleDuplicates;

[Trait(Tier.Trait, Tier.Unit)]
public sealed class NearMatchTests
{
    private static PersonRecord Person(
        string? family, string? given, string? familyKana = null, string? givenKana = null, string town = "Setagaya", int day = 2,
        string[]? contactKeys = null) =>
        new()
        {
            FamilyName = family, GivenName = given, FamilyNameKana = familyKana, GivenNameKana = givenKana,
            BirthDate = new DateTime(2007, 4, day), Municipality = town, ContactKeys = contactKeys,
        };

    [Fact]
    public void Different_kanji_with_the_same_kana_reading_is_a_near_match()
    {
        var reasons = NearMatch.Between(Person("山田", "太郎", "ヤマダ", "タロウ"), Person("山田", "太朗", "やまだ", "たろう"));

        Assert.Equal([DuplicateReasons.SameBirthDate, DuplicateReasons.SameMunicipality, DuplicateReasons.SameKana, DuplicateReasons.SimilarName], reasons);
    }

    [Fact]
    public void Family_and_given_name_entered_the_wrong_way_round_is_a_near_match() =>
        Assert.Contains(DuplicateReasons.NamesSwapped, NearMatch.Between(Person("Sato", "Ken"), Person("Ken", "Sato")));

    [Fact]
    public void A_nickname_only_self_referral_born_the_same_day_in_the_same_town_is_listed_when_a_contact_channel_matches() =>
        Assert.Equal([DuplicateReasons.SameBirthDate, DuplicateReasons.SameMunicipality, DuplicateReasons.NameNotGiven, DuplicateReasons.SameContact],
            NearMatch.Between(Person("山田", "太郎", contactKeys: ["phone-key", "mail-key"]), Person(null, null, contactKeys: ["mail-key"])));

    [Fact]
    public void A_nickname_only_self_referral_without_a_matching_contact_channel_is_not_listed()
    {
        Assert.Empty(NearMatch.Between(Person("山田", "太郎", contactKeys: ["phone-key"]), Person(null, null, contactKeys: ["mail-key"])));
        Assert.Empty(NearMatch.Between(Person("山田", "太郎"), Person(null, null)));
    }

    [Theory]
    [InlineData("Sato", "Kenichi", "Sato", "Kenjiro", "Setagaya", 2)]     // four letters apart
    [InlineData("山田", "太郎", "山本", "花子", "Setagaya", 2)]           // another person
    [InlineData("山田", "太郎", "山田", "太朗", "Nerima", 2)]             // another town
    [InlineData("山田", "太郎", "山田", "太朗", "Setagaya", 3)]           // born another day
    public void Records_that_differ_in_more_than_a_slight_name_variant_are_not_listed(
        string family, string given, string otherFamily, string otherGiven, string otherTown, int otherDay) =>
        Assert.Empty(NearMatch.Between(Person(family, given), Person(otherFamily, otherGiven, town: otherTown, day: otherDay)));

    [Fact]
    public void Town_names_are_compared_after_width_and_case_folding() =>
        Assert.NotEmpty(NearMatch.Between(Person("山田", "太郎"), Person("山田", "太朗", town: "ＳＥＴＡＧＡＹＡ")));

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("やまだたろう", "やまだたろう", 0)]
    [InlineData("山田太郎", "山田太朗", 1)]
    [InlineData("kitten", "sitting", 3)]
    public void Edit_distance_counts_single_character_changes(string a, string b, int expected) =>
        Assert.Equal(expected, NearMatch.EditDistance(a, b));
}
