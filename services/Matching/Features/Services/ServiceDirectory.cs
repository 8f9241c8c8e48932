namespace ReferralNet.Matching.Features.Services;

/// <summary>The service directory's storage: one JSON document per service plus the columns that queries filter on.</summary>
public sealed class ServiceDirectory(Database database, TimeProvider time)
{
    private const string Insert = "INSERT INTO services (id, agency_id, status, document, updated_at) VALUES (@Id, @AgencyId, @Status, @Document, @Now)";

    private const string Update = "UPDATE services SET agency_id = @AgencyId, status = @Status, document = @Document, updated_at = @Now WHERE id = @Id";

    private const string ForgetNeeds = "DELETE FROM service_needs WHERE service_id = @Id";

    private const string ForgetModalities = "DELETE FROM service_modalities WHERE service_id = @Id";

    private const string StoreNeed = "INSERT INTO service_needs (service_id, need) VALUES (@Id, @Code)";

    private const string StoreModality = "INSERT INTO service_modalities (service_id, modality) VALUES (@Id, @Code)";

    private const string ReadActive = $"SELECT id, document FROM services WHERE status = '{ServiceStatuses.Active}'";

    private const string Find = "SELECT id, document FROM services WHERE id = @Id";

    private const string Lock = "SELECT id, document FROM services WHERE id = @Id FOR UPDATE";

    private const string UpdateDocument = "UPDATE services SET document = @Document, updated_at = @Now WHERE id = @Id";

    private static readonly string ListPage = Keyset.Paged("""
        SELECT s.id, s.document FROM services s
        WHERE (@Need IS NULL OR EXISTS (SELECT 1 FROM service_needs n WHERE n.service_id = s.id AND n.need = @Need))
          AND (@Modality IS NULL OR EXISTS (SELECT 1 FROM service_modalities m WHERE m.service_id = s.id AND m.modality = @Modality))
        """, "s.id");

    /// <summary>
    /// Ranking reads every active service for every referral; the directory changes rarely. A save here clears the copy
    /// at once; a save through another instance shows here within this time.
    /// </summary>
    public static readonly TimeSpan ActiveCopyFor = TimeSpan.FromSeconds(5);

    private ActiveCopy? _active;
    private long _generation;

    /// <summary>
    /// Saves the service in the caller's transaction and tells the network who it takes (ServiceListed, through the
    /// outbox); the active copy is dropped once it commits.
    /// </summary>
    public async Task SaveAsync(UnitOfWork work, DirectoryService service, bool isNew, CancellationToken ct)
    {
        var d = service.Description;
        var row = new { service.Id, d.AgencyId, d.Status, Document = d, Now = time.GetUtcNow() };
        await work.ExecuteAsync(isNew ? Insert : Update, row, ct);
        await work.ExecuteAsync(ForgetNeeds, new { service.Id }, ct);
        await work.ExecuteAsync(ForgetModalities, new { service.Id }, ct);
        await work.ExecuteAsync(StoreNeed,
            d.Needs!.Select(n => new { service.Id, Code = n }), ct);
        await work.ExecuteAsync(StoreModality,
            d.Modalities!.Select(m => new { service.Id, Code = m }), ct);
        work.Publish(new ServiceListed(service.Id, d.AgencyId!.Value, d.Eligibility, row.Now));
        DropActiveCopyOnCommit(work);
    }

    /// <summary>
    /// Changes the service's free places by <paramref name="delta"/> in the caller's transaction (its row locked, so
    /// two changes never lose one), kept between zero and the maximum.
    /// </summary>
    public async Task ChangeFreePlacesAsync(UnitOfWork work, Guid serviceId, int delta, CancellationToken ct)
    {
        if (await work.QuerySingleOrDefaultAsync<ServiceRow>(Lock, new { Id = serviceId }, ct) is not { } row)
        {
            return; // a service removed from the directory holds no places
        }
        var d = row.Document;
        var capacity = d.Capacity!;
        var available = Math.Clamp(capacity.Available + delta, 0, Math.Max(capacity.Maximum, capacity.Available));
        // Only the document changes: its needs, modalities, agency and status stay, so their rows do too.
        await work.ExecuteAsync(UpdateDocument, new { row.Id, Document = d with { Capacity = capacity with { Available = available } }, Now = time.GetUtcNow() }, ct);
        DropActiveCopyOnCommit(work);
    }

    private void DropActiveCopyOnCommit(UnitOfWork work) => work.AfterCommit(() =>
    {
        Interlocked.Increment(ref _generation);
        _active = null;
    });

    public async Task<DirectoryService?> FindAsync(Guid id, CancellationToken ct) =>
        (await database.QuerySingleOrDefaultAsync<ServiceRow>(Find, new { Id = id }, ct))?.ToService();

    public async Task<Page<DirectoryService>> ListAsync(string? need, string? modality, int? limit, Guid? cursor, CancellationToken ct) =>
        (await database.PageAsync<ServiceRow>(ListPage, new { Need = need, Modality = modality }, limit, cursor, r => r.Id, ct)).Select(r => r.ToService());

    public async Task<ActiveDirectory> ActiveAsync(UnitOfWork work, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var generation = Interlocked.Read(ref _generation);
        if (_active is { } copy && copy.Generation == generation && now - copy.ReadAt < ActiveCopyFor)
        {
            return copy.Services;
        }
        var rows = await work.QueryAsync<ServiceRow>(ReadActive, null, ct);
        var services = ActiveDirectory.Of(rows.Select(r => r.ToService()));
        // A save that committed while this read ran bumped the generation: this read may predate it, so keep it uncached.
        if (Interlocked.Read(ref _generation) == generation)
        {
            _active = new ActiveCopy(generation, now, services);
        }
        return services;
    }

    private sealed record ActiveCopy(long Generation, DateTimeOffset ReadAt, ActiveDirectory Services);

    private sealed class ServiceRow
    {
        public Guid Id { get; init; }
        public ServiceDescription Document { get; init; } = null!;

        public DirectoryService ToService() => new(Id, Document);
    }
}
