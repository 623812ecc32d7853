namespace Stytch.Fake;

// The B2B objects as the engine holds them. Free-form JSON objects (metadata, allowed_oauth_tenants) are kept
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

/// <summary>An email address a member used before an update replaced it.</summary>
/// <param name="EmailId">The email id it had.</param>
/// <param name="EmailAddress">The address.</param>
public sealed record RetiredEmail(string EmailId, string EmailAddress);

/// <summary>A B2B member of one organization.</summary>
public sealed record StytchMember
{
    /// <summary>The organization the member belongs to.</summary>
    public required string OrganizationId { get; init; }
    /// <summary>The <c>member-test-…</c> id.</summary>
    public required string MemberId { get; init; }
    /// <summary>The email address, lower case.</summary>
    public required string EmailAddress { get; init; }
    /// <summary>The <c>email-test-…</c> id of that address: the <c>method_id</c> and <c>email_factor.email_id</c>.</summary>
    public required string EmailId { get; init; }
    /// <summary><c>pending</c>, <c>invited</c>, <c>active</c> or <c>deleted</c>.</summary>
    public required string Status { get; init; }
    /// <summary>The member's name, or empty.</summary>
    public string Name { get; init; } = "";
    /// <summary>Whether the member bypasses the organization's auth settings.</summary>
    public bool IsBreakglass { get; init; }
    /// <summary>True once a code sent to the address was authenticated.</summary>
    public bool EmailAddressVerified { get; init; }
    /// <summary>The MFA phone number (E.164), or empty.</summary>
    public string MfaPhoneNumber { get; init; } = "";
    /// <summary>Whether the member is enrolled in MFA.</summary>
    public bool MfaEnrolled { get; init; }
    /// <summary><c>sms_otp</c>, <c>totp</c> or empty.</summary>
    public string DefaultMfaMethod { get; init; } = "";
    /// <summary>Explicitly assigned roles (every member also has <c>stytch_member</c>).</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];
    /// <summary>The trusted metadata as JSON object text.</summary>
    public string TrustedMetadata { get; init; } = "{}";
    /// <summary>The untrusted metadata as JSON object text.</summary>
    public string UntrustedMetadata { get; init; } = "{}";
    /// <summary>The organization-unique external id, or empty; usable wherever a member id is expected.</summary>
    public string ExternalId { get; init; } = "";
    /// <summary>Addresses the member had before.</summary>
    public IReadOnlyList<RetiredEmail> RetiredEmailAddresses { get; init; } = [];
    /// <summary>When the member was created, on the project clock.</summary>
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>When the member was last changed, on the project clock.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>Where one of a member's roles comes from.</summary>
/// <param name="Type"><c>direct_assignment</c> or <c>email_assignment</c>.</param>
/// <param name="EmailDomain">For <c>email_assignment</c>, the domain that granted it; else null.</param>
public sealed record RoleSource(string Type, string? EmailDomain);

/// <summary>One of a member's effective roles, with its sources.</summary>
/// <param name="RoleId">The role id.</param>
/// <param name="Sources">Why the member has it.</param>
public sealed record MemberRole(string RoleId, IReadOnlyList<RoleSource> Sources);

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
