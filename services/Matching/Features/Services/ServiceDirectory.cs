using Npgsql;
using ReferralNet.Matching.Features.Hsds;

namespace ReferralNet.Matching.Features.Services;

/// <summary>What a save did: a document equal to the stored one changes nothing and announces nothing.</summary>
public enum Saved
{
    Unchanged,
    Created,
    Updated,
}

/// <summary>
/// The service directory's storage: each service's HSDS document, and beside it what is derived from it on every save
/// (ReferralNet's description, which ranking reads, and the columns queries filter on).
/// </summary>
public sealed class ServiceDirectory(Database database, NpgsqlDataSource dataSource, TimeProvider time)
{
    private const string Upsert = """
        INSERT INTO services (id, agency_id, status, public, document, hsds, updated_at)
        VALUES (@Id, @AgencyId, @Status, @Public, @Document, CAST(@Hsds AS jsonb), @Now)
        ON CONFLICT (id) DO UPDATE SET agency_id = EXCLUDED.agency_id, status = EXCLUDED.status, public = EXCLUDED.public,
            document = EXCLUDED.document, hsds = EXCLUDED.hsds, updated_at = EXCLUDED.updated_at, change_txid = txid_current()
        WHERE services.hsds IS DISTINCT FROM EXCLUDED.hsds OR services.document IS DISTINCT FROM EXCLUDED.document
        RETURNING (xmax = 0) AS created
        """;

    private const string ForgetNeeds = "DELETE FROM service_needs WHERE service_id = @Id";

    private const string ForgetModalities = "DELETE FROM service_modalities WHERE service_id = @Id";

    private const string StoreNeed = "INSERT INTO service_needs (service_id, need) VALUES (@Id, @Code)";

    private const string StoreModality = "INSERT INTO service_modalities (service_id, modality) VALUES (@Id, @Code)";

    private const string MappedTerms = "SELECT taxonomy_term_id AS TermId, need FROM term_needs WHERE agency_id = @AgencyId";

    private const string ChangedSince = "SELECT id, status, document FROM services WHERE change_txid >= @Since";

    private const string Find = "SELECT id, document FROM services WHERE id = @Id";

    private const string Lock = "SELECT id, document, hsds FROM services WHERE id = @Id FOR UPDATE";

    private static readonly string ListPage = Keyset.Paged("""
        SELECT s.id, s.document FROM services s
        WHERE (@Need IS NULL OR EXISTS (SELECT 1 FROM service_needs n WHERE n.service_id = s.id AND n.need = @Need))
          AND (@Modality IS NULL OR EXISTS (SELECT 1 FROM service_modalities m WHERE m.service_id = s.id AND m.modality = @Modality))
          AND (CAST(@AgencyId AS uuid) IS NULL OR s.agency_id = @AgencyId)
          AND (CAST(@Unmapped AS boolean) IS NULL OR EXISTS (SELECT 1 FROM service_needs n WHERE n.service_id = s.id) = NOT @Unmapped)
        """, "s.id");

    /// <summary>
    /// Ranking and search read every active service for every referral, from a copy in memory kept current from the
    /// directory's change feed: a save here shows in it at the next read, a save through another instance within this time.
    /// </summary>
    public static readonly TimeSpan ReadChangesEvery = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<Guid, ListedService> _listed = [];
    private readonly SemaphoreSlim _reading = new(1, 1);
    private ActiveDirectory _active = ActiveDirectory.Of(Array.Empty<ListedService>());
    private long _readFrom;
    private DateTimeOffset? _readAt;
    private volatile bool _savedHere;

    /// <summary>
    /// Saves the service's HSDS document in the caller's transaction with what is derived from it, reading its foreign
    /// terms through the agency's mappings (<paramref name="mappedTerms"/> when the caller read them already). When
    /// anything changed it tells the network who the service takes (ServiceListed, through the outbox), and the active
    /// copy is dropped once it commits.
    /// </summary>
    public async Task<Saved> SaveAsync(
        UnitOfWork work, HsdsService hsds, CancellationToken ct, IReadOnlyDictionary<Guid, string>? mappedTerms = null)
    {
        if (mappedTerms is null && HsdsTranslation.ForeignTerms(hsds).Any())
        {
            mappedTerms = await MappedTermsAsync(work, hsds.OrganizationId!.Value, ct);
        }
        var d = HsdsTranslation.Describe(hsds, mappedTerms);
        var now = time.GetUtcNow();
        var created = await work.QuerySingleOrDefaultAsync<bool?>(Upsert,
            new { hsds.Id, d.AgencyId, d.Status, d.Public, Document = d, Hsds = hsds, Now = now }, ct);
        if (created is null)
        {
            return Saved.Unchanged;
        }
        if (created == false)
        {
            await work.ExecuteAsync(ForgetNeeds, new { hsds.Id }, ct);
            await work.ExecuteAsync(ForgetModalities, new { hsds.Id }, ct);
        }
        await work.ExecuteAsync(StoreNeed, d.Needs!.Select(n => new { hsds.Id, Code = n }), ct);
        await work.ExecuteAsync(StoreModality, d.Modalities!.Select(m => new { hsds.Id, Code = m }), ct);
        work.Publish(new ServiceListed(hsds.Id, d.AgencyId!.Value, d.Eligibility, now));
        ReadAgainAfterCommit(work);
        return created.Value ? Saved.Created : Saved.Updated;
    }

    /// <summary>The foreign taxonomy terms the agency mapped to a need: term → need.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> MappedTermsAsync(UnitOfWork work, Guid agencyId, CancellationToken ct) =>
        (await work.QueryAsync<(Guid TermId, string Need)>(MappedTerms, new { AgencyId = agencyId }, ct)).ToDictionary(m => m.TermId, m => m.Need);

    /// <summary>
    /// Changes the service as ReferralNet describes it, in the caller's transaction, its row locked so two changes never
    /// lose one; the change is written onto its HSDS document (<see cref="HsdsTranslation.Apply(HsdsService?, Guid, ServiceDescription, DateTimeOffset)"/>).
    /// The change starts from the document's own terms, so a need that only a mapped foreign term gives stays the
    /// mapping's. Null when the service is not in the directory.
    /// </summary>
    public async Task<DirectoryService?> ChangeAsync(UnitOfWork work, Guid id, Func<ServiceDescription, ServiceDescription> change, CancellationToken ct)
    {
        if (await work.QuerySingleOrDefaultAsync<ServiceRow>(Lock, new { Id = id }, ct) is not { } row)
        {
            return null;
        }
        var changed = change(row.Hsds is null ? row.Document : HsdsTranslation.Describe(row.Hsds)).Normalised();
        var hsds = HsdsTranslation.Apply(row.Hsds, id, changed, time.GetUtcNow());
        await SaveAsync(work, hsds, ct);
        return await FindAsync(work, id, ct);
    }

    /// <summary>Changes the service's free places by <paramref name="delta"/>, kept between zero and the maximum.</summary>
    public Task ChangeFreePlacesAsync(UnitOfWork work, Guid serviceId, int delta, CancellationToken ct) =>
        ChangeAsync(work, serviceId, d => d with
        {
            Capacity = d.Capacity! with { Available = Math.Clamp(d.Capacity.Available + delta, 0, Math.Max(d.Capacity.Maximum, d.Capacity.Available)) },
        }, ct);

    private void ReadAgainAfterCommit(UnitOfWork work) => work.AfterCommit(() => _savedHere = true);

    public async Task<DirectoryService?> FindAsync(Guid id, CancellationToken ct) =>
        (await database.QuerySingleOrDefaultAsync<ServiceRow>(Find, new { Id = id }, ct))?.ToService();

    /// <summary>The service as saved in the caller's transaction.</summary>
    public async Task<DirectoryService?> FindAsync(UnitOfWork work, Guid id, CancellationToken ct) =>
        (await work.QuerySingleOrDefaultAsync<ServiceRow>(Find, new { Id = id }, ct))?.ToService();

    public async Task<Page<DirectoryService>> ListAsync(ListServicesQuery query, CancellationToken ct) =>
        (await database.PageAsync<ServiceRow>(ListPage, new { query.Need, query.Modality, query.AgencyId, query.Unmapped },
            query.Limit, query.Cursor, r => r.Id, ct)).Select(r => r.ToService());

    /// <summary>The active services, as of the last read of the change feed (one reader at a time; the others wait for it).</summary>
    public async Task<ActiveDirectory> ActiveAsync(CancellationToken ct)
    {
        if (!NeedsReading())
        {
            return _active;
        }
        await _reading.WaitAsync(ct);
        try
        {
            if (NeedsReading())
            {
                // Cleared before the read: a save that commits while it runs is read again next time.
                _savedHere = false;
                var readAt = time.GetUtcNow();
                var changed = false;
                _readFrom = await dataSource.ReadChangesAsync(_readFrom, async changes =>
                {
                    foreach (var row in await changes.QueryAsync<ServiceRow>(ChangedSince))
                    {
                        changed |= row.Status == ServiceStatuses.Active ? Keep(row.ToService()) : _listed.Remove(row.Id);
                    }
                }, ct);
                if (changed)
                {
                    _active = ActiveDirectory.Of(_listed.Values);
                }
                _readAt = readAt;
            }
        }
        finally
        {
            _reading.Release();
        }
        return _active;
    }

    private bool NeedsReading() => _savedHere || _readAt is not { } readAt || time.GetUtcNow() - readAt >= ReadChangesEvery;

    private bool Keep(DirectoryService service)
    {
        _listed[service.Id] = new ListedService(service);
        return true;
    }

    private sealed class ServiceRow
    {
        public Guid Id { get; init; }
        public string? Status { get; init; }
        public ServiceDescription Document { get; init; } = null!;
        public HsdsService? Hsds { get; init; }

        public DirectoryService ToService() => new(Id, Document);
    }
}
