using ReferralNet.Testing;

namespace ReferralNet.Handoff.Tests;

/// <summary>One running network for the whole assembly: starting it costs seconds, and the tests use ids of their own.</summary>
public sealed class NetworkFixture : IAsyncLifetime
{
    public ReferralNetwork Network { get; private set; } = null!;

    public async Task InitializeAsync() => Network = await ReferralNetwork.StartAsync();

    public async Task DisposeAsync() => await Network.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class NetworkCollection : ICollectionFixture<NetworkFixture>
{
    public const string Name = "network";
}
