using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Consumer.Users.Wire;

// The User object exactly as Stytch spells it on the wire (see ../shared/reference/ENDPOINTS.md).
// Property names are turned into snake_case; nulls are written, as Stytch writes them.

internal sealed record WireEmail(string EmailId, string Email, bool Verified);

internal sealed record WireName(string FirstName, string MiddleName, string LastName);

internal sealed record WireUser(
    string UserId,
    WireEmail[] Emails,
    string Status,
    object[] PhoneNumbers,
    object[] WebauthnRegistrations,
    object[] Providers,
    object[] Totps,
    object[] CryptoWallets,
    object[] BiometricRegistrations,
    bool IsLocked,
    string[] Roles,
    WireName Name,
    string CreatedAt,
    object? Password,
    Dictionary<string, object> TrustedMetadata,
    Dictionary<string, object> UntrustedMetadata,
    string ExternalId,
    string? LockCreatedAt,
    string? LockExpiresAt)
{
    public static WireUser From(StytchUser user) => new(
        user.UserId,
        [new WireEmail(user.EmailId, user.Email, user.EmailVerified)],
        user.Status,
        [], [], [], [], [], [],
        IsLocked: false,
        Roles: [],
        new WireName("", "", ""),
        WireJson.Time(user.CreatedAt),
        Password: null,
        [], [],
        ExternalId: "",
        LockCreatedAt: null,
        LockExpiresAt: null);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(WireUser))]
internal sealed partial class UserWireJson : JsonSerializerContext;

/// <summary>Writes users, for every product whose responses carry one.</summary>
internal static class UserWire
{
    /// <summary>The user as <paramref name="name"/>.</summary>
    public static void Write(Utf8JsonWriter w, string name, StytchUser user)
    {
        w.WritePropertyName(name);
        WriteValue(w, user);
    }

    /// <summary>The user as a value (an item of an array).</summary>
    public static void WriteValue(Utf8JsonWriter w, StytchUser user) =>
        JsonSerializer.Serialize(w, WireUser.From(user), UserWireJson.Default.WireUser);

    /// <summary>The user's fields into the object being written, with no wrapper.</summary>
    public static void WriteFields(Utf8JsonWriter w, StytchUser user)
    {
        using var document = JsonSerializer.SerializeToDocument(WireUser.From(user), UserWireJson.Default.WireUser);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            property.WriteTo(w);
        }
    }

    /// <summary><c>"users":[…]</c>, each as Stytch's User object.</summary>
    public static void WriteArray(Utf8JsonWriter w, string name, IEnumerable<StytchUser> users) =>
        WireJson.WriteArray(w, name, users.Select(WireUser.From), UserWireJson.Default.WireUser);
}
