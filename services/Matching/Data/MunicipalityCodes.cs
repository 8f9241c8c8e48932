using Dapper;
using Npgsql;
using ReferralNet.Matching.Features.Services;

namespace ReferralNet.Matching.Data;

/// <summary>
/// The directory's towns as codes (<see cref="StoredPlaceNames"/>): agencies', referrals' still being matched, and
/// each service's description, whose areas are now its areas that name a municipality, as codes, as
/// <see cref="Features.Hsds.HsdsTranslation.Describe(Features.Hsds.HsdsService, IReadOnlyDictionary{Guid, string}?)"/>
/// reads them (the HSDS documents keep the areas as they were written). The running copies read the changed services again.
/// </summary>
public sealed class MunicipalityCodes : IDataMigration
{
    private const string AgencyTowns = $"SELECT DISTINCT municipality FROM agencies WHERE municipality {StoredPlaceNames.NotACode}";

    private const string SetAgencyTown = "UPDATE agencies SET municipality = @Code WHERE municipality = @Name";

    private const string ReferralTown = "CAST(referral AS jsonb) -> 'Referral' ->> 'Municipality'";

    private const string ReferralTowns = $"SELECT DISTINCT {ReferralTown} FROM referral_matches WHERE {ReferralTown} {StoredPlaceNames.NotACode}";

    private const string SetReferralTown = $$"""
        UPDATE referral_matches SET referral = CAST(jsonb_set(CAST(referral AS jsonb), '{Referral,Municipality}', to_jsonb(CAST(@Code AS text))) AS text)
        WHERE {{ReferralTown}} = @Name
        """;

    private const string ServicesWithNames = $"""
        SELECT id, document FROM services
        WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(CAST(document AS jsonb) -> 'Municipalities') AS town WHERE town {StoredPlaceNames.NotACode})
        """;

    private const string SetService = "UPDATE services SET document = @Document, change_txid = txid_current() WHERE id = @Id";

    public int Run(NpgsqlConnection connection)
    {
        var changed = StoredPlaceNames.Replace(connection, AgencyTowns, SetAgencyTown) + StoredPlaceNames.Replace(connection, ReferralTowns, SetReferralTown);
        foreach (var service in connection.Query<ServiceRow>(ServicesWithNames).ToList())
        {
            var towns = service.Document.Municipalities!.Select(MunicipalityRegister.Japan.CodeOf).OfType<string>().Distinct().ToList();
            changed += connection.Execute(SetService, new { service.Id, Document = service.Document with { Municipalities = towns } });
        }
        return changed;
    }

    private sealed class ServiceRow
    {
        public Guid Id { get; init; }
        public ServiceDescription Document { get; init; } = null!;
    }
}
