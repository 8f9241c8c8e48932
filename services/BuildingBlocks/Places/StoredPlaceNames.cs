using Dapper;
using Npgsql;

namespace ReferralNet.BuildingBlocks.Places;

/// <summary>
/// Places stored as they were typed, from before every place was kept as its code (API-v3 §8), rewritten by a
/// service's data migration: each stored value that names exactly one municipality becomes its code; a value that
/// names none, or several, stays as it was typed (nothing a person wrote is lost, and it limits no matching).
/// </summary>
public static class StoredPlaceNames
{
    /// <summary>
    /// <paramref name="distinctNames"/> lists the stored values that are not codes yet; <paramref name="replace"/>
    /// rewrites one (@Name) as its code (@Code). Answers how many rows changed: none once everything is a code.
    /// </summary>
    public static int Replace(NpgsqlConnection connection, string distinctNames, string replace)
    {
        var changed = 0;
        foreach (var name in connection.Query<string>(distinctNames).ToList())
        {
            if (MunicipalityRegister.Japan.CodeOf(name) is { } code && code != name)
            {
                changed += connection.Execute(replace, new { Name = name, Code = code });
            }
        }
        return changed;
    }

    /// <summary>The SQL condition of a value that is not a code yet.</summary>
    public const string NotACode = "!~ '^[0-9]{6}$'";
}
