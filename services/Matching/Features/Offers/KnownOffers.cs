namespace ReferralNet.Matching.Features.Offers;

/// <summary>
/// Which service each handoff offer went to, learnt from HandoffOffered: the later events of a handoff (a pass, an
/// accept) name only the handoff.
/// </summary>
public static class KnownOffers
{
    private const string Record = """
        INSERT INTO offers (handoff_id, referral_id, case_id, service_id) VALUES (@HandoffId, @ReferralId, @CaseId, @ToServiceId)
        ON CONFLICT (handoff_id) DO NOTHING
        """;

    private const string Known = "SELECT EXISTS (SELECT 1 FROM offers WHERE handoff_id = @HandoffId)";

    public static Task RecordAsync(UnitOfWork work, HandoffOffered offered, CancellationToken ct) => work.ExecuteAsync(Record, offered, ct);

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
}
