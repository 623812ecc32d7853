using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Products.Consumer.Users.Wire;

// The users request bodies (see RequestBinder): each member in the order its errors are met. `attributes` is
// type-checked only (the fake keeps no fraud signals of a user).

/// <summary><c>POST /v1/users</c>.</summary>
internal sealed record UserCreateRequest(
    string? Email,
    string? PhoneNumber,
    [property: BodyRule<UserNameJson.Rule>] JsonElement? Name,
    [property: BodyRule<AttributesJson.AttributesRule>] JsonElement? Attributes,
    bool? CreateUserAsPending,
    [property: BodyRule<AnyObject>] JsonElement? TrustedMetadata,
    [property: BodyRule<AnyObject>] JsonElement? UntrustedMetadata,
    string? ExternalId,
    string[]? Roles);

/// <summary><c>PUT /v1/users/{user_id}</c>.</summary>
internal sealed record UserUpdateRequest(
    [property: BodyRule<UserNameJson.Rule>] JsonElement? Name,
    [property: BodyRule<AttributesJson.AttributesRule>] JsonElement? Attributes,
    [property: BodyRule<AnyObject>] JsonElement? TrustedMetadata,
    [property: BodyRule<AnyObject>] JsonElement? UntrustedMetadata,
    string? ExternalId,
    string[]? Roles);

/// <summary><c>POST /v1/users/search</c>.</summary>
internal sealed record UserSearchRequest(
    string? Cursor,
    int? Limit,
    [property: BodyRule<SearchJson.QueryRule>] JsonElement? Query) : ISearchBody;

/// <summary>The users request records' source-generated type info.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(UserCreateRequest))]
[JsonSerializable(typeof(UserUpdateRequest))]
[JsonSerializable(typeof(UserSearchRequest))]
internal sealed partial class UserRequestJson : JsonSerializerContext;

/// <summary>A request's <c>name</c>: <c>{first_name, middle_name, last_name}</c>, each a string or absent.</summary>
internal static class UserNameJson
{
    private static readonly string[] Parts = ["first_name", "middle_name", "last_name"];

    /// <summary>The name's parts, or null when absent or JSON null.</summary>
    public static UserNameFields? Read(JsonElement? value, BodyFields? unknowns = null)
    {
        if (value is not { ValueKind: not JsonValueKind.Null } name)
        {
            return null;
        }

        BodyObjects.KnownMembers(name, "name", "an object with first_name, middle_name and last_name", unknowns, Parts);
        string? Part(string part) => name.TryGetProperty(part, out var v) && v.ValueKind != JsonValueKind.Null ? JsonValues.String(v, "name." + part) : null;
        return new UserNameFields(Part("first_name"), Part("middle_name"), Part("last_name"));
    }

    /// <summary>Binds <c>name</c> by <see cref="Read"/>.</summary>
    internal sealed class Rule : IBodyRule
    {
        public static void Check(JsonElement value, string path, BodyFields fields) => Read(value, fields);
    }
}
