using System.Globalization;

namespace Stytch.Fake.Core;

/// <summary>What a LUDS check found (Stytch's <c>luds_requirements</c> / <c>luds_feedback</c>).</summary>
/// <param name="HasLowerCase">At least one lowercase letter.</param>
/// <param name="HasUpperCase">At least one uppercase letter.</param>
/// <param name="HasDigit">At least one digit.</param>
/// <param name="HasSymbol">At least one character that is neither an ASCII letter nor a digit.</param>
/// <param name="MissingComplexity">How many more character types the policy needs.</param>
/// <param name="MissingCharacters">How many more characters the policy needs.</param>
internal sealed record LudsResult(bool HasLowerCase, bool HasUpperCase, bool HasDigit, bool HasSymbol, int MissingComplexity, int MissingCharacters);

/// <summary>The answer of a strength check, in the terms of Stytch's <c>strength_check</c> response.</summary>
/// <param name="ValidPassword">Whether the password passes the policy and, where checked, is not breached.</param>
/// <param name="Score">zxcvbn's score, 0..4 (computed for LUDS projects too, as Stytch reports one).</param>
/// <param name="BreachedPassword">Whether it is on the breached list (false when the check was not made).</param>
/// <param name="StrengthPolicy"><c>zxcvbn</c> or <c>luds</c>.</param>
/// <param name="BreachDetectionOnCreate">Whether the project checks new passwords for breaches.</param>
/// <param name="Warning">zxcvbn's warning, empty when none (and for LUDS).</param>
/// <param name="Suggestions">zxcvbn's suggestions, empty when none (and for LUDS).</param>
/// <param name="Luds">The LUDS findings for a LUDS project, else null.</param>
internal sealed record PasswordStrengthReport(
    bool ValidPassword,
    int Score,
    bool BreachedPassword,
    string StrengthPolicy,
    bool BreachDetectionOnCreate,
    string Warning,
    IReadOnlyList<string> Suggestions,
    LudsResult? Luds);

/// <summary>
/// Judges a password by a <see cref="PasswordPolicy"/>: zxcvbn (score ≥ 3 is valid, Stytch's rule) or LUDS, and the
/// breached list. Pure: no state, safe to call from any thread.
/// </summary>
internal static class PasswordStrength
{
    /// <summary>zxcvbn's score from which a password is valid (stytch.com/docs/api-reference/consumer/api/passwords/strength-check).</summary>
    public const int ValidScore = 3;

    // One estimator for the process: it loads its dictionaries once, lazily, and only reads them afterwards.
    private static readonly Zxcvbn.Zxcvbn Estimator = new();

    /// <summary>
    /// Checks <paramref name="password"/>. <paramref name="email"/>, when known, counts as a user input for zxcvbn (a
    /// password made of the address is weak). <paramref name="checkBreach"/> says whether the breached list applies
    /// (<paramref name="isBreached"/> answers for it): Stytch checks on create, and in strength_check only when an email
    /// is given.
    /// </summary>
    public static PasswordStrengthReport Check(string password, string? email, PasswordPolicy policy, bool checkBreach, Func<string, bool> isBreached)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(isBreached);
        var result = Estimator.EvaluatePassword(password, UserInputs(email));
        var breached = checkBreach && policy.BreachDetectionOnCreate && isBreached(password);
        if (policy.Strategy == PasswordStrategy.Luds)
        {
            var luds = Luds(password, policy);
            var ludsValid = luds.MissingCharacters == 0 && luds.MissingComplexity == 0;
            return new(ludsValid && !breached, result.Score, breached, policy.Name, policy.BreachDetectionOnCreate, "", [], luds);
        }

        var (warning, suggestions) = ZxcvbnFeedback.For(password, result);
        return new(result.Score >= ValidScore && !breached, result.Score, breached, policy.Name, policy.BreachDetectionOnCreate, warning, suggestions, null);
    }

    /// <summary>Throws <c>weak_password</c> unless the report is valid.</summary>
    public static void ThrowIfWeak(this PasswordStrengthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.ValidPassword)
        {
            throw new StytchException(StytchError.WeakPassword);
        }
    }

    /// <summary>The LUDS findings; lengths count Unicode scalar values (inferred: Stytch allows any UTF-8 character).</summary>
    public static LudsResult Luds(string password, PasswordPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(policy);
        bool lower = false, upper = false, digit = false, symbol = false;
        var length = 0;
        foreach (var rune in password.EnumerateRunes())
        {
            length++;
            // Stytch: "Any UTF8 character outside of a-z or A-Z may count as a valid symbol"; digits count as digits.
            if (rune.Value is >= 'a' and <= 'z') { lower = true; }
            else if (rune.Value is >= 'A' and <= 'Z') { upper = true; }
            else if (rune.Value is >= '0' and <= '9') { digit = true; }
            else { symbol = true; }
        }

        var types = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
        return new(lower, upper, digit, symbol, Math.Max(0, policy.LudsMinComplexity - types), Math.Max(0, policy.LudsMinLength - length));
    }

    private static string[] UserInputs(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return [];
        }

        var lower = email.ToLower(CultureInfo.InvariantCulture);
        var at = lower.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? [lower, lower[..at]] : [lower];
    }
}
