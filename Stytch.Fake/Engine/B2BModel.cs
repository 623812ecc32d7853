namespace Stytch.Fake.Engine;

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

/// <summary>A B2B member session.</summary>
/// <param name="MemberSessionId">The <c>member-session-test-…</c> id.</param>
/// <param name="MemberId">Whose session it is.</param>
/// <param name="OrganizationId">The member's organization.</param>
/// <param name="OrganizationSlug">The organization's slug when the session was last authenticated.</param>
/// <param name="SessionToken">The opaque token the client holds.</param>
/// <param name="StartedAt">When the session was created.</param>
/// <param name="LastAccessedAt">When it was last authenticated or extended.</param>
/// <param name="ExpiresAt">When it stops working.</param>
/// <param name="AuthenticationFactors">The factors it was authenticated with.</param>
/// <param name="Roles">The member's role ids when the session was last authenticated.</param>
public sealed record MemberSession(
    string MemberSessionId,
    string MemberId,
    string OrganizationId,
    string OrganizationSlug,
    string SessionToken,
    DateTimeOffset StartedAt,
    DateTimeOffset LastAccessedAt,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<AuthenticationFactor> AuthenticationFactors,
    IReadOnlyList<string> Roles)
{
    /// <summary>The session's custom claims (see <c>session_custom_claims</c>): null, bool, double, string, lists and maps.</summary>
    public IReadOnlyDictionary<string, object?> CustomClaims { get; init; } = Engine.CustomClaims.None;
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

/// <summary>Member fields to create or update with; null means "not given".</summary>
public sealed record MemberFields
{
    /// <summary>The email address (required on create).</summary>
    public string? EmailAddress { get; init; }
    /// <summary>The member's name.</summary>
    public string? Name { get; init; }
    /// <summary>JSON object text, already checked to be an object.</summary>
    public string? TrustedMetadata { get; init; }
    /// <summary>JSON object text, already checked to be an object.</summary>
    public string? UntrustedMetadata { get; init; }
    /// <summary>Break glass member.</summary>
    public bool? IsBreakglass { get; init; }
    /// <summary>E.164 phone number.</summary>
    public string? MfaPhoneNumber { get; init; }
    /// <summary>MFA enrolment.</summary>
    public bool? MfaEnrolled { get; init; }
    /// <summary>Explicit roles; replaces the current ones on update.</summary>
    public IReadOnlyList<string>? Roles { get; init; }
    /// <summary>The organization-unique external id.</summary>
    public string? ExternalId { get; init; }
    /// <summary>Update only: <c>sms_otp</c> or <c>totp</c>.</summary>
    public string? DefaultMfaMethod { get; init; }
    /// <summary>Update only: drop the old address instead of retiring it when <see cref="EmailAddress"/> changes.</summary>
    public bool? UnlinkEmail { get; init; }
}

/// <summary>Options of <c>b2b/otps/email/login_or_signup</c>.</summary>
public sealed record LoginOrSignupOptions
{
    /// <summary>Minutes a login code lives, 2..15; default 10.</summary>
    public int? LoginExpirationMinutes { get; init; }
    /// <summary>Minutes a signup code lives, 2..15; default 10.</summary>
    public int? SignupExpirationMinutes { get; init; }
    /// <summary><c>en</c>, <c>es</c>, <c>fr</c> or <c>pt-br</c>; default <c>en</c>.</summary>
    public string? Locale { get; init; }
    /// <summary>The login template to record on the message.</summary>
    public string? LoginTemplateId { get; init; }
    /// <summary>The signup template to record on the message.</summary>
    public string? SignupTemplateId { get; init; }
}

/// <summary>The answer to a successful login_or_signup.</summary>
/// <param name="Member">The member the code was sent to.</param>
/// <param name="Organization">Their organization.</param>
/// <param name="MemberCreated">True when the call created the member (email JIT provisioning).</param>
/// <param name="Kind">Whether a login or a signup code was sent.</param>
public sealed record B2BOtpSent(StytchMember Member, StytchOrganization Organization, bool MemberCreated, OtpKind Kind);

/// <summary>What <c>b2b/otps/email/authenticate</c> is asked to do.</summary>
public sealed record B2BOtpAuthenticateCommand
{
    /// <summary>The organization id, slug or external id.</summary>
    public required string? OrganizationId { get; init; }
    /// <summary>The member's email address.</summary>
    public required string? EmailAddress { get; init; }
    /// <summary>The six-digit code.</summary>
    public required string? Code { get; init; }
    /// <summary>Session lifetime, 5..527040; default 60 for a new session, unchanged for an extended one.</summary>
    public int? SessionDurationMinutes { get; init; }
    /// <summary>Extend the member session with this token instead of starting a new one.</summary>
    public string? SessionToken { get; init; }
    /// <summary>Extend the member session with this id (from a verified JWT) instead of starting a new one.</summary>
    public string? SessionId { get; init; }
    /// <summary>An intermediate session token; the fake issues none, so any value is unknown.</summary>
    public string? IntermediateSessionToken { get; init; }
    /// <summary>The locale; only checked.</summary>
    public string? Locale { get; init; }
    /// <summary>Claims to merge into the member session's custom claims; null when none were sent.</summary>
    public IReadOnlyDictionary<string, object?>? CustomClaims { get; init; }
}

/// <summary>The answer to a successful B2B OTP authenticate.</summary>
/// <param name="Member">The member, now active and verified.</param>
/// <param name="Organization">Their organization.</param>
/// <param name="MethodId">The member's email id.</param>
/// <param name="Session">The created or extended member session.</param>
public sealed record B2BOtpAuthenticated(StytchMember Member, StytchOrganization Organization, string MethodId, MemberSession Session);

/// <summary>An RBAC check to run while authenticating a member session.</summary>
/// <param name="OrganizationId">Must be the session's organization.</param>
/// <param name="ResourceId">The resource, e.g. <c>stytch.member</c>.</param>
/// <param name="Action">The action, e.g. <c>search</c>.</param>
public sealed record AuthorizationCheck(string OrganizationId, string ResourceId, string Action);

/// <summary>Why an authorization check passed.</summary>
/// <param name="Authorized">Always true (a refused check is an error).</param>
/// <param name="GrantingRoles">The member's roles that grant the action.</param>
public sealed record AuthorizationVerdict(bool Authorized, IReadOnlyList<string> GrantingRoles);

/// <summary>The answer to a successful B2B sessions/authenticate.</summary>
/// <param name="Session">The session, with <c>last_accessed_at</c> (and maybe <c>expires_at</c>) moved.</param>
/// <param name="Member">Its member.</param>
/// <param name="Organization">Its organization.</param>
/// <param name="Verdict">The authorization verdict, when a check was asked for.</param>
public sealed record MemberSessionAuthenticated(MemberSession Session, StytchMember Member, StytchOrganization Organization, AuthorizationVerdict? Verdict);

/// <summary>A search filter value as sent: a string, a boolean or a list of strings (exactly one is set).</summary>
public sealed record SearchValue
{
    /// <summary>A string value.</summary>
    public string? Text { get; init; }
    /// <summary>A boolean value.</summary>
    public bool? Flag { get; init; }
    /// <summary>A list of strings.</summary>
    public IReadOnlyList<string>? List { get; init; }
}

/// <summary>One operand of a search query.</summary>
/// <param name="FilterName">The filter, e.g. <c>organization_slugs</c>.</param>
/// <param name="FilterValue">Its value.</param>
public sealed record SearchOperand(string FilterName, SearchValue FilterValue);

/// <summary>A search: <c>AND</c> or <c>OR</c> over operands, a cursor and a page size.</summary>
public sealed record SearchRequest
{
    /// <summary><c>AND</c> (default) or <c>OR</c>.</summary>
    public string Operator { get; init; } = "AND";
    /// <summary>The filters; none returns everything.</summary>
    public IReadOnlyList<SearchOperand> Operands { get; init; } = [];
    /// <summary>The <c>next_cursor</c> of the previous page.</summary>
    public string? Cursor { get; init; }
    /// <summary>Page size, 1..1000; default 100.</summary>
    public int? Limit { get; init; }
}

/// <summary>One page of organizations.</summary>
/// <param name="Organizations">The page.</param>
/// <param name="Total">How many match in all.</param>
/// <param name="NextCursor">The cursor of the next page, or null on the last page.</param>
public sealed record OrganizationSearchPage(IReadOnlyList<StytchOrganization> Organizations, int Total, string? NextCursor);

/// <summary>One page of members, with the organizations they belong to.</summary>
/// <param name="Members">The page.</param>
/// <param name="Organizations">Every organization of a member on the page, by id.</param>
/// <param name="Total">How many match in all.</param>
/// <param name="NextCursor">The cursor of the next page, or null on the last page.</param>
public sealed record MemberSearchPage(IReadOnlyList<StytchMember> Members, IReadOnlyDictionary<string, StytchOrganization> Organizations, int Total, string? NextCursor);

/// <summary>The newest B2B code issued for one (organization, email), as a snapshot holds it.</summary>
/// <param name="OrganizationId">The organization.</param>
/// <param name="EmailAddress">The email address.</param>
/// <param name="Code">The six-digit code.</param>
/// <param name="ExpiresAt">When it stops working.</param>
/// <param name="Used">Whether it was already used.</param>
public sealed record B2BOtpSnapshot(string OrganizationId, string EmailAddress, string Code, DateTimeOffset ExpiresAt, bool Used);

/// <summary>The whole B2B state of a project, to save and load.</summary>
/// <param name="Organizations">Every organization, oldest first.</param>
/// <param name="Members">Every member (deleted ones included), oldest first.</param>
/// <param name="Otps">The live code of each (organization, email).</param>
/// <param name="Sessions">Every member session.</param>
public sealed record B2BSnapshot(
    IReadOnlyList<StytchOrganization> Organizations,
    IReadOnlyList<StytchMember> Members,
    IReadOnlyList<B2BOtpSnapshot> Otps,
    IReadOnlyList<MemberSession> Sessions);
