using System.Security.Claims;
using ReferralNet.Web.Features.Services;
using ReferralNet.Web.Gateway;

namespace ReferralNet.Web.Features.Youth;

public sealed record YouthToken(string AccessToken, string Scope);

public sealed record ConsentRecipients(string Scope, IReadOnlyList<Guid>? AgencyIds);

public sealed record RecordedBy(Guid AgencyId, string UserId);

public sealed record Consent(
    Guid ConsentId, string Grantor, string Method, IReadOnlyList<string> Purposes, IReadOnlyList<string> Categories,
    ConsentRecipients Recipients, DateTimeOffset ValidUntil, string Status, DateTimeOffset GrantedAt, DateTimeOffset? RevokedAt,
    RecordedBy? RecordedBy);

public sealed record Participant(Guid AgencyId);

public sealed record AccessLogEntry(Guid Id, DateTimeOffset At, string Kind, Guid? AgencyId, string? Role, string Category, string Purpose, string Decision);

public sealed record Receipt(
    Guid ConsentId, DateTimeOffset GrantedAt, string Grantor, RecordedBy? RecordedBy, IReadOnlyList<string> Categories,
    ConsentRecipients Recipients, DateTimeOffset ValidUntil, string Status, DateTimeOffset? EndedAt, IReadOnlyList<ReceiptPurpose> Purposes);

public sealed record ReceiptPurpose(string Purpose);

/// <summary>An agency of the young person's team: lead, member, or pending (asks to join).</summary>
public sealed record TeamMember(Guid AgencyId, string Standing);

/// <summary>The key person of the team: a worker of one of its agencies.</summary>
public sealed record KeyPerson(Guid AgencyId, string DisplayName);

public sealed record Team(IReadOnlyList<TeamMember> Members, KeyPerson? KeyPerson = null);

/// <summary>One open case of the young person, with its team.</summary>
/// <summary>A young person's case: its team, and who of it will contact them by when.</summary>
public sealed record MyCase(Guid CaseId, string Reference, string Status, Team Team, IReadOnlyList<ContactDue>? ContactsDue);

/// <summary>An agency that is to contact the young person, and by when.</summary>
public sealed record ContactDue(Guid AgencyId, DateTimeOffset By);

/// <summary>A reset of the young person's sign-in that waits: which agency's code asked for it, and when it takes effect.</summary>
public sealed record WaitingReset(Guid? RequestedByAgencyId, DateTimeOffset RequestedAt, DateTimeOffset TakesEffectAt);

public sealed record ListOf<T>(IReadOnlyList<T> Items, string? NextCursor = null);

/// <summary>A sign-in name and passphrase: set with an enrolment token, or signed in with.</summary>
public sealed record Credential(string? SignInName, string? Passphrase);

/// <summary>Consent the young person gives themself, online.</summary>
public sealed record ConsentGrant(
    Guid PersonId, IReadOnlyList<string>? Purposes, IReadOnlyList<string>? Categories, ConsentRecipients Recipients, DateTimeOffset? ValidUntil)
{
    public string Grantor => ConsentGrantors.Youth;
    public string Method => ConsentMethods.Online;
}

public sealed record SelfContact(string? Line, string? Email, string? Phone);

/// <summary>A young person asking for help themself (everything may be left out but what they need).</summary>
/// <summary>What happens next: the case's reference, the channel the intake desk will use, and by when.</summary>
public sealed record HelpAnswer(Guid ReferralId, Guid CaseId, string Reference, string Channel, DateTimeOffset ContactBy);

public sealed record HelpAsked(string? Nickname, DateOnly? BirthDate, string? Municipality, SelfContact? Contact, IReadOnlyList<string>? Needs, string? Message);

/// <summary>An organization of the directory as the HSDS read API names it (its one-to-one fields suffice).</summary>

/// <summary>The calls the young person's pages make, with their own token, for their own person only.</summary>
public sealed class YouthApi(GatewayApi gateway)
{
    public static Guid PersonOf(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimNames.Person)!);

    /// <summary>Signed in with a credential that still waits after a reset: the page offers looking and stopping only.</summary>
    public static bool IsLimited(ClaimsPrincipal user) => user.FindFirstValue(ClaimNames.Scope) != YouthTokenScopes.Full;

    /// <summary>The reset that waits, or null when none does (404).</summary>
    public async Task<ApiResult<WaitingReset?>> ResetAsync(CancellationToken ct)
    {
        var found = await gateway.GetAsync<WaitingReset>("/api/consent/youth/reset", ct);
        return found.Problem?.Status == StatusCodes.Status404NotFound ? new ApiResult<WaitingReset?>(null, null) : new ApiResult<WaitingReset?>(found.Value, found.Problem);
    }

    /// <summary>A young person asking for help themself, without an account: to the network's intake desk.</summary>
    /// <summary>With the form's own <paramref name="key"/>: sent again (a reload), it asks once and gets the same answer.</summary>
    public Task<ApiResult<HelpAnswer>> AskForHelpAsync(HelpAsked request, string key, CancellationToken ct) =>
        gateway.PostAsync<HelpAnswer>("/api/intake/self-referrals", request, ct, key);

    /// <summary>The code a worker gave, exchanged for a short enrolment session.</summary>
    public Task<ApiResult<YouthToken>> ExchangeCodeAsync(string code, CancellationToken ct) =>
        gateway.PostAsync<YouthToken>("/api/consent/access", new AccessCode(code), ct);

    public Task<ApiResult<YouthToken>> SetCredentialAsync(Credential credential, CancellationToken ct) =>
        gateway.PostAsync<YouthToken>("/api/consent/youth/credential", credential, ct);

    public Task<ApiResult<YouthToken>> SignInAsync(Credential credential, CancellationToken ct) =>
        gateway.PostAsync<YouthToken>("/api/consent/youth/sign-in", credential, ct);

    public Task<ApiResult<object>> GrantAsync(ConsentGrant grant, CancellationToken ct) =>
        gateway.PostAsync<object>("/api/consent/consents", grant, ct);

    public Task<ApiResult<Receipt>> ReceiptAsync(Guid consentId, CancellationToken ct) =>
        gateway.GetAsync<Receipt>($"/api/consent/consents/{consentId}/receipt", ct);

    private sealed record AccessCode(string Code);

    public Task<ApiResult<object>> CancelResetAsync(CancellationToken ct) => gateway.PostAsync<object>("/api/consent/youth/reset/cancel", null, ct);

    public Task<ApiResult<ListOf<Participant>>> ParticipantsAsync(Guid person, CancellationToken ct) =>
        gateway.GetAsync<ListOf<Participant>>($"/api/consent/persons/{person}/participants", ct);

    public Task<ApiResult<ListOf<MyCase>>> MyCasesAsync(CancellationToken ct) => gateway.GetAsync<ListOf<MyCase>>("/api/intake/me/cases", ct);

    /// <summary>Lets an agency that asks to join the team join (<c>admit</c>) or not (<c>decline</c>).</summary>
    public Task<ApiResult<object>> DecideAsync(Guid caseId, Guid agencyId, bool admit, CancellationToken ct) =>
        gateway.PostAsync<object>($"/api/intake/cases/{caseId}/team/{agencyId}/{(admit ? "admit" : "decline")}", null, ct);

    /// <summary>The young person stops sharing what a consent covered.</summary>
    public Task<ApiResult<object>> StopSharingAsync(Guid consentId, CancellationToken ct) =>
        gateway.PostAsync<object>($"/api/consent/consents/{consentId}/revoke", null, ct);

    /// <summary>The young person asks for another key person: the lead's task until it names one.</summary>
    public Task<ApiResult<object>> AskForAnotherKeyPersonAsync(Guid caseId, string? note, CancellationToken ct) =>
        gateway.PostAsync<object>($"/api/intake/cases/{caseId}/key-person/change-request", new { note }, ct);

    public Task<ApiResult<object>> RemoveAsync(Guid caseId, Guid agencyId, CancellationToken ct) =>
        gateway.DeleteAsync($"/api/intake/cases/{caseId}/team/{agencyId}", ct);

    public Task<ApiResult<ListOf<Consent>>> ConsentsAsync(Guid person, CancellationToken ct) =>
        gateway.GetAsync<ListOf<Consent>>($"/api/consent/persons/{person}/consents?limit=200", ct);

    /// <summary>The names of the agencies, from the directory (anyone may read who the network's agencies are).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> agencies, CancellationToken ct)
    {
        var found = await Task.WhenAll(agencies.Distinct().Select(id => gateway.GetAsync<HsdsOrganizationName>($"/api/matching/hsds/organizations/{id}", ct, GatewayApi.Hsds)));
        return found.Where(r => r.IsOk).Select(r => r.Value!).ToDictionary(o => o.Id, o => o.Name);
    }

    /// <summary>A page of the access log, newest first, from before <paramref name="before"/> (a page's next cursor).</summary>
    public Task<ApiResult<ListOf<AccessLogEntry>>> AccessLogAsync(Guid person, Guid? before, CancellationToken ct) =>
        gateway.GetAsync<ListOf<AccessLogEntry>>(
            $"/api/consent/persons/{person}/access-log?order={ListOrders.Newest}&limit=100{(before is null ? "" : $"&cursor={before}")}", ct);
}
