using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Stytch.Fake.Core;

namespace Stytch.Fake.Http;

// The response objects exactly as Stytch spells them on the wire (see ../shared/reference/ENDPOINTS.md).
// Property names are turned into snake_case by WireJson; nulls are written, as Stytch writes them.

// The JWK member is "x5tS256" (RFC 7517 style, as in api_session_v1_JWK), which snake_case would turn into "x5t_s256".
internal sealed record WireJwk(
    string Kty, string Use, string[] KeyOps, string Alg, string Kid, string[] X5c,
    [property: JsonPropertyName("x5tS256")] string X5tS256, string N, string E);

internal sealed record WireError(int StatusCode, string RequestId, string ErrorType, string ErrorMessage, string ErrorUrl);

// A back-door shape, this fake's own: exactly one of email_address and phone_number is set, and code (an OTP) or
// token and link (a link) by what the message carries.
internal sealed record WireOutboxMessage(
    string MessageId,
    string Channel,
    string Kind,
    string? EmailAddress,
    string? PhoneNumber,
    string? Code,
    string? Token,
    string? Link,
    string MethodId,
    string? UserId,
    string? OrganizationId,
    string? MemberId,
    string Locale,
    string? LoginTemplateId,
    string? SignupTemplateId,
    string? InviteTemplateId,
    string SentAt,
    string ExpiresAt)
{
    public static WireOutboxMessage From(OutboxMessage m) => new(
        m.MessageId, ChannelName(m.Channel), MessageKindNames.Of(m.Kind),
        m.Channel == DeliveryChannel.Email ? m.EmailAddress : null,
        m.Channel == DeliveryChannel.Email ? null : m.PhoneNumber,
        m.Code.Length == 0 ? null : m.Code, m.Token, m.Link,
        m.MethodId, m.UserId, m.OrganizationId, m.MemberId, m.Locale,
        m.LoginTemplateId, m.SignupTemplateId, m.InviteTemplateId, WireJson.Time(m.SentAt), WireJson.Time(m.ExpiresAt));

    /// <summary>The wire name of a channel: <c>email</c>, <c>sms</c> or <c>whatsapp</c>.</summary>
    public static string ChannelName(DeliveryChannel channel) => channel switch
    {
        DeliveryChannel.Sms => "sms",
        DeliveryChannel.WhatsApp => "whatsapp",
        _ => "email",
    };
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
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

    /// <summary>Stored JSON object text (metadata, allowed OAuth tenants) as an element to write verbatim; empty is <c>{}</c>.</summary>
    public static JsonElement Object(string json)
    {
        using var document = JsonDocument.Parse(string.IsNullOrEmpty(json) ? "{}" : json);
        return document.RootElement.Clone();
    }

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
