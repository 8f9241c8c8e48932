
namespace ReferralNet.Consent.Features.GrantConsent;

public sealed record GrantConsentRequest(
    Guid? PersonId,
    [property: CodeList(typeof(ConsentGrantors))] string? Grantor,
    [property: CodeList(typeof(ConsentMethods))] string? Method,
    [property: CodeList(typeof(ConsentPurposes))] IReadOnlyList<string>? Purposes,
    [property: CodeList(typeof(DataCategories))] IReadOnlyList<string>? Categories,
    ConsentRecipients? Recipients,
    DateTimeOffset? ValidUntil)
{
    public const int MaxAgencies = 50;

    public ValidationErrors Validate(DateTimeOffset now) => new ValidationErrors()
        .Check(PersonId is not null, "personId", ErrorCodes.Required, "is required")
        .Code(Grantor, ConsentGrantors.All, "grantor")
        .Code(Method, ConsentMethods.All, "method")
        .Codes(Purposes, ConsentPurposes.All, "purposes")
        .Codes(Categories, DataCategories.All, "categories")
        .Code(Recipients?.Scope, ConsentScopes.All, "recipients.scope")
        .Check(Recipients?.Scope != ConsentScopes.Agencies || Recipients.AgencyIds is { Count: > 0 },
            "recipients.agencyIds", ErrorCodes.Required, $"names at least one agency when the scope is '{ConsentScopes.Agencies}'")
        .AtMost(Recipients?.AgencyIds, MaxAgencies, "recipients.agencyIds")
        .Check(ValidUntil is null || ValidUntil > now, "validUntil", ErrorCodes.OutOfRange, "must be in the future")
        .Check(ValidUntil is null || ValidUntil <= now.AddYears(3), "validUntil", ErrorCodes.OutOfRange, "must be at most three years ahead");
}

public sealed record GrantConsentResponse(Guid ConsentId, string Status, string ReceiptUrl);

/// <summary>Consent once, for the whole network: the young person grants it, or a worker records verbal or paper consent.</summary>
public static class GrantConsentEndpoint
{
    public static void MapGrantConsent(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/consent/consents", Handle).RequirePersonAccess(Policies.ConsentParty)
            .WithName("GrantConsent").WithSummary("Records the young person's consent: which categories the agencies of their case may see");

    private static async Task<Results<Created<GrantConsentResponse>, ProblemHttpResult>> Handle(
        GrantConsentRequest request, Caller caller, HttpContext http, Database database, ConsentAuthority authority, IOptions<ConsentOptions> options,
        TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (request.Validate(now) is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }

        return await IdempotentCreation.RunAsync(http, caller.UserId, request, database, now, async Task<Creation<GrantConsentResponse>> (work) =>
        {
            var person = await PersonAge.OfAsync(work, request.PersonId!.Value, ct);
            if (person is null)
            {
                // The referral that opened the case has not reached the consent service yet: a matter of milliseconds.
                http.Response.Headers.RetryAfter = "1";
                return Problems.Conflict("The person has not reached the consent service yet; retry shortly.");
            }
            // Decided once the person is known here: the referral that makes the worker's agency take part arrives with them.
            if (!await authority.MayManageAsync(work, caller, request.PersonId.Value, ct))
            {
                return Problems.NotFound("The person");
            }
            if (caller.IsLimitedYouth)
            {
                return Caller.Limited();
            }
            if ((caller.Role == Roles.Youth) != (request.Grantor == ConsentGrantors.Youth))
            {
                return new ValidationErrors().Add("grantor", ErrorCodes.NotAllowed, caller.Role == Roles.Youth
                    ? $"is '{ConsentGrantors.Youth}' when the young person grants consent themself"
                    : $"is '{ConsentGrantors.WorkerRecorded}' or '{ConsentGrantors.Guardian}' when staff record consent").ToProblem();
            }
            if (person.On(now) is not { } age)
            {
                // A self-referral without a birth date: a worker who has confirmed the age records the consent, or a guardian gives it.
                if (request.Grantor == ConsentGrantors.Youth)
                {
                    return new ValidationErrors().Add("grantor", ErrorCodes.NotAllowed,
                        $"is '{ConsentGrantors.WorkerRecorded}' or '{ConsentGrantors.Guardian}' while the person's age is not known: a worker confirms it first").ToProblem();
                }
            }
            else if (age < options.Value.AgeOfSelfConsent && request.Grantor != ConsentGrantors.Guardian)
            {
                return new ValidationErrors().Add("grantor", ErrorCodes.NotAllowed,
                    $"is '{ConsentGrantors.Guardian}': a person under {options.Value.AgeOfSelfConsent} needs a guardian's consent").ToProblem();
            }

            var granted = new ConsentGranted(
                Guid.CreateVersion7(), request.PersonId.Value, request.Purposes!.Distinct().ToList(), request.Categories!.Distinct().ToList(),
                request.Recipients!.Scope, request.Recipients.Scope == ConsentScopes.Agencies ? request.Recipients.AgencyIds!.Distinct().ToList() : [],
                request.ValidUntil ?? now.AddYears(1), now);
            await work.ExecuteAsync(
                $"""
                INSERT INTO consents (id, person_id, grantor, method, purposes, categories, scope, agency_ids, valid_until,
                                      status, recorded_by, recorded_by_agency_id, granted_at)
                VALUES (@ConsentId, @PersonId, @Grantor, @Method, @Purposes, @Categories, @Scope, @AgencyIds, @ValidUntil,
                        '{ConsentStatuses.Active}', @RecordedBy, @RecordedByAgencyId, @OccurredAt)
                """,
                new
                {
                    granted.ConsentId, granted.PersonId, request.Grantor, request.Method,
                    granted.Purposes, granted.Categories,
                    granted.Scope, granted.AgencyIds, granted.ValidUntil,
                    RecordedBy = caller.UserId, RecordedByAgencyId = caller.AgencyId, granted.OccurredAt,
                }, ct);
            work.Publish(granted);
            return new GrantConsentResponse(granted.ConsentId, ConsentStatuses.Active, ConsentRecord.ReceiptUrlOf(granted.ConsentId));
        }, r => $"/api/consent/consents/{r.ConsentId}", ct);
    }

    /// <summary>The person's age at their latest referral (null when they did not give it).</summary>
    private sealed class PersonAge
    {
        private const string Find = "SELECT age_years AS AgeYears, as_of AS AsOf FROM persons WHERE person_id = @PersonId";

        public int? AgeYears { get; init; }
        public DateTimeOffset AsOf { get; init; }

        public static Task<PersonAge?> OfAsync(UnitOfWork work, Guid personId, CancellationToken ct) =>
            work.QuerySingleOrDefaultAsync<PersonAge>(Find, new { PersonId = personId }, ct);

        /// <summary>The age now: the age at the referral plus the whole years since.</summary>
        public int? On(DateTimeOffset now) => AgeYears + (int)((now - AsOf).TotalDays / 365.25);
    }
}
