using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace ReferralNet.Handoff.Features.Events;

/// <summary>
/// One entry of an agency's live feed. <see cref="Code"/> says more where the kind needs it: the answer of an
/// offer-answered, the task of a task-due, the reason of a case-escalated.
/// </summary>
public sealed record AgencyEvent
{
    public long Id { get; init; }
    public Guid AgencyId { get; init; }
    public string Kind { get; init; } = "";
    public Guid? HandoffId { get; init; }
    public Guid CaseId { get; init; }
    public string? Code { get; init; }
    public DateTimeOffset OccurredAt { get; init; }

    private byte[]? _frame;

    /// <summary>The event as one Server-Sent Events frame; made once, however many streams of the agency send it.</summary>
    public byte[] Frame => _frame ??= Encoding.UTF8.GetBytes(
        $"id: {Id}\nevent: {Kind}\ndata: {JsonSerializer.Serialize(new AgencyEventData(Id, Kind, HandoffId, CaseId, Code, OccurredAt), JsonSerializerOptions.Web)}\n\n");
}

/// <summary>What a worker's browser receives as the data of one event: ids and codes only.</summary>
public sealed record AgencyEventData(long Id, string Kind, Guid? HandoffId, Guid CaseId, string? Code, DateTimeOffset OccurredAt);

/// <summary>
/// Tells an agency's workers what happened, in the transaction of what happened: the feed's rows commit with it or not
/// at all, and PostgreSQL's NOTIFY (delivered on commit, in commit order) wakes every instance's open streams.
/// </summary>
public static class AgencyFeed
{
    public const string Channel = "agency_events";

    // The lock is taken at commit (BeforeCommit), so it is held for the commit only; while it is held no other
    // transaction takes an id, so ids are in commit order.
    private const string Append = $"""
        SELECT pg_advisory_xact_lock(hashtext('{Channel}'));
        WITH appended AS (
            INSERT INTO agency_events (agency_id, kind, handoff_id, case_id, code, occurred_at)
            SELECT * FROM unnest(@AgencyIds, @Kinds, @HandoffIds, @CaseIds, @Codes, @OccurredAts)
            RETURNING id, agency_id, kind, handoff_id, case_id, code, occurred_at)
        SELECT pg_notify('{Channel}', json_build_object(
            'id', id, 'agencyId', agency_id, 'kind', kind, 'handoffId', handoff_id, 'caseId', case_id, 'code', code,
            'occurredAt', occurred_at)::text)
        FROM appended ORDER BY id
        """;

    private static readonly ConditionalWeakTable<UnitOfWork, List<AgencyEvent>> Pending = new();

    public static void Tell(this UnitOfWork work, Guid agencyId, string kind, Guid? handoffId, Guid caseId, DateTimeOffset now, string? code = null)
    {
        if (!Pending.TryGetValue(work, out var events))
        {
            events = [];
            Pending.Add(work, events);
            work.BeforeCommit(ct => work.ExecuteAsync(Append, new
            {
                AgencyIds = events.Select(e => e.AgencyId).ToArray(),
                Kinds = events.Select(e => e.Kind).ToArray(),
                HandoffIds = events.Select(e => e.HandoffId).ToArray(),
                CaseIds = events.Select(e => e.CaseId).ToArray(),
                Codes = events.Select(e => e.Code).ToArray(),
                OccurredAts = events.Select(e => e.OccurredAt.ToUniversalTime()).ToArray(),
            }, ct));
        }
        events.Add(new AgencyEvent { AgencyId = agencyId, Kind = kind, HandoffId = handoffId, CaseId = caseId, Code = code, OccurredAt = now });
    }
}
