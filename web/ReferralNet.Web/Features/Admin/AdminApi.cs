using ReferralNet.Web.Features.Youth;
using ReferralNet.Web.Gateway;

namespace ReferralNet.Web.Features.Admin;

/// <summary>An agency administrator's calls: their agency's services, places and how its taxonomy terms map to needs.</summary>
public sealed class AdminApi(GatewayApi gateway)
{
    public Task<ApiResult<ListOf<DirectoryService>>> ServicesAsync(Guid agency, CancellationToken ct) =>
        gateway.GetAsync<ListOf<DirectoryService>>($"/api/matching/services?agencyId={agency}&limit=200", ct);

    public Task<ApiResult<TermMappings>> TermMappingsAsync(Guid agency, CancellationToken ct) =>
        gateway.GetAsync<TermMappings>($"/api/matching/term-mappings?agencyId={agency}", ct);

    public Task<ApiResult<DirectoryService>> ServiceAsync(Guid id, CancellationToken ct) =>
        gateway.GetAsync<DirectoryService>($"/api/matching/services/{id}", ct);

    /// <summary>Creates the service without an id, replaces the one with it.</summary>
    public Task<ApiResult<DirectoryService>> SaveServiceAsync(Guid? id, ServiceDraft service, CancellationToken ct) => id is { } existing
        ? gateway.PutAsync<DirectoryService>($"/api/matching/services/{existing}", service, ct)
        : gateway.PostAsync<DirectoryService>("/api/matching/services", service, ct);

    public Task<ApiResult<object>> SetCapacityAsync(Guid service, int? available, int? maximum, int waitWeeks, CancellationToken ct) =>
        gateway.PutAsync<object>($"/api/matching/services/{service}/capacity", new { available, maximum, waitWeeks }, ct);

    public Task<ApiResult<object>> MapTermAsync(Guid term, Guid agency, string? need, CancellationToken ct) =>
        gateway.PutAsync<object>($"/api/matching/term-mappings/{term}", new { agencyId = agency, need }, ct);
}
