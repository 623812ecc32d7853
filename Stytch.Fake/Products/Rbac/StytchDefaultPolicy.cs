namespace Stytch.Fake.Products.Rbac;

/// <summary>
/// Stytch's default RBAC roles and resources, which every project's policy holds and no project can remove.
/// <para>
/// B2B, as Stytch documents it (https://stytch.com/docs/b2b/guides/rbac/stytch-default): five resources,
/// <c>stytch.self</c>, <c>stytch.organization</c>, <c>stytch.member</c>, <c>stytch.sso</c> and <c>stytch.scim</c>, each
/// scoped to the logged-in member's organization; <c>stytch_member</c>, given to every member, with every
/// <c>stytch.self</c> action; <c>stytch_admin</c>, given to the member who creates an organization through discovery,
/// with every action on the other four. The role descriptions, the resource descriptions and the action lists are those
/// of a Stytch project's policy as Stytch's own browser SDK mocks it (stytchauth/stytch-browser,
/// packages/web/.storybook/handlers.ts, <c>rbac_policy</c>), whose actions are those the field descriptions of
/// <c>../shared/reference/stytch-openapi.yml</c> name (<c>update.settings.mfa-policy</c>, …). Inferred additions, each
/// named by Stytch elsewhere: <c>update.settings.oauth-tenant-jit-provisioning</c> and
/// <c>update.settings.allowed-oauth-tenants</c> on <c>stytch.organization</c> and <c>update.info.email</c> on
/// <c>stytch.member</c> (the spec's Update Organization and Update Member fields), and <c>revoke-sessions</c> on
/// <c>stytch.member</c> and <c>stytch.self</c> (the frontend SDKs' Revoke Sessions for Member,
/// https://stytch.com/docs/api-reference/b2b/frontend-sdks/vanilla-js/methods/sessions/revoke-sessions-for-member).
/// </para>
/// <para>
/// Consumer: the one role <c>stytch_user</c>, which every user has (the spec's api_consumer_rbac_v1_PolicyRole); its
/// description and its granting nothing until the project edits it are inferred, as is that there are no default
/// consumer resources (https://stytch.com/docs/guides/rbac/overview lists none).
/// </para>
/// </summary>
internal static class StytchDefaultPolicy
{
    public const string Member = "stytch_member";
    public const string Admin = "stytch_admin";
    public const string User = "stytch_user";
    public const string Wildcard = "*";

    /// <summary>The prefix only Stytch's own resources have.</summary>
    public const string ReservedPrefix = "stytch";

    public static IReadOnlyList<RbacResource> B2BResources { get; } =
    [
        new("stytch.organization", "Builtin resource for Stytch organization objects",
        [
            "update.info.name", "update.info.slug", "update.info.logo-url", "update.settings.allowed-auth-methods",
            "update.settings.allowed-mfa-methods", "update.settings.email-jit-provisioning", "update.settings.email-invites",
            "update.settings.allowed-domains", "update.settings.default-sso-connection", "update.settings.sso-jit-provisioning",
            "update.settings.mfa-policy", "update.settings.implicit-roles", "update.settings.oauth-tenant-jit-provisioning",
            "update.settings.allowed-oauth-tenants", "delete",
        ]),
        new("stytch.member", "Builtin resource for Stytch member objects",
        [
            "create", "update.info.name", "update.info.email", "update.info.untrusted-metadata", "update.info.mfa-phone",
            "update.info.delete.mfa-phone", "update.info.delete.mfa-totp", "update.info.delete.password",
            "update.settings.is-breakglass", "update.settings.mfa-enrolled", "update.settings.default-mfa-method",
            "update.settings.roles", "search", "delete", "revoke-sessions",
        ]),
        new("stytch.sso", "Builtin resource for Stytch SSO Connection objects", ["create", "get", "update", "delete"]),
        new("stytch.self", "Builtin resource for the logged-in Stytch member object",
        [
            "update.info.name", "update.info.untrusted-metadata", "update.info.mfa-phone", "update.info.delete.mfa-phone",
            "update.info.delete.password", "update.info.delete.mfa-totp", "update.settings.mfa-enrolled",
            "update.settings.default-mfa-method", "delete", "revoke-sessions",
        ]),
        new("stytch.scim", "Builtin resource for Stytch SCIM Connection objects", ["create", "get", "update", "delete"]),
    ];

    public static IReadOnlyList<RbacRole> B2BRoles { get; } =
    [
        new(Member, "Granted to all Members upon creation; grants permissions already implicitly granted to logged in Members via the SDK. Cannot be deleted.",
            [new("stytch.self", [Wildcard])]),
        new(Admin, "Granted to Members who create an organization through the Stytch discovery flow. Admins will also have the stytch_member role. Cannot be deleted.",
        [
            new("stytch.organization", [Wildcard]),
            new("stytch.member", [Wildcard]),
            new("stytch.sso", [Wildcard]),
            new("stytch.scim", [Wildcard]),
        ]),
    ];

    public static IReadOnlyList<RbacRole> ConsumerRoles { get; } =
    [
        new(User, "Granted to all Users upon creation. Cannot be deleted.", []),
    ];

    /// <summary>The role ids only Stytch defines: a project may edit their permissions, an organization may not define them.</summary>
    public static IReadOnlySet<string> ReservedRoles { get; } = new HashSet<string>(StringComparer.Ordinal) { Member, Admin, User };
}
