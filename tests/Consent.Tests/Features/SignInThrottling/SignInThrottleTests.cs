using ReferralNet.Consent.Features;
using ReferralNet.Consent.Features.YouthSignIn;
using ReferralNet.Testing;

namespace ReferralNet.Consent.Tests.Features.SignInThrottling;

[Trait(Tier.Trait, Tier.Unit)]
public sealed class SignInThrottleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly ConsentOptions Options = new();

    [Fact]
    public void The_wait_doubles_after_the_free_tries_up_to_the_longest()
    {
        var waits = Enumerable.Range(1, 20).Select(f => SignInThrottle.Delay(f, freeTries: 3, TimeSpan.FromMinutes(15)).TotalSeconds).ToList();

        Assert.Equal([0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900], waits.Take(15));
        Assert.All(waits, w => Assert.InRange(w, 0, 900));
    }

    [Fact]
    public void A_guesser_spread_over_many_clients_makes_new_clients_wait_but_not_one_that_signed_in_before()
    {
        var name = new SignInThrottle.Tries { Client = "", Failures = 40, LastFailedAt = Now, WaitUntil = Now.AddMinutes(10) };
        var stranger = new SignInThrottle.Tries { Client = "198.51.100.7", WaitUntil = Now, LastFailedAt = Now };
        var known = new SignInThrottle.Tries { Client = "203.0.113.5", WaitUntil = Now, LastFailedAt = Now, SignedInAt = Now.AddDays(-3) };
        var knownLongAgo = new SignInThrottle.Tries { Client = "203.0.113.6", WaitUntil = Now, LastFailedAt = Now, SignedInAt = Now.AddDays(-200) };

        Assert.Equal(TimeSpan.FromMinutes(10), SignInThrottle.WaitFor(stranger, name, Now, Options));
        Assert.Null(SignInThrottle.WaitFor(known, name, Now, Options));
        Assert.Equal(TimeSpan.FromMinutes(10), SignInThrottle.WaitFor(knownLongAgo, name, Now, Options));
    }

    [Fact]
    public void A_known_client_still_waits_for_its_own_wrong_tries()
    {
        var name = new SignInThrottle.Tries { Client = "", WaitUntil = Now };
        var known = new SignInThrottle.Tries { Client = "203.0.113.5", Failures = 6, WaitUntil = Now.AddSeconds(8), SignedInAt = Now.AddDays(-1) };

        Assert.Equal(TimeSpan.FromSeconds(8), SignInThrottle.WaitFor(known, name, Now, Options));
    }
}
