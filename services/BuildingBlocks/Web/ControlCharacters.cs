using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;

namespace ReferralNet.BuildingBlocks.Web;

/// <summary>
/// Control characters (NUL and the rest of C0 and C1) are refused with 422 naming where they were: PostgreSQL cannot
/// store a NUL in text (it was a 500), and none of them belongs in a name, a code or a story. Free text in a body may
/// keep newlines and tabs; a path, a query or a header keeps none (a tab in a header is allowed by HTTP).
/// </summary>
public static class ControlCharacters
{
    public static bool AnyIn(string value, bool freeText) => value.Any(c => char.IsControl(c) && !(freeText && c is '\n' or '\r' or '\t'));

    /// <summary>Checks the path, every query value and every header before anything else reads them.</summary>
    public static IApplicationBuilder UseControlCharacterRefusal(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var errors = new ValidationErrors();
            var request = context.Request;
            errors.Check(!AnyIn(request.Path.Value ?? "", freeText: false), "path", ErrorCodes.InvalidFormat, "must not contain control characters");
            foreach (var (name, values) in request.Query)
            {
                errors.Check(!values.Any(v => v is not null && AnyIn(v, freeText: false)) && !AnyIn(name, freeText: false),
                    $"query.{name}", ErrorCodes.InvalidFormat, "must not contain control characters");
            }
            foreach (var (name, values) in request.Headers)
            {
                errors.Check(!values.Any(v => v is not null && v.Any(c => char.IsControl(c) && c != '\t')),
                    $"header.{name}", ErrorCodes.InvalidFormat, "must not contain control characters");
            }
            if (!errors.IsValid)
            {
                await errors.ToProblem().ExecuteAsync(context);
                return;
            }
            await next(context);
        });
}

/// <summary>Every string of a JSON body: refused (as a 422 naming its JSON path) when it holds a control character.</summary>
public sealed class TextWithoutControlCharacters : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return value is not null && ControlCharacters.AnyIn(value, freeText: true) ? throw new ControlCharacterException() : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>Thrown while reading a body; the bad-request handler answers it as 422 for the field at its path.</summary>
public sealed class ControlCharacterException() : JsonException("A string holds a control character.");
