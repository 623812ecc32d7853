namespace Stytch.Fake.Products.Consumer.EmailOtp;

/// <summary>Options of <c>otps/email/login_or_create</c> and <c>otps/email/send</c>.</summary>
internal sealed record EmailOtpOptions
{
    /// <summary>Minutes the code lives, 1..10; default 2.</summary>
    public int? ExpirationMinutes { get; init; }
    /// <summary><c>en</c>, <c>es</c>, <c>fr</c> or <c>pt-br</c>; default <c>en</c>.</summary>
    public string? Locale { get; init; }
    /// <summary>The login template to record on the message.</summary>
    public string? LoginTemplateId { get; init; }
    /// <summary>The signup template to record on the message.</summary>
    public string? SignupTemplateId { get; init; }
    /// <summary>login_or_create only: create a new user as <c>pending</c> instead of <c>active</c>.</summary>
    public bool CreateUserAsPending { get; init; }
    /// <summary>The request's attributes, recorded on the code for <see cref="AttributeMatchOptions"/>.</summary>
    public RequestAttributes Attributes { get; init; } = RequestAttributes.None;
}

/// <summary>The answer to a successful send or login_or_create.</summary>
/// <param name="UserId">The user the code was sent to.</param>
/// <param name="EmailId">The email id to authenticate the code with.</param>
/// <param name="UserCreated">True when login_or_create created the user.</param>
internal sealed record EmailOtpSent(string UserId, string EmailId, bool UserCreated);

/// <summary>What <c>otps/authenticate</c> is asked to do.</summary>
internal sealed record OtpAuthenticateCommand
{
    /// <summary>The email id the code was sent for.</summary>
    public required string MethodId { get; init; }
    /// <summary>The six-digit code.</summary>
    public required string Code { get; init; }
    /// <summary>Create (or extend) a session for this many minutes, 5..527040; null for no session.</summary>
    public int? SessionDurationMinutes { get; init; }
    /// <summary>Extend the session with this token instead of starting a new one.</summary>
    public string? SessionToken { get; init; }
    /// <summary>Extend the session with this id (resolved from a session JWT) instead of starting a new one.</summary>
    public string? SessionId { get; init; }
    /// <summary>The request's attributes: compared with the code's when <see cref="Options"/> asks, and recorded on the session.</summary>
    public RequestAttributes Attributes { get; init; } = RequestAttributes.None;
    /// <summary>Which attributes must match those the code was sent with.</summary>
    public AttributeMatchOptions Options { get; init; } = AttributeMatchOptions.None;
    /// <summary>Claims to merge into the session's custom claims; null when none were sent.</summary>
    public IReadOnlyDictionary<string, object?>? CustomClaims { get; init; }
}

/// <summary>The answer to a successful <c>otps/authenticate</c>.</summary>
/// <param name="User">The user, after the code marked them active and verified.</param>
/// <param name="MethodId">The email id that was authenticated.</param>
/// <param name="Session">The created or extended session, or null when none was asked for.</param>
internal sealed record OtpAuthenticated(StytchUser User, string MethodId, StytchSession? Session);
