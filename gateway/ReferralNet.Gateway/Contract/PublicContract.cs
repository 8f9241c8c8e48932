using System.Text.Json.Nodes;
using Scalar.AspNetCore;
using ReferralNet.Gateway.Health;
using Yarp.ReverseProxy;

namespace ReferralNet.Gateway.Contract;

/// <summary>
/// The network's public contract: the services' own OpenAPI documents, read from them and merged (tags, paths,
/// schemas, security schemes) at <see cref="OpenApiContract.Path"/>, and in development a reference page at /docs. A schema
/// name two services use for different shapes is kept apart under the service's name. The merged document is kept
/// for <see cref="KeptFor"/>: the services' documents change only when a service is deployed.
/// </summary>
public sealed class PublicContract(IProxyStateLookup proxy, IHttpClientFactory clients, TimeProvider time)
{
    public const string HttpClientName = "contract";
    public static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(30);

    private (JsonObject Document, DateTimeOffset ReadAt)? _merged;

    /// <summary>The merged document, naming <paramref name="origin"/> (the address the caller reached the gateway at) as its server.</summary>
    public async Task<string> ReadAsync(string origin, CancellationToken ct)
    {
        var document = (await MergedAsync(ct)).DeepClone().AsObject();
        document.Insert(2, "servers", new JsonArray(new JsonObject { ["url"] = origin, ["description"] = "The network's gateway" }));
        return document.ToJsonString();
    }

    private async Task<JsonObject> MergedAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_merged is { } kept && now - kept.ReadAt < KeptFor)
        {
            return kept.Document;
        }
        var http = clients.CreateClient(HttpClientName);
        var merged = new JsonObject
        {
            ["openapi"] = "3.1.1",
            ["info"] = new JsonObject { ["title"] = "ReferralNet", ["version"] = "v1", ["description"] = "The public API of the network, through the gateway." },
            ["tags"] = new JsonArray(),
            ["paths"] = new JsonObject(),
            ["components"] = new JsonObject { ["schemas"] = new JsonObject(), ["securitySchemes"] = new JsonObject() },
        };
        foreach (var cluster in proxy.GetClusters().Where(c => !ClusterRoles.ServesPages(c.Model.Config)).OrderBy(c => c.ClusterId))
        {
            var address = cluster.Destinations.Values.First().Model.Config.Address;
            Merge(merged, cluster.ClusterId, await http.GetStringAsync(new Uri(new Uri(address), OpenApiContract.Path), ct));
        }
        _merged = (merged, now);
        return merged;
    }

    private static void Merge(JsonObject merged, string service, string text)
    {
        var schemas = merged["components"]!["schemas"]!.AsObject();
        // Which names clash is decided on the service's own document, before any reference in it is renamed.
        var clashing = (JsonNode.Parse(text)!["components"]?["schemas"]?.AsObject() ?? [])
            .Where(s => schemas[s.Key] is { } taken && !JsonNode.DeepEquals(taken, s.Value))
            .Select(s => s.Key)
            .ToHashSet();
        foreach (var name in clashing)
        {
            text = text.Replace($"\"#/components/schemas/{name}\"", $"\"#/components/schemas/{service}.{name}\"");
        }
        var document = JsonNode.Parse(text)!.AsObject();
        foreach (var (name, schema) in document["components"]?["schemas"]?.AsObject().ToList() ?? [])
        {
            schemas[clashing.Contains(name) ? $"{service}.{name}" : name] = schema!.DeepClone();
        }
        foreach (var (name, scheme) in document["components"]?["securitySchemes"]?.AsObject().ToList() ?? [])
        {
            merged["components"]!["securitySchemes"]![name] = scheme!.DeepClone();
        }
        foreach (var tag in document["tags"]?.AsArray() ?? [])
        {
            merged["tags"]!.AsArray().Add(tag!.DeepClone());
        }
        foreach (var (path, item) in document["paths"]!.AsObject().ToList())
        {
            merged["paths"]![path] = item!.DeepClone();
        }
    }
}

public static class PublicContractExtensions
{
    public static WebApplicationBuilder AddPublicContract(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(PublicContract.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<PublicContract>();
        return builder;
    }

    public static void MapPublicContract(this WebApplication app)
    {
        app.MapGet(OpenApiContract.Path, async (HttpRequest request, PublicContract contract, CancellationToken ct) =>
            TypedResults.Text(await contract.ReadAsync($"{request.Scheme}://{request.Host}", ct), "application/json")).AllowAnonymous().ExcludeFromDescription();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference("/docs", scalar => scalar.WithOpenApiRoutePattern(OpenApiContract.Path).WithTitle("ReferralNet")).AllowAnonymous();
        }
    }
}
