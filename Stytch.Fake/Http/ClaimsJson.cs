using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Http;

/// <summary>
/// Custom claims between JSON and the engine's plain values (see <see cref="Core.CustomClaims"/>): read from
/// <c>session_custom_claims</c>, written as a session's <c>custom_claims</c>, as top-level JWT claims and in snapshots.
/// </summary>
internal static class ClaimsJson
{
    private const string Name = "session_custom_claims";

    /// <summary>
    /// The bound <c>session_custom_claims</c> member of a request record: null when absent or JSON null; 400
    /// <c>bad_request</c> when not an object; 400 <c>unable_to_represent_custom_claims_json</c> for a number a double
    /// cannot hold (Stytch keeps claims as a protobuf Struct, whose numbers are doubles; inferred as the trigger of that
    /// error type).
    /// </summary>
    public static IReadOnlyDictionary<string, object?>? Read(JsonElement? value) =>
        value is { ValueKind: not JsonValueKind.Null } e ? (IReadOnlyDictionary<string, object?>)FromElement(JsonValues.Object(e, Name))! : null;

    /// <summary>Writes <paramref name="value"/> (a claims map or any value inside one), map keys in ordinal order.</summary>
    public static void Write(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null:
                w.WriteNullValue();
                break;
            case bool b:
                w.WriteBooleanValue(b);
                break;
            case double d:
                w.WriteNumberValue(d);
                break;
            case string s:
                w.WriteStringValue(s);
                break;
            case IReadOnlyDictionary<string, object?> map:
                w.WriteStartObject();
                foreach (var (key, item) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    w.WritePropertyName(key);
                    Write(w, item);
                }

                w.WriteEndObject();
                break;
            case IReadOnlyList<object?> list:
                w.WriteStartArray();
                foreach (var item in list)
                {
                    Write(w, item);
                }

                w.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"A claim value of type {value.GetType().Name} is not a JSON value.", nameof(value));
        }
    }

    /// <summary><paramref name="value"/> as a JSON element, to embed in a response record or a JWT.</summary>
    public static JsonElement ToElement(object? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            Write(w, value);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>The claims as top-level JWT claims, as Stytch puts them in the session JWT.</summary>
    public static IEnumerable<KeyValuePair<string, object>> JwtClaims(IReadOnlyDictionary<string, object?> claims) =>
        claims.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new KeyValuePair<string, object>(p.Key, p.Value is string s ? s : ToElement(p.Value)));

    private static object? FromElement(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetDouble(out var d) && double.IsFinite(d)
            ? d
            : throw new StytchException(StytchError.UnableToRepresentCustomClaimsJson),
        JsonValueKind.Array => e.EnumerateArray().Select(FromElement).ToArray(),
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => FromElement(p.Value), StringComparer.Ordinal),
        _ => throw new StytchException(StytchError.UnableToRepresentCustomClaimsJson),
    };

    /// <summary>Binds <c>session_custom_claims</c> by <see cref="Read"/>.</summary>
    internal sealed class Rule : IBodyRule
    {
        public static void Check(JsonElement value, string path, BodyFields fields) => Read(value);
    }

    /// <summary>A session's claims in a snapshot file: the same JSON as on the wire; a value a claim cannot hold is refused.</summary>
    internal sealed class SnapshotConverter : JsonConverter<IReadOnlyDictionary<string, object?>>
    {
        public override IReadOnlyDictionary<string, object?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("custom_claims must be a JSON object.");
            }

            try
            {
                return (IReadOnlyDictionary<string, object?>)FromElement(document.RootElement)!;
            }
            catch (StytchException e)
            {
                throw new JsonException(e.Error.Message, e);
            }
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> value, JsonSerializerOptions options) =>
            ClaimsJson.Write(writer, value);
    }
}
