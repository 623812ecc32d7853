using Stytch.Fake.Core.Passwords.Migration;
using Stytch.Fake.Products.B2B.Members;

namespace Stytch.Fake.Products.B2B.Passwords;

/// <summary>The session part every B2B password call that logs a member in shares.</summary>
internal sealed record B2BPasswordSessionOptions
{
    /// <summary>Session lifetime, 5..527040; default 60 for a new session, unchanged for an extended one.</summary>
    public int? SessionDurationMinutes { get; init; }
    /// <summary>Extend the member session with this token instead of starting a new one (ignored if it is another member's).</summary>
    public string? SessionToken { get; init; }
    /// <summary>Extend the member session with this id (from a verified JWT) instead of starting a new one.</summary>
    public string? SessionId { get; init; }
    /// <summary>Claims to merge into the member session's custom claims; null when none were sent.</summary>
    public IReadOnlyDictionary<string, object?>? CustomClaims { get; init; }
    /// <summary>The locale of an MFA SMS code sent when the login stops at MFA.</summary>
    public string? Locale { get; init; }
    /// <summary>The intermediate session the password is added to (authenticate and email reset); null for none.</summary>
    public string? IntermediateSessionToken { get; init; }
}

/// <summary>What <c>b2b/passwords/authenticate</c> is asked to do.</summary>
internal sealed record B2BPasswordAuthenticateCommand
{
    public required string? OrganizationId { get; init; }
    public required string? EmailAddress { get; init; }
    public required string? Password { get; init; }
    public B2BPasswordSessionOptions Session { get; init; } = new();
}

/// <summary>What <c>b2b/passwords/existing_password/reset</c> is asked to do.</summary>
internal sealed record B2BExistingPasswordResetCommand
{
    public required string? OrganizationId { get; init; }
    public required string? EmailAddress { get; init; }
    public required string? ExistingPassword { get; init; }
    public required string? NewPassword { get; init; }
    public B2BPasswordSessionOptions Session { get; init; } = new();
}

/// <summary>What <c>b2b/passwords/session/reset</c> is asked to do: the session is required, it is the proof.</summary>
internal sealed record B2BSessionPasswordResetCommand
{
    public required string? OrganizationId { get; init; }
    public required string? Password { get; init; }
    public B2BPasswordSessionOptions Session { get; init; } = new();
}

/// <summary>What <c>b2b/passwords/email/reset/start</c> is asked to do.</summary>
internal sealed record B2BPasswordResetStartCommand
{
    public required string? OrganizationId { get; init; }
    public required string? EmailAddress { get; init; }
    /// <summary>Where the reset link lands; the project's default reset_password URL when null.</summary>
    public string? ResetPasswordRedirectUrl { get; init; }
    /// <summary>Minutes the link lives, 5..10080; default 30.</summary>
    public int? ResetPasswordExpirationMinutes { get; init; }
    /// <summary>The PKCE challenge the reset must answer with its verifier; null for none.</summary>
    public string? CodeChallenge { get; init; }
    /// <summary>The login URL of the email's "log in without password" button; only checked against the project's list.</summary>
    public string? LoginRedirectUrl { get; init; }
    public string? Locale { get; init; }
    public string? ResetPasswordTemplateId { get; init; }
}

/// <summary>What <c>b2b/passwords/discovery/email/reset/start</c> is asked to do.</summary>
internal sealed record B2BDiscoveryResetStartCommand
{
    public required string? EmailAddress { get; init; }
    /// <summary>Where the reset link lands; the project's default reset_password URL when null.</summary>
    public string? ResetPasswordRedirectUrl { get; init; }
    /// <summary>The discovery URL of the email's login button; only checked against the project's list.</summary>
    public string? DiscoveryRedirectUrl { get; init; }
    /// <summary>Minutes the link lives, 5..10080; default 30.</summary>
    public int? ResetPasswordExpirationMinutes { get; init; }
    /// <summary>The PKCE challenge the reset must answer with its verifier; null for none.</summary>
    public string? PkceCodeChallenge { get; init; }
    public string? Locale { get; init; }
}

/// <summary>What <c>b2b/passwords/email/reset</c> is asked to do.</summary>
internal sealed record B2BPasswordEmailResetCommand
{
    public required string? PasswordResetToken { get; init; }
    public required string? Password { get; init; }
    public string? CodeVerifier { get; init; }
    public B2BPasswordSessionOptions Session { get; init; } = new();
}

/// <summary>What <c>b2b/passwords/migrate</c> is asked to do.</summary>
internal sealed record B2BPasswordMigrateCommand
{
    public required string? OrganizationId { get; init; }
    public required string? EmailAddress { get; init; }
    /// <summary>The hash with its type and parameters, unchecked.</summary>
    public required LegacyHash Hash { get; init; }
    /// <summary>Name, metadata, roles, MFA phone and external id for a new member (and, but for the external id, an existing one).</summary>
    public MemberFields Fields { get; init; } = new();
}

/// <summary>The answer of migrate and of reset start.</summary>
internal sealed record B2BPasswordMember(StytchMember Member, StytchOrganization Organization, bool MemberCreated);
