using ReferralNet.Intake.Features.SharedCase;
using ReferralNet.Intake.Features.Team;

namespace ReferralNet.Intake.Features.OpenReferral;

/// <summary>
/// A worker opens a referral: the person is found or stored once, the referral lands on the person's ONE open case
/// (opened now if there is none), and ReferralSubmitted (plus CaseOpened for a new case) leaves through the outbox. A
/// referral from an agency that is not yet lead or member of the person's existing case does not land: it waits for
/// admission (202, nothing of the case in the answer; <see cref="PendingReferrals"/>), so a name and a birth date open
/// nobody's case.
/// </summary>
public static class OpenReferralEndpoint
{
    // The unique indexes decide between concurrent first referrals of one person, not a prior check. Each statement
    // answers the row it found or made in one round trip; when a concurrent transaction committed the same key after
    // this statement began, neither part sees a row and the caller reads again (see FindOrStoreAsync).
    private const string FindOrStorePerson = """
        WITH stored AS (
            INSERT INTO persons (id, identity_key, family_name, given_name, family_name_kana, given_name_kana,
                                 birth_date, municipality, email, phone, contact_keys, created_at)
            VALUES (@Id, @Key, @FamilyName, @GivenName, @FamilyNameKana, @GivenNameKana,
                    @BirthDate, @Municipality, @Email, @Phone, @ContactKeys, @Now)
            ON CONFLICT (identity_key) DO NOTHING
            RETURNING id)
        SELECT id, TRUE AS IsNew FROM stored
        UNION ALL
        SELECT COALESCE(merged_into, id), FALSE FROM persons WHERE identity_key = @Key
        LIMIT 1
        """;

    // A person merged into another record is found as that record: their next referral lands on the surviving case.
    private const string FindPerson = "SELECT COALESCE(merged_into, id) AS Id, FALSE AS IsNew FROM persons WHERE identity_key = @Key";

    private const string FindOrOpenCase = $"""
        WITH opened AS (
            INSERT INTO cases (id, person_id, status, lead_agency_id, lead_since, opened_at, updated_at, last_contact_at)
            VALUES (@Id, @PersonId, @Status, @AgencyId, @Now, @Now, @Now, @Now)
            ON CONFLICT (person_id) WHERE status <> '{CaseStatuses.Closed}' DO NOTHING
            RETURNING id)
        SELECT id, TRUE AS IsNew FROM opened
        UNION ALL
        SELECT id, FALSE FROM cases WHERE person_id = @PersonId AND status <> '{CaseStatuses.Closed}'
        LIMIT 1
        """;

    private const string FindOpenCase = $"SELECT id, FALSE AS IsNew FROM cases WHERE person_id = @PersonId AND status <> '{CaseStatuses.Closed}'";

    private sealed record Found(Guid Id, bool IsNew);

    public static void MapOpenReferral(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/intake/referrals", Handle).RequireAuthorization(Policies.Worker)
            .WithName("OpenReferral").WithSummary("Refers a young person: opens their shared case, joins it, or asks its lead to admit the agency");

    private static async Task<Results<Created<OpenReferralResponse>, Accepted<OpenReferralResponse>, ProblemHttpResult>> Handle(
        OpenReferralRequest request, Caller caller, HttpContext http, Database database, PersonIdentity identity, ConsentIndex consents,
        TimeProvider time, CancellationToken ct)
    {
        if (caller.AgencyId is not { } agencyId)
        {
            return Problems.Forbidden("A referral is opened by a worker of an agency; the token names no agency.");
        }
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (request.Validate(today) is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }

        var person = request.Person!;
        var birthDate = person.BirthDate!.Value;
        var preferences = request.Preferences ?? ReferralPreferences.None;
        var identityKey = identity.KeyOf(person.FamilyName!, person.GivenName!, birthDate);
        // A retry gets the answer without the one-time code, which is never stored in clear.
        return await IdempotentCreation.RunAsync(http, caller.UserId, request, database, now, async Task<Creation<OpenReferralResponse>> (work) =>
        {
            var town = MunicipalityRegister.Japan.CodeOf(person.Municipality)!;
            var storedPerson = await FindOrStoreAsync(work, FindOrStorePerson, FindPerson, new
            {
                Id = Guid.CreateVersion7(),
                Key = identityKey,
                FamilyName = person.FamilyName!.Trim(),
                GivenName = person.GivenName!.Trim(),
                FamilyNameKana = person.FamilyNameKana?.Trim(),
                GivenNameKana = person.GivenNameKana?.Trim(),
                BirthDate = birthDate,
                Municipality = town,
                person.Contact?.Email,
                person.Contact?.Phone,
                ContactKeys = identity.ContactKeysOf(person.Contact?.Email, person.Contact?.Phone, line: null),
                Now = now,
            }, ct);
            var personId = storedPerson.Id;
            var status = CaseReferrals.StatusOnFirstReferral(request.Source!);
            var openCase = await FindOrStoreAsync(work, FindOrOpenCase, FindOpenCase,
                new { Id = Guid.CreateVersion7(), PersonId = personId, Status = status, AgencyId = agencyId, Now = now }, ct);
            var caseId = openCase.Id;
            var existingCase = !openCase.IsNew;

            var referralId = Guid.CreateVersion7();
            var landing = new LandingReferral(
                referralId, caseId, personId, agencyId, caller.UserId, request.Source!, request.Needs!.Distinct().ToList(),
                request.Urgency ?? Urgencies.Routine, preferences, request.Summary!, OpenReferralRequest.AgeOn(birthDate, today),
                town, now);
            // Read from the projection's tables: a join committed a moment ago (this agency's own first referral) counts.
            if (existingCase && !await work.QuerySingleAsync<bool>(ConsentProjection.TakesPartInCase,
                    new { CaseId = caseId, AgencyId = agencyId, ShutOutBefore = now }, ct))
            {
                await PendingReferrals.StoreAsync(work, landing, ct);
                return OpenReferralResponse.AwaitingAdmission(referralId);
            }
            await CaseReferrals.LandAsync(work, consents, landing, existingCase ? null : status, ct);

            // The first referral of a person gives them the code for their consent page; later ones do not repeat it.
            var youthAccessCode = storedPerson.IsNew ? YouthAccessCode.New() : null;
            if (youthAccessCode is not null)
            {
                work.Publish(new YouthAccessCodeIssued(
                    personId, YouthAccessCode.HashOf(youthAccessCode), now + YouthAccessCode.ValidFor, agencyId, caller.UserId, now));
            }
            return new OpenReferralResponse(referralId, caseId, personId, existingCase, youthAccessCode, ReferralStatuses.Submitted,
                youthAccessCode is null ? null : now + YouthAccessCode.ValidFor);
        }, r => $"/api/intake/referrals/{r.ReferralId}", r => r.IsWaiting, ct,
            forRetries: r => r with { YouthAccessCode = null, YouthAccessCodeExpiresAt = null });
    }

    private static async Task<Found> FindOrStoreAsync(UnitOfWork work, string findOrStore, string find, object row, CancellationToken ct) =>
        await work.QuerySingleOrDefaultAsync<Found>(findOrStore, row, ct)
        ?? await work.QuerySingleAsync<Found>(find, row, ct);
}
