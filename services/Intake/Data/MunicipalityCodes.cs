using Npgsql;

namespace ReferralNet.Intake.Data;

/// <summary>The young people's towns and those of referrals awaiting admission, as codes (<see cref="StoredPlaceNames"/>).</summary>
public sealed class MunicipalityCodes : IDataMigration
{
    private const string PersonTowns = $"SELECT DISTINCT municipality FROM persons WHERE municipality {StoredPlaceNames.NotACode}";

    private const string SetPersonTown = "UPDATE persons SET municipality = @Code WHERE municipality = @Name";

    private const string PendingTowns = $"SELECT DISTINCT municipality FROM pending_referrals WHERE municipality {StoredPlaceNames.NotACode}";

    private const string SetPendingTown = "UPDATE pending_referrals SET municipality = @Code WHERE municipality = @Name";

    public int Run(NpgsqlConnection connection) =>
        StoredPlaceNames.Replace(connection, PersonTowns, SetPersonTown) + StoredPlaceNames.Replace(connection, PendingTowns, SetPendingTown);
}
