using ReferralNet.BuildingBlocks.Places;
using ReferralNet.Testing;

namespace ReferralNet.BuildingBlocks.Tests.Places;

[Trait(Tier.Trait, Tier.Unit)]
public sealed class MunicipalityRegisterTests
{
    private static readonly MunicipalityRegister Register = MunicipalityRegister.Japan;

    [Theory]
    [InlineData("世田谷区")]
    [InlineData("世田谷")]
    [InlineData("せたがや")]
    [InlineData("セタガヤク")]
    [InlineData("Setagaya")]
    [InlineData("setagaya-ku")]
    [InlineData("ＳＥＴＡＧＡＹＡ")]
    [InlineData("東京都世田谷区")]
    [InlineData("東京都 世田谷区")]
    [InlineData("Setagaya-ku, Tokyo")]
    [InlineData("Setagaya-ku (Tokyo)")]
    [InlineData("131121")]
    public void Setagaya_is_found_however_it_is_typed(string typed) =>
        Assert.Equal("131121", Register.Resolve(typed).Found?.Code);

    [Fact]
    public void The_register_holds_every_municipality_and_ward_with_readings()
    {
        Assert.Equal(1747 + 175, Register.Count);
        var setagaya = Register.Find("131121")!;
        Assert.Equal(("世田谷区", "せたがやく", "Setagaya-ku", "東京都"), (setagaya.Name, setagaya.Kana, setagaya.Romaji, setagaya.Prefecture));
        Assert.Equal(("Osaka-shi (Osaka)", "Sapporo-shi Chuo-ku (Hokkaido)", "Chofu-shi (Tokyo)"),
            (Register.Find("271004")!.FullRomaji, Register.Find("011011")!.FullRomaji, Register.Find("132080")!.FullRomaji));
    }

    [Theory]
    [InlineData("きょうと", "Kyoto")]
    [InlineData("しんじゅく", "shinjuku")]
    [InlineData("はっちょう", "hatcho")]
    [InlineData("ちゃたん", "chatan")]
    [InlineData("じょうよう", "joyo")]
    [InlineData("きんおう", "kin'o")]
    public void Kana_reads_out_in_hepburn_with_long_vowels_shortened(string kana, string romaji) =>
        Assert.Equal(romaji, Hepburn.Romanise(kana), ignoreCase: true);

    [Fact]
    public void A_name_twelve_places_share_answers_all_of_them_with_their_prefectures()
    {
        var kita = Register.Resolve("北区");

        Assert.Null(kita.Found);
        Assert.True(kita.Ambiguous);
        Assert.Equal(12, kita.Candidates.Count);
        Assert.Contains(kita.Candidates, c => c.Code == "131172" && c.Prefecture == "東京都");
        Assert.Contains(kita.Candidates, c => c.Name == "大阪市北区" && c.Prefecture == "大阪府");
    }

    [Fact]
    public void A_name_that_is_no_municipality_answers_the_closest_names()
    {
        var slip = Register.Resolve("Setagya");

        Assert.Null(slip.Found);
        Assert.False(slip.Ambiguous);
        Assert.Equal("131121", slip.Candidates[0].Code);
        Assert.Empty(Register.Resolve("Town-4f2a9c").Candidates);
    }

    [Fact]
    public void A_search_finds_places_by_any_part_of_any_name_exact_first()
    {
        Assert.Equal("131121", Register.Search("せたがや", 10)[0].Code);
        Assert.Equal("131121", Register.Search("Setagaya", 10)[0].Code);
        Assert.All(Register.Search("府中", 10), p => Assert.Contains("府中", p.Name));
        Assert.Equal(10, Register.Search("川", 10).Count);
    }

    [Fact]
    public void A_designated_city_serves_its_wards()
    {
        var withWards = Register.WithWards(["011002", "131121"]);

        Assert.Contains("011029", withWards);
        Assert.Equal(2 + 10, withWards.Count);
        Assert.Equal(["131121"], Register.WithWards(["131121"]));
    }
}
