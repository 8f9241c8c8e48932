using ReferralNet.Testing;

namespace ReferralNet.Matching.Tests;

[CollectionDefinition(Name)]
public sealed class NetworkCollection : ICollectionFixture<NetworkFixture>
{
    public const string Name = "network";
}
