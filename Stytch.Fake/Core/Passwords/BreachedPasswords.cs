namespace Stytch.Fake.Core;

/// <summary>
/// The fake's stand-in for Stytch's online breach check (HaveIBeenPwned): a fixed list, the same on every run, of
/// passwords known from published breaches, plus whatever a test adds to its project
/// (<see cref="PasswordSettings.AddBreached"/>). A password matches exactly, case included, as a hash lookup would.
/// The list holds very common passwords and a few that zxcvbn rates strong (<c>correct horse battery staple</c>,
/// <c>Tr0ub4dor&amp;3</c>), so that a test can show a strong password refused only for being breached.
/// </summary>
internal static class BreachedPasswords
{
    /// <summary>The built-in list.</summary>
    public static IReadOnlySet<string> BuiltIn { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "123456", "123456789", "12345678", "12345", "1234567", "1234567890", "111111", "000000", "123123", "654321",
        "password", "password1", "password123", "Password1", "Password123", "Password1!", "passw0rd", "p@ssw0rd", "P@ssw0rd",
        "qwerty", "qwerty123", "qwertyuiop", "1q2w3e4r", "1qaz2wsx", "asdfghjkl", "zxcvbnm", "abc123", "abcd1234",
        "iloveyou", "admin", "admin123", "letmein", "welcome", "welcome1", "monkey", "dragon", "sunshine", "princess",
        "football", "baseball", "superman", "batman", "trustno1", "master", "shadow", "michael", "jennifer", "hunter2",
        "correct horse battery staple", "Tr0ub4dor&3", "ncc1701d", "starwars", "whatever", "freedom", "mustang",
    };
}
