using ReferralNet.Web.Features.Youth;
using ReferralNet.Web.Gateway;

namespace ReferralNet.Web.Features.Meetings;

public sealed record MeetingAction(Guid ActionId, Guid AgencyId, string What, DateOnly Due, DateTimeOffset? DoneAt);

public sealed record MeetingMinutes(IReadOnlyList<string> Decisions, IReadOnlyList<MeetingAction> Actions);

/// <summary>A meeting of the team (API-v3 §5) as the agencies that attend it read it.</summary>
public sealed record Meeting(
    Guid MeetingId, string Kind, DateTimeOffset At, string? Place, string? OnlineUrl, IReadOnlyList<Guid> Attendees, bool YouthInvited,
    string Agenda, Guid? HandoffId, MeetingMinutes? Minutes, string Status, string? MoveNote)
{
    public bool IsJoint => Kind == MeetingKinds.JointFirstMeeting;

    /// <summary>A joint first meeting's attendees are the sending agency, then the receiving one.</summary>
    public Guid? Sender => IsJoint ? Attendees[0] : null;

    public Guid? Receiver => IsJoint ? Attendees[1] : null;
}

public sealed record MeetingScheduled(Guid MeetingId);

public sealed record MeetingDraft(
    string Kind, DateTimeOffset? At, string? Place, string? OnlineUrl, IReadOnlyList<Guid> Attendees, bool YouthInvited, string? Agenda, Guid? HandoffId);

public sealed record MinutesDraft(IReadOnlyList<string> Decisions, IReadOnlyList<ActionDraft> Actions);

public sealed record ActionDraft(Guid? AgencyId, string? What, DateOnly? Due);

/// <summary>A meeting the young person was invited to, as they read it.</summary>
public sealed record YouthMeeting(
    Guid MeetingId, string Kind, DateTimeOffset At, string? Place, string? OnlineUrl, IReadOnlyList<string> Decisions, string Status,
    string? Council = null, string? LegalBasis = null, IReadOnlyList<Guid>? Attendees = null);

/// <summary>The calls the meeting pages make: the worker's (schedule, read, minutes, actions, confirm, move) and the young person's.</summary>
public sealed class MeetingApi(GatewayApi gateway)
{
    private static string Path(Guid caseId) => $"/api/support/cases/{caseId}/meetings";

    public Task<ApiResult<ListOf<Meeting>>> MeetingsAsync(Guid caseId, CancellationToken ct) => gateway.GetAsync<ListOf<Meeting>>($"{Path(caseId)}?limit=100", ct);

    public Task<ApiResult<Meeting>> MeetingAsync(Guid caseId, Guid meetingId, CancellationToken ct) =>
        gateway.GetAsync<Meeting>($"{Path(caseId)}/{meetingId}", ct);

    public Task<ApiResult<MeetingScheduled>> ScheduleAsync(Guid caseId, MeetingDraft meeting, string idempotencyKey, CancellationToken ct) =>
        gateway.PostAsync<MeetingScheduled>(Path(caseId), meeting, ct, idempotencyKey);

    public Task<ApiResult<Meeting>> MinutesAsync(Guid caseId, Guid meetingId, MinutesDraft minutes, CancellationToken ct) =>
        gateway.PutAsync<Meeting>($"{Path(caseId)}/{meetingId}/minutes", minutes, ct);

    public Task<ApiResult<Meeting>> DoneAsync(Guid caseId, Guid meetingId, Guid actionId, CancellationToken ct) =>
        gateway.PostAsync<Meeting>($"{Path(caseId)}/{meetingId}/actions/{actionId}/done", null, ct);

    public Task<ApiResult<Meeting>> ConfirmAsync(Guid caseId, Guid meetingId, CancellationToken ct) =>
        gateway.PostAsync<Meeting>($"{Path(caseId)}/{meetingId}/confirm", null, ct);

    public Task<ApiResult<Meeting>> MoveAsync(Guid caseId, Guid meetingId, DateTimeOffset? at, CancellationToken ct) =>
        gateway.PutAsync<Meeting>($"{Path(caseId)}/{meetingId}/time", new { at }, ct);

    public Task<ApiResult<ListOf<YouthMeeting>>> MyMeetingsAsync(CancellationToken ct) => gateway.GetAsync<ListOf<YouthMeeting>>("/api/support/me/meetings", ct);

    public Task<ApiResult<ListOf<YouthMeeting>>> AskToMoveAsync(Guid meetingId, string? note, CancellationToken ct) =>
        gateway.PostAsync<ListOf<YouthMeeting>>($"/api/support/me/meetings/{meetingId}/move-request", new { note }, ct);
}
