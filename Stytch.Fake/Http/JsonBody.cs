using System.Text.Json;
using Stytch.Fake.Engine;

namespace Stytch.Fake.Http;

/// <summary>
/// A parsed JSON request body that checks what it is asked for: a field of the wrong type, a field
/// the endpoint does not know, or a body that is not a JSON object is Stytch's 400 <c>bad_request</c>.
/// </summary>
internal sealed class JsonBody : IDisposable
{
    /// <summary>Bodies above this size are refused before parsing.</summary>
    public const int MaxBytes = 1024 * 1024;

    // Duplicate keys are refused rather than silently resolved to one of the values (Stytch's protobuf JSON
    // reader refuses them too, as far as its gateway is known).
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 32, AllowDuplicateProperties = false };
    private static readonly ReadOnlyMemory<byte> EmptyObject = "{}"u8.ToArray();
    private readonly JsonDocument? _document;

    private JsonBody(JsonDocument? document)
    {
        _document = document;
    }

    private JsonElement Root => _document!.RootElement;

    /// <summary>Parses <paramref name="body"/> and checks that it names only <paramref name="allowedFields"/>.</summary>
    public static JsonBody Parse(ReadOnlyMemory<byte> body, IReadOnlySet<string> allowedFields, bool emptyIsObject = false)
    {
        if (body.IsEmpty && emptyIsObject)
        {
            body = EmptyObject;
        }

        if (body.IsEmpty || body.Length > MaxBytes)
        {
            throw new StytchException(StytchError.BadRequest);
        }

        JsonDocument document;
        try
        {
            // Parsed in place: the request's body bytes outlive the document.
            document = JsonDocument.Parse(body, ParseOptions);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a key that is not valid UTF-8 or UTF-16, met by the duplicate-key check.
            throw new StytchException(StytchError.BadRequest);
        }

        var parsed = new JsonBody(document);
        if (document.RootElement.ValueKind != JsonValueKind.Object || !IsText(document.RootElement))
        {
            parsed.Dispose();
            throw new StytchException(StytchError.BadRequest);
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (!allowedFields.Contains(property.Name))
            {
                parsed.Dispose();
                throw new StytchException(StytchError.BadRequest);
            }
        }

        return parsed;
    }

    /// <summary>A string field; null when absent or JSON null.</summary>
    public string? String(string name) =>
        Get(name) is { } e ? e.ValueKind == JsonValueKind.String ? e.GetString() : throw Bad() : null;

    /// <summary>An int32 field; null when absent or JSON null.</summary>
    public int? Int(string name) =>
        Get(name) is { } e ? e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var v) ? v : throw Bad() : null;

    /// <summary>A string field if it is one, else null; never throws (for matching, not validating).</summary>
    public string? Peek(string name) =>
        Root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;

    /// <summary>A number field; null when absent or JSON null.</summary>
    public double? Number(string name) =>
        Get(name) is { } e ? e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var v) && double.IsFinite(v) ? v : throw Bad() : null;

    /// <summary>A boolean field; null when absent or JSON null.</summary>
    public bool? Bool(string name) =>
        Get(name) is { } e ? e.ValueKind is JsonValueKind.True or JsonValueKind.False ? e.GetBoolean() : throw Bad() : null;

    /// <summary>An object field whose members must all be strings (such as <c>attributes</c>).</summary>
    public void StringMap(string name, IReadOnlySet<string> allowed)
    {
        if (Get(name) is not { } e)
        {
            return;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            throw Bad();
        }

        foreach (var p in e.EnumerateObject())
        {
            if (!allowed.Contains(p.Name) || p.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                throw Bad();
            }
        }
    }

    /// <summary>An object field of any content; only its type is checked.</summary>
    public void Object(string name)
    {
        if (Get(name) is { } e && e.ValueKind != JsonValueKind.Object)
        {
            throw Bad();
        }
    }

    /// <summary>An array of strings; null when absent or JSON null.</summary>
    public string[]? StringArray(string name)
    {
        if (Get(name) is not { } e)
        {
            return null;
        }

        return e.ValueKind == JsonValueKind.Array && e.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String)
            ? e.EnumerateArray().Select(i => i.GetString()!).ToArray()
            : throw Bad();
    }

    /// <summary>An object field as its JSON text; null when absent or JSON null.</summary>
    public string? ObjectText(string name) =>
        Get(name) is { } e ? e.ValueKind == JsonValueKind.Object ? e.GetRawText() : throw Bad() : null;

    /// <summary>Any field as a JSON element, for callers that read structured values; null when absent or JSON null.</summary>
    public JsonElement? Element(string name) => Get(name);

    public void Dispose() => _document?.Dispose();

    /// <summary>
    /// False when a key or string value is not text: invalid UTF-8 bytes or a lone surrogate escape such as
    /// <c>"\ud800"</c>. The parser lets both through and only reading them throws, so the whole body is checked
    /// once here and no field reader can fail later. The depth is bounded by <see cref="ParseOptions"/>.
    /// </summary>
    private static bool IsText(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        if (!IsText(property.Value))
                        {
                            return false;
                        }
                    }

                    return true;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (!IsText(item))
                        {
                            return false;
                        }
                    }

                    return true;
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private JsonElement? Get(string name) =>
        Root.TryGetProperty(name, out var e) && e.ValueKind != JsonValueKind.Null ? e : null;

    private static StytchException Bad() => new(StytchError.BadRequest);
}
