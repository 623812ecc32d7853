using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Products.Consumer.PhoneOtp.Wire;

// The SMS and WhatsApp OTP request bodies (see RequestBinder), with the fields of the spec's request schemas and of
// stytch-node's OTPsSms*/OTPsWhatsapp* request types (the two channels take the same fields): each member in the order
// its errors are met.

/// <summary><c>POST /v1/otps/sms/login_or_create</c> and <c>/v1/otps/whatsapp/login_or_create</c>.</summary>
internal sealed record PhoneOtpLoginOrCreateRequest(
    string? PhoneNumber,
    int? ExpirationMinutes,
    string? Locale,
    bool? CreateUserAsPending,
    [property: BodyRule<AttributesJson.AttributesRule>] JsonElement? Attributes);

/// <summary>
/// <c>POST /v1/otps/sms/send</c> and <c>/v1/otps/whatsapp/send</c>; <c>user_id</c>, <c>session_token</c> or
/// <c>session_jwt</c> name the user a new number is added to.
/// </summary>
internal sealed record PhoneOtpSendRequest(
    string? PhoneNumber,
    int? ExpirationMinutes,
    string? Locale,
    string? UserId,
    string? SessionToken,
    string? SessionJwt,
    [property: BodyRule<AttributesJson.AttributesRule>] JsonElement? Attributes);

/// <summary>The phone OTP request records' source-generated type info.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(PhoneOtpLoginOrCreateRequest))]
[JsonSerializable(typeof(PhoneOtpSendRequest))]
internal sealed partial class PhoneOtpRequestJson : JsonSerializerContext;
