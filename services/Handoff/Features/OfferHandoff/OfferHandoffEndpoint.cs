namespace ReferralNet.Handoff.Features.OfferHandoff;

/// <summary>With <see cref="AutoForward"/>, a pass on this offer sends the next best candidate's offer by itself (until the pass threshold).</summary>
public sealed record OfferHandoffRequest(Guid? ReferralId, Guid? ToServiceId, string? Note, bool? AutoForward = null)
{
    public const int MaxNoteLength = 2000;

    public ValidationErrors Validate() => new ValidationErrors()
        .Check(ReferralId is not null, "referralId", ErrorCodes.Required, "is required")
        .Check(ToServiceId is not null, "toServiceId", ErrorCodes.Required, "is required")
        .Check((Note?.Length ?? 0) <= MaxNoteLength, "note", ErrorCodes.TooLong, $"must be at most {MaxNoteLength} characters");
}

public sealed record OfferHandoffResponse(Guid HandoffId, [property: CodeList(typeof(HandoffStatuses))] string Status, DateTimeOffset RespondBy);

/// <summary>
/// A worker of an agency taking part in the case offers a warm handoff to a service: one matched for the referral, or
/// any service of the directory that takes the young person (checked against handoff's own copy of the directory).
/// The sender stays accountable (lead) until the receiver records first contact.
/// </summary>
public static class OfferHandoffEndpoint
{
    private const string FindReferral = """
        SELECT referral_id AS ReferralId, case_id AS CaseId, urgency, needs, age_years AS AgeYears, municipality
        FROM referrals WHERE referral_id = @ReferralId
        """;

    private const string CandidateAgency = "SELECT agency_id FROM candidates WHERE referral_id = @ReferralId AND service_id = @ToServiceId";

    private const string AnyCandidates = "SELECT EXISTS (SELECT 1 FROM candidates WHERE referral_id = @ReferralId)";

    private const string FindListed = """
        SELECT agency_id AS AgencyId, status, needs, modalities, municipalities, age_min AS AgeMin, age_max AS AgeMax
        FROM directory_services WHERE service_id = @ToServiceId
        """;

    private const string EarlierOffersToService = "SELECT DISTINCT status FROM handoffs WHERE case_id = @CaseId AND to_service_id = @ToServiceId";

    public static void MapOfferHandoff(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/handoffs", Handle).RequirePersonAccess(Policies.Worker)
            .WithName("OfferHandoff").WithSummary("Offers the case to a service: a warm handoff with a deadline to answer");

    private static async Task<Results<Created<OfferHandoffResponse>, ProblemHttpResult>> Handle(
        OfferHandoffRequest request, Caller caller, HttpContext http, Database database, IOptions<ParticipationOptions> participationOptions, HandoffOffers offers,
        TimeProvider time, CancellationToken ct)
    {
        if (request.Validate() is { IsValid: false } errors)
        {
            return errors.ToProblem();
        }
        var now = time.GetUtcNow();
        return await IdempotentCreation.RunAsync(http, caller.UserId, request, database, now, async Task<Creation<OfferHandoffResponse>> (work) =>
        {
            var referral = await work.QuerySingleOrDefaultAsync<ReferralRow>(FindReferral, request, ct);
            if (referral is null)
            {
                // Intake answered with this id, but its ReferralSubmitted may not have been consumed here yet (milliseconds;
                // matching can be faster). An id that never existed gets the same answer: this service cannot tell them apart.
                http.Response.Headers.RetryAfter = "1";
                return Problems.Conflict("The referral has not reached the handoff service yet; retry shortly.");
            }
            // Read from the projection's tables, not the index: a join this service committed a moment ago counts.
            if (!await work.QuerySingleAsync<bool>(ConsentProjection.TakesPartInCase, new
                {
                    referral.CaseId, caller.AgencyId, ShutOutBefore = now - participationOptions.Value.ClosedCaseReadableFor,
                }, ct))
            {
                return Problems.NotFound("The referral");
            }
            var toAgencyId = await work.QuerySingleOrDefaultAsync<Guid?>(CandidateAgency, request, ct);
            if (toAgencyId is null)
            {
                var listed = await work.QuerySingleOrDefaultAsync<ListedService>(FindListed, request, ct);
                if (listed is null || referral.Needs is null)
                {
                    if (!await work.QuerySingleOrDefaultAsync<bool>(AnyCandidates, request, ct))
                    {
                        // Matching answered 'ready' but its MatchesProposed has not been consumed here yet: a matter of milliseconds.
                        http.Response.Headers.RetryAfter = "1";
                        return Problems.Conflict("The matches for this referral have not reached the handoff service yet; retry shortly.");
                    }
                    return new ValidationErrors().Add("toServiceId", ErrorCodes.UnknownValue, "is not a service of the directory").ToProblem();
                }
                if (!listed.Eligibility.Takes(referral.Needs, referral.AgeYears, referral.Municipality))
                {
                    return new ValidationErrors().Add("toServiceId", ErrorCodes.NotAllowed, "does not take this young person (needs, age, place or status)").ToProblem();
                }
                toAgencyId = listed.AgencyId;
            }
            if (toAgencyId == caller.AgencyId)
            {
                return new ValidationErrors().Add("toServiceId", ErrorCodes.NotAllowed, "belongs to your own agency; a handoff goes to another agency").ToProblem();
            }
            var earlier = (await work.QueryAsync<string>(EarlierOffersToService, new { referral.CaseId, request.ToServiceId }, ct)).ToHashSet();
            if (earlier.Overlaps(HandoffStatuses.Passed))
            {
                return new ValidationErrors().Add("toServiceId", ErrorCodes.NotAllowed, "already passed on this case (declined or let the offer expire); choose another service").ToProblem();
            }
            if (earlier.Overlaps(HandoffStatuses.Open))
            {
                return Problems.Conflict("An offer to this service for this case is already open.");
            }
            var handoff = await offers.OpenAsync(work, new NewOffer(referral.ReferralId, referral.CaseId, referral.Urgency, caller.AgencyId!.Value,
                toAgencyId.Value, request.ToServiceId!.Value, request.Note ?? "", caller.UserId, request.AutoForward ?? false), now, ct);
            return new OfferHandoffResponse(handoff.HandoffId, HandoffStatuses.Offered, handoff.RespondBy);
        }, r => $"/api/handoffs/{r.HandoffId}", ct);
    }

    private sealed class ReferralRow
    {
        public Guid ReferralId { get; init; }
        public Guid CaseId { get; init; }
        public string Urgency { get; init; } = Urgencies.Routine;
        public IReadOnlyList<string>? Needs { get; init; }
        public int? AgeYears { get; init; }
        public string? Municipality { get; init; }
    }

    private sealed class ListedService
    {
        public Guid AgencyId { get; init; }
        public string Status { get; init; } = "";
        public IReadOnlyList<string> Needs { get; init; } = [];
        public IReadOnlyList<string> Modalities { get; init; } = [];
        public IReadOnlyList<string> Municipalities { get; init; } = [];
        public int? AgeMin { get; init; }
        public int? AgeMax { get; init; }

        public ServiceEligibility Eligibility => new(Status, Needs, Modalities, Municipalities, AgeMin, AgeMax);
    }
}
