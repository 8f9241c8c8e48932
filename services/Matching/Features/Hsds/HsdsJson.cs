using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ReferralNet.Matching.Features.Hsds;

/// <summary>HSDS documents in JSON: the standard's field names, no nulls, and no control characters in any string.</summary>
public static class HsdsJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new TextWithoutControlCharacters() },
    };

    public static JsonObject ToNode<T>(T value) where T : HsdsObject => JsonSerializer.SerializeToNode(value, Options)!.AsObject();

    /// <summary>
    /// The object's one-to-one fields (what the standard's list endpoints serve): its values, not its lists or nested objects.
    /// </summary>
    public static JsonObject OneToOne<T>(T value) where T : HsdsObject
    {
        var node = ToNode(value);
        foreach (var name in node.Where(p => p.Value is JsonArray or JsonObject).Select(p => p.Key).ToList())
        {
            node.Remove(name);
        }
        return node;
    }

    /// <summary>
    /// A copy without the properties whose value is null: real listings carry them for fields they leave empty, which
    /// the standard's schemas (a string, a number) refuse. A null is read as a field not given.
    /// </summary>
    public static JsonNode? WithoutNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    if (value is not null)
                    {
                        copy[name] = WithoutNulls(value);
                    }
                }
                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(WithoutNulls)]);
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>Where a string (a value or a name) holds a control character other than a line break or a tab, as JSON pointers.</summary>
    public static IEnumerable<string> ControlCharacterPaths(JsonNode? node, string at = "")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    var path = $"{at}/{name.Replace("~", "~0").Replace("/", "~1")}";
                    if (ControlCharacters.AnyIn(name, freeText: false))
                    {
                        yield return path;
                    }
                    foreach (var inner in ControlCharacterPaths(value, path))
                    {
                        yield return inner;
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var inner in ControlCharacterPaths(array[i], $"{at}/{i}"))
                    {
                        yield return inner;
                    }
                }
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && ControlCharacters.AnyIn(value.GetValue<string>(), freeText: true):
                yield return at;
                break;
        }
    }
}
