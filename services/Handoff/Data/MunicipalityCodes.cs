using Npgsql;

namespace ReferralNet.Handoff.Data;

/// <summary>
/// The towns of handoff's copies, as codes (<see cref="StoredPlaceNames"/>): each referral's, and each service's areas
/// (a JSON list) until the service's next ServiceListed brings them as matching now describes them.
/// </summary>
public sealed class MunicipalityCodes : IDataMigration
{
    private const string ReferralTowns = $"SELECT DISTINCT municipality FROM referrals WHERE municipality {StoredPlaceNames.NotACode}";

    private const string SetReferralTown = "UPDATE referrals SET municipality = @Code WHERE municipality = @Name";

    private const string ServiceTowns = $"""
        SELECT DISTINCT town FROM directory_services, jsonb_array_elements_text(CAST(municipalities AS jsonb)) AS town
        WHERE town {StoredPlaceNames.NotACode}
        """;

    private const string SetServiceTown = """
        UPDATE directory_services SET municipalities = CAST((
            SELECT jsonb_agg(CASE WHEN town = @Name THEN @Code ELSE town END)
            FROM jsonb_array_elements_text(CAST(municipalities AS jsonb)) AS town) AS text)
        WHERE CAST(municipalities AS jsonb) @> jsonb_build_array(CAST(@Name AS text))
        """;

    public int Run(NpgsqlConnection connection) =>
        StoredPlaceNames.Replace(connection, ReferralTowns, SetReferralTown) + StoredPlaceNames.Replace(connection, ServiceTowns, SetServiceTown);
}
