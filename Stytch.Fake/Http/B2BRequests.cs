using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Http;

// The B2B request bodies (see RequestBinder): each member in the order its errors are met.

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

/// <summary>The organization settings that create and update both take.</summary>
internal interface IOrganizationBody
{
    string? OrganizationName { get; }
    string? OrganizationSlug { get; }
    string? OrganizationLogoUrl { get; }
    string? OrganizationExternalId { get; }
    JsonElement? TrustedMetadata { get; }
    string? SsoJitProvisioning { get; }
    string[]? EmailAllowedDomains { get; }
    string? EmailJitProvisioning { get; }
    string? EmailInvites { get; }
    string? AuthMethods { get; }
    string[]? AllowedAuthMethods { get; }
    string? MfaPolicy { get; }
    string? MfaMethods { get; }
    string[]? AllowedMfaMethods { get; }
    JsonElement? RbacEmailImplicitRoleAssignments { get; }
    string? OauthTenantJitProvisioning { get; }
    JsonElement? AllowedOauthTenants { get; }
    string[]? ClaimedEmailDomains { get; }
    string? FirstPartyConnectedAppsAllowedType { get; }
    string[]? AllowedFirstPartyConnectedApps { get; }
    string? ThirdPartyConnectedAppsAllowedType { get; }
    string[]? AllowedThirdPartyConnectedApps { get; }
}

/// <summary><c>POST /v1/b2b/organizations</c>.</summary>
internal sealed record OrganizationCreateRequest(
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
    [property: BodyRule<B2BBodyReaders.RoleAssignmentsRule>] JsonElement? RbacEmailImplicitRoleAssignments,
    string? OauthTenantJitProvisioning,
    [property: BodyRule<AnyObject>] JsonElement? AllowedOauthTenants,
    string[]? ClaimedEmailDomains,
    string? FirstPartyConnectedAppsAllowedType,
    string[]? AllowedFirstPartyConnectedApps,
    string? ThirdPartyConnectedAppsAllowedType,
    string[]? AllowedThirdPartyConnectedApps) : IOrganizationBody;

/// <summary>
/// <c>PUT /v1/b2b/organizations/{organization_id}</c>: the create settings plus the two SSO ones that only the spec's
/// <c>api_organization_v1_UpdateRequest</c> has.
/// </summary>
internal sealed record OrganizationUpdateRequest(
    string? OrganizationName,
    string? OrganizationSlug,
    string? OrganizationLogoUrl,
    string? OrganizationExternalId,
    [property: BodyRule<AnyObject>] JsonElement? TrustedMetadata,
    string? SsoJitProvisioning,
    string[]? SsoJitProvisioningAllowedConnections,
    string? SsoDefaultConnectionId,
    string[]? EmailAllowedDomains,
    string? EmailJitProvisioning,
    string? EmailInvites,
    string? AuthMethods,
    string[]? AllowedAuthMethods,
    string? MfaPolicy,
    string? MfaMethods,
    string[]? AllowedMfaMethods,
    [property: BodyRule<B2BBodyReaders.RoleAssignmentsRule>] JsonElement? RbacEmailImplicitRoleAssignments,
    string? OauthTenantJitProvisioning,
    [property: BodyRule<AnyObject>] JsonElement? AllowedOauthTenants,
    string[]? ClaimedEmailDomains,
    string? FirstPartyConnectedAppsAllowedType,
    string[]? AllowedFirstPartyConnectedApps,
    string? ThirdPartyConnectedAppsAllowedType,
    string[]? AllowedThirdPartyConnectedApps) : IOrganizationBody;

/// <summary>What both searches take: a page and a query (see <see cref="B2BBodyReaders.ReadSearch"/>).</summary>
internal interface ISearchBody
{
    string? Cursor { get; }
    int? Limit { get; }
    JsonElement? Query { get; }
}

/// <summary><c>POST /v1/b2b/organizations/search</c>.</summary>
internal sealed record OrganizationSearchRequest(
    string? Cursor,
    int? Limit,
    [property: BodyRule<B2BBodyReaders.SearchQueryRule>] JsonElement? Query) : ISearchBody;

/// <summary>The member settings that create and update both take.</summary>
internal interface IMemberBody
{
    string? EmailAddress { get; }
    string? Name { get; }
    JsonElement? TrustedMetadata { get; }
    JsonElement? UntrustedMetadata { get; }
    bool? IsBreakglass { get; }
    string? MfaPhoneNumber { get; }
    bool? MfaEnrolled { get; }
    string[]? Roles { get; }
    string? ExternalId { get; }
}

/// <summary><c>POST /v1/b2b/organizations/{organization_id}/members</c>.</summary>
internal sealed record MemberCreateRequest(
    bool? CreateMemberAsPending,
    string? EmailAddress,
    string? Name,
    [property: BodyRule<AnyObject>] JsonElement? TrustedMetadata,
    [property: BodyRule<AnyObject>] JsonElement? UntrustedMetadata,
    bool? IsBreakglass,
    string? MfaPhoneNumber,
    bool? MfaEnrolled,
    string[]? Roles,
    string? ExternalId) : IMemberBody;

/// <summary>
/// <c>PUT /v1/b2b/organizations/{organization_id}/members/{member_id}</c>; <c>preserve_existing_sessions</c> is
/// type-checked only.
/// </summary>
internal sealed record MemberUpdateRequest(
    bool? PreserveExistingSessions,
    string? EmailAddress,
    string? Name,
    [property: BodyRule<AnyObject>] JsonElement? TrustedMetadata,
    [property: BodyRule<AnyObject>] JsonElement? UntrustedMetadata,
    bool? IsBreakglass,
    string? MfaPhoneNumber,
    bool? MfaEnrolled,
    string[]? Roles,
    string? ExternalId,
    string? DefaultMfaMethod,
    bool? UnlinkEmail) : IMemberBody;

/// <summary><c>POST /v1/b2b/organizations/members/search</c>.</summary>
internal sealed record MemberSearchRequest(
    string[]? OrganizationIds,
    string? Cursor,
    int? Limit,
    [property: BodyRule<B2BBodyReaders.SearchQueryRule>] JsonElement? Query) : ISearchBody;

/// <summary><c>POST /v1/b2b/sessions/authenticate</c>.</summary>
internal sealed record MemberSessionAuthenticateRequest(
    [property: BodyRule<ClaimsJson.Rule>] JsonElement? SessionCustomClaims,
    [property: BodyRule<B2BBodyReaders.AuthorizationCheckRule>] JsonElement? AuthorizationCheck,
    string? SessionToken,
    string? SessionJwt,
    int? SessionDurationMinutes);

/// <summary><c>POST /v1/b2b/sessions/revoke</c>: exactly one of the four.</summary>
internal sealed record MemberSessionRevokeRequest(string? MemberSessionId, string? SessionToken, string? SessionJwt, string? MemberId);

/// <summary>The B2B request records' source-generated type info.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(B2BOtpEmailLoginOrSignupRequest))]
[JsonSerializable(typeof(B2BOtpEmailAuthenticateRequest))]
[JsonSerializable(typeof(OrganizationCreateRequest))]
[JsonSerializable(typeof(OrganizationUpdateRequest))]
[JsonSerializable(typeof(OrganizationSearchRequest))]
[JsonSerializable(typeof(MemberCreateRequest))]
[JsonSerializable(typeof(MemberUpdateRequest))]
[JsonSerializable(typeof(MemberSearchRequest))]
[JsonSerializable(typeof(MemberSessionAuthenticateRequest))]
[JsonSerializable(typeof(MemberSessionRevokeRequest))]
internal sealed partial class B2BRequestJson : JsonSerializerContext;
