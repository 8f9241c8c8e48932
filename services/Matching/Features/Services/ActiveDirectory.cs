using System.Text;

namespace ReferralNet.Matching.Features.Services;

/// <summary>
/// A service of the directory with what ranking and search ask of it, worked out once when it is read rather than per
/// referral: who it takes, and its words for a search (name, description and codes, folded as <see cref="Fold"/> does).
/// </summary>
public sealed record ListedService(DirectoryService Service)
{
    public ServiceEligibility Eligibility { get; } = Service.Description.Eligibility;

    public string Name { get; } = Fold(Service.Description.Name!);

    public string Words { get; } = Fold(string.Join(' ', [
        Service.Description.Name, Service.Description.Description, .. Service.Description.Needs!, .. Service.Description.Modalities!]));

    /// <summary>
    /// Text as a search compares it: compatibility-normalised (full-width letters and half-width kana become their usual
    /// forms, so ｵﾝﾗｲﾝ finds オンライン and ＰＥＥＲ finds peer) and lower-case.
    /// </summary>
    public static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
}

/// <summary>
/// The active services as ranking and search read them, grouped by the towns they serve: a referral looks only at the
/// services of its town and those without an area limit (the rest cannot take the young person, <see cref="ServiceEligibility.Takes"/>).
/// </summary>
public sealed class ActiveDirectory
{
    private readonly List<ListedService> _all;
    private readonly Dictionary<Guid, ListedService> _byId;
    private readonly ListedService[] _withoutAreaLimit;
    private readonly Dictionary<string, ListedService[]> _byTown;

    private ActiveDirectory(IEnumerable<ListedService> services)
    {
        var listed = _all = [.. services];
        _byId = listed.ToDictionary(s => s.Service.Id);
        _withoutAreaLimit = [.. listed.Where(s => s.Eligibility.Municipalities.Count == 0)];
        _byTown = listed
            .SelectMany(s => s.Eligibility.Municipalities.Distinct(StringComparer.OrdinalIgnoreCase).Select(town => (Town: town, Service: s)))
            .GroupBy(s => s.Town, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(s => s.Service).ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    public static ActiveDirectory Of(IEnumerable<ListedService> services) => new(services);

    public static ActiveDirectory Of(IEnumerable<DirectoryService> services) => new(services.Select(s => new ListedService(s)));

    public IReadOnlyList<ListedService> All => _all;

    public DirectoryService? Find(Guid id) => _byId.GetValueOrDefault(id)?.Service;

    /// <summary>The services that may serve a young person of <paramref name="town"/> (all without an area limit when it is unknown).</summary>
    public IEnumerable<ListedService> Serving(string? town) =>
        town is not null && _byTown.TryGetValue(town, out var local) ? _withoutAreaLimit.Concat(local) : _withoutAreaLimit;
}
