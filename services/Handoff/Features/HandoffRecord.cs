namespace ReferralNet.Handoff.Features;

/// <summary>A warm handoff as stored and as shown to the two agencies in it.</summary>
public sealed record HandoffRecord
{
    public Guid HandoffId { get; init; }

    public Guid ReferralId { get; init; }

    public Guid CaseId { get; init; }

    /// <summary>The case's reference (RN-…), as every list of a worker names the case.</summary>
    public string CaseReference => BuildingBlocks.Web.CaseReference.Of(CaseId);

    public Guid FromAgencyId { get; init; }

    public Guid ToAgencyId { get; init; }

    public Guid ToServiceId { get; init; }

    public string Status { get; init; } = "";

    /// <summary>
    /// The sender's words about the young person (case-notes), like <see cref="DeclineReason"/>, <see cref="ContactModality"/>
    /// and <see cref="Outcome"/>: null where consent does not permit them to the reader.
    /// </summary>
    public string? Note { get; init; }

    public DateTimeOffset RespondBy { get; init; }

    public int PassNumber { get; init; }

    public DateTimeOffset OfferedAt { get; init; }

    public DateTimeOffset? AcceptedAt { get; init; }

    public DateTimeOffset? ConnectedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public string? DeclineReason { get; init; }

    public string? ContactModality { get; init; }

    public string? Outcome { get; init; }

    /// <summary>First contact was made at this joint first meeting, with the sender present (support's meeting id).</summary>
    public Guid? ContactMeetingId { get; init; }

    /// <summary>A pass on this offer sends the next best candidate's offer by itself.</summary>
    public bool AutoForward { get; init; }

    /// <summary>What the receiver wrote when declining: a case note for the sender, like <see cref="Note"/>.</summary>
    public string? DeclineNote { get; init; }

    /// <summary>What the receiver wrote about first contact: a case note, like <see cref="Note"/>.</summary>
    public string? ContactNote { get; init; }

    /// <summary>The handoff's ids, state and times: what either side may always see of it.</summary>
    public const string StateColumns = """
        id AS HandoffId, referral_id AS ReferralId, case_id AS CaseId, from_agency_id AS FromAgencyId,
        to_agency_id AS ToAgencyId, to_service_id AS ToServiceId, status, respond_by AS RespondBy,
        pass_number AS PassNumber, offered_at AS OfferedAt, accepted_at AS AcceptedAt, connected_at AS ConnectedAt,
        closed_at AS ClosedAt, auto_forward AS AutoForward, contact_meeting_id AS ContactMeetingId
        """;

    public const string Columns = $"""
        {StateColumns}, note, decline_reason AS DeclineReason, contact_modality AS ContactModality, outcome,
        decline_note AS DeclineNote, contact_note AS ContactNote
        """;

    /// <summary>
    /// A worker of the sending or the receiving agency, until the case closed longer than the read window ago and
    /// their agency did not lead it. Coordinators see escalations and figures, not handoffs.
    /// </summary>
    public bool IsVisibleTo(Caller caller, ConsentIndex participation) =>
        (caller.IsWorkerOf(FromAgencyId) || caller.IsWorkerOf(ToAgencyId)) && !participation.IsShutOut(CaseId, caller.AgencyId!.Value);

    /// <summary>The handoff without what is about the young person (see <see cref="HandoffNotes"/>).</summary>
    public HandoffRecord WithoutCaseNotes() =>
        this with { Note = null, DeclineReason = null, ContactModality = null, Outcome = null, DeclineNote = null, ContactNote = null };
}
