using ReferralNet.Matching.Features.ProposeMatches;
using ReferralNet.Testing;

namespace ReferralNet.Matching.Tests.Features.ProposeMatches;

[Trait(Tier.Trait, Tier.Unit)]
public sealed class MatchesQueryTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData(0, true)]
    [InlineData(MatchesQuery.MaxWaitSeconds, true)]
    [InlineData(-1, false)]
    [InlineData(MatchesQuery.MaxWaitSeconds + 1, false)]
    public void A_client_may_wait_between_0_and_20_seconds_for_the_matches(int? wait, bool valid) =>
        Assert.Equal(valid, new MatchesQuery(wait).Validate().IsValid);
}
