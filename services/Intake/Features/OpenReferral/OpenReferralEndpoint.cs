using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ReferralNet.BuildingBlocks.Auth;
using ReferralNet.BuildingBlocks.Consent;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.BuildingBlocks.Web;
using ReferralNet.Contracts;

namespace ReferralNet.Intake.Features.OpenReferral;

/// <summary>
/// A worker opens a referral: the person is found or stored once, the referral lands on the person's ONE open case
/// (opened now if there is none), and ReferralSubmitted (plus CaseOpened for a new case) leaves through the outbox.
/// </summary>
public static class OpenReferralEndpoint
{
    // Both statements let the unique index decide between concurrent first referrals of one person.
    private const string InsertPersonIfNew = """
        INSERT INTO persons (id, identity_key, family_name, given_name, family_name_kana, given_name_kana,
                             birth_date, municipality, email, phone, created_at)
        VALUES (@Id, @Key, @FamilyName, @GivenName, @FamilyNameKana, @GivenNameKana,
                @BirthDate, @Municipality, @Email, @Phone, @Now)
        ON CONFLICT (identity_key) DO NOTHING
        """;

    private const string OpenCaseIfNone = """
        INSERT INTO cases (id, person_id, status, lead_agency_id, opened_at, updated_at)
        VALUES (@Id, @PersonId, 'open', @AgencyId, @Now, @Now)
        ON CONFLICT (person_id) WHERE status <> 'closed' DO NOTHING
        """;

    public static void MapOpenReferral(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/intake/referrals", Handle).RequireAuthorization(Policies.Worker);

    private static async Task<Results<Created<OpenReferralResponse>, ProblemHttpResult>> Handle(
        OpenReferralRequest request, HttpContext http, Database database, PersonIdentity identity, ConsentIndex consents,
        TimeProvider time, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        if (caller.AgencyId is not { } agencyId)
        {
            return Problems.Forbidden("A referral is opened by a worker of an agency; the token names no agency.");
        }
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = request.Validate(today);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var person = request.Person!;
        var birthDate = person.BirthDate!.Value;
        var preferences = request.Preferences ?? new ReferralPreferences([], false, []);
        var identityKey = identity.KeyOf(person.FamilyName!, person.GivenName!, birthDate);
        await using var work = await database.BeginAsync(ct);

        var newPerson = await work.ExecuteAsync(InsertPersonIfNew, new
        {
            Id = Guid.NewGuid(),
            Key = identityKey,
            FamilyName = person.FamilyName!.Trim(),
            GivenName = person.GivenName!.Trim(),
            FamilyNameKana = person.FamilyNameKana?.Trim(),
            GivenNameKana = person.GivenNameKana?.Trim(),
            BirthDate = birthDate,
            Municipality = person.Municipality!.Trim(),
            person.Contact?.Email,
            person.Contact?.Phone,
            Now = now,
        }, ct) == 1;
        var personId = await work.QuerySingleOrDefaultAsync<Guid>(
            "SELECT id FROM persons WHERE identity_key = @Key",
            new { Key = identityKey }, ct);

        var newCaseId = Guid.NewGuid();
        await work.ExecuteAsync(OpenCaseIfNone, new { Id = newCaseId, PersonId = personId, AgencyId = agencyId, Now = now }, ct);
        var caseId = await work.QuerySingleOrDefaultAsync<Guid>(
            "SELECT id FROM cases WHERE person_id = @PersonId AND status <> 'closed'", new { PersonId = personId }, ct);
        var existingCase = caseId != newCaseId;

        await work.ExecuteAsync(
            """
            INSERT INTO case_participants (case_id, agency_id, joined_at) VALUES (@CaseId, @AgencyId, @Now)
            ON CONFLICT (case_id, agency_id) DO NOTHING
            """, new { CaseId = caseId, AgencyId = agencyId, Now = now }, ct);

        var referralId = Guid.NewGuid();
        var needs = request.Needs!.Distinct().ToList();
        var urgency = request.Urgency ?? "routine";
        await work.ExecuteAsync(
            """
            INSERT INTO referrals (id, case_id, person_id, from_agency_id, submitted_by, source, needs, urgency, preferences, summary, created_at)
            VALUES (@Id, @CaseId, @PersonId, @AgencyId, @UserId, @Source, @Needs, @Urgency, @Preferences, @Summary, @Now)
            """, new
            {
                Id = referralId, CaseId = caseId, PersonId = personId, AgencyId = agencyId, caller.UserId, request.Source,
                Needs = JsonSerializer.Serialize(needs), Urgency = urgency, Preferences = JsonSerializer.Serialize(preferences),
                request.Summary, Now = now,
            }, ct);

        // Participation starts here, in this transaction, so the referring worker can read the case at once.
        await ConsentProjection.RecordReferralAsync(work, consents, caseId, personId, agencyId, now, ct);

        if (!existingCase)
        {
            await work.PublishAsync(new CaseOpened(caseId, personId, agencyId, now), ct);
        }
        // The first referral of a person gives them the code for their consent page; later ones do not repeat it.
        var youthAccessCode = newPerson ? YouthAccessCode.New() : null;
        if (youthAccessCode is not null)
        {
            await work.PublishAsync(new YouthAccessCodeIssued(personId, YouthAccessCode.HashOf(youthAccessCode), now + YouthAccessCode.ValidFor, now), ct);
        }
        await work.PublishAsync(new ReferralSubmitted(
            referralId, caseId, personId, agencyId, request.Source!, needs, urgency,
            preferences.Modalities ?? [], preferences.RemoteFirst ?? false, preferences.Languages ?? [],
            OpenReferralRequest.AgeOn(birthDate, today), person.Municipality!.Trim(), now), ct);
        await work.CommitAsync(ct);

        return TypedResults.Created($"/api/intake/referrals/{referralId}",
            new OpenReferralResponse(referralId, caseId, personId, existingCase, youthAccessCode));
    }
}
