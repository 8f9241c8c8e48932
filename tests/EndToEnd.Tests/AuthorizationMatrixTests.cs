using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.Tokens;
using ReferralNet.Testing;
using Xunit.Abstractions;

namespace ReferralNet.EndToEnd.Tests;

/// <summary>
/// Every route of every service × every caller that must be refused (a pending agency of the case among them),
/// through the gateway. The routes come from the running services' route table, so a route added without a row here
/// fails the test; after the run, the case, its consents and its handoff are as they were.
/// </summary>
[Collection(NetworkCollection.Name)]
public sealed class AuthorizationMatrixTests(NetworkFixture fixture, ITestOutputHelper output)
{
    private readonly ReferralNetwork _network = fixture.Network;

    /// <summary>Who a route is for, which decides what each kind of refused caller gets.</summary>
    private enum Audience
    {
        /// <summary>Anyone, without a token (self-referral, the code exchange, sign-in, health, development tokens, the contract).</summary>
        Anonymous,

        /// <summary>About one person, case, referral, consent or handoff: every outsider gets 404 and changes nothing.</summary>
        PersonLevel,

        /// <summary>The caller's agency's own list: an outsider gets 200 without the case in it; other roles 404.</summary>
        OwnAgencyList,

        /// <summary>The caller's agency's live events: an outsider gets its own (empty of the case) stream; other roles 404.</summary>
        OwnAgencyStream,

        /// <summary>Any worker may open a referral; other roles 403.</summary>
        AnyWorker,

        /// <summary>The directory: agency staff and coordinators read it; the young person gets 403 at the gateway.</summary>
        DirectoryRead,

        /// <summary>Directory editors: an admin edits only their own agency's services; workers and youth 403.</summary>
        DirectoryEdit,

        /// <summary>Coordinators only (figures, registering agencies).</summary>
        Coordinator,

        /// <summary>Setting the young person's credential: only with the enrolment token a code gives; everyone else 403.</summary>
        YouthEnrolment,

        /// <summary>The young person's own records of themself (a waiting reset): any young person their own; everyone else 403.</summary>
        YoungPersonOwn,
    }

    private sealed record Row(Audience Audience, Func<World, string> Path, Func<World, object>? Body = null);

    private static readonly IReadOnlyDictionary<string, Row> Matrix = new Dictionary<string, Row>
    {
        ["ANY /health/live"] = new(Audience.Anonymous, _ => "/health/live"),
        ["ANY /health/ready"] = new(Audience.Anonymous, _ => "/health/ready"),
        ["POST /dev/token"] = new(Audience.Anonymous, _ => "/dev/token"),
        ["POST /api/intake/self-referrals"] = new(Audience.Anonymous, _ => "/api/intake/self-referrals"),
        // The contract: each service's own document, the gateway's merged one, and its reference page (development).
        ["GET /openapi/{documentName}.json"] = new(Audience.Anonymous, _ => "/openapi/v1.json"),
        ["GET /openapi/v1.json"] = new(Audience.Anonymous, _ => "/openapi/v1.json"),
        ["GET /docs/{documentName?}"] = new(Audience.Anonymous, _ => "/docs/"),
        ["GET /docs/scalar.js"] = new(Audience.Anonymous, _ => "/docs/scalar.js"),
        ["GET /docs/scalar.aspnetcore.js"] = new(Audience.Anonymous, _ => "/docs/scalar.aspnetcore.js"),
        ["GET /docs/favicon.svg"] = new(Audience.Anonymous, _ => "/docs/favicon.svg"),
        ["POST /api/consent/access"] = new(Audience.Anonymous, _ => "/api/consent/access"),
        ["POST /api/consent/youth/sign-in"] = new(Audience.Anonymous, _ => "/api/consent/youth/sign-in"),
        ["POST /api/consent/youth/credential"] = new(Audience.YouthEnrolment, _ => "/api/consent/youth/credential",
            _ => new { signInName = $"matrix-{Guid.NewGuid():N}"[..20], passphrase = "a passphrase nobody sets" }),
        ["POST /api/consent/youth/credential/passkey-options"] = new(Audience.YouthEnrolment, _ => "/api/consent/youth/credential/passkey-options"),
        // The answer is to a ceremony of its own: the matrix sees the token refused or let through to the body's check.
        ["POST /api/consent/youth/credential/passkey"] = new(Audience.YouthEnrolment, _ => "/api/consent/youth/credential/passkey",
            _ => new { ceremonyId = Guid.NewGuid(), credential = new { } }),
        ["GET /api/consent/youth/reset"] = new(Audience.YoungPersonOwn, _ => "/api/consent/youth/reset"),
        ["POST /api/consent/youth/reset/cancel"] = new(Audience.YoungPersonOwn, _ => "/api/consent/youth/reset/cancel"),
        ["POST /api/consent/youth/sign-in/passkey-options"] = new(Audience.Anonymous, _ => "/api/consent/youth/sign-in/passkey-options"),
        ["POST /api/consent/youth/sign-in/passkey"] = new(Audience.Anonymous, _ => "/api/consent/youth/sign-in/passkey",
            _ => new { ceremonyId = Guid.NewGuid(), credential = new { } }),

        ["POST /api/intake/referrals"] = new(Audience.AnyWorker, _ => "/api/intake/referrals", _ => Scenario.Referral()),
        ["GET /api/intake/cases"] = new(Audience.OwnAgencyList, _ => "/api/intake/cases?participating=true"),
        ["GET /api/intake/cases/{caseId:guid}"] = new(Audience.PersonLevel, w => $"/api/intake/cases/{w.CaseId}"),
        ["GET /api/intake/cases/{caseId:guid}/possible-duplicates"] = new(Audience.PersonLevel, w => $"/api/intake/cases/{w.CaseId}/possible-duplicates"),
        ["POST /api/intake/cases/{caseId:guid}/merge"] = new(Audience.PersonLevel, w => $"/api/intake/cases/{w.CaseId}/merge",
            w => new { otherCaseId = w.OtherCaseId }),
        ["POST /api/intake/cases/{caseId:guid}/close"] = new(Audience.PersonLevel, w => $"/api/intake/cases/{w.CaseId}/close",
            _ => new { reason = "other" }),
        ["POST /api/intake/cases/{caseId:guid}/youth-access-code"] = new(Audience.PersonLevel, w => $"/api/intake/cases/{w.CaseId}/youth-access-code"),
        ["GET /api/intake/cases/{caseId:guid}/team"] = new(Audience.PersonLevel, w => $"/api/intake/cases/{w.CaseId}/team"),
        ["POST /api/intake/cases/{caseId:guid}/team/{agencyId:guid}/admit"] = new(Audience.PersonLevel, w => $"/api/intake/cases/{w.CaseId}/team/{w.Outsider}/admit"),
        ["POST /api/intake/cases/{caseId:guid}/team/{agencyId:guid}/decline"] = new(Audience.PersonLevel, w => $"/api/intake/cases/{w.CaseId}/team/{w.Outsider}/decline"),
        ["DELETE /api/intake/cases/{caseId:guid}/team/{agencyId:guid}"] = new(Audience.PersonLevel, w => $"/api/intake/cases/{w.CaseId}/team/{w.Clinic}"),
        ["PUT /api/intake/cases/{caseId:guid}/key-person"] = new(Audience.PersonLevel, w => $"/api/intake/cases/{w.CaseId}/key-person",
            w => new { agencyId = w.School, displayName = "Matrix Worker" }),
        ["POST /api/intake/cases/{caseId:guid}/key-person/change-request"] = new(Audience.PersonLevel,
            w => $"/api/intake/cases/{w.CaseId}/key-person/change-request", _ => new { note = "someone else, please" }),
        ["GET /api/intake/me/cases"] = new(Audience.YoungPersonOwn, _ => "/api/intake/me/cases"),
        ["GET /api/intake/tasks"] = new(Audience.OwnAgencyList, _ => "/api/intake/tasks"),
        ["GET /api/intake/referrals/{referralId:guid}"] = new(Audience.PersonLevel, w => $"/api/intake/referrals/{w.ReferralId}"),
        ["GET /api/intake/merge-proposals"] = new(Audience.OwnAgencyList, _ => "/api/intake/merge-proposals?incoming=true"),
        ["POST /api/intake/merge-proposals/{proposalId:guid}/confirm"] = new(Audience.PersonLevel, w => $"/api/intake/merge-proposals/{w.ProposalId}/confirm"),
        ["POST /api/intake/merge-proposals/{proposalId:guid}/decline"] = new(Audience.PersonLevel, w => $"/api/intake/merge-proposals/{w.ProposalId}/decline"),

        ["GET /api/matching/agencies"] = new(Audience.DirectoryRead, _ => "/api/matching/agencies"),
        ["GET /api/matching/agencies/{id:guid}"] = new(Audience.DirectoryRead, w => $"/api/matching/agencies/{w.School}"),
        ["POST /api/matching/agencies"] = new(Audience.Coordinator, _ => "/api/matching/agencies",
            _ => new { name = "Matrix agency", kind = "cso", municipality = "Setagaya" }),
        ["GET /api/matching/services"] = new(Audience.DirectoryRead, _ => "/api/matching/services"),
        ["GET /api/matching/services/{id:guid}"] = new(Audience.DirectoryRead, w => $"/api/matching/services/{w.ClinicService}"),
        ["POST /api/matching/services"] = new(Audience.DirectoryEdit, _ => "/api/matching/services", w => w.ClinicServiceBody),
        ["PUT /api/matching/services/{id:guid}"] = new(Audience.DirectoryEdit, w => $"/api/matching/services/{w.ClinicService}", w => w.ClinicServiceBody),
        ["PUT /api/matching/services/{id:guid}/capacity"] = new(Audience.DirectoryEdit, w => $"/api/matching/services/{w.ClinicService}/capacity",
            _ => new { available = 1, maximum = 20, waitWeeks = 0 }),
        ["POST /api/matching/hsds/import"] = new(Audience.DirectoryEdit, _ => "/api/matching/hsds/import",
            w => new { id = w.ClinicService, organization_id = w.Clinic, name = "Matrix counselling", status = "active" }),
        ["GET /api/matching/term-mappings"] = new(Audience.DirectoryEdit, w => $"/api/matching/term-mappings?agencyId={w.Clinic}"),
        ["PUT /api/matching/term-mappings/{taxonomyTermId:guid}"] = new(Audience.DirectoryEdit, _ => $"/api/matching/term-mappings/{Guid.NewGuid()}",
            w => new { agencyId = w.Clinic, need = "mental-health" }),
        // The directory in HSDS: anyone reads what agencies published (what else an outsider sees is in the read tests).
        ["GET /api/matching/hsds"] = new(Audience.Anonymous, _ => "/api/matching/hsds/"),
        ["GET /api/matching/municipalities"] = new(Audience.Anonymous, _ => "/api/matching/municipalities?q=setagaya"),
        ["GET /api/matching/hsds/services"] = new(Audience.Anonymous, _ => "/api/matching/hsds/services"),
        ["GET /api/matching/hsds/services/{id:guid}"] = new(Audience.Anonymous, w => $"/api/matching/hsds/services/{w.ClinicService}"),
        ["GET /api/matching/hsds/organizations"] = new(Audience.Anonymous, _ => "/api/matching/hsds/organizations"),
        ["GET /api/matching/hsds/organizations/{id:guid}"] = new(Audience.Anonymous, w => $"/api/matching/hsds/organizations/{w.Clinic}"),
        ["GET /api/matching/hsds/service_at_locations"] = new(Audience.Anonymous, _ => "/api/matching/hsds/service_at_locations"),
        ["GET /api/matching/hsds/taxonomies"] = new(Audience.Anonymous, _ => "/api/matching/hsds/taxonomies"),
        ["GET /api/matching/hsds/taxonomy_terms"] = new(Audience.Anonymous, _ => "/api/matching/hsds/taxonomy_terms"),
        ["GET /api/matching/services/search"] = new(Audience.PersonLevel, w => $"/api/matching/services/search?referralId={w.ReferralId}"),
        ["GET /api/matching/referrals/{referralId:guid}/matches"] = new(Audience.PersonLevel, w => $"/api/matching/referrals/{w.ReferralId}/matches"),

        ["POST /api/consent/consents"] = new(Audience.PersonLevel, _ => "/api/consent/consents", w => new
        {
            personId = w.PersonId, grantor = "worker-recorded", method = "verbal", purposes = new[] { "coordination" },
            categories = new[] { "contact" }, recipients = new { scope = "network" },
        }),
        ["POST /api/consent/consents/{id:guid}/revoke"] = new(Audience.PersonLevel, w => $"/api/consent/consents/{w.ConsentId}/revoke"),
        ["GET /api/consent/consents/{id:guid}/receipt"] = new(Audience.PersonLevel, w => $"/api/consent/consents/{w.ConsentId}/receipt"),
        ["GET /api/consent/persons/{personId:guid}/consents"] = new(Audience.PersonLevel, w => $"/api/consent/persons/{w.PersonId}/consents"),
        ["GET /api/consent/persons/{personId:guid}/participants"] = new(Audience.PersonLevel, w => $"/api/consent/persons/{w.PersonId}/participants"),
        ["GET /api/consent/persons/{personId:guid}/access-log"] = new(Audience.PersonLevel, w => $"/api/consent/persons/{w.PersonId}/access-log"),
        ["GET /api/consent/decisions"] = new(Audience.PersonLevel,
            w => $"/api/consent/decisions?personId={w.PersonId}&agencyId={w.School}&category=contact&purpose=coordination"),

        ["POST /api/handoffs"] = new(Audience.PersonLevel, _ => "/api/handoffs", w => new { referralId = w.ReferralId, toServiceId = w.ClinicService }),
        ["GET /api/handoffs"] = new(Audience.OwnAgencyList, _ => "/api/handoffs?direction=outgoing"),
        ["GET /api/handoffs/tasks"] = new(Audience.OwnAgencyList, _ => "/api/handoffs/tasks"),
        ["GET /api/handoffs/events"] = new(Audience.OwnAgencyStream, _ => "/api/handoffs/events"),
        ["GET /api/handoffs/{id:guid}"] = new(Audience.PersonLevel, w => $"/api/handoffs/{w.HandoffId}"),
        ["POST /api/handoffs/{id:guid}/accept"] = new(Audience.PersonLevel, w => $"/api/handoffs/{w.HandoffId}/accept"),
        ["POST /api/handoffs/{id:guid}/decline"] = new(Audience.PersonLevel, w => $"/api/handoffs/{w.HandoffId}/decline", _ => new { reason = "other" }),
        ["POST /api/handoffs/{id:guid}/withdraw"] = new(Audience.PersonLevel, w => $"/api/handoffs/{w.HandoffId}/withdraw"),
        ["POST /api/handoffs/{id:guid}/contact"] = new(Audience.PersonLevel, w => $"/api/handoffs/{w.HandoffId}/contact", _ => new { modality = "phone" }),
        ["POST /api/handoffs/{id:guid}/complete"] = new(Audience.PersonLevel, w => $"/api/handoffs/{w.HandoffId}/complete", _ => new { outcome = "got-help" }),

        ["GET /api/handoffs/escalations"] = new(Audience.Coordinator, _ => "/api/handoffs/escalations?status=open"),
        ["POST /api/handoffs/escalations/{id:guid}/assign"] = new(Audience.Coordinator, _ => $"/api/handoffs/escalations/{Guid.NewGuid()}/assign",
            w => new { agencyId = w.School }),
        ["POST /api/handoffs/escalations/{id:guid}/resolve"] = new(Audience.Coordinator, _ => $"/api/handoffs/escalations/{Guid.NewGuid()}/resolve",
            _ => new { resolution = "other" }),

        ["GET /api/insights/summary"] = new(Audience.Coordinator, _ => "/api/insights/summary"),
        ["GET /api/insights/flow"] = new(Audience.Coordinator, _ => "/api/insights/flow?period=2026-W01&by=agency"),

        ["GET /api/support/cases/{caseId:guid}/plan"] = new(Audience.PersonLevel, w => $"/api/support/cases/{w.CaseId}/plan"),
        ["PUT /api/support/cases/{caseId:guid}/plan"] = new(Audience.PersonLevel, w => $"/api/support/cases/{w.CaseId}/plan", w => w.PlanBody),
        ["GET /api/support/cases/{caseId:guid}/plan/versions"] = new(Audience.PersonLevel, w => $"/api/support/cases/{w.CaseId}/plan/versions"),
        ["POST /api/support/cases/{caseId:guid}/plan/steps/{stepId:guid}/moves"] = new(Audience.PersonLevel,
            w => $"/api/support/cases/{w.CaseId}/plan/steps/{w.StepId}/moves", _ => new { to = "started" }),
        ["POST /api/support/cases/{caseId:guid}/reviews"] = new(Audience.PersonLevel, w => $"/api/support/cases/{w.CaseId}/reviews",
            w => new { goals = new[] { new { goalId = w.GoalId, progress = "better" } } }),
        ["GET /api/support/cases/{caseId:guid}/reviews"] = new(Audience.PersonLevel, w => $"/api/support/cases/{w.CaseId}/reviews"),
        ["POST /api/support/cases/{caseId:guid}/follow-ups"] = new(Audience.PersonLevel, w => $"/api/support/cases/{w.CaseId}/follow-ups",
            _ => new { result = "needs-help-again" }),
        ["GET /api/support/cases/{caseId:guid}/follow-ups"] = new(Audience.PersonLevel, w => $"/api/support/cases/{w.CaseId}/follow-ups"),
        ["GET /api/support/me/plans"] = new(Audience.YoungPersonOwn, _ => "/api/support/me/plans"),
        ["POST /api/support/me/plans/{caseId:guid}/agree"] = new(Audience.PersonLevel, w => $"/api/support/me/plans/{w.CaseId}/agree"),
        ["POST /api/support/me/plans/{caseId:guid}/comment"] = new(Audience.PersonLevel, w => $"/api/support/me/plans/{w.CaseId}/comment",
            _ => new { text = "not mine to comment on" }),
        ["GET /api/support/tasks"] = new(Audience.OwnAgencyList, _ => "/api/support/tasks"),
        ["POST /api/support/cases/{caseId:guid}/meetings"] = new(Audience.PersonLevel, w => $"/api/support/cases/{w.CaseId}/meetings", w => w.MeetingBody),
        ["GET /api/support/cases/{caseId:guid}/meetings"] = new(Audience.PersonLevel, w => $"/api/support/cases/{w.CaseId}/meetings"),
        ["GET /api/support/cases/{caseId:guid}/meetings/{meetingId:guid}"] = new(Audience.PersonLevel, w => $"/api/support/cases/{w.CaseId}/meetings/{w.MeetingId}"),
        ["PUT /api/support/cases/{caseId:guid}/meetings/{meetingId:guid}/minutes"] = new(Audience.PersonLevel,
            w => $"/api/support/cases/{w.CaseId}/meetings/{w.MeetingId}/minutes", w => w.MinutesBody),
        ["POST /api/support/cases/{caseId:guid}/meetings/{meetingId:guid}/actions/{actionId:guid}/done"] = new(Audience.PersonLevel,
            w => $"/api/support/cases/{w.CaseId}/meetings/{w.MeetingId}/actions/{w.ActionId}/done"),
        ["POST /api/support/cases/{caseId:guid}/meetings/{meetingId:guid}/confirm"] = new(Audience.PersonLevel,
            w => $"/api/support/cases/{w.CaseId}/meetings/{w.MeetingId}/confirm"),
        ["PUT /api/support/cases/{caseId:guid}/meetings/{meetingId:guid}/time"] = new(Audience.PersonLevel,
            w => $"/api/support/cases/{w.CaseId}/meetings/{w.MeetingId}/time", _ => new { at = DateTimeOffset.UtcNow.AddDays(4) }),
        ["GET /api/support/me/meetings"] = new(Audience.YoungPersonOwn, _ => "/api/support/me/meetings"),
        ["POST /api/support/councils"] = new(Audience.Coordinator, _ => "/api/support/councils", w => w.CouncilBody),
        ["PUT /api/support/councils/{councilId:guid}"] = new(Audience.Coordinator, w => $"/api/support/councils/{w.CouncilId}", w => w.CouncilBody),
        ["GET /api/support/councils"] = new(Audience.Coordinator, _ => "/api/support/councils"),
        ["POST /api/support/councils/{councilId:guid}/meetings"] = new(Audience.Coordinator, w => $"/api/support/councils/{w.CouncilId}/meetings",
            w => new { at = DateTimeOffset.UtcNow.AddDays(-1), attendees = new[] { w.School }, reference = "Matrix" }),
        ["GET /api/support/councils/{councilId:guid}/meetings"] = new(Audience.Coordinator, w => $"/api/support/councils/{w.CouncilId}/meetings"),
        ["GET /api/support/councils/{councilId:guid}/meetings/{meetingId:guid}"] = new(Audience.PersonLevel,
            w => $"/api/support/councils/{w.CouncilId}/meetings/{w.SupportMeetingId}"),
        ["PUT /api/support/councils/{councilId:guid}/meetings/{meetingId:guid}/minutes"] = new(Audience.PersonLevel,
            w => $"/api/support/councils/{w.CouncilId}/meetings/{w.SupportMeetingId}/minutes", _ => new { decisions = new[] { "Matrix" } }),
        ["PUT /api/support/councils/{councilId:guid}/meetings/{meetingId:guid}/case"] = new(Audience.PersonLevel,
            w => $"/api/support/councils/{w.CouncilId}/meetings/{w.SupportMeetingId}/case", w => new { caseId = w.OtherCaseId }),
        ["GET /api/support/council-meetings"] = new(Audience.OwnAgencyList, _ => "/api/support/council-meetings"),
        ["POST /api/support/me/meetings/{meetingId:guid}/move-request"] = new(Audience.PersonLevel,
            w => $"/api/support/me/meetings/{w.MeetingId}/move-request", _ => new { note = "Matrix" }),
    };

    [Fact]
    public void Every_route_of_the_network_has_a_row_in_the_matrix()
    {
        var routes = _network.Routes.SelectMany(r => Keys(r.Endpoint)).ToHashSet();

        Assert.Empty(routes.Except(Matrix.Keys).Order());
        Assert.Empty(Matrix.Keys.Except(routes).Order());
    }

    [Fact]
    public async Task Every_route_refuses_every_caller_without_a_part_and_changes_nothing()
    {
        var world = await World.CreateAsync(_network);
        var before = await world.SnapshotAsync();
        var callers = await CallersAsync(world);
        var refusals = new List<string>();
        var wrong = new List<string>();

        foreach (var (key, row) in Matrix)
        {
            var method = new HttpMethod(key[..key.IndexOf(' ')]);
            foreach (var caller in callers)
            {
                if (Expected(row.Audience, caller.Kind, key) is not { } expected)
                {
                    continue;
                }
                using var request = new HttpRequestMessage(method, row.Path(world));
                if (row.Body is not null)
                {
                    request.Content = JsonContent.Create(row.Body(world));
                }
                // A stream that is admitted never ends: its headers are the answer.
                var stream = row.Audience == Audience.OwnAgencyStream && expected == HttpStatusCode.OK;
                using var response = await caller.Client.SendAsync(request, stream ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead);
                var body = stream ? "" : await response.Content.ReadAsStringAsync();
                var ok = expected == HttpStatusCode.OK
                    ? response.StatusCode == HttpStatusCode.OK && !new[] { world.CaseId, world.HandoffId, world.ProposalId }.Any(id => body.Contains(id.ToString()))
                        && (!stream || response.Content.Headers.ContentType?.MediaType == "text/event-stream")
                    : response.StatusCode == expected && response.Content.Headers.ContentType?.MediaType == "application/problem+json";
                (ok ? refusals : wrong).Add($"{key} as {caller.Kind}: {(int)response.StatusCode} (expected {(int)expected})");
            }
        }

        output.WriteLine($"{Matrix.Count} routes × {callers.Count} callers: {refusals.Count + wrong.Count} refusals tried, {wrong.Count} wrong");
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        Assert.True(refusals.Count >= 150, $"only {refusals.Count} refusals were tried");
        Assert.Equal(before, await world.SnapshotAsync());
    }

    /// <summary>What a caller of this kind gets from a route for this audience; null where the caller is not refused.</summary>
    private static HttpStatusCode? Expected(Audience audience, CallerKind kind, string key)
    {
        if (audience == Audience.Anonymous)
        {
            return null;
        }
        if (kind is CallerKind.NoToken or CallerKind.ExpiredToken or CallerKind.UnknownKey or CallerKind.AlgNone
            or CallerKind.PublicKeyAsSecret or CallerKind.AnotherIssuersKey or CallerKind.RoleTheIssuerMayNotGive)
        {
            return HttpStatusCode.Unauthorized;
        }
        // The gateway admits only staff to the matching and handoff services and only coordinators to insights.
        var youngPerson = kind is CallerKind.AnotherYoungPerson or CallerKind.CodeHolder;
        var gatewayRefuses = youngPerson && (key.Contains("/api/matching/") || key.Contains("/api/handoffs"))
            || kind != CallerKind.Coordinator && key.Contains("/api/insights/");
        if (gatewayRefuses)
        {
            return HttpStatusCode.Forbidden;
        }
        // A pending agency referred the person too, and waits for admission: for everything about the case, an outsider.
        var worker = kind is CallerKind.OutsiderWorker or CallerKind.PendingWorker;
        if (worker && key == "GET /api/consent/decisions")
        {
            return HttpStatusCode.Forbidden; // it named another agency than its own: nothing about the person is looked up
        }
        return audience switch
        {
            Audience.PersonLevel => HttpStatusCode.NotFound,
            Audience.OwnAgencyList or Audience.OwnAgencyStream => worker ? HttpStatusCode.OK : HttpStatusCode.NotFound,
            // An outsider's own referral is not a refusal; it is tried in the referral tests.
            Audience.AnyWorker => worker ? null : HttpStatusCode.Forbidden,
            Audience.DirectoryRead => null,
            // Another agency's service does not exist for an admin who would change it; creating one for it is forbidden.
            Audience.DirectoryEdit => kind == CallerKind.Coordinator ? null
                : kind == CallerKind.OutsiderAgencyAdmin && key.StartsWith("PUT /api/matching/services/") ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden,
            Audience.Coordinator => kind == CallerKind.Coordinator ? null : HttpStatusCode.Forbidden,
            Audience.YouthEnrolment => kind == CallerKind.CodeHolder ? null : HttpStatusCode.Forbidden,
            Audience.YoungPersonOwn => kind == CallerKind.AnotherYoungPerson ? null : HttpStatusCode.Forbidden,
            _ => throw new ArgumentOutOfRangeException(nameof(audience)),
        };
    }

    /// <summary>Who is refused. <see cref="CodeHolder"/> exchanged another person's code: an enrolment token, nothing more.</summary>
    private enum CallerKind
    {
        OutsiderWorker, PendingWorker, OutsiderAgencyAdmin, AnotherYoungPerson, CodeHolder, Coordinator, NoToken, ExpiredToken, UnknownKey, AlgNone,

        /// <summary>HS256 with the development issuer's public key as the secret (algorithm confusion).</summary>
        PublicKeyAsSecret,

        /// <summary>The youth issuer's key on a token naming the development issuer.</summary>
        AnotherIssuersKey,

        /// <summary>The youth issuer's own token giving a staff role.</summary>
        RoleTheIssuerMayNotGive,
    }

    private sealed record Caller(CallerKind Kind, HttpClient Client);

    private async Task<IReadOnlyList<Caller>> CallersAsync(World world)
    {
        HttpClient WithToken(string token)
        {
            var client = new HttpClient { BaseAddress = _network.Gateway };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }
        var now = DateTime.UtcNow;
        var (notBefore, expires) = (now.AddMinutes(-1), now.AddHours(1));
        var publicKeyAsSecret = new SymmetricSecurityKey(TestIssuers.DevelopmentKey.ECDsa.ExportSubjectPublicKeyInfo());
        return
        [
            new(CallerKind.OutsiderWorker, await _network.ClientAsync("worker", agency: world.Outsider)),
            new(CallerKind.PendingWorker, await _network.ClientAsync("worker", agency: world.Pending)),
            new(CallerKind.OutsiderAgencyAdmin, await _network.ClientAsync("agency-admin", agency: world.Outsider)),
            new(CallerKind.AnotherYoungPerson, await _network.ClientAsync("youth", person: world.OtherPersonId)),
            new(CallerKind.CodeHolder, WithToken(await YouthSignIn.ExchangeAsync(_network, world.OtherPersonCode))),
            new(CallerKind.Coordinator, await _network.ClientAsync("coordinator")),
            new(CallerKind.NoToken, new HttpClient { BaseAddress = _network.Gateway }),
            new(CallerKind.ExpiredToken, WithToken(Sign(world, TestIssuers.DevelopmentKey, now.AddHours(-2), now.AddHours(-1)))),
            new(CallerKind.UnknownKey, WithToken(Sign(world, TestIssuers.NewKey(TestIssuers.DevelopmentKey.KeyId), notBefore, expires))),
            new(CallerKind.AlgNone, WithToken(Unsigned(world, now))),
            new(CallerKind.PublicKeyAsSecret, WithToken(Sign(world, publicKeyAsSecret, notBefore, expires, algorithm: SecurityAlgorithms.HmacSha256))),
            new(CallerKind.AnotherIssuersKey, WithToken(Sign(world, TestIssuers.YouthKey, notBefore, expires))),
            new(CallerKind.RoleTheIssuerMayNotGive, WithToken(Sign(world, TestIssuers.YouthKey, notBefore, expires, TestIssuers.Youth))),
        ];
    }

    /// <summary>A token for the school's own worker (who may do everything here), signed with the given key, times and issuer.</summary>
    private static string Sign(
        World world, SecurityKey key, DateTime notBefore, DateTime expires, string issuer = TestIssuers.Development,
        string algorithm = SecurityAlgorithms.EcdsaSha256) =>
        ForgedTokens.Sign(key, [new Claim("sub", "forged"), new Claim("role", "worker"), new Claim("agency", world.School.ToString())],
            notBefore, expires, issuer, algorithm);

    private static string Unsigned(World world, DateTime now)
    {
        static string Part(JsonObject json) => Base64UrlEncoder.Encode(json.ToJsonString());
        var seconds = new DateTimeOffset(now).ToUnixTimeSeconds();
        return $"{Part(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" })}." +
            $"{Part(new JsonObject { ["sub"] = "forged", ["role"] = "worker", ["agency"] = world.School.ToString(), ["iss"] = TestIssuers.Development, ["aud"] = "referralnet", ["nbf"] = seconds, ["exp"] = seconds + 3600 })}.";
    }

    private static IEnumerable<string> Keys(RouteEndpoint endpoint) =>
        (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(method => $"{method} {endpoint.RoutePattern.RawText!.TrimEnd('/')}");

    /// <summary>
    /// A school's case with a consent and an open offer to a clinic's service, a second case for a merge, the clinic's
    /// proposal to merge the school's case into a near match of its own, an agency that takes part in nothing, and one
    /// that referred the same young person and waits to be admitted (pending); the case's support plan with a goal and a
    /// step; a case conference of the school with its minutes and an action.
    /// </summary>
    private sealed record World(
        HttpClient Teacher, Guid School, Guid Clinic, Guid ClinicService, object ClinicServiceBody, Guid CaseId, Guid PersonId, Guid ReferralId,
        Guid ConsentId, Guid HandoffId, Guid OtherCaseId, Guid OtherPersonId, string OtherPersonCode, Guid ProposalId, Guid Outsider, Guid Pending,
        object PlanBody, Guid GoalId, Guid StepId, object MeetingBody, object MinutesBody, Guid MeetingId, Guid ActionId,
        object CouncilBody, Guid CouncilId, Guid SupportMeetingId)
    {
        public static async Task<World> CreateAsync(ReferralNetwork network)
        {
            var scenario = new Scenario(network);
            var town = Towns.Unique();
            var school = await scenario.CreateAgencyAsync("school", "Matrix High");
            var clinic = await scenario.CreateAgencyAsync("clinic", "Matrix Clinic");
            var outsider = await scenario.CreateAgencyAsync("cso", "Matrix Outsiders");
            var pending = await scenario.CreateAgencyAsync("welfare-office", "Matrix Pending");
            var clinicService = await scenario.CreateServiceAsync(clinic, "Matrix counselling", ["mental-health"], ["video"], municipality: town);
            var teacher = await network.ClientAsync("worker", agency: school);
            var person = Scenario.Referral(givenName: $"表{Guid.NewGuid():N}"[..8], municipality: town);
            var referral = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals", person), HttpStatusCode.Created);
            // Another agency knows the young person's name and birth date: it waits for admission, and is an outsider meanwhile.
            using var pendingWorker = await network.ClientAsync("worker", agency: pending);
            await Scenario.ReadAsync(await pendingWorker.PostAsJsonAsync("/api/intake/referrals", person), HttpStatusCode.Accepted);
            var other = await Scenario.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals",
                Scenario.Referral(givenName: $"裏{Guid.NewGuid():N}"[..8], municipality: town)), HttpStatusCode.Created);
            var personId = referral["personId"]!.GetValue<Guid>();
            var referralId = referral["referralId"]!.GetValue<Guid>();
            var consent = await Scenario.ReadAsync(await Scenario.GrantAsync(teacher, personId, ["contact", "case-notes", "support-plan"]), HttpStatusCode.Created);
            await scenario.WaitForMatchesAsync(teacher, referralId);
            var handoff = await scenario.OfferHandoffAsync(teacher, referralId, clinicService);
            // The snapshot before the refusals must not race the timeline's own consumers: wait for their entries.
            var caseId = referral["caseId"]!.GetValue<Guid>();
            await Eventually.Until(
                async () => await Scenario.ReadAsync(await teacher.GetAsync($"/api/intake/cases/{caseId}"), HttpStatusCode.OK),
                view => new[] { "consent-granted", "handoff-offered" }.All(kind => view["timeline"]!.AsArray().Any(e => e!["kind"]!.GetValue<string>() == kind)),
                "the consent and the offer in the case timeline");
            using var clinicWorker = await network.ClientAsync("worker", agency: clinic);
            var clinicCase = (await Scenario.ReadAsync(await clinicWorker.PostAsJsonAsync("/api/intake/referrals",
                Scenario.Referral(givenName: $"表{Guid.NewGuid():N}"[..8], municipality: town)), HttpStatusCode.Created))["caseId"]!.GetValue<Guid>();
            var proposal = await Scenario.ReadAsync(await clinicWorker.PostAsJsonAsync($"/api/intake/cases/{clinicCase}/merge",
                new { otherCaseId = caseId }), HttpStatusCode.Accepted);
            var serviceBody = new
            {
                agencyId = clinic, name = "Matrix counselling", description = "A service of the test network.", needs = new[] { "mental-health" },
                modalities = new[] { "video" }, ageMin = 12, ageMax = 39, municipalities = new[] { town }, languages = new[] { "ja" },
                fee = "free", capacity = new { available = 3, maximum = 20, waitWeeks = 0 }, status = "active",
            };
            var planBody = new
            {
                goals = new[] { new { text = "Matrix goal" } },
                steps = new[] { new { kind = "online-contact", title = "Matrix step", ownerAgencyId = school, due = "2027-01-31" } },
            };
            var plan = await Eventually.Until(async () => await teacher.PutAsJsonAsync($"/api/support/cases/{caseId}/plan", planBody),
                response => response.StatusCode == HttpStatusCode.Created, "the plan written once the support service knows the case");
            var planView = await Scenario.ReadAsync(plan, HttpStatusCode.Created);
            var meetingBody = new
            {
                kind = "case-conference", at = DateTimeOffset.UtcNow.AddDays(3), onlineUrl = "https://meet.example.jp/matrix",
                attendees = new[] { school }, youthInvited = true, agenda = "Matrix agenda",
            };
            var meeting = await Scenario.ReadAsync(await teacher.PostAsJsonAsync($"/api/support/cases/{caseId}/meetings", meetingBody), HttpStatusCode.Created);
            var meetingId = meeting["meetingId"]!.GetValue<Guid>();
            var minutesBody = new { decisions = new[] { "Matrix decision" }, actions = new[] { new { agencyId = school, what = "Matrix action", due = "2027-01-31" } } };
            var minutes = await Scenario.ReadAsync(await teacher.PutAsJsonAsync($"/api/support/cases/{caseId}/meetings/{meetingId}/minutes", minutesBody), HttpStatusCode.OK);
            using var convener = await network.ClientAsync("coordinator", sub: $"matrix-convener-{Guid.NewGuid():N}");
            var councilBody = new { name = "Matrix council", legalBasis = "social-welfare-act-106-6", members = new[] { school } };
            var councilId = (await Scenario.ReadAsync(await convener.PostAsJsonAsync("/api/support/councils", councilBody), HttpStatusCode.Created))["councilId"]!.GetValue<Guid>();
            var supportMeeting = await Scenario.ReadAsync(await convener.PostAsJsonAsync($"/api/support/councils/{councilId}/meetings",
                new { at = DateTimeOffset.UtcNow.AddDays(-1), attendees = new[] { school }, caseId }), HttpStatusCode.Created);
            var supportMeetingId = supportMeeting["meetingId"]!.GetValue<Guid>();
            await Scenario.ReadAsync(await teacher.PutAsJsonAsync($"/api/support/councils/{councilId}/meetings/{supportMeetingId}/minutes",
                new { decisions = new[] { "Matrix support decision" } }), HttpStatusCode.OK);
            return new World(teacher, school, clinic, clinicService, serviceBody, caseId, personId, referralId,
                consent["consentId"]!.GetValue<Guid>(), handoff["handoffId"]!.GetValue<Guid>(), other["caseId"]!.GetValue<Guid>(),
                other["personId"]!.GetValue<Guid>(), other["youthAccessCode"]!.GetValue<string>(), proposal["proposalId"]!.GetValue<Guid>(),
                outsider, pending, planBody, planView["goals"]![0]!["id"]!.GetValue<Guid>(), planView["steps"]![0]!["id"]!.GetValue<Guid>(),
                meetingBody, minutesBody, meetingId, minutes["minutes"]!["actions"]![0]!["actionId"]!.GetValue<Guid>(),
                councilBody, councilId, supportMeetingId);
        }

        /// <summary>What a refused request must not change, as the school's own worker reads it.</summary>
        public async Task<string> SnapshotAsync()
        {
            var view = await Scenario.ReadAsync(await Teacher.GetAsync($"/api/intake/cases/{CaseId}"), HttpStatusCode.OK);
            var consents = await Scenario.ReadAsync(await Teacher.GetAsync($"/api/consent/persons/{PersonId}/consents"), HttpStatusCode.OK);
            var handoff = await Scenario.ReadAsync(await Teacher.GetAsync($"/api/handoffs/{HandoffId}"), HttpStatusCode.OK);
            var other = await Scenario.ReadAsync(await Teacher.GetAsync($"/api/intake/cases/{OtherCaseId}"), HttpStatusCode.OK);
            var proposals = await Scenario.ReadAsync(await Teacher.GetAsync("/api/intake/merge-proposals?incoming=true&limit=200"), HttpStatusCode.OK);
            var plan = await Scenario.ReadAsync(await Teacher.GetAsync($"/api/support/cases/{CaseId}/plan"), HttpStatusCode.OK);
            var meetings = await Scenario.ReadAsync(await Teacher.GetAsync($"/api/support/cases/{CaseId}/meetings"), HttpStatusCode.OK);
            var supportMeeting = await Scenario.ReadAsync(await Teacher.GetAsync($"/api/support/councils/{CouncilId}/meetings/{SupportMeetingId}"), HttpStatusCode.OK);
            return string.Join('\n',
                $"case {view["status"]} lead {view["leadAgencyId"]} participants {view["participants"]!.ToJsonString()} timeline {view["timeline"]!.AsArray().Count}",
                $"other {other["status"]} {other["mergedInto"]}",
                $"consents {string.Join(',', consents["items"]!.AsArray().Select(c => $"{c!["consentId"]}:{c["status"]}"))}",
                $"handoff {handoff["status"]}",
                $"proposals {proposals["items"]!.ToJsonString()}",
                $"plan {plan.ToJsonString()}",
                $"meetings {meetings.ToJsonString()}",
                $"support meeting {supportMeeting.ToJsonString()}");
        }
    }
}
