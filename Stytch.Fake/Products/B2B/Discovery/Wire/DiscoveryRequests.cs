using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;
using Stytch.Fake.Products.B2B.Organizations.Wire;

namespace Stytch.Fake.Products.B2B.Discovery.Wire;

// The discovery request bodies (see RequestBinder): each member in the order its errors are met.

/// <summary><c>POST /v1/b2b/otps/email/discovery/send</c>.</summary>
internal sealed record DiscoveryOtpSendRequest(string? EmailAddress, string? LoginTemplateId, string? Locale, int? DiscoveryExpirationMinutes);

/// <summary><c>POST /v1/b2b/otps/email/discovery/authenticate</c>.</summary>
internal sealed record DiscoveryOtpAuthenticateRequest(string? EmailAddress, string? Code);

/// <summary><c>POST /v1/b2b/discovery/organizations</c>: exactly one of the three.</summary>
internal sealed record DiscoveryListRequest(string? IntermediateSessionToken, string? SessionToken, string? SessionJwt);

/// <summary><c>POST /v1/b2b/magic_links/email/discovery/send</c>.</summary>
internal sealed record DiscoveryLinkSendRequest(
    string? EmailAddress,
    string? DiscoveryRedirectUrl,
    string? PkceCodeChallenge,
    string? LoginTemplateId,
    string? Locale,
    int? DiscoveryExpirationMinutes);

/// <summary><c>POST /v1/b2b/magic_links/discovery/authenticate</c>.</summary>
internal sealed record DiscoveryLinkAuthenticateRequest(string? DiscoveryMagicLinksToken, string? PkceCodeVerifier);

/// <summary><c>POST /v1/b2b/discovery/intermediate_sessions/exchange</c>; <c>telemetry_id</c> is type-checked only.</summary>
internal sealed record DiscoveryExchangeRequest(
    [property: BodyRule<ClaimsJson.Rule>] JsonElement? SessionCustomClaims,
    string? TelemetryId,
    string? IntermediateSessionToken,
    string? OrganizationId,
    int? SessionDurationMinutes,
    string? Locale);

/// <summary>
/// <c>POST /v1/b2b/discovery/organizations/create</c>: the organization create settings (but <c>claimed_email_domains</c>,
/// which the spec's request does not have) and the session's; <c>telemetry_id</c> is type-checked only.
/// </summary>
internal sealed record DiscoveryCreateRequest(
    [property: BodyRule<ClaimsJson.Rule>] JsonElement? SessionCustomClaims,
    string? TelemetryId,
    string? IntermediateSessionToken,
    int? SessionDurationMinutes,
    string? OrganizationName,
    string? OrganizationSlug,
    string? OrganizationLogoUrl,
    string? OrganizationExternalId,
    [property: BodyRule<AnyObject>] JsonElement? TrustedMetadata,
    string? SsoJitProvisioning,
    string[]? EmailAllowedDomains,
    string? EmailJitProvisioning,
    string? EmailInvites,
    string? AuthMethods,
    string[]? AllowedAuthMethods,
    string? MfaPolicy,
    string? MfaMethods,
    string[]? AllowedMfaMethods,
    [property: BodyRule<RoleAssignmentsJson.Rule>] JsonElement? RbacEmailImplicitRoleAssignments,
    string? OauthTenantJitProvisioning,
    [property: BodyRule<AnyObject>] JsonElement? AllowedOauthTenants,
    string? FirstPartyConnectedAppsAllowedType,
    string[]? AllowedFirstPartyConnectedApps,
    string? ThirdPartyConnectedAppsAllowedType,
    string[]? AllowedThirdPartyConnectedApps) : IOrganizationBody
{
    string[]? IOrganizationBody.ClaimedEmailDomains => null;
}

/// <summary>The discovery request records' source-generated type info.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(DiscoveryOtpSendRequest))]
[JsonSerializable(typeof(DiscoveryOtpAuthenticateRequest))]
[JsonSerializable(typeof(DiscoveryListRequest))]
[JsonSerializable(typeof(DiscoveryLinkSendRequest))]
[JsonSerializable(typeof(DiscoveryLinkAuthenticateRequest))]
[JsonSerializable(typeof(DiscoveryExchangeRequest))]
[JsonSerializable(typeof(DiscoveryCreateRequest))]
internal sealed partial class DiscoveryRequestJson : JsonSerializerContext;
