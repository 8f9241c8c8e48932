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
        var servers = await TestServers.GetAsync();
        var connectionString = servers.Database($"rn_hsdsdocs_{Guid.NewGuid():N}"[..24]);
        DapperTypeHandlers.Register(typeof(HsdsDocuments).Assembly); // as the service does before it migrates
        var migration = new HsdsDocuments(TimeProvider.System);
        new SchemaMigrator(Options.Create(new DatabaseOptions { ConnectionString = connectionString }),
            new ServiceIdentity("matching", typeof(HsdsDocuments).Assembly), [migration], NullLogger<SchemaMigrator>.Instance).Migrate();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // As a v1 save stored them before 0005_hsds.sql: the description only.
        var agency = new Agency(Guid.NewGuid(), "Setagaya Youth Support Station", AgencyKinds.YouthSupportCentre, "Setagaya");
        var description = new ServiceDescription(agency.Id, "Outreach home visits", "", ["social-connection"], ["home-visit", "phone"], 15, 39,
            ["Setagaya"], ["ja"], "free", new Capacity(3, 20, 0), "active").Normalised();
        var serviceId = Guid.NewGuid();
        await connection.ExecuteAsync("INSERT INTO agencies (id, name, kind, municipality, created_at) VALUES (@Id, @Name, @Kind, @Municipality, now())", agency);
        await connection.ExecuteAsync("INSERT INTO services (id, agency_id, status, document, updated_at) VALUES (@Id, @AgencyId, 'active', @Document, now())",
            new { Id = serviceId, AgencyId = agency.Id, Document = description });

        var first = migration.Run(connection);
        var second = migration.Run(connection);

        Assert.Equal((2, 0), (first, second));
        var organization = await connection.QuerySingleAsync<HsdsOrganization>("SELECT hsds FROM agencies WHERE id = @Id", new { agency.Id });
        var service = await connection.QuerySingleAsync<HsdsService>("SELECT hsds FROM services WHERE id = @Id", new { Id = serviceId });
        Assert.Equal(agency, HsdsTranslation.Describe(organization));
        Assert.Equal(JsonSerializer.Serialize(description), JsonSerializer.Serialize(HsdsTranslation.Describe(service)));
        Assert.Equal(serviceId, service.Id);
    }
}
