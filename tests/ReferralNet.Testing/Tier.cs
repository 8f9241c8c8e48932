namespace ReferralNet.Testing;

/// <summary>
/// The tiers <c>deploy/test.sh</c> runs alone. A class that needs no server says so with
/// <c>[Trait(Tier.Trait, Tier.Unit)]</c>; every other test is in the tier of its project: browser (Web.Tests), faults
/// (Faults.Tests) or network (the rest), so a test that forgets the trait still runs, with the servers it may need.
/// </summary>
public static class Tier
{
    public const string Trait = "tier";
    public const string Unit = "unit";

    /// <summary>The tests on a RabbitMQ cluster of three nodes: a tier of their own, after the fault tier.</summary>
    public const string Cluster = "cluster";
}
