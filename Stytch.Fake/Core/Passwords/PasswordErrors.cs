namespace Stytch.Fake;

public sealed partial record StytchError
{
    // The errors every password product shares. Messages marked S are Stytch's own SDK strings (the localized error
    // strings of stytchauth's iOS SDK); statuses of those and the other wordings are inferred (I).

    /// <summary>400 (S): a new password fails the project's strength policy or is on the breached list.</summary>
    public static readonly StytchError WeakPassword = new("weak_password", 400, "password doesn't meet our strength requirements.");
    /// <summary>400 (S): the password is on the breached-password list (authenticating with it requires a reset).</summary>
    public static readonly StytchError BreachedPassword = new("breached_password", 400, "password appears in a list of breached passwords.");
    /// <summary>400 (S): the password must be reset before it can be used again.</summary>
    public static readonly StytchError ResetPassword = new("reset_password", 400, "user must reset their password");
    /// <summary>429 (S; status from stytch.com/docs/api/errors/429): too many consecutive failed attempts; locked until the lock expires.</summary>
    public static readonly StytchError UserLockLimitReached = new("user_lock_limit_reached", 429, "The user has been locked out due to too many failed authentication attempts. Please try again later.");
    /// <summary>400 (I): a LUDS minimum length outside 8..32.</summary>
    public static readonly StytchError InvalidPasswordStrengthLudsLength = new("invalid_password_strength_luds_length", 400, "luds_min_password_length must be between 8 and 32.");
    /// <summary>400 (I): a LUDS minimum complexity outside 1..4.</summary>
    public static readonly StytchError InvalidPasswordStrengthLudsComplexity = new("invalid_password_strength_luds_complexity", 400, "luds_min_password_complexity must be between 1 and 4.");
    /// <summary>400 (I): a user lock threshold outside 1..100.</summary>
    public static readonly StytchError InvalidUserLockThreshold = new("invalid_user_lock_threshold", 400, "The user lock threshold must be between 1 and 100.");
    /// <summary>400 (I): a user lock duration outside 5 minutes..7 days.</summary>
    public static readonly StytchError InvalidUserLockTtl = new("invalid_user_lock_ttl", 400, "The user lock TTL must be between 5 minutes and 7 days.");
}
