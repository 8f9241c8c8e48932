using ReferralNet.Intake.Features.OpenReferral;
using ReferralNet.Intake.Features.SharedCase;

namespace ReferralNet.Intake.Features.SelfReferral;

/// <summary>
/// A young person asks for help online, with no account and no visit: a new person record (a self-referral gives no
/// full name, so it is never matched to anyone silently; the desk finds duplicates by birth date and municipality) and a
/// case that waits for their consent, led by the network's intake desk until a warm handoff moves it on. Anonymous and
/// rate-limited at the gateway.
/// </summary>
public static class SelfReferralEndpoint
{
    public const string SubmittedBy = "self-referral";

    private const string StorePersonAndCase = $"""
        INSERT INTO persons (id, identity_key, nickname, birth_date, municipality, email, phone, line_id, contact_preference,
                             contact_keys, created_at)
        VALUES (@PersonId, NULL, @Nickname, @BirthDate, @Municipality, @Email, @Phone, @Line, @Preferred, @ContactKeys, @Now);
        INSERT INTO cases (id, person_id, status, lead_agency_id, lead_since, opened_at, updated_at, last_contact_at)
        VALUES (@CaseId, @PersonId, '{CaseStatuses.AwaitingConsent}', @DeskAgencyId, @Now, @Now, @Now, @Now)
        """;

    public static void MapSelfReferral(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/intake/self-referrals", Handle).AllowAnonymous()
            .WithName("SelfRefer").WithSummary("A young person asks for help themselves; the network's intake desk takes the case");

    private static async Task<Results<Accepted<SelfReferralResponse>, ProblemHttpResult>> Handle(
        SelfReferralRequest request, HttpContext http, Database database, ConsentIndex consents, PersonIdentity identity,
        IOptions<IntakeOptions> options, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (request.Validate(today) is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }

        var desk = options.Value.DeskAgencyId!.Value;
        var contact = request.Contact!;
        var municipality = MunicipalityRegister.Japan.CodeOf(request.Municipality);
        // Sent again with its key (a page reloaded), the request gets the first answer; the key is the page's own and
        // the body must be the same, so nobody else's request is answered.
        return await IdempotentCreation.RunAcceptedAsync(http, SubmittedBy, request, database, now, async Task<Creation<SelfReferralResponse>> (work) =>
        {
            var (personId, caseId, referralId) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
            await work.ExecuteAsync(StorePersonAndCase, new
            {
                PersonId = personId, CaseId = caseId, Nickname = Trimmed(request.Nickname), request.BirthDate, Municipality = municipality,
                Email = Trimmed(contact.Email), Phone = Trimmed(contact.Phone), Line = Trimmed(contact.Line), Preferred = contact.PreferredChannel,
                ContactKeys = identity.ContactKeysOf(contact.Email, contact.Phone, contact.Line), DeskAgencyId = desk, Now = now,
            }, ct);
            await CaseReferrals.LandAsync(work, consents, new LandingReferral(
                referralId, caseId, personId, desk, SubmittedBy, ReferralSources.Self, request.Needs!.Distinct().ToList(), Urgencies.Routine,
                request.Preferences ?? ReferralPreferences.None, request.Message?.Trim() ?? "",
                request.BirthDate is { } birthDate ? OpenReferralRequest.AgeOn(birthDate, today) : null, municipality, now),
                CaseStatuses.AwaitingConsent, ct);
            return new SelfReferralResponse(referralId, caseId, CaseReference.Of(caseId), contact.PreferredChannel, now + options.Value.DeskContactWithin);
        }, ct);
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
