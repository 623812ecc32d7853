using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Consumer.Users.Wire;

// The User object exactly as Stytch spells it on the wire (see ../shared/reference/ENDPOINTS.md).
// Property names are turned into snake_case; nulls are written, as Stytch writes them.

internal sealed record WireEmail(string EmailId, string Email, bool Verified);

internal sealed record WirePhone(string PhoneId, string PhoneNumber, bool Verified);

internal sealed record WireName(string FirstName, string MiddleName, string LastName);

internal sealed record WirePassword(string PasswordId, bool RequiresReset);

internal sealed record WireUser(
    string UserId,
    WireEmail[] Emails,
    string Status,
    WirePhone[] PhoneNumbers,
    object[] WebauthnRegistrations,
    object[] Providers,
    object[] Totps,
    object[] CryptoWallets,
    object[] BiometricRegistrations,
    bool IsLocked,
    IReadOnlyList<string> Roles,
    WireName Name,
    string CreatedAt,
    WirePassword? Password,
    JsonElement TrustedMetadata,
    JsonElement UntrustedMetadata,
    string ExternalId,
    string? LockCreatedAt,
    string? LockExpiresAt)
{
    // Roles are the explicitly assigned ones, as Update User's `roles` sets them; the implicit stytch_user role is
    // not listed (inferred: the spec says only "Roles assigned to this User").
    public static WireUser From(StytchUser user) => new(
        user.UserId,
        [.. user.Emails.Select(e => new WireEmail(e.EmailId, e.Email, e.Verified))],
        user.Status,
        [.. user.PhoneNumbers.Select(p => new WirePhone(p.PhoneId, p.PhoneNumber, p.Verified))],
        [], [], [], [], [],
        user.IsLocked,
        user.Roles,
        new WireName(user.Name.FirstName, user.Name.MiddleName, user.Name.LastName),
        WireJson.Time(user.CreatedAt),
        user.PasswordId.Length == 0 ? null : new WirePassword(user.PasswordId, user.PasswordRequiresReset),
        WireJson.Object(user.TrustedMetadata),
        WireJson.Object(user.UntrustedMetadata),
        user.ExternalId,
        user.LockCreatedAt is { } locked ? WireJson.Time(locked) : null,
        user.LockExpiresAt is { } until ? WireJson.Time(until) : null);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(WireUser))]
[JsonSerializable(typeof(WireEmail))]
[JsonSerializable(typeof(WirePhone))]
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

    /// <summary>The user's <c>emails</c>, <c>phone_numbers</c> and <c>crypto_wallets</c> (none), as Update User answers them beside the user.</summary>
    public static void WriteContacts(Utf8JsonWriter w, StytchUser user)
    {
        var wire = WireUser.From(user);
        WireJson.WriteArray(w, "emails", wire.Emails, UserWireJson.Default.WireEmail);
        WireJson.WriteArray(w, "phone_numbers", wire.PhoneNumbers, UserWireJson.Default.WirePhone);
        w.WritePropertyName("crypto_wallets");
        w.WriteStartArray();
        w.WriteEndArray();
    }

    /// <summary><c>"users":[…]</c>, each as Stytch's User object.</summary>
    public static void WriteArray(Utf8JsonWriter w, string name, IEnumerable<StytchUser> users) =>
        WireJson.WriteArray(w, name, users.Select(WireUser.From), UserWireJson.Default.WireUser);
}
