using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Products.Consumer.EmailOtp.Wire;

// The email OTP request bodies (see RequestBinder): each member in the order its errors are met.

/// <summary>What both email OTP sends take besides the email.</summary>
internal interface IOtpEmailOptions
{
    int? ExpirationMinutes { get; }
    string? Locale { get; }
    string? LoginTemplateId { get; }
    string? SignupTemplateId { get; }
    JsonElement? Attributes { get; }
}

/// <summary><c>POST /v1/otps/email/login_or_create</c>.</summary>
internal sealed record OtpEmailLoginOrCreateRequest(
    string? Email,
    int? ExpirationMinutes,
    string? Locale,
    string? LoginTemplateId,
    string? SignupTemplateId,
    bool? CreateUserAsPending,
    [property: BodyRule<AttributesJson.AttributesRule>] JsonElement? Attributes) : IOtpEmailOptions;

/// <summary>
/// <c>POST /v1/otps/email/send</c>. <c>user_id</c>, <c>session_token</c> and <c>session_jwt</c> target an existing
/// user; only their types are checked.
/// </summary>
internal sealed record OtpEmailSendRequest(
    string? Email,
    string? UserId,
    string? SessionToken,
    string? SessionJwt,
    int? ExpirationMinutes,
    string? Locale,
    string? LoginTemplateId,
    string? SignupTemplateId,
    [property: BodyRule<AttributesJson.AttributesRule>] JsonElement? Attributes) : IOtpEmailOptions;

/// <summary><c>POST /v1/otps/authenticate</c>; <c>telemetry_id</c> is type-checked only.</summary>
internal sealed record OtpAuthenticateRequest(
    [property: BodyRule<AttributesJson.AttributesRule>] JsonElement? Attributes,
    [property: BodyRule<AttributesJson.OptionsRule>] JsonElement? Options,
    [property: BodyRule<ClaimsJson.Rule>] JsonElement? SessionCustomClaims,
    string? TelemetryId,
    string? SessionToken,
    string? SessionJwt,
    [property: BodyRequired("invalid_method_id")] string? MethodId,
    [property: BodyRequired("invalid_code")] string? Code,
    int? SessionDurationMinutes);

/// <summary>The email OTP request records' source-generated type info.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(OtpEmailLoginOrCreateRequest))]
[JsonSerializable(typeof(OtpEmailSendRequest))]
[JsonSerializable(typeof(OtpAuthenticateRequest))]
internal sealed partial class EmailOtpRequestJson : JsonSerializerContext;
