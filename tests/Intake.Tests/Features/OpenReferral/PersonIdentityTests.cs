using Microsoft.Extensions.Options;
using ReferralNet.Intake.Features.OpenReferral;
using ReferralNet.Testing;

namespace ReferralNet.Intake.Tests.Features.OpenReferral;

[Trait(Tier.Trait, Tier.Unit)]
public sealed class PersonIdentityTests
{
    private static readonly DateOnly BirthDate = new(2007, 4, 2);

    private static PersonIdentity WithSecret(string secret) => new(Options.Create(new IdentityOptions { KeySecret = secret }));

    private readonly PersonIdentity _identity = WithSecret("a-secret-of-the-network-at-least-32-chars");

    [Theory]
    [InlineData("Yamada", "Taro")]
    [InlineData("ＹＡＭＡＤＡ", "ｔａｒｏ")] // full-width letters, as some systems store them
    [InlineData(" yamada ", "TARO")]
    [InlineData("ya mada", "ta・ro")]
    public void Spellings_of_the_same_name_give_the_same_key(string familyName, string givenName)
    {
        Assert.Equal(_identity.KeyOf("Yamada", "Taro", BirthDate), _identity.KeyOf(familyName, givenName, BirthDate));
    }

    [Theory]
    [InlineData("やまだ", "たろう")]
    [InlineData("ﾔﾏﾀﾞ", "ﾀﾛｳ")]
    [InlineData("ヤマダ", "た・ろう")]
    public void Hiragana_katakana_and_half_width_katakana_give_the_same_key(string familyName, string givenName)
    {
        Assert.Equal(_identity.KeyOf("ヤマダ", "タロウ", BirthDate), _identity.KeyOf(familyName, givenName, BirthDate));
    }

    [Fact]
    public void Half_width_katakana_folds_to_full_width()
    {
        Assert.Equal(_identity.KeyOf("ヤマダ", "タロウ", BirthDate), _identity.KeyOf("ﾔﾏﾀﾞ", "ﾀﾛｳ", BirthDate));
    }

    [Fact]
    public void Another_birth_date_or_name_gives_another_key()
    {
        var key = _identity.KeyOf("山田", "太郎", BirthDate);

        Assert.NotEqual(key, _identity.KeyOf("山田", "太郎", BirthDate.AddDays(1)));
        Assert.NotEqual(key, _identity.KeyOf("山田", "次郎", BirthDate));
    }

    [Fact]
    public void The_key_is_keyed_by_the_network_secret_and_does_not_contain_the_name()
    {
        var key = _identity.KeyOf("Yamada", "Taro", BirthDate);

        Assert.NotEqual(key, WithSecret("another-secret-of-another-network-000").KeyOf("Yamada", "Taro", BirthDate));
        Assert.DoesNotContain("yamada", key);
        Assert.Equal(64, key.Length);
    }
}

[Trait(Tier.Trait, Tier.Unit)]
public sealed class OpenReferralRequestTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static OpenReferralRequest Valid(DateOnly birthDate) => new(
        new PersonDetails("山田", "太郎", null, null, birthDate, "Setagaya", null), "school", ["mental-health"], "routine", null, "Summary.");

    [Theory]
    [InlineData("2020-11-27", false)] // 5
    [InlineData("2020-11-26", true)]  // 6 today
    [InlineData("1980-11-27", true)]  // 45, 46 tomorrow
    [InlineData("1980-11-26", false)] // 46 today
    public void The_birth_date_must_give_an_age_between_6_and_45(string birthDate, bool valid)
    {
        Assert.Equal(valid, Valid(DateOnly.Parse(birthDate)).Validate(Today).IsValid);
    }

    [Fact]
    public void A_summary_over_4000_characters_is_refused()
    {
        var request = Valid(new DateOnly(2007, 4, 2)) with { Summary = new string('x', 4001) };

        Assert.False(request.Validate(Today).IsValid);
    }
}
