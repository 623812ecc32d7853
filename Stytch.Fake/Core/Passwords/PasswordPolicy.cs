using Stytch.Fake.Core;

namespace Stytch.Fake;

/// <summary>How a project judges password strength (Stytch's <c>strength_policy</c>).</summary>
public enum PasswordStrategy
{
    /// <summary>Dropbox's zxcvbn estimator: valid from score 3 (Stytch's default).</summary>
    Zxcvbn,
    /// <summary>Lowercase, uppercase, digits, symbols: a minimum length and a minimum number of character types.</summary>
    Luds,
}

/// <summary>
/// A project's password rules: the strength strategy, breach detection and user locks. The defaults are Stytch's:
/// zxcvbn, breach detection on create and on authenticate (stytch.com/docs, Passwords overview and "Password strength
/// policy"), a lock after 10 consecutive failures lasting 1 hour (stytch.com/docs/resources/platform/user-locks).
/// </summary>
public sealed record PasswordPolicy
{
    /// <summary>Stytch's default policy.</summary>
    public static PasswordPolicy Default { get; } = new();

    /// <summary>zxcvbn (default) or LUDS.</summary>
    public PasswordStrategy Strategy { get; init; } = PasswordStrategy.Zxcvbn;

    /// <summary>LUDS only: the minimum length, 8..32 (Stytch's password strength config). 8 by default (inferred).</summary>
    public int LudsMinLength { get; init; } = 8;

    /// <summary>LUDS only: how many of lowercase, uppercase, digit and symbol a password needs, 1..4. 3 by default (inferred).</summary>
    public int LudsMinComplexity { get; init; } = 3;

    /// <summary>Whether a new password is checked against the breached-password list (<c>breach_detection_on_create</c>).</summary>
    public bool BreachDetectionOnCreate { get; init; } = true;

    /// <summary>Whether a password that authenticates is checked against the list too (a breached one must then be reset).</summary>
    public bool BreachDetectionOnAuthenticate { get; init; } = true;

    /// <summary>Consecutive failed attempts that lock a user or member, 1..100 (Stytch's default 10).</summary>
    public int LockThreshold { get; init; } = 10;

    /// <summary>How long a lock lasts, 5 minutes..7 days (Stytch's default 1 hour).</summary>
    public TimeSpan LockDuration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Throws the Stytch error for the first setting out of its range.</summary>
    /// <exception cref="StytchException">A setting is out of range.</exception>
    public void Check()
    {
        if (LudsMinLength is < 8 or > 32)
        {
            throw new StytchException(StytchError.InvalidPasswordStrengthLudsLength);
        }

        if (LudsMinComplexity is < 1 or > 4)
        {
            throw new StytchException(StytchError.InvalidPasswordStrengthLudsComplexity);
        }

        if (LockThreshold is < 1 or > 100)
        {
            throw new StytchException(StytchError.InvalidUserLockThreshold);
        }

        if (LockDuration < TimeSpan.FromMinutes(5) || LockDuration > TimeSpan.FromDays(7))
        {
            throw new StytchException(StytchError.InvalidUserLockTtl);
        }
    }

    /// <summary>The <c>strength_policy</c> string: <c>zxcvbn</c> or <c>luds</c>.</summary>
    internal string Name => Strategy == PasswordStrategy.Luds ? "luds" : "zxcvbn";
}
