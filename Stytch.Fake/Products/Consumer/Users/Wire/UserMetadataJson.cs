using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Stytch.Fake.Products.Consumer.Users.Wire;

/// <summary>
/// A user's <c>trusted_metadata</c> and <c>untrusted_metadata</c> as Stytch updates them (stytch.com/docs/api/metadata):
/// the update is merged into the current object at the top level only, a top-level null deletes that key, nested
/// objects and arrays are replaced whole. The result may hold at most 20 top-level keys and 4 KB.
/// </summary>
internal static class UserMetadataJson
{
    private const int MaxKeys = 20;
    private const int MaxBytes = 4 * 1024;

    /// <summary>The change <paramref name="update"/> makes, for the engine to apply to the current text; null when absent.</summary>
    public static Func<string, string>? Merge(JsonElement? update) =>
        update is { ValueKind: JsonValueKind.Object } value ? current => Merged(current, value) : null;

    private static string Merged(string current, JsonElement update)
    {
        using var document = JsonDocument.Parse(string.IsNullOrEmpty(current) ? "{}" : current);
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in document.RootElement.EnumerateObject())
        {
            result[p.Name] = p.Value;
        }

        foreach (var p in update.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Null)
            {
                result.Remove(p.Name);
            }
            else
            {
                result[p.Name] = p.Value;
            }
        }

        if (result.Count > MaxKeys)
        {
            throw new StytchException(StytchError.MetadataTooManyKeys);
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in result)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenCount > MaxBytes
            ? throw new StytchException(StytchError.MetadataTooLarge)
            : System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
