using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using ReferralNet.BuildingBlocks.Consent;
using ReferralNet.BuildingBlocks.Tests.Messaging;
using ReferralNet.Contracts;
using ReferralNet.Testing;

namespace ReferralNet.BuildingBlocks.Tests.Consent;

[Collection(BrokerCollection.Name)]
public sealed class ConsentProjectionTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static ConsentGranted Grant(Guid consentId, Guid personId, string scope = "network", Guid[]? agencies = null) =>
        new(consentId, personId, ["coordination"], ["contact"], scope, agencies ?? [], Now.AddYears(1), Now);

    private static ReferralSubmitted Referral(Guid caseId, Guid personId, Guid agencyId) =>
        new(Guid.NewGuid(), caseId, personId, agencyId, "school", ["mental-health"], "routine", [], false, [], 19, "Setagaya", Now);

    /// <summary>Publishes the messages one after another and waits until the projection consumer has handled each.</summary>
    private static async Task DeliverInOrderAsync(MessagingHost host, params (object Message, Guid MessageId)[] deliveries)
    {
        var consumed = new ConcurrentDictionary<Guid, int>();
        using var _ = host.Bus.ConnectConsumeObserver(new ConsumeCounter(consumed));
        foreach (var (message, messageId) in deliveries)
        {
            await host.Bus.Publish(message, message.GetType(), context => context.MessageId = messageId);
            await Eventually.Until(() => consumed.ContainsKey(messageId), $"{message.GetType().Name} to be consumed");
        }
    }

    [Fact]
    public async Task After_a_merge_the_agencies_of_the_merged_case_take_part_in_the_case_that_carries_on()
    {
        await using var host = await MessagingHost.StartAsync(await ProbeWorld.CreateAsync());
        var index = host.Services.GetRequiredService<ConsentIndex>();
        var (kept, merged, person, mergedPerson, school, clinic) =
            (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await DeliverInOrderAsync(host,
            (Referral(kept, person, school), NewId.NextGuid()),
            (Referral(merged, mergedPerson, clinic), NewId.NextGuid()));
        var before = index.TakesPartInCaseOf(person, clinic);

        await DeliverInOrderAsync(host, (new CasesMerged(kept, merged, person, mergedPerson, Now), NewId.NextGuid()));

        Assert.False(before);
        Assert.True(index.TakesPartInCaseOf(person, clinic));
        Assert.True(index.TakesPartInCaseOf(person, school));
    }

    [Fact]
    public async Task A_revocation_that_arrives_before_its_grant_is_not_undone_by_the_late_grant()
    {
        await using var host = await MessagingHost.StartAsync(await ProbeWorld.CreateAsync());
        var index = host.Services.GetRequiredService<ConsentIndex>();
        var (caseId, personId, agencyId, consentId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        await DeliverInOrderAsync(host,
            (Referral(caseId, personId, agencyId), NewId.NextGuid()),
            (new ConsentRevoked(consentId, personId, Now), NewId.NextGuid()),
            (Grant(consentId, personId), NewId.NextGuid()));

        var decision = index.Decide(personId, agencyId, "contact", "coordination");
        Assert.Equal(AccessDecision.Deny(DenyReasons.Revoked, consentId), decision);
    }

    [Fact]
    public async Task Duplicate_grants_and_a_late_expiry_after_a_revocation_give_the_right_final_decision()
    {
        await using var host = await MessagingHost.StartAsync(await ProbeWorld.CreateAsync());
        var index = host.Services.GetRequiredService<ConsentIndex>();
        var (caseId, personId, agencyId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (kept, revoked) = (Guid.NewGuid(), Guid.NewGuid());
        var grantId = NewId.NextGuid();

        await DeliverInOrderAsync(host,
            (Referral(caseId, personId, agencyId), NewId.NextGuid()),
            (Grant(revoked, personId), NewId.NextGuid()),
            (Grant(kept, personId, "agencies", [agencyId]), grantId),
            (Grant(kept, personId, "agencies", [agencyId]), grantId),
            (new ConsentRevoked(revoked, personId, Now), NewId.NextGuid()),
            (new ConsentExpired(revoked, personId, Now), NewId.NextGuid()));

        Assert.Equal(AccessDecision.Permit(kept), index.Decide(personId, agencyId, "contact", "coordination"));
        Assert.Equal(DenyReasons.NotCovered, index.Decide(personId, agencyId, "health", "coordination").Reason);
        Assert.Equal(DenyReasons.NotParticipating, index.Decide(personId, Guid.NewGuid(), "contact", "coordination").Reason);

        // A fresh instance loading the projection from the database reaches the same decisions.
        await using var restarted = await MessagingHost.StartAsync(host.World);
        var reloaded = restarted.Services.GetRequiredService<ConsentIndex>();
        Assert.Equal(AccessDecision.Permit(kept), reloaded.Decide(personId, agencyId, "contact", "coordination"));
        Assert.Equal(2, reloaded.ConsentCount);
    }
}
