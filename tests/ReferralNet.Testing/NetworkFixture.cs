using Xunit;

namespace ReferralNet.Testing;

/// <summary>One running network per test assembly: starting it costs seconds, and the tests use ids of their own.</summary>
public sealed class NetworkFixture : IAsyncLifetime
{
    public ReferralNetwork Network { get; private set; } = null!;

    public async Task InitializeAsync() => Network = await ReferralNetwork.StartAsync();

    public async Task DisposeAsync() => await Network.DisposeAsync();
}
