using ReferralNet.Testing;

namespace ReferralNet.Faults.Tests;

/// <summary>One network of processes for the whole suite: its tests run one after another, each fault on its own.</summary>
public class FaultNetwork : IAsyncLifetime
{
    public ProcessNetwork Network { get; private set; } = null!;

    public Ledger Ledger { get; private set; } = null!;

    /// <summary>The school whose workers send the load, and the town of the one service that matches it.</summary>
    public Guid School { get; private set; }

    public string Town { get; } = Towns.Unique();

    /// <summary>One broker, or the nodes of a cluster.</summary>
    protected virtual int BrokerNodes => 1;

    /// <summary>A database server alone, or with a synchronous standby.</summary>
    protected virtual bool DatabaseStandby => false;

    public async Task InitializeAsync()
    {
        Network = await ProcessNetwork.StartAsync(BrokerNodes, DatabaseStandby);
        Ledger = new Ledger(Network);
        var scenario = new Scenario(Network);
        School = await scenario.CreateAgencyAsync("school", "Fault High");
        var peers = await scenario.CreateAgencyAsync("cso", "Fault Peers");
        await scenario.CreateServiceAsync(peers, "Fault peer circle", ["social-connection"], ["in-person"], municipality: Town);
    }

    public Task<ReferralLoad> StartLoadAsync(int perSecond, bool sendRefusedAgain = true) =>
        ReferralLoad.StartAsync(Network, School, Town, perSecond, sendRefusedAgain);

    /// <summary>
    /// Once the network is quiet, runs <paramref name="fault"/> with a load of referrals going, stops the load (also when
    /// the fault fails, so no load outlives its test) and checks each accepted referral, and each the fault itself
    /// sent (<paramref name="sentByTheFault"/>), took effect once.
    /// </summary>
    public async Task<LoadResult> UnderLoadAsync(
        int perSecond, Func<ReferralLoad, Task> fault, bool sendRefusedAgain = true, IReadOnlyCollection<Guid>? sentByTheFault = null)
    {
        await Ledger.UntilQuietAsync();
        var before = await Ledger.FiguresAsync();
        var load = await StartLoadAsync(perSecond, sendRefusedAgain);
        try
        {
            await fault(load);
        }
        catch
        {
            await load.StopAsync();
            throw;
        }
        var result = await load.StopAsync();
        await Ledger.AssertEachTookEffectOnceAsync(result with { Accepted = [.. result.Accepted, .. sentByTheFault ?? []] }, before);
        return result;
    }

    /// <summary>Until the load has sent <paramref name="count"/> referrals in all: a fault lasts so many, not so many seconds.</summary>
    public static Task UntilSentAsync(ReferralLoad load, int count) =>
        Eventually.Until(() => load.Sent >= count, $"{count} referrals to have been sent", TimeSpan.FromMinutes(1));

    public virtual async Task DisposeAsync() => await Network.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultNetwork>
{
    public const string Name = "faults";
}
