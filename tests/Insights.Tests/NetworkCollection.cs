using ReferralNet.Testing;

namespace ReferralNet.Insights.Tests;

/// <summary>
/// A network of its own with k = 3, so suppression shows with a handful of handoffs; only these tests write to its
/// insights, so its figures are theirs.
/// </summary>
public sealed class SuppressingNetworkFixture : IAsyncLifetime
{
    public const int MinimumCount = 3;

    public ReferralNetwork Network { get; private set; } = null!;

    public async Task InitializeAsync() => Network = await ReferralNetwork.StartAsync(minimumCount: MinimumCount);

    public async Task DisposeAsync() => await Network.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class NetworkCollection : ICollectionFixture<SuppressingNetworkFixture>
{
    public const string Name = "network";
}
