using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;

namespace Stytch.Fake.Products.B2B.Organizations.Wire;

// The organization object exactly as Stytch spells it (seed 000 and ../shared/reference/ENDPOINTS.md), with every field
// present. The reference schema marks nothing nullable, so a value Stytch would not have is "", [], {} or false, and the
// optional scim_active_connection is written with empty members.

internal sealed record WireRoleAssignment(string Domain, string RoleId);

internal sealed record WireScimActiveConnection(string ConnectionId, string DisplayName, string BearerTokenLastFour, string BearerTokenExpiresAt);

internal sealed record WireOrganization(
    string OrganizationId,
    string OrganizationName,
    string OrganizationLogoUrl,
    string OrganizationSlug,
    string SsoJitProvisioning,
    string[] SsoJitProvisioningAllowedConnections,
    object[] SsoActiveConnections,
    string[] EmailAllowedDomains,
    string EmailJitProvisioning,
    string EmailInvites,
    string AuthMethods,
    string[] AllowedAuthMethods,
    string MfaPolicy,
    WireRoleAssignment[] RbacEmailImplicitRoleAssignments,
    string MfaMethods,
    string[] AllowedMfaMethods,
    string OauthTenantJitProvisioning,
    string[] ClaimedEmailDomains,
    string FirstPartyConnectedAppsAllowedType,
    string[] AllowedFirstPartyConnectedApps,
    string ThirdPartyConnectedAppsAllowedType,
    string[] AllowedThirdPartyConnectedApps,
    object[] CustomRoles,
    JsonElement TrustedMetadata,
    string CreatedAt,
    string UpdatedAt,
    string OrganizationExternalId,
    string SsoDefaultConnectionId,
    WireScimActiveConnection ScimActiveConnection,
    JsonElement AllowedOauthTenants)
{
    public static WireOrganization From(StytchOrganization o) => new(
        o.OrganizationId, o.OrganizationName, o.OrganizationLogoUrl, o.OrganizationSlug,
        o.SsoJitProvisioning, [.. o.SsoJitProvisioningAllowedConnections], SsoActiveConnections: [],
        [.. o.EmailAllowedDomains], o.EmailJitProvisioning, o.EmailInvites, o.AuthMethods, [.. o.AllowedAuthMethods],
        o.MfaPolicy, o.RbacEmailImplicitRoleAssignments.Select(a => new WireRoleAssignment(a.Domain, a.RoleId)).ToArray(),
        o.MfaMethods, [.. o.AllowedMfaMethods], o.OauthTenantJitProvisioning, [.. o.ClaimedEmailDomains],
        o.FirstPartyConnectedAppsAllowedType, [.. o.AllowedFirstPartyConnectedApps],
        o.ThirdPartyConnectedAppsAllowedType, [.. o.AllowedThirdPartyConnectedApps],
        CustomRoles: [], WireJson.Object(o.TrustedMetadata), WireJson.Time(o.CreatedAt), WireJson.Time(o.UpdatedAt),
        o.OrganizationExternalId, o.SsoDefaultConnectionId, new WireScimActiveConnection("", "", "", ""),
        WireJson.Object(o.AllowedOauthTenants));
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(WireOrganization))]
internal sealed partial class OrganizationWireJson : JsonSerializerContext;

/// <summary>Writes organizations, for every product whose responses carry one.</summary>
internal static class OrganizationWire
{
    /// <summary>The organization as the property <paramref name="name"/>.</summary>
    public static void Write(Utf8JsonWriter w, string name, StytchOrganization organization)
    {
        w.WritePropertyName(name);
        JsonSerializer.Serialize(w, WireOrganization.From(organization), OrganizationWireJson.Default.WireOrganization);
    }
}
