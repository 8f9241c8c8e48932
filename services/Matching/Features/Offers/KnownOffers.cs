namespace ReferralNet.Matching.Features.Offers;

/// <summary>
/// Which service each handoff offer went to, learnt from HandoffOffered: the later events of a handoff (a pass, an
/// accept) name only the handoff. Each service's last offer decides between equal candidates (<c>MatchRanking</c>).
/// </summary>
public static class KnownOffers
{
    private const string Record = """
        INSERT INTO offers (handoff_id, referral_id, case_id, service_id) VALUES (@HandoffId, @ReferralId, @CaseId, @ToServiceId)
        ON CONFLICT (handoff_id) DO NOTHING
        """;

    private const string RecordLast = """
        INSERT INTO service_last_offers (service_id, offered_at) VALUES (@ToServiceId, @OccurredAt)
        ON CONFLICT (service_id) DO UPDATE SET offered_at = GREATEST(service_last_offers.offered_at, EXCLUDED.offered_at)
        """;

    private const string Known = "SELECT EXISTS (SELECT 1 FROM offers WHERE handoff_id = @HandoffId)";

    private const string LastOffered = "SELECT service_id AS ServiceId, offered_at AS OfferedAt FROM service_last_offers WHERE service_id = ANY(@Ids)";

    public static async Task RecordAsync(UnitOfWork work, HandoffOffered offered, CancellationToken ct)
    {
        await work.ExecuteAsync(Record, offered, ct);
        await work.ExecuteAsync(RecordLast, offered, ct);
    }

    /// <summary>When each of <paramref name="serviceIds"/> was last offered (those never offered are left out).</summary>
    public static async Task<IReadOnlyDictionary<Guid, DateTimeOffset>> LastOfferedAsync(UnitOfWork work, IReadOnlyList<Guid> serviceIds, CancellationToken ct) =>
        (await work.QueryAsync<LastOffer>(LastOffered, new { Ids = serviceIds.ToArray() }, ct)).ToDictionary(o => o.ServiceId, o => o.OfferedAt);

    /// <summary>
    /// A later event of a handoff can reach this service before its offer (another queue, or a retry reorders them):
    /// it then fails, and the broker's retry brings it back after the offer.
    /// </summary>
    public static async Task RequireAsync(UnitOfWork work, Guid handoffId, CancellationToken ct)
    {
        if (!await work.QuerySingleAsync<bool>(Known, new { HandoffId = handoffId }, ct))
        {
            throw new InvalidOperationException("An event of a handoff arrived before its offer; it is retried.");
        }
    }

    private sealed class LastOffer
    {
        public Guid ServiceId { get; init; }
        public DateTimeOffset OfferedAt { get; init; }
    }
}
