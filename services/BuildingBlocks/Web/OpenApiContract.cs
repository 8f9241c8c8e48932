using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace ReferralNet.BuildingBlocks.Web;

/// <summary>
/// Each process publishes its contract from its running code at <see cref="Path"/>: every operation with its security
/// requirement (a bearer token unless anonymous) and its problem answers (problem+json), so clients and tests read the
/// contract instead of a copy of it. The gateway merges the services' documents into the public one.
/// </summary>
public static class OpenApiContract
{
    public const string Path = "/openapi/v1.json";
    public const string BearerScheme = "bearer";
    public const string ProblemSchema = "Problem";

    public static IServiceCollection AddOpenApiContract(this IServiceCollection services, string serviceName) =>
        services.AddOpenApi("v1", openApi =>
        {
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = $"ReferralNet {serviceName}", Version = "v1" };
                // One tag per service: a generated client and a reference page group the operations by the service.
                document.Tags = new HashSet<OpenApiTag> { new() { Name = serviceName, Description = $"The operations of the {serviceName} service." } };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
                    Description = "An ES256 token of a trusted issuer: the OpenID Connect authority, the youth issuer, or the development issuer.",
                };
                document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
                document.Components.Schemas[ProblemSchema] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "RFC 9457 problem details; a 422 names each refused field in errors.",
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                        ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["errors"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                        },
                    },
                    Examples = [JsonNode.Parse("""{"title":"One or more validation errors occurred.","status":422,"errors":{"needs":["is required"]}}""")!],
                };
                return Task.CompletedTask;
            });
            // Every string is read through TextWithoutControlCharacters, which hides its type from the generator: a
            // string, and a list of strings, come out untyped.
            openApi.AddSchemaTransformer((schema, context, _) =>
            {
                var type = context.JsonTypeInfo.Type;
                if (type == typeof(string) && schema.Type is null && schema.OneOf is null)
                {
                    schema.Type = JsonSchemaType.String;
                }
                if (schema.Type?.HasFlag(JsonSchemaType.Array) == true && schema.Items is null && type != typeof(string)
                    && type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>) && i.GetGenericArguments()[0] == typeof(string)))
                {
                    schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
                }
                if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(CodeListAttribute), inherit: false)
                    .OfType<CodeListAttribute>().FirstOrDefault() is { } codeList)
                {
                    var target = schema.Items as OpenApiSchema ?? schema;
                    target.Enum = [.. codeList.Codes.Select(code => (JsonNode)JsonValue.Create(code))];
                }
                return Task.CompletedTask;
            });
            openApi.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                var anonymous = metadata.OfType<IAllowAnonymous>().Any();
                operation.Tags = new HashSet<OpenApiTagReference> { new(serviceName, context.Document) };
                operation.Responses ??= new OpenApiResponses();
                void Problem(int status, string description) => operation.Responses.TryAdd(status.ToString(), new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, context.Document) },
                    },
                });
                if (anonymous)
                {
                    operation.Security = []; // said, not left out: no token needed
                }
                else
                {
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
                    Problem(StatusCodes.Status401Unauthorized, "No valid token.");
                    Problem(StatusCodes.Status403Forbidden, "The caller's role may not use this operation.");
                    if (metadata.Any(m => m is Auth.PersonLevel))
                    {
                        Problem(StatusCodes.Status404NotFound, "Not found, or not visible to the caller (an agency outside the case gets the same answer).");
                    }
                }
                Problem(StatusCodes.Status422UnprocessableEntity, "The request breaks a rule; errors names each field.");
                Problem(StatusCodes.Status429TooManyRequests, "Over a rate limit; retry after Retry-After seconds.");
                return Task.CompletedTask;
            });
        });

    public static void MapOpenApiContract(this WebApplication app) => app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
}
