using Stytch.Fake.Products.B2B.Members;
using Stytch.Fake.Products.B2B.Mfa;

namespace Stytch.Fake.Products.B2B.MagicLinks;

/// <summary>What <c>b2b/magic_links/email/login_or_signup</c> is asked to do.</summary>
internal sealed record B2BLinkLoginOrSignupCommand
{
    /// <summary>The organization id, slug or external id.</summary>
    public required string? OrganizationId { get; init; }
    /// <summary>The member's email address.</summary>
    public required string? EmailAddress { get; init; }
    /// <summary>Where a login link lands; the project's default login URL when null.</summary>
    public string? LoginRedirectUrl { get; init; }
    /// <summary>Where a signup link lands; the project's default signup URL when null.</summary>
    public string? SignupRedirectUrl { get; init; }
    /// <summary>The PKCE challenge authenticate must answer with its verifier; null for none.</summary>
    public string? PkceCodeChallenge { get; init; }
    /// <summary>The login template to record on the message.</summary>
    public string? LoginTemplateId { get; init; }
    /// <summary>The signup template to record on the message.</summary>
    public string? SignupTemplateId { get; init; }
    /// <summary><c>en</c>, <c>es</c>, <c>fr</c> or <c>pt-br</c>; default <c>en</c>.</summary>
    public string? Locale { get; init; }
    /// <summary>Minutes a login link lives, 5..10080; default 60.</summary>
    public int? LoginExpirationMinutes { get; init; }
    /// <summary>Minutes a signup link lives, 5..10080; default 60.</summary>
    public int? SignupExpirationMinutes { get; init; }
}

/// <summary>What <c>b2b/magic_links/email/invite</c> is asked to do.</summary>
internal sealed record B2BLinkInviteCommand
{
    /// <summary>The organization id, slug or external id.</summary>
    public required string? OrganizationId { get; init; }
    /// <summary>The invited address.</summary>
    public required string? EmailAddress { get; init; }
    /// <summary>Where the invite link lands; the project's default invite URL when null.</summary>
    public string? InviteRedirectUrl { get; init; }
    /// <summary>The member who sends the invite: a live member of the organization, when given.</summary>
    public string? InvitedByMemberId { get; init; }
    /// <summary>The name, metadata and roles the invited member gets (its address is <see cref="EmailAddress"/>).</summary>
    public MemberFields Fields { get; init; } = new();
    /// <summary>The invite template to record on the message.</summary>
    public string? InviteTemplateId { get; init; }
    /// <summary><c>en</c>, <c>es</c>, <c>fr</c> or <c>pt-br</c>; default <c>en</c>.</summary>
    public string? Locale { get; init; }
    /// <summary>Minutes the invite link lives, 5..10080; default 10080 (one week).</summary>
    public int? InviteExpirationMinutes { get; init; }
}

/// <summary>What <c>b2b/magic_links/authenticate</c> is asked to do.</summary>
internal sealed record B2BLinkAuthenticateCommand
{
    /// <summary>The token the link carried.</summary>
    public required string? MagicLinksToken { get; init; }
    /// <summary>The PKCE verifier, when the link was sent with a challenge.</summary>
    public string? PkceCodeVerifier { get; init; }
    /// <summary>Session lifetime, 5..527040; default 60 for a new session, unchanged for an extended one.</summary>
    public int? SessionDurationMinutes { get; init; }
    /// <summary>Extend the member session with this token instead of starting a new one (ignored if it is another member's).</summary>
    public string? SessionToken { get; init; }
    /// <summary>Extend the member session with this id (from a verified JWT) instead of starting a new one.</summary>
    public string? SessionId { get; init; }
    /// <summary>The intermediate session of an earlier step (a discovery login, or a primary factor another organization's policy wanted more than).</summary>
    public string? IntermediateSessionToken { get; init; }
    /// <summary>The locale; only checked.</summary>
    public string? Locale { get; init; }
    /// <summary>Claims to merge into the member session's custom claims; null when none were sent.</summary>
    public IReadOnlyDictionary<string, object?>? CustomClaims { get; init; }
}

/// <summary>The answer to a successful login_or_signup or invite.</summary>
/// <param name="Member">The member the link was sent to.</param>
/// <param name="Organization">Their organization.</param>
/// <param name="MemberCreated">True when the call created the member.</param>
/// <param name="Kind">Whether a login, a signup or an invite link was sent.</param>
internal sealed record B2BLinkSent(StytchMember Member, StytchOrganization Organization, bool MemberCreated, MessageKind Kind);

/// <summary>The answer to a successful B2B magic link authenticate.</summary>
/// <param name="Member">The member, now active and verified.</param>
/// <param name="Organization">Their organization.</param>
/// <param name="MethodId">The member's email id.</param>
/// <param name="Login">The member session, or the intermediate session and the step still missing.</param>
internal sealed record B2BLinkAuthenticated(StytchMember Member, StytchOrganization Organization, string MethodId, B2BLogin Login)
{
    /// <summary>The created or extended member session; null when the organization wants another step.</summary>
    public MemberSession? Session => Login.Session;
}

/// <summary>
/// What a B2B magic-link token stands for, kept as its one-time secret's payload: whom it logs in, what it was sent as,
/// and the PKCE challenge it was sent with.
/// </summary>
/// <param name="OrganizationId">The member's organization.</param>
/// <param name="MemberId">The member.</param>
/// <param name="Kind">Login, signup or invite.</param>
/// <param name="PkceCodeChallenge">The challenge authenticate must answer, or null for none.</param>
internal sealed record B2BLinkPayload(string OrganizationId, string MemberId, MessageKind Kind, string? PkceCodeChallenge);
