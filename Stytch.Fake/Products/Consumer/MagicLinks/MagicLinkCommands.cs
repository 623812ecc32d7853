using Stytch.Fake.Core;

namespace Stytch.Fake.Products.Consumer.MagicLinks;

/// <summary>Options of <c>magic_links/email/login_or_create</c> and <c>magic_links/email/send</c>.</summary>
internal sealed record MagicLinkSendOptions
{
    /// <summary>The login link's redirect URL; the project's default login URL when null or empty.</summary>
    public string? LoginMagicLinkUrl { get; init; }
    /// <summary>The signup link's redirect URL; the project's default signup URL when null or empty.</summary>
    public string? SignupMagicLinkUrl { get; init; }
    /// <summary>Minutes a login link lives, 5..10080; default 60.</summary>
    public int? LoginExpirationMinutes { get; init; }
    /// <summary>Minutes a signup link lives, 5..10080; default 10080 (one week).</summary>
    public int? SignupExpirationMinutes { get; init; }
    /// <summary>The login template to record on the message.</summary>
    public string? LoginTemplateId { get; init; }
    /// <summary>The signup template to record on the message.</summary>
    public string? SignupTemplateId { get; init; }
    /// <summary><c>en</c>, <c>es</c>, <c>fr</c> or <c>pt-br</c>; default <c>en</c>.</summary>
    public string? Locale { get; init; }
    /// <summary>The PKCE challenge (base64url SHA-256 of the verifier) authenticate must answer; null for none.</summary>
    public string? CodeChallenge { get; init; }
    /// <summary>login_or_create only: create a new user as <c>pending</c> instead of <c>active</c>.</summary>
    public bool CreateUserAsPending { get; init; }
    /// <summary>The request's attributes, recorded on the token for <see cref="AttributeMatchOptions"/>.</summary>
    public RequestAttributes Attributes { get; init; } = RequestAttributes.None;
}

/// <summary>Options of <c>magic_links/email/invite</c>.</summary>
internal sealed record MagicLinkInviteOptions
{
    /// <summary>The invite link's redirect URL; the project's default invite URL when null or empty.</summary>
    public string? InviteMagicLinkUrl { get; init; }
    /// <summary>Minutes the invite link lives, 5..10080; default 60.</summary>
    public int? InviteExpirationMinutes { get; init; }
    /// <summary>The invite template to record on the message.</summary>
    public string? InviteTemplateId { get; init; }
    /// <summary><c>en</c>, <c>es</c>, <c>fr</c> or <c>pt-br</c>; default <c>en</c>.</summary>
    public string? Locale { get; init; }
    /// <summary>The request's attributes, recorded on the token.</summary>
    public RequestAttributes Attributes { get; init; } = RequestAttributes.None;
}

/// <summary>The answer to a successful send, login_or_create or invite.</summary>
/// <param name="UserId">The user the link was sent to.</param>
/// <param name="EmailId">The user's email id.</param>
/// <param name="UserCreated">True when login_or_create or invite created the user.</param>
internal sealed record MagicLinkSent(string UserId, string EmailId, bool UserCreated);

/// <summary>What a magic-link token names, kept as its one-time secret's payload.</summary>
/// <param name="UserId">The user it logs in.</param>
/// <param name="EmailId">The email it was sent to (or the user's email, for an embeddable link).</param>
/// <param name="Kind">Login, signup or invite.</param>
/// <param name="CodeChallenge">The PKCE challenge it was issued with, or null.</param>
/// <param name="Embedded">True for an embeddable link (<c>POST /v1/magic_links</c>): it proves no email, so it verifies none.</param>
internal sealed record MagicLinkPayload(string UserId, string EmailId, MessageKind Kind, string? CodeChallenge, bool Embedded);

/// <summary>What <c>magic_links/authenticate</c> is asked to do.</summary>
internal sealed record MagicLinkAuthenticateCommand
{
    /// <summary>The token from the link's <c>token</c> query parameter.</summary>
    public required string Token { get; init; }
    /// <summary>The PKCE verifier, when the link was sent with a challenge.</summary>
    public string? CodeVerifier { get; init; }
    /// <summary>Create (or extend) a session for this many minutes, 5..527040; null for no session.</summary>
    public int? SessionDurationMinutes { get; init; }
    /// <summary>Extend the session with this token instead of starting a new one.</summary>
    public string? SessionToken { get; init; }
    /// <summary>Extend the session with this id (resolved from a session JWT) instead of starting a new one.</summary>
    public string? SessionId { get; init; }
    /// <summary>The request's attributes: compared with the token's when <see cref="Options"/> asks, and recorded on the session.</summary>
    public RequestAttributes Attributes { get; init; } = RequestAttributes.None;
    /// <summary>Which attributes must match those the link was sent with.</summary>
    public AttributeMatchOptions Options { get; init; } = AttributeMatchOptions.None;
    /// <summary>Claims to merge into the session's custom claims; null when none were sent.</summary>
    public IReadOnlyDictionary<string, object?>? CustomClaims { get; init; }
}

/// <summary>The answer to a successful <c>magic_links/authenticate</c>.</summary>
/// <param name="User">The user, after the link marked them active (and their email verified).</param>
/// <param name="MethodId">The email id the link was for.</param>
/// <param name="Session">The created or extended session, or null when none was asked for.</param>
internal sealed record MagicLinkAuthenticated(StytchUser User, string MethodId, StytchSession? Session);

/// <summary>A live magic-link token, as a snapshot holds it.</summary>
/// <param name="Token">The token.</param>
/// <param name="ExpiresAt">When it stops working.</param>
/// <param name="Used">Whether it was already used.</param>
/// <param name="Payload">What it names.</param>
internal sealed record MagicLinkSnapshot(string Token, DateTimeOffset ExpiresAt, bool Used, MagicLinkPayload Payload)
{
    /// <summary>The attributes the link was sent with.</summary>
    public RequestAttributes Attributes { get; init; } = RequestAttributes.None;
}
