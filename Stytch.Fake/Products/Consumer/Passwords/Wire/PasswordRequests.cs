using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;
using Stytch.Fake.Products.Consumer.Users.Wire;

namespace Stytch.Fake.Products.Consumer.Passwords.Wire;

// The consumer password request bodies (see RequestBinder), with the fields of the spec's request schemas
// (api_password_v1_*Request): each member in the order its errors are met. telemetry_id is type-checked only.

/// <summary>What the password calls that can start or extend a session take.</summary>
internal interface IPasswordSessionRequest
{
    string? SessionToken { get; }
    string? SessionJwt { get; }
    int? SessionDurationMinutes { get; }
    JsonElement? SessionCustomClaims { get; }
}

/// <summary>
/// <c>POST /v1/passwords</c>. <c>name</c>, <c>trusted_metadata</c> and <c>untrusted_metadata</c> must be objects.
/// </summary>
internal sealed record PasswordCreateRequest(
    string? Email,
    [property: BodyRequired("bad_request", Message = "password is required.")] string? Password,
    int? SessionDurationMinutes,
    [property: BodyRule<ClaimsJson.Rule>] JsonElement? SessionCustomClaims,
    [property: BodyRule<AnyObject>] JsonElement? TrustedMetadata,
    [property: BodyRule<AnyObject>] JsonElement? UntrustedMetadata,
    [property: BodyRule<AnyObject>] JsonElement? Name,
    string? TelemetryId) : IPasswordSessionRequest
{
    string? IPasswordSessionRequest.SessionToken => null;

    string? IPasswordSessionRequest.SessionJwt => null;
}

/// <summary><c>POST /v1/passwords/authenticate</c>.</summary>
internal sealed record PasswordAuthenticateRequest(
    string? Email,
    [property: BodyRequired("bad_request", Message = "password is required.")] string? Password,
    string? SessionToken,
    int? SessionDurationMinutes,
    string? SessionJwt,
    [property: BodyRule<ClaimsJson.Rule>] JsonElement? SessionCustomClaims,
    string? TelemetryId) : IPasswordSessionRequest;

/// <summary><c>POST /v1/passwords/strength_check</c>.</summary>
internal sealed record PasswordStrengthCheckRequest(
    [property: BodyRequired("bad_request", Message = "password is required.")] string? Password,
    string? Email);

/// <summary><c>POST /v1/passwords/email/reset/start</c>.</summary>
internal sealed record PasswordResetStartRequest(
    string? Email,
    string? ResetPasswordRedirectUrl,
    int? ResetPasswordExpirationMinutes,
    string? CodeChallenge,
    [property: BodyRule<AttributesJson.AttributesRule>] JsonElement? Attributes,
    string? LoginRedirectUrl,
    string? Locale,
    string? ResetPasswordTemplateId);

/// <summary><c>POST /v1/passwords/email/reset</c>.</summary>
internal sealed record PasswordResetRequest(
    [property: BodyRequired("bad_request", Message = "token is required: the token from the password reset link's URL.")] string? Token,
    [property: BodyRequired("bad_request", Message = "password is required.")] string? Password,
    string? SessionToken,
    int? SessionDurationMinutes,
    string? SessionJwt,
    string? CodeVerifier,
    [property: BodyRule<ClaimsJson.Rule>] JsonElement? SessionCustomClaims,
    [property: BodyRule<AttributesJson.AttributesRule>] JsonElement? Attributes,
    [property: BodyRule<AttributesJson.OptionsRule>] JsonElement? Options,
    string? TelemetryId) : IPasswordSessionRequest;

/// <summary><c>POST /v1/passwords/existing_password/reset</c>.</summary>
internal sealed record PasswordExistingResetRequest(
    string? Email,
    [property: BodyRequired("bad_request", Message = "existing_password is required.")] string? ExistingPassword,
    [property: BodyRequired("bad_request", Message = "new_password is required.")] string? NewPassword,
    string? SessionToken,
    int? SessionDurationMinutes,
    string? SessionJwt,
    [property: BodyRule<ClaimsJson.Rule>] JsonElement? SessionCustomClaims,
    string? TelemetryId) : IPasswordSessionRequest;

/// <summary><c>POST /v1/passwords/session/reset</c>: one of <c>session_token</c> and <c>session_jwt</c> names the session.</summary>
internal sealed record PasswordSessionResetRequest(
    [property: BodyRequired("bad_request", Message = "password is required.")] string? Password,
    string? SessionToken,
    string? SessionJwt,
    int? SessionDurationMinutes,
    [property: BodyRule<ClaimsJson.Rule>] JsonElement? SessionCustomClaims,
    string? TelemetryId) : IPasswordSessionRequest;

/// <summary>
/// <c>POST /v1/passwords/migrate</c>: the hash configurations as <c>/v1/b2b/passwords/migrate</c> takes them; name and
/// metadata as <c>/v1/users</c> does.
/// </summary>
internal sealed record PasswordMigrateRequest(
    string? Email,
    string? Hash,
    string? HashType,
    [property: BodyRule<LegacyHashJson.SaltsRule>, JsonPropertyName("md_5_config")] JsonElement? Md5Config,
    [property: BodyRule<LegacyHashJson.Argon2Rule>, JsonPropertyName("argon_2_config")] JsonElement? Argon2Config,
    [property: BodyRule<LegacyHashJson.SaltsRule>, JsonPropertyName("sha_1_config")] JsonElement? Sha1Config,
    [property: BodyRule<LegacyHashJson.SaltsRule>, JsonPropertyName("sha_512_config")] JsonElement? Sha512Config,
    [property: BodyRule<LegacyHashJson.ScryptRule>] JsonElement? ScryptConfig,
    [property: BodyRule<LegacyHashJson.Pbkdf2Rule>, JsonPropertyName("pbkdf_2_config")] JsonElement? Pbkdf2Config,
    [property: BodyRule<AnyObject>] JsonElement? TrustedMetadata,
    [property: BodyRule<AnyObject>] JsonElement? UntrustedMetadata,
    bool? SetEmailVerified,
    [property: BodyRule<UserNameJson.Rule>] JsonElement? Name,
    string? PhoneNumber,
    bool? SetPhoneNumberVerified,
    string? ExternalId,
    string[]? Roles);

/// <summary>The consumer password request records' source-generated type info.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(PasswordCreateRequest))]
[JsonSerializable(typeof(PasswordAuthenticateRequest))]
[JsonSerializable(typeof(PasswordStrengthCheckRequest))]
[JsonSerializable(typeof(PasswordResetStartRequest))]
[JsonSerializable(typeof(PasswordResetRequest))]
[JsonSerializable(typeof(PasswordExistingResetRequest))]
[JsonSerializable(typeof(PasswordSessionResetRequest))]
[JsonSerializable(typeof(PasswordMigrateRequest))]
internal sealed partial class PasswordRequestJson : JsonSerializerContext;
