using ReferralNet.Intake.Features.OpenReferral;

namespace ReferralNet.Intake.Features.PossibleDuplicates;

/// <summary>What a person record says about who they are: enough to compare two records, never shown to the caller.</summary>
public sealed class PersonRecord
{
    private const string OfCase = $"SELECT {Columns} FROM cases c JOIN persons p ON p.id = c.person_id WHERE c.id = @CaseId";

    private const string BornSameDay = $"""
            SELECT {Columns} FROM persons p JOIN cases c ON c.person_id = p.id AND c.status <> '{CaseStatuses.Closed}'
            WHERE p.birth_date = @BirthDate AND p.id <> @PersonId AND p.merged_into IS NULL
            ORDER BY c.opened_at
            """;

    public Guid PersonId { get; init; }
    public Guid CaseId { get; init; }
    public string Status { get; init; } = "";
    public string? FamilyName { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyNameKana { get; init; }
    public string? GivenNameKana { get; init; }
    public DateTime? BirthDate { get; init; }
    public string? Municipality { get; init; }
    public string[]? ContactKeys { get; init; }

    public const string Columns = """
        p.id AS PersonId, c.id AS CaseId, c.status, p.family_name AS FamilyName, p.given_name AS GivenName,
        p.family_name_kana AS FamilyNameKana, p.given_name_kana AS GivenNameKana, p.birth_date AS BirthDate, p.municipality,
        p.contact_keys AS ContactKeys
        """;

    /// <summary>The person of a case, and the live cases of everyone else born that day (merged records are not looked at).</summary>
    public static async Task<(PersonRecord? Self, IReadOnlyList<PersonRecord> BornSameDay)> ReadAsync(
        UnitOfWork work, Guid caseId, CancellationToken ct)
    {
        var self = await work.QuerySingleOrDefaultAsync<PersonRecord>(OfCase, new { CaseId = caseId }, ct);
        if (self?.BirthDate is null)
        {
            return (self, []);
        }
        var others = await work.QueryAsync<PersonRecord>(BornSameDay, new { self.BirthDate, self.PersonId }, ct);
        return (self, others.ToList());
    }
}

/// <summary>
/// Two records that may be one young person: born the same day in the same municipality, with names that differ only
/// slightly — the same kana reading (山田太郎 / 山田太朗), family and given name swapped, one or two characters apart
/// (one for short names), or no name given in one of them (a self-referral's nickname) and a contact channel the
/// same (compared as keyed hashes: a birthday and a town alone are shared by too many). Never merged silently.
/// </summary>
public static class NearMatch
{

    /// <summary>Why the two may be one person; empty when they are not a near match.</summary>
    public static IReadOnlyList<string> Between(PersonRecord a, PersonRecord b)
    {
        if (a.BirthDate is null || a.BirthDate != b.BirthDate || a.Municipality is null || b.Municipality is null
            || PersonIdentity.Normalise(a.Municipality) != PersonIdentity.Normalise(b.Municipality))
        {
            return [];
        }
        var names = NameReasons(a, b).ToList();
        return names.Count == 0 ? [] : [DuplicateReasons.SameBirthDate, DuplicateReasons.SameMunicipality, .. names];
    }

    private static IEnumerable<string> NameReasons(PersonRecord a, PersonRecord b)
    {
        if (a.FamilyName is null || a.GivenName is null || b.FamilyName is null || b.GivenName is null)
        {
            if ((a.ContactKeys ?? []).Intersect(b.ContactKeys ?? []).Any())
            {
                yield return DuplicateReasons.NameNotGiven;
                yield return DuplicateReasons.SameContact;
            }
            yield break;
        }
        var (aFamily, aGiven) = (PersonIdentity.Normalise(a.FamilyName), PersonIdentity.Normalise(a.GivenName));
        var (bFamily, bGiven) = (PersonIdentity.Normalise(b.FamilyName), PersonIdentity.Normalise(b.GivenName));
        if (Kana(a) is { } aKana && Kana(b) is { } bKana && aKana == bKana)
        {
            yield return DuplicateReasons.SameKana;
        }
        if (aFamily == bGiven && aGiven == bFamily)
        {
            yield return DuplicateReasons.NamesSwapped;
        }
        var (aName, bName) = (aFamily + aGiven, bFamily + bGiven);
        var allowed = Math.Max(aName.Length, bName.Length) <= 6 ? 1 : 2;
        if (aName != bName && EditDistance(aName, bName) <= allowed)
        {
            yield return DuplicateReasons.SimilarName;
        }
    }

    private static string? Kana(PersonRecord p) =>
        p.FamilyNameKana is null || p.GivenNameKana is null ? null : PersonIdentity.Normalise(p.FamilyNameKana + p.GivenNameKana);

    /// <summary>Levenshtein distance: insertions, deletions and substitutions of one character each.</summary>
    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
