using ReferralNet.Web.Gateway;

namespace ReferralNet.Web.Features.Services;

/// <summary>What anyone may read of the directory, in HSDS 3.0, without a token: the published services, the terms, the organizations.</summary>
public sealed class PublishedServicesApi(GatewayApi gateway)
{
    /// <summary>The directory's organizations (the first 50), by words of their names when <paramref name="search"/> is given.</summary>
    public Task<ApiResult<HsdsPage<HsdsOrganizationName>>> OrganizationsAsync(string? search, CancellationToken ct) =>
        gateway.GetAsync<HsdsPage<HsdsOrganizationName>>(
            $"/api/matching/hsds/organizations?per_page=50{(string.IsNullOrWhiteSpace(search) ? "" : $"&search={Uri.EscapeDataString(search.Trim())}")}", ct,
            GatewayApi.Hsds, anonymously: true);

    public Task<ApiResult<HsdsPage<HsdsTerm>>> TermsAsync(CancellationToken ct) =>
        gateway.GetAsync<HsdsPage<HsdsTerm>>("/api/matching/hsds/taxonomy_terms?per_page=200", ct, GatewayApi.Hsds, anonymously: true);

    public Task<ApiResult<HsdsPage<HsdsService>>> ServicesAsync(int page, int perPage, Guid? term, CancellationToken ct) =>
        gateway.GetAsync<HsdsPage<HsdsService>>(
            $"/api/matching/hsds/services?full=true&per_page={perPage}&page={page}{(term is null ? "" : $"&taxonomy_term_id={term}")}", ct,
            GatewayApi.Hsds, anonymously: true);
}
