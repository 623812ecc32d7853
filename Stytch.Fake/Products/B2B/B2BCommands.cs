namespace Stytch.Fake.Products.B2B;

/// <summary>Member fields to create or update with; null means "not given".</summary>
internal sealed record MemberFields
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
internal sealed record LoginOrSignupOptions
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
internal sealed record B2BOtpSent(StytchMember Member, StytchOrganization Organization, bool MemberCreated, OtpKind Kind);

/// <summary>What <c>b2b/otps/email/authenticate</c> is asked to do.</summary>
internal sealed record B2BOtpAuthenticateCommand
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
internal sealed record B2BOtpAuthenticated(StytchMember Member, StytchOrganization Organization, string MethodId, MemberSession Session);

/// <summary>An RBAC check to run while authenticating a member session.</summary>
/// <param name="OrganizationId">Must be the session's organization.</param>
/// <param name="ResourceId">The resource, e.g. <c>stytch.member</c>.</param>
/// <param name="Action">The action, e.g. <c>search</c>.</param>
internal sealed record AuthorizationCheck(string OrganizationId, string ResourceId, string Action);

/// <summary>Why an authorization check passed.</summary>
/// <param name="Authorized">Always true (a refused check is an error).</param>
/// <param name="GrantingRoles">The member's roles that grant the action.</param>
internal sealed record AuthorizationVerdict(bool Authorized, IReadOnlyList<string> GrantingRoles);

/// <summary>The answer to a successful B2B sessions/authenticate.</summary>
/// <param name="Session">The session, with <c>last_accessed_at</c> (and maybe <c>expires_at</c>) moved.</param>
/// <param name="Member">Its member.</param>
/// <param name="Organization">Its organization.</param>
/// <param name="Verdict">The authorization verdict, when a check was asked for.</param>
internal sealed record MemberSessionAuthenticated(MemberSession Session, StytchMember Member, StytchOrganization Organization, AuthorizationVerdict? Verdict);

/// <summary>One page of organizations.</summary>
/// <param name="Organizations">The page.</param>
/// <param name="Total">How many match in all.</param>
/// <param name="NextCursor">The cursor of the next page, or null on the last page.</param>
internal sealed record OrganizationSearchPage(IReadOnlyList<StytchOrganization> Organizations, int Total, string? NextCursor);

/// <summary>One page of members, with the organizations they belong to.</summary>
/// <param name="Members">The page.</param>
/// <param name="Organizations">Every organization of a member on the page, by id.</param>
/// <param name="Total">How many match in all.</param>
/// <param name="NextCursor">The cursor of the next page, or null on the last page.</param>
internal sealed record MemberSearchPage(IReadOnlyList<StytchMember> Members, IReadOnlyDictionary<string, StytchOrganization> Organizations, int Total, string? NextCursor);

/// <summary>The newest B2B code issued for one (organization, email), as a snapshot holds it.</summary>
/// <param name="OrganizationId">The organization.</param>
/// <param name="EmailAddress">The email address.</param>
/// <param name="Code">The six-digit code.</param>
/// <param name="ExpiresAt">When it stops working.</param>
/// <param name="Used">Whether it was already used.</param>
internal sealed record B2BOtpSnapshot(string OrganizationId, string EmailAddress, string Code, DateTimeOffset ExpiresAt, bool Used);

/// <summary>The whole B2B state of a project, to save and load.</summary>
/// <param name="Organizations">Every organization, oldest first.</param>
/// <param name="Members">Every member (deleted ones included), oldest first.</param>
/// <param name="Otps">The live code of each (organization, email).</param>
/// <param name="Sessions">Every member session.</param>
internal sealed record B2BSnapshot(
    IReadOnlyList<StytchOrganization> Organizations,
    IReadOnlyList<StytchMember> Members,
    IReadOnlyList<B2BOtpSnapshot> Otps,
    IReadOnlyList<MemberSession> Sessions);
