using ReferralNet.Web.Features.Meetings;
using ReferralNet.Web.Features.Youth;
using ReferralNet.Web.Gateway;

namespace ReferralNet.Web.Features.Councils;

public sealed record CouncilMember(Guid AgencyId, DateTimeOffset BoundSince);

/// <summary>A statutory council (API-v3 §5): its name, the statute it meets under, its member agencies.</summary>
public sealed record Council(Guid CouncilId, string Name, string LegalBasis, IReadOnlyList<CouncilMember> Members);

public sealed record CouncilCreated(Guid CouncilId);

public sealed record CouncilAction(Guid AgencyId, string What, DateOnly Due);

public sealed record CouncilMinutes(IReadOnlyList<string> Decisions, IReadOnlyList<CouncilAction> Actions);

/// <summary>A support meeting: its minutes only ever for the agencies that attended.</summary>
public sealed record SupportMeeting(
    Guid MeetingId, Guid CouncilId, string Council, string LegalBasis, DateTimeOffset At, IReadOnlyList<Guid> Attendees, Guid? CaseId,
    string? Reference, CouncilMinutes? Minutes);

public sealed record SupportMeetingConvened(Guid MeetingId);

/// <summary>The calls of the councils' pages: the coordinator's (register, convene) and the attending worker's (minutes, case).</summary>
public sealed class CouncilApi(GatewayApi gateway)
{
    private const string Path = "/api/support/councils";

    public Task<ApiResult<ListOf<Council>>> CouncilsAsync(CancellationToken ct) => gateway.GetAsync<ListOf<Council>>(Path, ct);

    public Task<ApiResult<CouncilCreated>> RegisterAsync(string? name, string? legalBasis, IReadOnlyList<Guid> members, string idempotencyKey, CancellationToken ct) =>
        gateway.PostAsync<CouncilCreated>(Path, new { name, legalBasis, members }, ct, idempotencyKey);

    public Task<ApiResult<Council>> WriteAsync(Guid councilId, string name, string legalBasis, IReadOnlyList<Guid> members, CancellationToken ct) =>
        gateway.PutAsync<Council>($"{Path}/{councilId}", new { name, legalBasis, members }, ct);

    public Task<ApiResult<SupportMeetingConvened>> ConveneAsync(
        Guid councilId, DateTimeOffset? at, IReadOnlyList<Guid> attendees, string? reference, string idempotencyKey, CancellationToken ct) =>
        gateway.PostAsync<SupportMeetingConvened>($"{Path}/{councilId}/meetings", new { at, attendees, reference }, ct, idempotencyKey);

    public Task<ApiResult<ListOf<SupportMeeting>>> ConvenedAsync(Guid councilId, CancellationToken ct) =>
        gateway.GetAsync<ListOf<SupportMeeting>>($"{Path}/{councilId}/meetings", ct);

    public Task<ApiResult<ListOf<SupportMeeting>>> AttendedAsync(CancellationToken ct) => gateway.GetAsync<ListOf<SupportMeeting>>("/api/support/council-meetings", ct);

    public Task<ApiResult<SupportMeeting>> MeetingAsync(Guid councilId, Guid meetingId, CancellationToken ct) =>
        gateway.GetAsync<SupportMeeting>($"{Path}/{councilId}/meetings/{meetingId}", ct);

    public Task<ApiResult<SupportMeeting>> MinutesAsync(Guid councilId, Guid meetingId, MinutesDraft minutes, CancellationToken ct) =>
        gateway.PutAsync<SupportMeeting>($"{Path}/{councilId}/meetings/{meetingId}/minutes", minutes, ct);

    public Task<ApiResult<SupportMeeting>> LinkCaseAsync(Guid councilId, Guid meetingId, Guid? caseId, CancellationToken ct) =>
        gateway.PutAsync<SupportMeeting>($"{Path}/{councilId}/meetings/{meetingId}/case", new { caseId }, ct);
}
