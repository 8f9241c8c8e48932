using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.Matching.Data;
using ReferralNet.Matching.Features.Agencies;
using ReferralNet.Matching.Features.Hsds;
using ReferralNet.Matching.Features.Services;
using ReferralNet.Testing;

namespace ReferralNet.Matching.Tests.Data;

public sealed class HsdsDocumentsTests
{
    [Fact]
    public async Task Agencies_and_services_saved_before_the_HSDS_directory_get_their_documents_once()
    {
        var migration = new HsdsDocuments(TimeProvider.System);
        await using var connection = await MigratedAsync("hsdsdocs", migration);
        // As a v1 save stored them before 0005_hsds.sql: the description only.
        var agency = new Agency(Guid.NewGuid(), "Setagaya Youth Support Station", AgencyKinds.YouthSupportCentre, Towns.Setagaya);
        var description = new ServiceDescription(agency.Id, "Outreach home visits", "", ["social-connection"], ["home-visit", "phone"], 15, 39,
            [Towns.Setagaya], ["ja"], "free", new Capacity(3, 20, 0), "active").Normalised();
        var serviceId = await StoreAsync(connection, agency, description);

        var first = migration.Run(connection);
        var second = migration.Run(connection);

        Assert.Equal((2, 0), (first, second));
        var organization = await connection.QuerySingleAsync<HsdsOrganization>("SELECT hsds FROM agencies WHERE id = @Id", new { agency.Id });
        var service = await connection.QuerySingleAsync<HsdsService>("SELECT hsds FROM services WHERE id = @Id", new { Id = serviceId });
        Assert.Equal(agency, HsdsTranslation.Describe(organization));
        Assert.Equal(JsonSerializer.Serialize(description), JsonSerializer.Serialize(HsdsTranslation.Describe(service)));
        Assert.Equal(serviceId, service.Id);
    }

    [Fact]
    public async Task Towns_stored_as_typed_become_codes_once_and_a_name_of_no_town_limits_nothing()
    {
        var migration = new MunicipalityCodes();
        await using var connection = await MigratedAsync("towncodes", migration);
        var agency = new Agency(Guid.NewGuid(), "Kitazawa Clinic", AgencyKinds.Clinic, "Setagaya");
        var serviceId = await StoreAsync(connection, agency, new ServiceDescription(agency.Id, "Counselling", "", ["mental-health"], ["video"], 12, 39,
            ["世田谷区", "Town-1a2b3c", "せたがや"], ["ja"], "free", new Capacity(1, 5, 0), "active", false));

        var first = migration.Run(connection);
        var second = migration.Run(connection);

        Assert.Equal((2, 0), (first, second));
        Assert.Equal(Towns.Setagaya, await connection.QuerySingleAsync<string>("SELECT municipality FROM agencies WHERE id = @Id", new { agency.Id }));
        var stored = await connection.QuerySingleAsync<ServiceDescription>("SELECT document FROM services WHERE id = @Id", new { Id = serviceId });
        Assert.Equal([Towns.Setagaya], stored.Municipalities);
    }

    private static async Task<NpgsqlConnection> MigratedAsync(string name, IDataMigration migration)
    {
        var servers = await TestServers.GetAsync();
        var connectionString = servers.Database($"rn_{name}_{Guid.NewGuid():N}"[..24]);
        DapperTypeHandlers.Register(typeof(HsdsDocuments).Assembly); // as the service does before it migrates
        new SchemaMigrator(Options.Create(new DatabaseOptions { ConnectionString = connectionString }),
            new ServiceIdentity("matching", typeof(HsdsDocuments).Assembly), [migration], NullLogger<SchemaMigrator>.Instance).Migrate();
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<Guid> StoreAsync(NpgsqlConnection connection, Agency agency, ServiceDescription description)
    {
        var serviceId = Guid.NewGuid();
        await connection.ExecuteAsync("INSERT INTO agencies (id, name, kind, municipality, created_at) VALUES (@Id, @Name, @Kind, @Municipality, now())", agency);
        await connection.ExecuteAsync("INSERT INTO services (id, agency_id, status, document, updated_at) VALUES (@Id, @AgencyId, 'active', @Document, now())",
            new { Id = serviceId, AgencyId = agency.Id, Document = description });
        return serviceId;
    }
}
