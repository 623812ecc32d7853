using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Products.B2B.EmailOtp.Wire;

// The B2B email OTP request bodies (see RequestBinder): each member in the order its errors are met.

/// <summary><c>POST /v1/b2b/otps/email/login_or_signup</c>.</summary>
internal sealed record B2BOtpEmailLoginOrSignupRequest(
    string? OrganizationId,
    string? EmailAddress,
    int? LoginExpirationMinutes,
    int? SignupExpirationMinutes,
    string? Locale,
    string? LoginTemplateId,
    string? SignupTemplateId);

/// <summary><c>POST /v1/b2b/otps/email/authenticate</c>; <c>telemetry_id</c> is type-checked only.</summary>
internal sealed record B2BOtpEmailAuthenticateRequest(
    [property: BodyRule<ClaimsJson.Rule>] JsonElement? SessionCustomClaims,
    string? TelemetryId,
    string? SessionToken,
    string? SessionJwt,
    string? OrganizationId,
    string? EmailAddress,
    string? Code,
    int? SessionDurationMinutes,
    string? IntermediateSessionToken,
    string? Locale);

/// <summary>The B2B email OTP request records' source-generated type info.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(B2BOtpEmailLoginOrSignupRequest))]
[JsonSerializable(typeof(B2BOtpEmailAuthenticateRequest))]
internal sealed partial class B2BEmailOtpRequestJson : JsonSerializerContext;
