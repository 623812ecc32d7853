namespace Stytch.Fake;

// An organization as the engine holds it. Free-form JSON objects (trusted_metadata, allowed_oauth_tenants) are kept
// as their JSON text, verbatim: the engine never parses JSON, the HTTP layer checks and renders it.

/// <summary>A domain that grants a role to every member whose email has it (<c>rbac_email_implicit_role_assignments</c>).</summary>
/// <param name="Domain">The email domain, lower case.</param>
/// <param name="RoleId">The role it grants.</param>
public sealed record EmailImplicitRoleAssignment(string Domain, string RoleId);

/// <summary>A B2B organization with every field of Stytch's Organization object and Stytch's defaults.</summary>
public sealed record StytchOrganization
{
    /// <summary>The <c>organization-test-…</c> id.</summary>
    public required string OrganizationId { get; init; }
    /// <summary>The display name, 1..128 characters.</summary>
    public required string OrganizationName { get; init; }
    /// <summary>The unique URL slug; usable wherever an organization id is expected.</summary>
    public required string OrganizationSlug { get; init; }
    /// <summary>The logo URL, or empty.</summary>
    public string OrganizationLogoUrl { get; init; } = "";
    /// <summary>The project-unique external id, or empty; usable wherever an organization id is expected.</summary>
    public string OrganizationExternalId { get; init; } = "";
    /// <summary>The trusted metadata as JSON object text.</summary>
    public string TrustedMetadata { get; init; } = "{}";
    /// <summary><c>ALL_ALLOWED</c> (default), <c>RESTRICTED</c> or <c>NOT_ALLOWED</c>.</summary>
    public string SsoJitProvisioning { get; init; } = "ALL_ALLOWED";
    /// <summary>SSO connections allowed to JIT provision when SSO JIT is restricted.</summary>
    public IReadOnlyList<string> SsoJitProvisioningAllowedConnections { get; init; } = [];
    /// <summary>The default SSO connection, or empty.</summary>
    public string SsoDefaultConnectionId { get; init; } = "";
    /// <summary>Domains that may JIT provision or be invited when those settings are <c>RESTRICTED</c>.</summary>
    public IReadOnlyList<string> EmailAllowedDomains { get; init; } = [];
    /// <summary><c>NOT_ALLOWED</c> (default) or <c>RESTRICTED</c>.</summary>
    public string EmailJitProvisioning { get; init; } = "NOT_ALLOWED";
    /// <summary><c>ALL_ALLOWED</c>, <c>RESTRICTED</c> or <c>NOT_ALLOWED</c>.</summary>
    public string EmailInvites { get; init; } = "ALL_ALLOWED";
    /// <summary><c>ALL_ALLOWED</c> (default) or <c>RESTRICTED</c>.</summary>
    public string AuthMethods { get; init; } = "ALL_ALLOWED";
    /// <summary>The methods allowed when <see cref="AuthMethods"/> is <c>RESTRICTED</c>.</summary>
    public IReadOnlyList<string> AllowedAuthMethods { get; init; } = [];
    /// <summary><c>OPTIONAL</c> (default) or <c>REQUIRED_FOR_ALL</c>.</summary>
    public string MfaPolicy { get; init; } = "OPTIONAL";
    /// <summary><c>ALL_ALLOWED</c> (default) or <c>RESTRICTED</c>.</summary>
    public string MfaMethods { get; init; } = "ALL_ALLOWED";
    /// <summary>The MFA methods allowed when <see cref="MfaMethods"/> is <c>RESTRICTED</c>.</summary>
    public IReadOnlyList<string> AllowedMfaMethods { get; init; } = [];
    /// <summary>Roles granted by email domain.</summary>
    public IReadOnlyList<EmailImplicitRoleAssignment> RbacEmailImplicitRoleAssignments { get; init; } = [];
    /// <summary><c>NOT_ALLOWED</c> (default) or <c>RESTRICTED</c>.</summary>
    public string OauthTenantJitProvisioning { get; init; } = "NOT_ALLOWED";
    /// <summary>The allowed OAuth tenants as JSON object text.</summary>
    public string AllowedOauthTenants { get; init; } = "{}";
    /// <summary>Email domains the organization claims.</summary>
    public IReadOnlyList<string> ClaimedEmailDomains { get; init; } = [];
    /// <summary><c>ALL_ALLOWED</c> (default), <c>RESTRICTED</c> or <c>NOT_ALLOWED</c>.</summary>
    public string FirstPartyConnectedAppsAllowedType { get; init; } = "ALL_ALLOWED";
    /// <summary>First party connected apps allowed when restricted.</summary>
    public IReadOnlyList<string> AllowedFirstPartyConnectedApps { get; init; } = [];
    /// <summary><c>ALL_ALLOWED</c> (default), <c>RESTRICTED</c> or <c>NOT_ALLOWED</c>.</summary>
    public string ThirdPartyConnectedAppsAllowedType { get; init; } = "ALL_ALLOWED";
    /// <summary>Third party connected apps allowed when restricted.</summary>
    public IReadOnlyList<string> AllowedThirdPartyConnectedApps { get; init; } = [];
    /// <summary>When it was created, on the project clock.</summary>
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>When it was last changed, on the project clock.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>
/// Organization fields to create or update with; null means "not given" (a create takes Stytch's default,
/// an update keeps the current value).
/// </summary>
public sealed record OrganizationFields
{
    /// <summary>See <see cref="StytchOrganization.OrganizationName"/>.</summary>
    public string? OrganizationName { get; init; }
    /// <summary>See <see cref="StytchOrganization.OrganizationSlug"/>; derived from the name on create when null.</summary>
    public string? OrganizationSlug { get; init; }
    /// <summary>See <see cref="StytchOrganization.OrganizationLogoUrl"/>.</summary>
    public string? OrganizationLogoUrl { get; init; }
    /// <summary>See <see cref="StytchOrganization.OrganizationExternalId"/>.</summary>
    public string? OrganizationExternalId { get; init; }
    /// <summary>JSON object text, already checked to be an object.</summary>
    public string? TrustedMetadata { get; init; }
    /// <summary>See <see cref="StytchOrganization.SsoJitProvisioning"/>.</summary>
    public string? SsoJitProvisioning { get; init; }
    /// <summary>See <see cref="StytchOrganization.SsoJitProvisioningAllowedConnections"/>.</summary>
    public IReadOnlyList<string>? SsoJitProvisioningAllowedConnections { get; init; }
    /// <summary>See <see cref="StytchOrganization.SsoDefaultConnectionId"/>.</summary>
    public string? SsoDefaultConnectionId { get; init; }
    /// <summary>See <see cref="StytchOrganization.EmailAllowedDomains"/>.</summary>
    public IReadOnlyList<string>? EmailAllowedDomains { get; init; }
    /// <summary>See <see cref="StytchOrganization.EmailJitProvisioning"/>.</summary>
    public string? EmailJitProvisioning { get; init; }
    /// <summary>See <see cref="StytchOrganization.EmailInvites"/>.</summary>
    public string? EmailInvites { get; init; }
    /// <summary>See <see cref="StytchOrganization.AuthMethods"/>.</summary>
    public string? AuthMethods { get; init; }
    /// <summary>See <see cref="StytchOrganization.AllowedAuthMethods"/>.</summary>
    public IReadOnlyList<string>? AllowedAuthMethods { get; init; }
    /// <summary>See <see cref="StytchOrganization.MfaPolicy"/>.</summary>
    public string? MfaPolicy { get; init; }
    /// <summary>See <see cref="StytchOrganization.MfaMethods"/>.</summary>
    public string? MfaMethods { get; init; }
    /// <summary>See <see cref="StytchOrganization.AllowedMfaMethods"/>.</summary>
    public IReadOnlyList<string>? AllowedMfaMethods { get; init; }
    /// <summary>See <see cref="StytchOrganization.RbacEmailImplicitRoleAssignments"/>.</summary>
    public IReadOnlyList<EmailImplicitRoleAssignment>? RbacEmailImplicitRoleAssignments { get; init; }
    /// <summary>See <see cref="StytchOrganization.OauthTenantJitProvisioning"/>.</summary>
    public string? OauthTenantJitProvisioning { get; init; }
    /// <summary>JSON object text, already checked to be an object.</summary>
    public string? AllowedOauthTenants { get; init; }
    /// <summary>See <see cref="StytchOrganization.ClaimedEmailDomains"/>.</summary>
    public IReadOnlyList<string>? ClaimedEmailDomains { get; init; }
    /// <summary>See <see cref="StytchOrganization.FirstPartyConnectedAppsAllowedType"/>.</summary>
    public string? FirstPartyConnectedAppsAllowedType { get; init; }
    /// <summary>See <see cref="StytchOrganization.AllowedFirstPartyConnectedApps"/>.</summary>
    public IReadOnlyList<string>? AllowedFirstPartyConnectedApps { get; init; }
    /// <summary>See <see cref="StytchOrganization.ThirdPartyConnectedAppsAllowedType"/>.</summary>
    public string? ThirdPartyConnectedAppsAllowedType { get; init; }
    /// <summary>See <see cref="StytchOrganization.AllowedThirdPartyConnectedApps"/>.</summary>
    public IReadOnlyList<string>? AllowedThirdPartyConnectedApps { get; init; }
}
