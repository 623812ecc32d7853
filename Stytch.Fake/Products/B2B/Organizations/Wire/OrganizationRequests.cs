using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Products.B2B.Organizations.Wire;

// The organization request bodies (see RequestBinder): each member in the order its errors are met.

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
    [property: BodyRule<RoleAssignmentsJson.Rule>] JsonElement? RbacEmailImplicitRoleAssignments,
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
    [property: BodyRule<RoleAssignmentsJson.Rule>] JsonElement? RbacEmailImplicitRoleAssignments,
    string? OauthTenantJitProvisioning,
    [property: BodyRule<AnyObject>] JsonElement? AllowedOauthTenants,
    string[]? ClaimedEmailDomains,
    string? FirstPartyConnectedAppsAllowedType,
    string[]? AllowedFirstPartyConnectedApps,
    string? ThirdPartyConnectedAppsAllowedType,
    string[]? AllowedThirdPartyConnectedApps) : IOrganizationBody;

/// <summary><c>POST /v1/b2b/organizations/search</c>.</summary>
internal sealed record OrganizationSearchRequest(
    string? Cursor,
    int? Limit,
    [property: BodyRule<SearchJson.QueryRule>] JsonElement? Query) : ISearchBody;

/// <summary>The organization request records' source-generated type info.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(OrganizationCreateRequest))]
[JsonSerializable(typeof(OrganizationUpdateRequest))]
[JsonSerializable(typeof(OrganizationSearchRequest))]
internal sealed partial class OrganizationRequestJson : JsonSerializerContext;
