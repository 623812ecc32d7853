using Stytch.Fake.Products.B2B.Members;

namespace Stytch.Fake.Products.Rbac;

/// <summary>
/// One permission a call made with a member session (<c>X-Stytch-Member-Session</c> / <c>-SessionJWT</c>) needs:
/// <paramref name="Action"/> on <paramref name="ResourceId"/>, or, when the call acts on the session's own member,
/// <paramref name="SelfAction"/> on <c>stytch.self</c> instead.
/// </summary>
internal sealed record RequiredPermission(string ResourceId, string Action, string? SelfAction = null);

/// <summary>What a call made with a member session needs: its permissions, or a field no member may set (null when none).</summary>
internal sealed record MemberCallRule(IReadOnlyList<RequiredPermission> Permissions, string? ForbiddenField = null);

/// <summary>
/// The permission each organization and member endpoint needs when it is called with a member session, as Stytch maps
/// them. Sources: the field descriptions of Update Organization and Update Member in
/// <c>../shared/reference/stytch-openapi.yml</c> (e.g. <c>organization_name</c>: <c>update.info.name</c> on
/// <c>stytch.organization</c>; <c>name</c>: <c>update.info.name</c> on <c>stytch.member</c>, or on <c>stytch.self</c>
/// for the session's own member; <c>trusted_metadata</c> may not be passed with a session header); the "RBAC Enforced"
/// notes of Stytch's API and SDK reference (https://stytch.com/docs/api-reference/b2b/api/members/delete-member:
/// <c>delete</c> on <c>stytch.member</c> or <c>stytch.self</c>; the frontend SDKs' Delete Organization, Create Member and
/// Search Members: <c>delete</c> on <c>stytch.organization</c>, <c>create</c> and <c>search</c> on <c>stytch.member</c>;
/// Revoke Sessions for Member: <c>revoke-sessions</c> on <c>stytch.member</c>).
/// Inferred: fields with no documented permission (external ids, claimed domains, connected apps) may not be set by a
/// member, like <c>trusted_metadata</c>; roles on Create Member need <c>update.settings.roles</c> as on update; revoking a
/// session of one's own member is also allowed by <c>revoke-sessions</c> on <c>stytch.self</c>.
/// </summary>
internal static class MemberPermissions
{
    private const string Organization = "stytch.organization";
    private const string Member = "stytch.member";

    public static MemberCallRule OrganizationUpdate(OrganizationFields f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var forbidden = f.TrustedMetadata is not null ? "trusted_metadata"
            : f.OrganizationExternalId is not null ? "organization_external_id"
            : f.ClaimedEmailDomains is not null ? "claimed_email_domains"
            : f.FirstPartyConnectedAppsAllowedType is not null ? "first_party_connected_apps_allowed_type"
            : f.AllowedFirstPartyConnectedApps is not null ? "allowed_first_party_connected_apps"
            : f.ThirdPartyConnectedAppsAllowedType is not null ? "third_party_connected_apps_allowed_type"
            : f.AllowedThirdPartyConnectedApps is not null ? "allowed_third_party_connected_apps"
            : null;
        var needed = new (bool Given, string Action)[]
        {
            (f.OrganizationName is not null, "update.info.name"),
            (f.OrganizationSlug is not null, "update.info.slug"),
            (f.OrganizationLogoUrl is not null, "update.info.logo-url"),
            (f.SsoDefaultConnectionId is not null, "update.settings.default-sso-connection"),
            (f.SsoJitProvisioning is not null || f.SsoJitProvisioningAllowedConnections is not null, "update.settings.sso-jit-provisioning"),
            (f.EmailAllowedDomains is not null, "update.settings.allowed-domains"),
            (f.EmailJitProvisioning is not null, "update.settings.email-jit-provisioning"),
            (f.EmailInvites is not null, "update.settings.email-invites"),
            (f.AuthMethods is not null || f.AllowedAuthMethods is not null, "update.settings.allowed-auth-methods"),
            (f.MfaPolicy is not null, "update.settings.mfa-policy"),
            (f.RbacEmailImplicitRoleAssignments is not null, "update.settings.implicit-roles"),
            (f.MfaMethods is not null || f.AllowedMfaMethods is not null, "update.settings.allowed-mfa-methods"),
            (f.OauthTenantJitProvisioning is not null, "update.settings.oauth-tenant-jit-provisioning"),
            (f.AllowedOauthTenants is not null, "update.settings.allowed-oauth-tenants"),
        };
        return new([.. needed.Where(n => n.Given).Select(n => new RequiredPermission(Organization, n.Action))], forbidden);
    }

    public static MemberCallRule OrganizationDelete { get; } = new([new(Organization, "delete")]);

    public static MemberCallRule MemberCreate(MemberFields f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(
            [new(Member, "create"), .. f.Roles is null ? Array.Empty<RequiredPermission>() : [new(Member, "update.settings.roles")]],
            f.TrustedMetadata is not null ? "trusted_metadata" : f.ExternalId is not null ? "external_id" : null);
    }

    public static MemberCallRule MemberUpdate(MemberFields f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var needed = new (bool Given, string Action, bool Self)[]
        {
            (f.Name is not null, "update.info.name", true),
            (f.UntrustedMetadata is not null, "update.info.untrusted-metadata", true),
            (f.IsBreakglass is not null, "update.settings.is-breakglass", false),
            (f.MfaPhoneNumber is not null, "update.info.mfa-phone", true),
            (f.MfaEnrolled is not null, "update.settings.mfa-enrolled", true),
            (f.Roles is not null, "update.settings.roles", false),
            (f.DefaultMfaMethod is not null, "update.settings.default-mfa-method", true),
            (f.EmailAddress is not null, "update.info.email", false),
        };
        return new(
            [.. needed.Where(n => n.Given).Select(n => new RequiredPermission(Member, n.Action, n.Self ? n.Action : null))],
            f.TrustedMetadata is not null ? "trusted_metadata" : f.ExternalId is not null ? "external_id" : null);
    }

    public static MemberCallRule MemberDelete { get; } = new([new(Member, "delete", "delete")]);

    public static MemberCallRule MemberSearch { get; } = new([new(Member, "search")]);

    public static MemberCallRule SessionRevoke { get; } = new([new(Member, "revoke-sessions", "revoke-sessions")]);

    public static MemberCallRule MemberDeleteMfaPhone { get; } = new([new(Member, "update.info.delete.mfa-phone", "update.info.delete.mfa-phone")]);

    public static MemberCallRule MemberDeleteMfaTotp { get; } = new([new(Member, "update.info.delete.mfa-totp", "update.info.delete.mfa-totp")]);
}
