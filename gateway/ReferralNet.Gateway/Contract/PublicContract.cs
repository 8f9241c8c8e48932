using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ReferralNet.BuildingBlocks.Web;
using Scalar.AspNetCore;
using Yarp.ReverseProxy;

namespace ReferralNet.Gateway.Contract;

/// <summary>
/// The network's public contract: the services' own OpenAPI documents, read from them and merged (paths, schemas,
/// security schemes) at <see cref="OpenApiContract.Path"/>, and in development a reference page at /docs. A schema
/// name two services use for different shapes is kept apart under the service's name.
/// </summary>
public static class PublicContract
{
    public const string HttpClientName = "contract";

    public static void MapPublicContract(this WebApplication app)
    {
        app.MapGet(OpenApiContract.Path, MergeAsync).AllowAnonymous().ExcludeFromDescription();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference("/docs", scalar => scalar.WithOpenApiRoutePattern(OpenApiContract.Path).WithTitle("ReferralNet")).AllowAnonymous();
        }
    }

    private static async Task<IResult> MergeAsync(IProxyStateLookup proxy, IHttpClientFactory clients, CancellationToken ct)
    {
        var http = clients.CreateClient(HttpClientName);
        var merged = new JsonObject
        {
            ["openapi"] = "3.1.1",
            ["info"] = new JsonObject { ["title"] = "ReferralNet", ["version"] = "v1", ["description"] = "The public API of the network, through the gateway." },
            ["paths"] = new JsonObject(),
            ["components"] = new JsonObject { ["schemas"] = new JsonObject(), ["securitySchemes"] = new JsonObject() },
        };
        foreach (var cluster in proxy.GetClusters().OrderBy(c => c.ClusterId))
        {
            var address = cluster.Destinations.Values.First().Model.Config.Address;
            var text = await http.GetStringAsync(new Uri(new Uri(address), OpenApiContract.Path), ct);
            Merge(merged, cluster.ClusterId, text);
        }
        return TypedResults.Text(merged.ToJsonString(), "application/json");
    }

    private static void Merge(JsonObject merged, string service, string text)
    {
        var schemas = merged["components"]!["schemas"]!.AsObject();
        var document = JsonNode.Parse(text)!.AsObject();
        foreach (var (name, schema) in document["components"]?["schemas"]?.AsObject() ?? [])
        {
            if (schemas[name] is { } taken && !JsonNode.DeepEquals(taken, schema))
            {
                text = text.Replace($"\"#/components/schemas/{name}\"", $"\"#/components/schemas/{service}.{name}\"");
            }
        }
        document = JsonNode.Parse(text)!.AsObject();
        foreach (var (name, schema) in document["components"]?["schemas"]?.AsObject().ToList() ?? [])
        {
            var key = schemas[name] is { } taken && !JsonNode.DeepEquals(taken, schema) ? $"{service}.{name}" : name;
            schemas[key] = schema!.DeepClone();
        }
        foreach (var (name, scheme) in document["components"]?["securitySchemes"]?.AsObject().ToList() ?? [])
        {
            merged["components"]!["securitySchemes"]![name] = scheme!.DeepClone();
        }
        foreach (var (path, item) in document["paths"]!.AsObject().ToList())
        {
            merged["paths"]![path] = item!.DeepClone();
        }
    }
}
