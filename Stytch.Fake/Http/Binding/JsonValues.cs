using System.Text.Json;
using Stytch.Fake.Core;

namespace Stytch.Fake.Http.Binding;

/// <summary>
/// The kinds a request field can have, each checked one way for <see cref="JsonBody"/>'s readers and the
/// <see cref="RequestBinder{TRequest}"/>: a value of another kind is Stytch's 400 <c>bad_request</c> naming
/// <c>path</c> and what it must be (see <see cref="JsonBody.Expected"/>). Callers deal with absent and null.
/// </summary>
internal static class JsonValues
{
    public static string String(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw JsonBody.Expected(path, "a string", value);

    /// <summary>An int32; a whole number outside its range gets a message that says the range.</summary>
    public static int Int(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var v))
        {
            return v;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d) && d == Math.Floor(d)
            ? throw Validate.BadRequest($"{path} must be an integer between {int.MinValue} and {int.MaxValue}.")
            : throw JsonBody.Expected(path, "an integer", value);
    }

    public static double Number(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var v) && double.IsFinite(v) ? v : throw JsonBody.Expected(path, "a finite number", value);

    public static bool Bool(JsonElement value, string path) =>
        value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw JsonBody.Expected(path, "true or false", value);

    public static string[] StringArray(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String)
            ? value.EnumerateArray().Select(i => i.GetString()!).ToArray()
            : throw JsonBody.Expected(path, "an array of strings", value);

    /// <summary>An object of any content; only its kind is checked.</summary>
    public static JsonElement Object(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Object ? value : throw JsonBody.Expected(path, "an object", value);
}
