using System.Text.Json;
using Stytch.Fake.Core;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Http;

/// <summary>
/// A parsed JSON request body that checks what it is asked for: a field of the wrong type or a body that is not
/// a JSON object is Stytch's 400 <c>bad_request</c>, with a message that names the field and what was expected.
/// Fields the endpoint does not know are ignored and listed in <see cref="Ignored"/>, or refused when strict
/// (see <see cref="BodyFields"/>).
/// </summary>
internal sealed class JsonBody : IDisposable
{
    /// <summary>Bodies above this size are refused before parsing.</summary>
    public const int MaxBytes = 1024 * 1024;

    private const string NotText = "The request body is not valid text: it holds bytes that are not UTF-8 or an unpaired surrogate escape.";

    // Duplicate keys are refused rather than silently resolved to one of the values (Stytch's protobuf JSON
    // reader refuses them too, as far as its gateway is known).
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 32, AllowDuplicateProperties = false };
    private static readonly ReadOnlyMemory<byte> EmptyObject = "{}"u8.ToArray();
    private readonly JsonDocument? _document;
    private readonly BodyFields _fields;

    private JsonBody(JsonDocument? document, BodyFields fields)
    {
        _document = document;
        _fields = fields;
    }

    /// <summary>The fields the request sent that the fake ignored (unknown ones, a path id that differs), in order.</summary>
    public IReadOnlyList<string> Ignored => _fields.Ignored;

    /// <summary>The body's top-level object, for the <see cref="RequestBinder{TRequest}"/>.</summary>
    public JsonElement Root => _document!.RootElement;

    /// <summary>Where the fields the endpoint does not know go (see <see cref="BodyFields"/>).</summary>
    public BodyFields Fields => _fields;

    /// <summary>
    /// Parses <paramref name="body"/> and checks its top-level fields against <paramref name="allowedFields"/>:
    /// see <see cref="BodyFields"/> for what happens to the others.
    /// </summary>
    public static JsonBody Parse(
        ReadOnlyMemory<byte> body,
        IReadOnlySet<string> allowedFields,
        FieldPolicy policy = FieldPolicy.BackDoor,
        IReadOnlyDictionary<string, string>? pathValues = null,
        bool emptyIsObject = false)
    {
        if (body.IsEmpty && emptyIsObject)
        {
            body = EmptyObject;
        }

        if (body.IsEmpty)
        {
            throw Validate.BadRequest("The request body is empty: send a JSON object.");
        }

        if (body.Length > MaxBytes)
        {
            throw Validate.BadRequest($"The request body is larger than {MaxBytes / 1024 / 1024} MB.");
        }

        JsonDocument document;
        try
        {
            // Parsed in place: the request's body bytes outlive the document.
            document = JsonDocument.Parse(body, ParseOptions);
        }
        catch (JsonException e)
        {
            throw Validate.BadRequest(NotJson(e));
        }
        catch (InvalidOperationException)
        {
            // A key that is not valid UTF-8 or UTF-16, met by the duplicate-key check.
            throw Validate.BadRequest(NotText);
        }

        var parsed = new JsonBody(document, new BodyFields(policy));
        try
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Validate.BadRequest($"The request body must be a JSON object, not {Describe(document.RootElement.ValueKind)}.");
            }

            if (!IsText(document.RootElement))
            {
                throw Validate.BadRequest(NotText);
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!allowedFields.Contains(property.Name))
                {
                    parsed._fields.Check(property, pathValues);
                }
            }
        }
        catch (StytchException)
        {
            parsed.Dispose();
            throw;
        }

        return parsed;
    }

    /// <summary>A string field; null when absent or JSON null.</summary>
    public string? String(string name) => Get(name) is { } e ? JsonValues.String(e, name) : null;

    /// <summary>An int32 field; null when absent or JSON null.</summary>
    public int? Int(string name) => Get(name) is { } e ? JsonValues.Int(e, name) : null;

    /// <summary>A string field if it is one, else null; never throws (for matching, not validating).</summary>
    public string? Peek(string name) =>
        Root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;

    /// <summary>A number field; null when absent or JSON null.</summary>
    public double? Number(string name) => Get(name) is { } e ? JsonValues.Number(e, name) : null;

    /// <summary>A boolean field; null when absent or JSON null.</summary>
    public bool? Bool(string name) => Get(name) is { } e ? JsonValues.Bool(e, name) : null;

    /// <summary>
    /// A field the endpoint does not know, met inside a structured value (<c>attributes.shoe_size</c>): ignored and
    /// listed in <see cref="Ignored"/>, or refused when strict.
    /// </summary>
    public void Unknown(string path) => _fields.Unknown(path);

    /// <summary>An array of strings; null when absent or JSON null.</summary>
    public string[]? StringArray(string name) => Get(name) is { } e ? JsonValues.StringArray(e, name) : null;

    /// <summary>An object field as its JSON text; null when absent or JSON null.</summary>
    public string? ObjectText(string name) => Get(name) is { } e ? JsonValues.Object(e, name).GetRawText() : null;

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


    /// <summary>"<paramref name="field"/> must be <paramref name="what"/>, not …": the one wording of every type error.</summary>
    public static StytchException Expected(string field, string what, JsonElement got) =>
        Validate.BadRequest($"{field} must be {what}, not {Describe(got)}.");

    private static string Describe(JsonElement got) =>
        got.ValueKind == JsonValueKind.Number && got.GetRawText() is { Length: <= 32 } number ? "the number " + number : Describe(got.ValueKind);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>Where the JSON broke, 1-based, and the parser's reason without its own 0-based position suffix.</summary>
    private static string NotJson(JsonException e)
    {
        var reason = e.Message;
        var suffix = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (suffix >= 0)
        {
            reason = reason[..suffix];
        }

        // Advice meant for .NET callers of the parser, not for whoever sent the body.
        reason = reason.Replace(" Change the reader options.", "", StringComparison.Ordinal);

        var where = e.LineNumber is { } line && e.BytePositionInLine is { } position
            ? $" at line {line + 1}, byte {position + 1}"
            : "";
        return $"The request body is not valid JSON{where}: {reason}";
    }
}
