using System.Text.Json.Serialization;
using System.Text.Json;
using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Members;
using Stytch.Fake.Products.Consumer.Sessions.Wire;

namespace Stytch.Fake.Http;

// The B2B response objects exactly as Stytch spells them (seed 000 and ../shared/reference/ENDPOINTS.md), with every
// field present. The reference schema marks nothing nullable, so a value Stytch would not have is "", [], {} or false,
// and optional objects (scim_registration, scim_active_connection) are written with empty members.

internal sealed record WireRoleSource(string Type, Dictionary<string, string> Details);

internal sealed record WireMemberRole(string RoleId, WireRoleSource[] Sources);

internal sealed record WireRetiredEmail(string EmailId, string EmailAddress);

internal sealed record WireScimName(
    string Formatted, string FamilyName, string GivenName, string MiddleName, string HonorificPrefix, string HonorificSuffix);

internal sealed record WireScimManager(string Value, string Ref, string DisplayName);

internal sealed record WireScimEnterpriseExtension(
    string EmployeeNumber, string CostCenter, string Division, string Department, string Organization, WireScimManager Manager);

internal sealed record WireScimAttributes(
    string UserName,
    string Id,
    string ExternalId,
    bool Active,
    object[] Groups,
    string DisplayName,
    string NickName,
    string ProfileUrl,
    string UserType,
    string Title,
    string PreferredLanguage,
    string Locale,
    string Timezone,
    object[] Emails,
    object[] PhoneNumbers,
    object[] Addresses,
    object[] Ims,
    object[] Photos,
    object[] Entitlements,
    object[] Roles,
    [property: JsonPropertyName("x509certificates")] object[] X509Certificates,
    WireScimName Name,
    WireScimEnterpriseExtension EnterpriseExtension);

internal sealed record WireScimRegistration(string ConnectionId, string RegistrationId, string ExternalId, WireScimAttributes ScimAttributes)
{
    /// <summary>What a member without a SCIM registration carries.</summary>
    public static readonly WireScimRegistration None = new("", "", "", new WireScimAttributes(
        "", "", "", false, [], "", "", "", "", "", "", "", "", [], [], [], [], [], [], [], [],
        new WireScimName("", "", "", "", "", ""),
        new WireScimEnterpriseExtension("", "", "", "", "", new WireScimManager("", "", ""))));
}

internal sealed record WireMember(
    string OrganizationId,
    string MemberId,
    string EmailAddress,
    string Status,
    string Name,
    object[] SsoRegistrations,
    bool IsBreakglass,
    string MemberPasswordId,
    object[] OauthRegistrations,
    bool EmailAddressVerified,
    bool MfaPhoneNumberVerified,
    bool IsAdmin,
    string TotpRegistrationId,
    WireRetiredEmail[] RetiredEmailAddresses,
    bool IsLocked,
    bool MfaEnrolled,
    string MfaPhoneNumber,
    string DefaultMfaMethod,
    WireMemberRole[] Roles,
    JsonElement TrustedMetadata,
    JsonElement UntrustedMetadata,
    string CreatedAt,
    string UpdatedAt,
    WireScimRegistration ScimRegistration,
    string ExternalId,
    string LockCreatedAt,
    string LockExpiresAt)
{
    public static WireMember From(StytchMember m, StytchOrganization organization)
    {
        var roles = MemberRoles.Of(m, organization);
        return new WireMember(
            m.OrganizationId, m.MemberId, m.EmailAddress, m.Status, m.Name,
            SsoRegistrations: [], m.IsBreakglass, MemberPasswordId: "", OauthRegistrations: [],
            m.EmailAddressVerified, MfaPhoneNumberVerified: false,
            IsAdmin: roles.Any(r => r.RoleId == MemberRoles.Admin),
            TotpRegistrationId: "",
            m.RetiredEmailAddresses.Select(r => new WireRetiredEmail(r.EmailId, r.EmailAddress)).ToArray(),
            IsLocked: false, m.MfaEnrolled, m.MfaPhoneNumber, m.DefaultMfaMethod,
            roles.Select(r => new WireMemberRole(r.RoleId, r.Sources.Select(B2BWire.Source).ToArray())).ToArray(),
            B2BWire.Object(m.TrustedMetadata), B2BWire.Object(m.UntrustedMetadata),
            WireJson.Time(m.CreatedAt), WireJson.Time(m.UpdatedAt),
            WireScimRegistration.None, m.ExternalId, LockCreatedAt: "", LockExpiresAt: "");
    }
}

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
        CustomRoles: [], B2BWire.Object(o.TrustedMetadata), WireJson.Time(o.CreatedAt), WireJson.Time(o.UpdatedAt),
        o.OrganizationExternalId, o.SsoDefaultConnectionId, new WireScimActiveConnection("", "", "", ""),
        B2BWire.Object(o.AllowedOauthTenants));
}

internal sealed record WireMemberSession(
    string MemberSessionId,
    string MemberId,
    string StartedAt,
    string LastAccessedAt,
    string ExpiresAt,
    WireFactor[] AuthenticationFactors,
    string OrganizationId,
    string[] Roles,
    string OrganizationSlug,
    JsonElement CustomClaims)
{
    public static WireMemberSession From(MemberSession s) => new(
        s.MemberSessionId, s.MemberId, WireJson.Time(s.StartedAt), WireJson.Time(s.LastAccessedAt), WireJson.Time(s.ExpiresAt),
        s.AuthenticationFactors.Select(WireFactor.From).ToArray(), s.OrganizationId, [.. s.Roles], s.OrganizationSlug,
        ClaimsJson.ToElement(s.CustomClaims));
}

/// <summary>The <c>https://stytch.com/organization</c> claim of a member session JWT.</summary>
internal sealed record WireOrganizationClaim(string OrganizationId, string Slug);

internal sealed record WireVerdict(bool Authorized, string[] GrantingRoles);

internal sealed record WireResultsMetadata(int Total, string? NextCursor);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(WireMember))]
[JsonSerializable(typeof(WireOrganization))]
[JsonSerializable(typeof(WireMemberSession))]
[JsonSerializable(typeof(WireOrganizationClaim))]
[JsonSerializable(typeof(WireVerdict))]
[JsonSerializable(typeof(WireResultsMetadata))]
internal sealed partial class B2BWireJsonContext : JsonSerializerContext;

/// <summary>Rendering helpers for the B2B objects.</summary>
internal static class B2BWire
{
    public static WireRoleSource Source(RoleSource source) => new(
        source.Type,
        source.EmailDomain is null ? [] : new Dictionary<string, string>(StringComparer.Ordinal) { ["email_domain"] = source.EmailDomain });

    /// <summary>Stored JSON object text as an element to write verbatim.</summary>
    public static JsonElement Object(string json)
    {
        using var document = JsonDocument.Parse(string.IsNullOrEmpty(json) ? "{}" : json);
        return document.RootElement.Clone();
    }

    /// <summary>The <c>https://stytch.com/session</c> claim of a member session's JWT (same shape as the consumer one).</summary>
    public static WireSessionClaim SessionClaim(MemberSession s) => new(
        s.MemberSessionId, WireJson.Time(s.StartedAt), WireJson.Time(s.LastAccessedAt), WireJson.Time(s.ExpiresAt),
        new WireAttributes("", ""), s.AuthenticationFactors.Select(WireFactor.From).ToArray(), [.. s.Roles]);

    public static void WriteMember(Utf8JsonWriter w, string name, StytchMember member, StytchOrganization organization)
    {
        w.WritePropertyName(name);
        JsonSerializer.Serialize(w, WireMember.From(member, organization), B2BWireJsonContext.Default.WireMember);
    }

    public static void WriteOrganization(Utf8JsonWriter w, string name, StytchOrganization organization)
    {
        w.WritePropertyName(name);
        JsonSerializer.Serialize(w, WireOrganization.From(organization), B2BWireJsonContext.Default.WireOrganization);
    }

    public static void WriteMemberSession(Utf8JsonWriter w, MemberSession session)
    {
        w.WritePropertyName("member_session");
        JsonSerializer.Serialize(w, WireMemberSession.From(session), B2BWireJsonContext.Default.WireMemberSession);
    }

    public static void WriteResultsMetadata(Utf8JsonWriter w, int total, string? nextCursor)
    {
        w.WritePropertyName("results_metadata");
        JsonSerializer.Serialize(w, new WireResultsMetadata(total, nextCursor), B2BWireJsonContext.Default.WireResultsMetadata);
    }
}
