using ReferralNet.Testing;

namespace ReferralNet.Faults.Tests;

/// <summary>One network of processes for the whole suite: its tests run one after another, each fault on its own.</summary>
public sealed class FaultNetwork : IAsyncLifetime
{
    public ProcessNetwork Network { get; private set; } = null!;

    public Ledger Ledger { get; private set; } = null!;

    /// <summary>The school whose workers send the load, and the town of the one service that matches it.</summary>
    public Guid School { get; private set; }

    public string Town { get; } = $"Fault-{Guid.NewGuid():N}"[..14];

    public async Task InitializeAsync()
    {
        Network = await ProcessNetwork.StartAsync();
        Ledger = new Ledger(Network);
        var scenario = new Scenario(Network);
        School = await scenario.CreateAgencyAsync("school", "Fault High");
        var peers = await scenario.CreateAgencyAsync("cso", "Fault Peers");
        await scenario.CreateServiceAsync(peers, "Fault peer circle", ["social-connection"], ["in-person"], municipality: Town);
    }

    public Task<ReferralLoad> StartLoadAsync(int perSecond, bool sendRefusedAgain = true) =>
        ReferralLoad.StartAsync(Network, School, Town, perSecond, sendRefusedAgain);

    public async Task DisposeAsync() => await Network.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultNetwork>
{
    public const string Name = "faults";
}
