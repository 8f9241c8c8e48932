using System.Collections.Concurrent;

namespace ReferralNet.BuildingBlocks.Consent;

/// <summary>
/// The in-memory copy of this service's consent and participation projections: every access decision is a lookup
/// here, never a call to the consent service. Kept current by <see cref="ConsentProjector"/> (at once, for
/// changes this instance commits) and <see cref="ConsentIndexRefresher"/> (for changes other instances commit).
/// </summary>
public sealed class ConsentIndex(TimeProvider time, TimeSpan closedCaseReadableFor)
{
    private readonly ConcurrentDictionary<Guid, ConsentEntry[]> _consentsOfPerson = new();
    private readonly ConcurrentDictionary<Guid, Guid[]> _casesOfPerson = new();
    private readonly ConcurrentDictionary<Guid, CaseClosing> _closedCases = new();
    private readonly ConcurrentDictionary<(Guid Case, Guid Agency), Participation> _participants = new();

    public ConsentIndex(TimeProvider time) : this(time, ParticipationOptions.DefaultClosedCaseReadableFor)
    {
    }

    public int ConsentCount => _consentsOfPerson.Values.Sum(c => c.Length);

    /// <summary>
    /// May <paramref name="agencyId"/> see <paramref name="category"/> of the person's data for <paramref name="purpose"/>?
    /// Only if it takes part in one of the person's cases AND an active, unexpired consent covers the category, the
    /// purpose and the agency (scope 'network' covers every participating agency, now or later).
    /// </summary>
    public AccessDecision Decide(Guid personId, Guid agencyId, string category, string purpose) =>
        Decide(TakesPartInCaseOf(personId, agencyId), ConsentsOf(personId), agencyId, category, purpose, time.GetUtcNow());

    /// <summary>
    /// Decides several categories of one read of one case against one state of the person's consents, so a revocation
    /// landing in the middle cannot give a view that is half before and half after it. Participation is in that case:
    /// taking part in another case of the same person opens nothing here.
    /// </summary>
    public IReadOnlyDictionary<string, AccessDecision> DecideInCase(
        Guid caseId, Guid personId, Guid agencyId, IReadOnlyList<string> categories, string purpose)
    {
        var participates = TakesPart(caseId, agencyId);
        var consents = ConsentsOf(personId);
        var now = time.GetUtcNow();
        return categories.ToDictionary(category => category, category => Decide(participates, consents, agencyId, category, purpose, now));
    }

    private ConsentEntry[]? ConsentsOf(Guid personId) => _consentsOfPerson.TryGetValue(personId, out var consents) ? consents : null;

    private static AccessDecision Decide(
        bool participates, ConsentEntry[]? consents, Guid agencyId, string category, string purpose, DateTimeOffset now)
    {
        if (!participates)
        {
            return AccessDecision.Deny(DenyReasons.NotParticipating);
        }
        if (consents is null)
        {
            return AccessDecision.Deny(DenyReasons.NoConsent);
        }
        var categoryBit = ConsentEntry.CategoryBit(category);
        var purposeBit = ConsentEntry.PurposeBit(purpose);
        ConsentEntry? lapsed = null;
        foreach (var consent in consents)
        {
            if (!consent.Covers(agencyId, categoryBit, purposeBit))
            {
                continue;
            }
            if (consent.Status == ConsentStatuses.Active && consent.ValidUntil > now)
            {
                return AccessDecision.Permit(consent.ConsentId);
            }
            lapsed ??= consent;
        }
        return lapsed is null
            ? AccessDecision.Deny(DenyReasons.NotCovered)
            : AccessDecision.Deny(lapsed.Status == ConsentStatuses.Revoked ? DenyReasons.Revoked : DenyReasons.Expired, lapsed.ConsentId);
    }

    /// <summary>
    /// Would an active consent cover <paramref name="agencyId"/> for <paramref name="purpose"/> (any category) once it
    /// takes part in the case? What an agency that is offered a handoff needs, to be offered it at all.
    /// </summary>
    public bool CouldReceive(Guid personId, Guid agencyId, string purpose)
    {
        var purposeBit = ConsentEntry.PurposeBit(purpose);
        var now = time.GetUtcNow();
        return ConsentsOf(personId) is { } consents && Array.Exists(consents, c =>
            c.Status == ConsentStatuses.Active && c.ValidUntil > now && (c.Purposes & purposeBit) != 0
            && (c.Network || Array.IndexOf(c.AgencyIds, agencyId) >= 0));
    }

    /// <summary>
    /// The one participation rule — "lead or member" of API-v3 §1, never pending: the agency referred the person on
    /// this case (or was admitted after referring them), accepted a handoff of it, was given it by a coordinator, or
    /// took part in a case merged into it, and its standing has not ended since; and the case is not closed, or closed
    /// less than the read window ago, or the agency led it when it closed (the lead keeps read access to a closed case).
    /// </summary>
    public bool TakesPart(Guid caseId, Guid agencyId) =>
        _participants.TryGetValue((caseId, agencyId), out var participation) && participation.TakesPart && !IsShutOut(caseId, agencyId);

    /// <summary>Takes part in at least one case of the person: what person-level routes (consents) ask.</summary>
    public bool TakesPartInCaseOf(Guid personId, Guid agencyId) =>
        _casesOfPerson.TryGetValue(personId, out var cases) && Array.Exists(cases, c => TakesPart(c, agencyId));

    /// <summary>
    /// The case closed longer than the read window ago and the agency did not lead it then: whatever the agency had to
    /// do with the case (a participant, or an agency that was only offered a handoff), it is over.
    /// </summary>
    public bool IsShutOut(Guid caseId, Guid agencyId) =>
        _closedCases.TryGetValue(caseId, out var closing)
        && closing.LeadAgencyId != agencyId
        && time.GetUtcNow() >= closing.At + closedCaseReadableFor;

    /// <summary>
    /// Replaces what the index knows of one consent with the projection's row, unless it already holds a newer version
    /// (a refresh that read the row just before this instance's consumer changed it must not bring the old state back).
    /// </summary>
    public void Apply(ConsentEntry consent) =>
        _consentsOfPerson.AddOrUpdate(consent.PersonId, [consent],
            (_, known) => Array.Exists(known, c => c.ConsentId == consent.ConsentId && c.Version > consent.Version)
                ? known
                : [.. known.Where(c => c.ConsentId != consent.ConsentId), consent]);

    public void ApplyCase(Guid caseId, Guid personId) =>
        _casesOfPerson.AddOrUpdate(personId, [caseId], (_, cases) => cases.Contains(caseId) ? cases : [.. cases, caseId]);

    /// <summary>
    /// Whether the agency takes part in the case, as the projection's row of that <paramref name="version"/> (the
    /// transaction that wrote it) says; an older version than the one held changes nothing (a refresh that read the row
    /// just before this instance ended a standing must not bring it back).
    /// </summary>
    public void ApplyParticipant(Guid caseId, Guid agencyId, bool takesPart, long version = 0) =>
        _participants.AddOrUpdate((caseId, agencyId), new Participation(takesPart, version),
            (_, known) => known.Version > version ? known : new Participation(takesPart, version));

    private readonly record struct Participation(bool TakesPart, long Version);

    /// <summary>The case closed (<paramref name="closing"/>), or is open again (null).</summary>
    public void ApplyClosing(Guid caseId, CaseClosing? closing)
    {
        if (closing is null)
        {
            _closedCases.TryRemove(caseId, out _);
        }
        else
        {
            _closedCases[caseId] = closing;
        }
    }
}

/// <summary>When a case closed and which agency led it then.</summary>
public sealed record CaseClosing(DateTimeOffset At, Guid? LeadAgencyId);
