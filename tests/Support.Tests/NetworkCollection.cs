using ReferralNet.Testing;

namespace ReferralNet.Support.Tests;

[CollectionDefinition(Name)]
public sealed class NetworkCollection : ICollectionFixture<NetworkFixture>
{
    public const string Name = "network";
}
