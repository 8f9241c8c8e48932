using Dapper;
using Npgsql;
using ReferralNet.Matching.Features.Agencies;
using ReferralNet.Matching.Features.Hsds;
using ReferralNet.Matching.Features.Services;

namespace ReferralNet.Matching.Data;

/// <summary>
/// Agencies and services saved before the directory kept HSDS documents (0005_hsds.sql) get theirs, written from what
/// was stored as any v1 save writes it now. Ids of the written parts are derived from the service's, so a second run
/// (two instances starting together) writes the same documents; once every row has one, it finds nothing to do.
/// </summary>
public sealed class HsdsDocuments(TimeProvider time) : IDataMigration
{
    private const string AgenciesWithout = "SELECT id, name, kind, municipality FROM agencies WHERE hsds IS NULL";

    private const string SetAgency = "UPDATE agencies SET hsds = CAST(@Hsds AS jsonb), updated_at = @Now WHERE id = @Id AND hsds IS NULL";

    private const string ServicesWithout = "SELECT id, document FROM services WHERE hsds IS NULL";

    private const string SetService = "UPDATE services SET hsds = CAST(@Hsds AS jsonb) WHERE id = @Id AND hsds IS NULL";

    public int Run(NpgsqlConnection connection)
    {
        var now = time.GetUtcNow();
        var changed = 0;
        foreach (var agency in connection.Query<Agency>(AgenciesWithout).ToList())
        {
            changed += connection.Execute(SetAgency, new { agency.Id, Hsds = HsdsTranslation.Apply(null, agency, null), Now = now });
        }
        foreach (var service in connection.Query<ServiceRow>(ServicesWithout).ToList())
        {
            changed += connection.Execute(SetService, new { service.Id, Hsds = HsdsTranslation.Apply(null, service.Id, service.Document, now) });
        }
        return changed;
    }

    private sealed class ServiceRow
    {
        public Guid Id { get; init; }
        public ServiceDescription Document { get; init; } = null!;
    }
}
