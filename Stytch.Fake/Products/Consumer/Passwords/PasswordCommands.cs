using Stytch.Fake.Core;

namespace Stytch.Fake.Products.Consumer.Passwords;

/// <summary>How a password call asks for a session: start one, or extend the caller's.</summary>
internal sealed record PasswordSessionOptions
{
    /// <summary>Create (or extend) a session for this many minutes, 5..527040; null for no new session.</summary>
    public int? SessionDurationMinutes { get; init; }
    /// <summary>Extend the session with this token.</summary>
    public string? SessionToken { get; init; }
    /// <summary>Extend the session with this id (resolved from a session JWT).</summary>
    public string? SessionId { get; init; }
    /// <summary>Claims to merge into the session's custom claims; null when none were sent.</summary>
    public IReadOnlyDictionary<string, object?>? CustomClaims { get; init; }
    /// <summary>The request's attributes, recorded on the session.</summary>
    public RequestAttributes Attributes { get; init; } = RequestAttributes.None;

    /// <summary>No session asked for.</summary>
    public static PasswordSessionOptions None { get; } = new();
}

/// <summary>What <c>passwords/email/reset/start</c> is asked to do.</summary>
internal sealed record PasswordResetStartCommand
{
    /// <summary>The user's email.</summary>
    public required string? Email { get; init; }
    /// <summary>Where the link leads; the project's default reset_password URL when null or empty.</summary>
    public string? ResetPasswordRedirectUrl { get; init; }
    /// <summary>Minutes the link lives, 5..10080; default 30.</summary>
    public int? ResetPasswordExpirationMinutes { get; init; }
    /// <summary>The "log in without password" URL; the project's default login URL when null or empty.</summary>
    public string? LoginRedirectUrl { get; init; }
    /// <summary>The PKCE challenge the reset must answer; null for none.</summary>
    public string? CodeChallenge { get; init; }
    /// <summary><c>en</c>, <c>es</c>, <c>fr</c> or <c>pt-br</c>; default <c>en</c>.</summary>
    public string? Locale { get; init; }
    /// <summary>The request's attributes, recorded on the token for <see cref="AttributeMatchOptions"/>.</summary>
    public RequestAttributes Attributes { get; init; } = RequestAttributes.None;
}

/// <summary>What <c>passwords/email/reset</c> is asked to do.</summary>
internal sealed record PasswordResetCommand
{
    /// <summary>The token from the reset link.</summary>
    public required string Token { get; init; }
    /// <summary>The new password.</summary>
    public required string Password { get; init; }
    /// <summary>The PKCE verifier, when the reset was started with a challenge.</summary>
    public string? CodeVerifier { get; init; }
    /// <summary>Which attributes must match those the reset was started with.</summary>
    public AttributeMatchOptions Options { get; init; } = AttributeMatchOptions.None;
    /// <summary>The session asked for.</summary>
    public PasswordSessionOptions Session { get; init; } = PasswordSessionOptions.None;
}

/// <summary>The answer of a password call that authenticates a user.</summary>
/// <param name="User">The user.</param>
/// <param name="Session">The created or extended session, or null when none was asked for.</param>
internal sealed record PasswordAuthenticated(StytchUser User, StytchSession? Session);

/// <summary>The answer of <c>POST /v1/passwords</c>.</summary>
/// <param name="User">The new user.</param>
/// <param name="Session">Their session, or null when none was asked for.</param>
internal sealed record PasswordCreated(StytchUser User, StytchSession? Session);
