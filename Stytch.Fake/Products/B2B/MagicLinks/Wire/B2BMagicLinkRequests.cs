using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Products.B2B.MagicLinks.Wire;

// The B2B magic link request bodies (see RequestBinder): each member in the order its errors are met.

/// <summary><c>POST /v1/b2b/magic_links/email/login_or_signup</c>.</summary>
internal sealed record B2BLinkLoginOrSignupRequest(
    string? OrganizationId,
    string? EmailAddress,
    string? LoginRedirectUrl,
    string? SignupRedirectUrl,
    string? PkceCodeChallenge,
    string? LoginTemplateId,
    string? SignupTemplateId,
    string? Locale,
    int? LoginExpirationMinutes,
    int? SignupExpirationMinutes);

/// <summary><c>POST /v1/b2b/magic_links/email/invite</c>.</summary>
internal sealed record B2BLinkInviteRequest(
    string? OrganizationId,
    string? EmailAddress,
    string? InviteRedirectUrl,
    string? InvitedByMemberId,
    string? Name,
    [property: BodyRule<AnyObject>] JsonElement? TrustedMetadata,
    [property: BodyRule<AnyObject>] JsonElement? UntrustedMetadata,
    string? InviteTemplateId,
    string? Locale,
    string[]? Roles,
    int? InviteExpirationMinutes);

/// <summary><c>POST /v1/b2b/magic_links/authenticate</c>; <c>telemetry_id</c> is type-checked only.</summary>
internal sealed record B2BLinkAuthenticateRequest(
    [property: BodyRule<ClaimsJson.Rule>] JsonElement? SessionCustomClaims,
    string? TelemetryId,
    string? SessionToken,
    string? SessionJwt,
    string? MagicLinksToken,
    string? PkceCodeVerifier,
    int? SessionDurationMinutes,
    string? Locale,
    string? IntermediateSessionToken);

/// <summary>The B2B magic link request records' source-generated type info.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(B2BLinkLoginOrSignupRequest))]
[JsonSerializable(typeof(B2BLinkInviteRequest))]
[JsonSerializable(typeof(B2BLinkAuthenticateRequest))]
internal sealed partial class B2BMagicLinkRequestJson : JsonSerializerContext;
