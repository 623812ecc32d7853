using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Products.B2B.SmsOtp.Wire;

// The B2B SMS OTP request bodies (see RequestBinder): each member in the order its errors are met.

/// <summary><c>POST /v1/b2b/otps/sms/send</c>.</summary>
internal sealed record B2BSmsSendRequest(
    string? OrganizationId,
    string? MemberId,
    string? MfaPhoneNumber,
    string? Locale,
    string? IntermediateSessionToken,
    string? SessionToken,
    string? SessionJwt);

/// <summary><c>POST /v1/b2b/otps/sms/authenticate</c> (and <c>/v1/b2b/totp/authenticate</c>, same fields); <c>telemetry_id</c> is type-checked only.</summary>
internal sealed record B2BMfaAuthenticateRequest(
    [property: BodyRule<ClaimsJson.Rule>] JsonElement? SessionCustomClaims,
    string? TelemetryId,
    string? OrganizationId,
    string? MemberId,
    string? Code,
    string? IntermediateSessionToken,
    string? SessionToken,
    string? SessionJwt,
    int? SessionDurationMinutes,
    string? SetMfaEnrollment,
    bool? SetDefaultMfa);

/// <summary>The B2B SMS OTP request records' source-generated type info.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(B2BSmsSendRequest))]
[JsonSerializable(typeof(B2BMfaAuthenticateRequest))]
internal sealed partial class B2BSmsOtpRequestJson : JsonSerializerContext;
