using MassTransit;
using ReferralNet.Matching.Features.Offers;
using ReferralNet.Matching.Features.Services;

namespace ReferralNet.Matching.Consumers;

/// <summary>
/// Keeps a service's free places current from the handoffs to it: a place is held from accept until the handoff is
/// withdrawn or completed, so ranking sees a full service as full.
/// </summary>
public sealed class CapacityKeeper(Database database, ServiceDirectory directory)
    : IInboxConsumer, IConsumer<HandoffAccepted>, IConsumer<HandoffWithdrawn>, IConsumer<HandoffCompleted>
{
    public static string Inbox => "capacity";

    private const string Hold = """
        INSERT INTO capacity_reservations (handoff_id, service_id) SELECT handoff_id, service_id FROM offers WHERE handoff_id = @HandoffId
        ON CONFLICT (handoff_id) DO NOTHING
        RETURNING service_id
        """;

    private const string Release = "DELETE FROM capacity_reservations WHERE handoff_id = @HandoffId RETURNING service_id";

    public Task Consume(ConsumeContext<HandoffAccepted> context) => database.ConsumeOnceAsync(context, Inbox, async (work, ct) =>
    {
        await KnownOffers.RequireAsync(work, context.Message.HandoffId, ct);
        if (await work.QuerySingleOrDefaultAsync<Guid?>(Hold, new { context.Message.HandoffId }, ct) is { } serviceId)
        {
            await directory.ChangeFreePlacesAsync(work, serviceId, -1, ct);
        }
    });

    public Task Consume(ConsumeContext<HandoffWithdrawn> context) => ReleaseAsync(context, context.Message.HandoffId);

    public Task Consume(ConsumeContext<HandoffCompleted> context) => ReleaseAsync(context, context.Message.HandoffId);

    private Task ReleaseAsync(ConsumeContext context, Guid handoffId) => database.ConsumeOnceAsync(context, Inbox, async (work, ct) =>
    {
        if (await work.QuerySingleOrDefaultAsync<Guid?>(Release, new { HandoffId = handoffId }, ct) is { } serviceId)
        {
            await directory.ChangeFreePlacesAsync(work, serviceId, +1, ct);
        }
    });
}
