using ReferralNet.Matching.Features.Hsds;
using ReferralNet.Matching.Features.Services;

namespace ReferralNet.Matching.Features.Agencies;

/// <summary>The directory's organizations (agencies): each one's HSDS document, and the agency derived from it on every save.</summary>
public sealed class AgencyDirectory(TimeProvider time)
{
    private const string Upsert = """
        INSERT INTO agencies (id, name, kind, municipality, hsds, created_at, updated_at)
        VALUES (@Id, @Name, @Kind, @Municipality, CAST(@Hsds AS jsonb), @Now, @Now)
        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, municipality = EXCLUDED.municipality,
            hsds = EXCLUDED.hsds, updated_at = EXCLUDED.updated_at
        WHERE agencies.hsds IS DISTINCT FROM EXCLUDED.hsds
        RETURNING (xmax = 0) AS created
        """;

    private const string Find = "SELECT hsds FROM agencies WHERE id = @Id";

    /// <summary>
    /// Saves the organization (without its services, which are documents of their own) in the caller's transaction;
    /// when anything changed, tells the network its kind (AgencyListed).
    /// </summary>
    public async Task<Saved> SaveAsync(UnitOfWork work, HsdsOrganization organization, CancellationToken ct)
    {
        var stored = organization with { Services = null };
        var agency = HsdsTranslation.Describe(stored);
        var now = time.GetUtcNow();
        var created = await work.QuerySingleOrDefaultAsync<bool?>(Upsert,
            new { agency.Id, agency.Name, agency.Kind, agency.Municipality, Hsds = stored, Now = now }, ct);
        if (created is null)
        {
            return Saved.Unchanged;
        }
        work.Publish(new AgencyListed(agency.Id, agency.Kind, now));
        return created.Value ? Saved.Created : Saved.Updated;
    }

    public Task<HsdsOrganization?> FindAsync(UnitOfWork work, Guid id, CancellationToken ct) =>
        work.QuerySingleOrDefaultAsync<HsdsOrganization>(Find, new { Id = id }, ct);
}
