namespace ReferralNet.Matching.Features.Services;

/// <summary>A service of the directory with who it takes, worked out once per copy of the directory rather than per referral.</summary>
public sealed record ListedService(DirectoryService Service, ServiceEligibility Eligibility);

/// <summary>
/// The active services as ranking reads them, grouped by the towns they serve: a referral looks only at the services of
/// its town and those without an area limit (the rest cannot take the young person, <see cref="ServiceEligibility.Takes"/>).
/// </summary>
public sealed class ActiveDirectory
{
    private readonly List<ListedService> _all;
    private readonly Dictionary<Guid, ListedService> _byId;
    private readonly ListedService[] _withoutAreaLimit;
    private readonly Dictionary<string, ListedService[]> _byTown;

    private ActiveDirectory(IEnumerable<DirectoryService> services)
    {
        var listed = _all = services.Select(s => new ListedService(s, s.Description.Eligibility)).ToList();
        _byId = listed.ToDictionary(s => s.Service.Id);
        _withoutAreaLimit = [.. listed.Where(s => s.Eligibility.Municipalities.Count == 0)];
        _byTown = listed
            .SelectMany(s => s.Eligibility.Municipalities.Distinct(StringComparer.OrdinalIgnoreCase).Select(town => (Town: town, Service: s)))
            .GroupBy(s => s.Town, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(s => s.Service).ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    public static ActiveDirectory Of(IEnumerable<DirectoryService> services) => new(services);

    public IReadOnlyList<ListedService> All => _all;

    public DirectoryService? Find(Guid id) => _byId.GetValueOrDefault(id)?.Service;

    /// <summary>The services that may serve a young person of <paramref name="town"/> (all without an area limit when it is unknown).</summary>
    public IEnumerable<ListedService> Serving(string? town) =>
        town is not null && _byTown.TryGetValue(town, out var local) ? _withoutAreaLimit.Concat(local) : _withoutAreaLimit;
}
