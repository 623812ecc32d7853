using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Stytch.Fake.Core;

namespace Stytch.Fake.Http;

// The response objects exactly as Stytch spells them on the wire (see ../shared/reference/ENDPOINTS.md).
// Property names are turned into snake_case by WireJson; nulls are written, as Stytch writes them.

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

internal sealed record WireEmailFactor(string EmailId, string EmailAddress);

internal sealed record WireFactor(
    string Type,
    string DeliveryMethod,
    string LastAuthenticatedAt,
    string CreatedAt,
    string UpdatedAt,
    WireEmailFactor EmailFactor)
{
    // Only email factors are made so far; each kind that comes renders its own *_factor object.
    public static WireFactor From(AuthenticationFactor f) => new(
        f.Type, f.DeliveryMethod, WireJson.Time(f.LastAuthenticatedAt), WireJson.Time(f.CreatedAt),
        WireJson.Time(f.LastAuthenticatedAt),
        f.Email is { } email ? new WireEmailFactor(email.EmailId, email.EmailAddress) : throw new NotSupportedException($"A {f.Kind} factor has no wire form yet."));
}

internal sealed record WireAttributes(string IpAddress, string UserAgent)
{
    public static WireAttributes From(RequestAttributes a) => new(a.IpAddress, a.UserAgent);
}

internal sealed record WireSession(
    string SessionId,
    string UserId,
    WireFactor[] AuthenticationFactors,
    string[] Roles,
    string StartedAt,
    string LastAccessedAt,
    string ExpiresAt,
    WireAttributes Attributes,
    JsonElement CustomClaims)
{
    public static WireSession From(StytchSession s) => new(
        s.SessionId, s.UserId, s.AuthenticationFactors.Select(WireFactor.From).ToArray(), s.Roles.ToArray(),
        WireJson.Time(s.StartedAt), WireJson.Time(s.LastAccessedAt), WireJson.Time(s.ExpiresAt),
        WireAttributes.From(s.Attributes), ClaimsJson.ToElement(s.CustomClaims));
}

/// <summary>The <c>https://stytch.com/session</c> claim of a session JWT.</summary>
internal sealed record WireSessionClaim(
    string Id,
    string StartedAt,
    string LastAccessedAt,
    string ExpiresAt,
    WireAttributes Attributes,
    WireFactor[] AuthenticationFactors,
    string[] Roles)
{
    public static WireSessionClaim From(StytchSession s) => new(
        s.SessionId, WireJson.Time(s.StartedAt), WireJson.Time(s.LastAccessedAt), WireJson.Time(s.ExpiresAt),
        WireAttributes.From(s.Attributes), s.AuthenticationFactors.Select(WireFactor.From).ToArray(), s.Roles.ToArray());
}

// The JWK member is "x5tS256" (RFC 7517 style, as in api_session_v1_JWK), which snake_case would turn into "x5t_s256".
internal sealed record WireJwk(
    string Kty, string Use, string[] KeyOps, string Alg, string Kid, string[] X5c,
    [property: JsonPropertyName("x5tS256")] string X5tS256, string N, string E);

internal sealed record WireError(int StatusCode, string RequestId, string ErrorType, string ErrorMessage, string ErrorUrl);

internal sealed record WireOutboxMessage(
    string MessageId,
    string EmailAddress,
    string Code,
    string MethodId,
    string Kind,
    string? UserId,
    string Locale,
    string? LoginTemplateId,
    string? SignupTemplateId,
    string SentAt,
    string ExpiresAt,
    string? OrganizationId,
    string? MemberId)
{
    public static WireOutboxMessage From(OutboxMessage m) => new(
        m.MessageId, m.EmailAddress, m.Code, m.MethodId, m.Kind == OtpKind.Login ? "login" : "signup", m.UserId, m.Locale,
        m.LoginTemplateId, m.SignupTemplateId, WireJson.Time(m.SentAt), WireJson.Time(m.ExpiresAt), m.OrganizationId, m.MemberId);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(WireUser))]
[JsonSerializable(typeof(WireSession))]
[JsonSerializable(typeof(WireSessionClaim))]
[JsonSerializable(typeof(WireJwk))]
[JsonSerializable(typeof(WireError))]
[JsonSerializable(typeof(WireOutboxMessage))]
[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(object[]))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(string))]
internal sealed partial class WireJsonContext : JsonSerializerContext;

/// <summary>Serialization settings and helpers shared by every response.</summary>
internal static class WireJson
{
    public static JsonSerializerOptions Options => WireJsonContext.Default.Options;

    /// <summary>RFC 3339 in UTC with whole seconds, as Stytch writes times.</summary>
    public static string Time(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>"<paramref name="name"/>":[…]</c>, each item written by <paramref name="type"/>.</summary>
    public static void WriteArray<T>(Utf8JsonWriter w, string name, IEnumerable<T> items, JsonTypeInfo<T> type)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (var item in items)
        {
            JsonSerializer.Serialize(w, item, type);
        }

        w.WriteEndArray();
    }
}
