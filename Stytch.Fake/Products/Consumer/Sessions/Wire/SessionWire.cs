using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Core;
using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Consumer.Sessions.Wire;

// The Session object, its authentication factors and its JWT claim exactly as Stytch spells them on the wire (see
// ../shared/reference/ENDPOINTS.md); member sessions carry the same factors and claim shape.
// Property names are turned into snake_case; nulls are written, as Stytch writes them.

internal sealed record WireEmailFactor(string EmailId, string EmailAddress);

internal sealed record WirePhoneFactor(string PhoneId, string PhoneNumber);

internal sealed record WireFactor(
    string Type,
    string DeliveryMethod,
    string LastAuthenticatedAt,
    string CreatedAt,
    string UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] WireEmailFactor? EmailFactor,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] WirePhoneFactor? PhoneNumberFactor)
{
    // Stytch sends only the object of the factor that was used: email_factor for email OTP and magic links,
    // phone_number_factor for SMS and WhatsApp OTP. Each kind that comes renders its own *_factor object. B2B TOTP and
    // recovery-code factors go without theirs (authenticator_app_factor, recovery_code_factor: optional in the spec),
    // as the engine's factors keep no TOTP ids.
    public static WireFactor From(AuthenticationFactor f) => new(
        f.Type, f.DeliveryMethod, WireJson.Time(f.LastAuthenticatedAt), WireJson.Time(f.CreatedAt),
        WireJson.Time(f.LastAuthenticatedAt),
        f.Email is { } email ? new WireEmailFactor(email.EmailId, email.EmailAddress) : null,
        f.Phone is { } phone ? new WirePhoneFactor(phone.PhoneId, phone.PhoneNumber)
            : f.Email is null && f.Kind is not (FactorKind.Totp or FactorKind.RecoveryCode) ? throw new NotSupportedException($"A {f.Kind} factor has no wire form yet.") : null);
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

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(WireSession))]
[JsonSerializable(typeof(WireSessionClaim))]
internal sealed partial class SessionWireJson : JsonSerializerContext;

/// <summary>Writes sessions, for every product whose responses carry one, and their JWT claim.</summary>
internal static class SessionWire
{
    /// <summary>The session as <c>session</c>, or <c>null</c> when none was started.</summary>
    public static void Write(Utf8JsonWriter w, StytchSession? session)
    {
        w.WritePropertyName("session");
        if (session is null)
        {
            w.WriteNullValue();
        }
        else
        {
            WriteValue(w, session);
        }
    }

    /// <summary>The session as a value (an item of an array).</summary>
    public static void WriteValue(Utf8JsonWriter w, StytchSession session) =>
        JsonSerializer.Serialize(w, WireSession.From(session), SessionWireJson.Default.WireSession);

    /// <summary><c>"<paramref name="name"/>":[…]</c>, each as Stytch's Session object.</summary>
    public static void WriteArray(Utf8JsonWriter w, string name, IEnumerable<StytchSession> sessions) =>
        WireJson.WriteArray(w, name, sessions.Select(WireSession.From), SessionWireJson.Default.WireSession);

    /// <summary>The <c>https://stytch.com/session</c> claim of a session's JWT.</summary>
    public static JsonElement SessionClaim(StytchSession session) => Claim(WireSessionClaim.From(session));

    /// <summary>A <c>https://stytch.com/session</c> claim (consumer and member sessions share its shape).</summary>
    public static JsonElement Claim(WireSessionClaim claim) =>
        JsonSerializer.SerializeToElement(claim, SessionWireJson.Default.WireSessionClaim);
}
