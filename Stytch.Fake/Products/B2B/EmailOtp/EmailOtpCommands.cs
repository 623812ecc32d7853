using Stytch.Fake.Products.B2B.Mfa;

namespace Stytch.Fake.Products.B2B.EmailOtp;

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
internal sealed record B2BOtpSent(StytchMember Member, StytchOrganization Organization, bool MemberCreated, MessageKind Kind);

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
    /// <summary>The intermediate session of an earlier step (a discovery login, or a primary factor another organization's policy wanted more than).</summary>
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
/// <param name="Login">The member session, or the intermediate session and the step still missing.</param>
internal sealed record B2BOtpAuthenticated(StytchMember Member, StytchOrganization Organization, string MethodId, B2BLogin Login)
{
    /// <summary>The created or extended member session; null when the organization wants another step.</summary>
    public MemberSession? Session => Login.Session;
}

/// <summary>The newest B2B code issued for one (organization, email), as a snapshot holds it.</summary>
/// <param name="OrganizationId">The organization.</param>
/// <param name="EmailAddress">The email address.</param>
/// <param name="Code">The six-digit code.</param>
/// <param name="ExpiresAt">When it stops working.</param>
/// <param name="Used">Whether it was already used.</param>
internal sealed record B2BOtpSnapshot(string OrganizationId, string EmailAddress, string Code, DateTimeOffset ExpiresAt, bool Used);
