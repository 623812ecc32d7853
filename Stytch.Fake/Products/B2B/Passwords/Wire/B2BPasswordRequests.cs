using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Products.B2B.Passwords.Wire;

// The B2B password request bodies (see RequestBinder): each member in the order its errors are met. telemetry_id is
// type-checked only.

/// <summary><c>POST /v1/b2b/passwords/authenticate</c>.</summary>
internal sealed record B2BPasswordAuthenticateRequest(
    [property: BodyRule<ClaimsJson.Rule>] JsonElement? SessionCustomClaims,
    string? TelemetryId,
    string? SessionToken,
    string? SessionJwt,
    string? OrganizationId,
    string? EmailAddress,
    string? Password,
    int? SessionDurationMinutes,
    string? Locale,
    string? IntermediateSessionToken);

/// <summary><c>POST /v1/b2b/passwords/strength_check</c>.</summary>
internal sealed record B2BPasswordStrengthCheckRequest(string? Password, string? EmailAddress);

/// <summary><c>POST /v1/b2b/passwords/email/reset/start</c>.</summary>
internal sealed record B2BPasswordResetStartRequest(
    string? OrganizationId,
    string? EmailAddress,
    string? ResetPasswordRedirectUrl,
    int? ResetPasswordExpirationMinutes,
    string? CodeChallenge,
    string? LoginRedirectUrl,
    string? Locale,
    string? ResetPasswordTemplateId,
    string? VerifyEmailTemplateId);

/// <summary><c>POST /v1/b2b/passwords/email/reset</c>.</summary>
internal sealed record B2BPasswordEmailResetRequest(
    [property: BodyRule<ClaimsJson.Rule>] JsonElement? SessionCustomClaims,
    string? TelemetryId,
    string? SessionToken,
    string? SessionJwt,
    string? PasswordResetToken,
    string? Password,
    int? SessionDurationMinutes,
    string? CodeVerifier,
    string? Locale,
    string? IntermediateSessionToken);

/// <summary><c>POST /v1/b2b/passwords/existing_password/reset</c>.</summary>
internal sealed record B2BExistingPasswordResetRequest(
    [property: BodyRule<ClaimsJson.Rule>] JsonElement? SessionCustomClaims,
    string? TelemetryId,
    string? SessionToken,
    string? SessionJwt,
    string? OrganizationId,
    string? EmailAddress,
    string? ExistingPassword,
    string? NewPassword,
    int? SessionDurationMinutes,
    string? Locale);

/// <summary><c>POST /v1/b2b/passwords/session/reset</c>.</summary>
internal sealed record B2BSessionPasswordResetRequest(
    [property: BodyRule<ClaimsJson.Rule>] JsonElement? SessionCustomClaims,
    string? TelemetryId,
    string? SessionToken,
    string? SessionJwt,
    string? OrganizationId,
    string? Password,
    int? SessionDurationMinutes,
    string? Locale);

/// <summary><c>POST /v1/b2b/passwords/migrate</c>.</summary>
internal sealed record B2BPasswordMigrateRequest(
    string? OrganizationId,
    string? EmailAddress,
    string? HashType,
    string? Hash,
    [property: BodyRule<LegacyHashJson.SaltsRule>, JsonPropertyName("md_5_config")] JsonElement? Md5Config,
    [property: BodyRule<LegacyHashJson.SaltsRule>, JsonPropertyName("sha_1_config")] JsonElement? Sha1Config,
    [property: BodyRule<LegacyHashJson.SaltsRule>, JsonPropertyName("sha_512_config")] JsonElement? Sha512Config,
    [property: BodyRule<LegacyHashJson.Argon2Rule>, JsonPropertyName("argon_2_config")] JsonElement? Argon2Config,
    [property: BodyRule<LegacyHashJson.ScryptRule>] JsonElement? ScryptConfig,
    [property: BodyRule<LegacyHashJson.Pbkdf2Rule>, JsonPropertyName("pbkdf_2_config")] JsonElement? Pbkdf2Config,
    string? Name,
    [property: BodyRule<AnyObject>] JsonElement? TrustedMetadata,
    [property: BodyRule<AnyObject>] JsonElement? UntrustedMetadata,
    string[]? Roles,
    bool? PreserveExistingSessions,
    string? MfaPhoneNumber,
    bool? SetPhoneNumberVerified,
    string? ExternalId);

/// <summary><c>POST /v1/b2b/passwords/discovery/authenticate</c>.</summary>
internal sealed record B2BPasswordDiscoveryAuthenticateRequest(string? EmailAddress, string? Password);

/// <summary><c>POST /v1/b2b/passwords/discovery/email/reset/start</c>.</summary>
internal sealed record B2BPasswordDiscoveryResetStartRequest(
    string? EmailAddress,
    string? ResetPasswordRedirectUrl,
    string? DiscoveryRedirectUrl,
    string? ResetPasswordTemplateId,
    int? ResetPasswordExpirationMinutes,
    string? PkceCodeChallenge,
    string? Locale,
    string? VerifyEmailTemplateId);

/// <summary><c>POST /v1/b2b/passwords/discovery/email/reset</c>.</summary>
internal sealed record B2BPasswordDiscoveryResetRequest(string? PasswordResetToken, string? Password, string? PkceCodeVerifier);

/// <summary><c>POST /v1/b2b/passwords/email/require_reset</c>.</summary>
internal sealed record B2BPasswordRequireResetRequest(string? EmailAddress, string? OrganizationId, string? MemberId);

/// <summary>The B2B password request records' source-generated type info.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(B2BPasswordAuthenticateRequest))]
[JsonSerializable(typeof(B2BPasswordStrengthCheckRequest))]
[JsonSerializable(typeof(B2BPasswordResetStartRequest))]
[JsonSerializable(typeof(B2BPasswordEmailResetRequest))]
[JsonSerializable(typeof(B2BExistingPasswordResetRequest))]
[JsonSerializable(typeof(B2BSessionPasswordResetRequest))]
[JsonSerializable(typeof(B2BPasswordMigrateRequest))]
[JsonSerializable(typeof(B2BPasswordDiscoveryAuthenticateRequest))]
[JsonSerializable(typeof(B2BPasswordDiscoveryResetStartRequest))]
[JsonSerializable(typeof(B2BPasswordDiscoveryResetRequest))]
[JsonSerializable(typeof(B2BPasswordRequireResetRequest))]
internal sealed partial class B2BPasswordRequestJson : JsonSerializerContext;
