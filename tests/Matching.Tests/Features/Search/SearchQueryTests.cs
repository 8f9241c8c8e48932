using ReferralNet.Matching.Features.Search;
using ReferralNet.Testing;

namespace ReferralNet.Matching.Tests.Features.Search;

[Trait(Tier.Trait, Tier.Unit)]
public sealed class SearchQueryTests
{
    private static SearchQuery Query(string? q = null, string? need = null, string? modality = null, int? limit = null) =>
        new(q, need, modality, null, null, limit);

    [Fact]
    public void Words_are_split_at_ascii_and_ideographic_spaces()
    {
        Assert.Equal(["ひきこもり", "オンライン", "peer"], Query("ひきこもり\u3000オンライン  peer").Words);
    }

    [Fact]
    public void A_word_with_wildcards_matches_them_literally()
    {
        Assert.Equal([@"%100\%\_ok\\%"], new SearchText(@"100%_ok\").Patterns);
    }

    [Fact]
    public void Words_are_compared_in_their_usual_width_and_case()
    {
        Assert.Equal(["オンライン", "peer"], Query("ｵﾝﾗｲﾝ ＰＥＥＲ").FoldedWords);
    }

    [Theory]
    [InlineData(null, null, null, null, true)]
    [InlineData("ひきこもり", "mental-health", "video", 50, true)]
    [InlineData(null, "loneliness", null, null, false)]
    [InlineData(null, null, "fax", null, false)]
    [InlineData(null, null, null, 0, false)]
    [InlineData(null, null, null, 51, false)]
    [InlineData("a b c d e f g h i", null, null, null, false)]
    public void A_search_names_known_codes_a_limit_up_to_fifty_and_at_most_eight_words(
        string? q, string? need, string? modality, int? limit, bool valid) =>
        Assert.Equal(valid, Query(q, need, modality, limit).Validate().IsValid);
}
