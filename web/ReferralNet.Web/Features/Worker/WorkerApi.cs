using System.Globalization;
using ReferralNet.Web.Text;
using ReferralNet.Web.Features.Plans;
using ReferralNet.Web.Features.Youth;
using ReferralNet.Web.Gateway;

namespace ReferralNet.Web.Features.Worker;

public sealed record HandoffTask(string Kind, Guid HandoffId, Guid CaseId, string CaseReference, DateTimeOffset DueAt);

public sealed record TaskList(IReadOnlyList<HandoffTask> Items);

/// <summary>A warm handoff as either agency sees it; what is about the young person is null without their consent.</summary>
public sealed record Handoff(
    Guid HandoffId, Guid ReferralId, Guid CaseId, string CaseReference, Guid FromAgencyId, Guid ToAgencyId, Guid ToServiceId, string Status, string? Note,
    DateTimeOffset RespondBy, int PassNumber, DateTimeOffset OfferedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? ConnectedAt,
    DateTimeOffset? ClosedAt, string? DeclineReason, string? ContactModality, string? Outcome, string? DeclineNote, string? ContactNote);

/// <summary>What a handoff's move says beside the move itself.</summary>
public abstract record HandoffMoveRequest;

public sealed record HandoffDecline(string? Reason, string? Note) : HandoffMoveRequest;

public sealed record FirstContact(string? Modality, DateTimeOffset At, string? Note) : HandoffMoveRequest;

public sealed record HandoffOutcome(string? Outcome) : HandoffMoveRequest;

public sealed record PersonView(
    string? FamilyName, string? GivenName, string? FamilyNameKana, string? GivenNameKana, string? Nickname, DateOnly? BirthDate, string? Municipality);

public sealed record ContactView(string? Email, string? Phone, string? Line, string? Preferred);

public sealed record TimelineEntry(DateTimeOffset At, string Kind, Guid? AgencyId, Guid? RefId, string? Text);

public sealed record CaseView(
    Guid CaseId, Guid PersonId, string Status, Guid? LeadAgencyId, Guid? MergedInto, IReadOnlyList<Guid> Participants, PersonView? Person,
    ContactView? Contact, IReadOnlyList<string>? Needs, string? Summary, IReadOnlyList<TimelineEntry> Timeline);

public sealed record CaseListItem(
    Guid CaseId, string Reference, string Status, Guid? LeadAgencyId, bool Leading, DateTimeOffset OpenedAt, DateTimeOffset LastContactAt,
    DateTimeOffset? NextDue, string? DisplayName, string? AgeBand, IReadOnlyList<string>? Needs);

/// <summary>What a worker looks for in their caseload: a reference or words of a name, a status, a lead agency, only overdue, an order.</summary>
public sealed record CaseSearch(string? Q, string? Status, Guid? Lead, bool Overdue, string? Sort, Guid? Cursor);

public sealed record ScoreComponent(string Reason, string Value, double Points);

public sealed record Candidate(Guid ServiceId, Guid AgencyId, string ServiceName, double Score, IReadOnlyList<ScoreComponent>? Components);

public sealed record Matches(Guid ReferralId, string Status, IReadOnlyList<Candidate> Candidates, int Round);

/// <summary>A referral taken: on its case (201), or waiting for the agency to be admitted to the person's case (202, no case).</summary>
public sealed record ContactDetails(string? Email, string? Phone);

public sealed record PersonDetails(
    string? FamilyName, string? GivenName, string? FamilyNameKana, string? GivenNameKana, DateOnly? BirthDate, string? Municipality, ContactDetails? Contact);

public sealed record FirstContactPreferences(IReadOnlyList<string> Modalities, bool RemoteFirst);

/// <summary>A worker's referral of a young person (v1), told once.</summary>
public sealed record ReferralRequest(
    PersonDetails Person, string? Source, IReadOnlyList<string>? Needs, string? Urgency, FirstContactPreferences Preferences, string? Summary);

public sealed record OpenedReferral(
    Guid ReferralId, Guid? CaseId, Guid? PersonId, bool? ExistingCase, string? YouthAccessCode, string? Status, DateTimeOffset? YouthAccessCodeExpiresAt);

/// <summary>An agency of a young person's team: lead, member or pending (API-v3 §1).</summary>
public sealed record TeamMember(Guid AgencyId, string Standing, DateTimeOffset Since, string? JoinedBy);

/// <summary>The key person of a team (主担当者): a worker of a lead or member agency.</summary>
public sealed record KeyPerson(Guid AgencyId, string DisplayName);

/// <summary>The young person asked for another key person: when, and in their words.</summary>
public sealed record KeyPersonChangeRequest(DateTimeOffset RequestedAt, string? Note);

public sealed record Team(
    Guid CaseId, string CaseReference, IReadOnlyList<TeamMember> Members, KeyPerson? KeyPerson = null, KeyPersonChangeRequest? KeyPersonChangeRequest = null);

public sealed record AgencyName(Guid Id, string Name, string Kind);

public sealed record ServiceName(Guid Id, Guid AgencyId, string Name);

/// <summary>A service the directory search found; with a referral, its fit and the reasons for it.</summary>
public sealed record SearchHit(ServiceName Service, double? Score, IReadOnlyList<ScoreComponent>? Components);

public sealed record PossibleDuplicate(Guid CaseId, string Status, IReadOnlyList<string> Reasons);

public sealed record PossibleDuplicates(Guid CaseId, IReadOnlyList<PossibleDuplicate> Items);

public sealed record MergeProposal(Guid ProposalId, Guid CaseId, Guid OtherCaseId, string Status, IReadOnlyList<string> Reasons, Guid ProposedByAgencyId, DateTimeOffset ProposedAt);

public sealed record OfferedHandoff(Guid HandoffId);

/// <summary>A merge's answer: merged (200), or a proposal that waits for the other case's agencies (202).</summary>
public sealed record MergeAnswer(Guid? ProposalId);

public sealed record IssuedCode(string YouthAccessCode, DateTimeOffset ExpiresAt);

/// <summary>The calls the worker's pages make, as the signed-in worker.</summary>
public sealed class WorkerApi(GatewayApi gateway, IOptions<WebOptions> options)
{
    /// <summary>Offers the referral's case to a service: a warm handoff.</summary>
    public Task<ApiResult<OfferedHandoff>> OfferAsync(Guid referralId, Guid serviceId, string? note, CancellationToken ct) =>
        gateway.PostAsync<OfferedHandoff>("/api/handoffs", new { referralId, toServiceId = serviceId, note }, ct);

    /// <summary>A move of a handoff (accept, decline, withdraw, contact, complete) with its body.</summary>
    /// <summary>A move of a handoff (<see cref="HandoffMoves"/>) with what it takes: nothing, or one of the move records.</summary>
    public Task<ApiResult<Handoff>> MoveHandoffAsync(Guid handoffId, string move, HandoffMoveRequest? request, CancellationToken ct) =>
        gateway.PostAsync<Handoff>($"/api/handoffs/{handoffId}/{move}", request, ct);

    public Task<ApiResult<MergeAnswer>> MergeAsync(Guid caseId, Guid otherCaseId, CancellationToken ct) =>
        gateway.PostAsync<MergeAnswer>($"/api/intake/cases/{caseId}/merge", new { otherCaseId }, ct);

    /// <summary>Confirms (<paramref name="confirm"/>) or declines a merge proposal.</summary>
    public Task<ApiResult<object>> AnswerMergeProposalAsync(Guid proposalId, bool confirm, CancellationToken ct) =>
        gateway.PostAsync<object>($"/api/intake/merge-proposals/{proposalId}/{(confirm ? "confirm" : "decline")}", null, ct);

    public Task<ApiResult<IssuedCode>> ReissueAccessCodeAsync(Guid caseId, CancellationToken ct) =>
        gateway.PostAsync<IssuedCode>($"/api/intake/cases/{caseId}/youth-access-code", null, ct);

    /// <summary>Refers a young person; <paramref name="idempotencyKey"/> (the form's own) refers once however often it is sent.</summary>
    public Task<ApiResult<OpenedReferral>> ReferAsync(ReferralRequest referral, string idempotencyKey, CancellationToken ct) =>
        gateway.PostAsync<OpenedReferral>("/api/intake/referrals", referral, ct, idempotencyKey);

    /// <summary>
    /// The names of <paramref name="cases"/> (name, or nickname) where the young person shares them with this agency:
    /// for lists that name a case by its reference (tasks, offers). Cases the agency does not take part in have none.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, string>> CaseNamesAsync(IEnumerable<Guid> cases, CancellationToken ct)
    {
        var ids = cases.Distinct().Take(100).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }
        var listed = await gateway.GetAsync<ListOf<CaseListItem>>(
            $"/api/intake/cases?participating=true&limit=100&{string.Join('&', ids.Select(id => $"case={id}"))}", ct);
        return (listed.Value?.Items ?? []).Where(c => c.DisplayName is not null).ToDictionary(c => c.CaseId, c => c.DisplayName!);
    }

    /// <summary>A page of the cases this worker's agency takes part in, as <paramref name="search"/> asks.</summary>
    public Task<ApiResult<ListOf<CaseListItem>>> CasesAsync(CaseSearch search, CancellationToken ct)
    {
        var query = new Dictionary<string, string?>
        {
            ["participating"] = "true", ["q"] = search.Q, ["status"] = search.Status, ["lead"] = search.Lead?.ToString(), ["sort"] = search.Sort,
            ["overdue"] = search.Overdue ? "true" : null,
            ["cursor"] = search.Cursor?.ToString(),
        };
        return gateway.GetAsync<ListOf<CaseListItem>>(WithQuery("/api/intake/cases", query), ct);
    }

    /// <summary>A path with the parameters that have a value, each escaped.</summary>
    private static string WithQuery(string path, Dictionary<string, string?> query) =>
        $"{path}?{string.Join('&', query.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!.Trim())}"))}";

    public Task<ApiResult<TaskList>> TasksAsync(CancellationToken ct) => gateway.GetAsync<TaskList>("/api/handoffs/tasks", ct);

    /// <summary>A lead's tasks of intake: decide whether an agency that referred the person joins the team, or name a key person again.</summary>
    public Task<ApiResult<ListOf<CaseTask>>> TeamTasksAsync(CancellationToken ct) => gateway.GetAsync<ListOf<CaseTask>>("/api/intake/tasks", ct);

    public Task<ApiResult<Team>> TeamAsync(Guid caseId, CancellationToken ct) => gateway.GetAsync<Team>($"/api/intake/cases/{caseId}/team", ct);

    /// <summary>The lead names the team's key person, agreed with the young person.</summary>
    public Task<ApiResult<KeyPerson>> NameKeyPersonAsync(Guid caseId, Guid? agencyId, string? displayName, CancellationToken ct) =>
        gateway.PutAsync<KeyPerson>($"/api/intake/cases/{caseId}/key-person", new { agencyId, displayName }, ct);

    /// <summary>The lead admits (<paramref name="admit"/>) or declines an agency that waits to join the case's team.</summary>
    public Task<ApiResult<object>> DecideAdmissionAsync(Guid caseId, Guid agencyId, bool admit, CancellationToken ct) =>
        gateway.PostAsync<object>($"/api/intake/cases/{caseId}/team/{agencyId}/{(admit ? "admit" : "decline")}", null, ct);

    public Task<ApiResult<ListOf<Handoff>>> HandoffsAsync(string direction, string? status, CancellationToken ct) =>
        gateway.GetAsync<ListOf<Handoff>>($"/api/handoffs?direction={direction}&limit=200{(status is null ? "" : $"&status={status}")}", ct);

    public Task<ApiResult<Handoff>> HandoffAsync(Guid id, CancellationToken ct) => gateway.GetAsync<Handoff>($"/api/handoffs/{id}", ct);

    public Task<ApiResult<CaseView>> CaseAsync(Guid id, CancellationToken ct) => gateway.GetAsync<CaseView>($"/api/intake/cases/{id}", ct);

    public Task<ApiResult<Matches>> MatchesAsync(Guid referral, CancellationToken ct) =>
        gateway.GetAsync<Matches>($"/api/matching/referrals/{referral}/matches", ct);

    /// <summary>The directory's services for the words and filters; ranked for the referral when one is given.</summary>
    public Task<ApiResult<ListOf<SearchHit>>> SearchAsync(Guid? referral, string? words, string? need, string? modality, string? municipality, CancellationToken ct)
    {
        var query = new Dictionary<string, string?> { ["referralId"] = referral?.ToString(), ["q"] = words, ["need"] = need, ["modality"] = modality, ["municipality"] = municipality };
        return gateway.GetAsync<ListOf<SearchHit>>(WithQuery("/api/matching/services/search", query), ct);
    }

    public Task<ApiResult<PossibleDuplicates>> PossibleDuplicatesAsync(Guid caseId, CancellationToken ct) =>
        gateway.GetAsync<PossibleDuplicates>($"/api/intake/cases/{caseId}/possible-duplicates", ct);

    public Task<ApiResult<ListOf<MergeProposal>>> MergeProposalsAsync(CancellationToken ct) =>
        gateway.GetAsync<ListOf<MergeProposal>>("/api/intake/merge-proposals?incoming=true&limit=200", ct);

    /// <summary>Agencies' names by id (the directory's list: every agency of the network, for staff).</summary>
    public async Task<IReadOnlyDictionary<Guid, AgencyName>> AgenciesAsync(CancellationToken ct)
    {
        var agencies = new Dictionary<Guid, AgencyName>();
        string? cursor = null;
        do
        {
            var page = await gateway.GetAsync<ListOf<AgencyName>>($"/api/matching/agencies?limit=200{(cursor is null ? "" : $"&cursor={cursor}")}", ct);
            foreach (var agency in page.Value?.Items ?? [])
            {
                agencies[agency.Id] = agency;
            }
            cursor = page.Value?.NextCursor;
        }
        while (cursor is not null && agencies.Count < 5000);
        // The intake desk leads the cases young people open themselves; where the directory does not list it, it is named still.
        if (options.Value.DeskAgencyId is { } desk && !agencies.ContainsKey(desk))
        {
            agencies[desk] = new AgencyName(desk, Texts.For(CultureInfo.CurrentUICulture).IntakeDesk, AgencyKinds.Other);
        }
        return agencies;
    }

    public async Task<IReadOnlyDictionary<Guid, string>> ServiceNamesAsync(IEnumerable<Guid> services, CancellationToken ct)
    {
        var found = await Task.WhenAll(services.Distinct().Select(id => gateway.GetAsync<ServiceName>($"/api/matching/services/{id}", ct)));
        return found.Where(r => r.IsOk).Select(r => r.Value!).ToDictionary(s => s.Id, s => s.Name);
    }
}
