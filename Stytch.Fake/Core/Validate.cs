using System.Text.RegularExpressions;

namespace Stytch.Fake.Core;

/// <summary>The field rules Stytch applies, shared by every engine operation.</summary>
internal static partial class Validate
{
    public const int MinSessionMinutes = 5;
    public const int MaxSessionMinutes = 527_040;
    public static readonly string[] Locales = ["en", "es", "fr", "pt-br"];

    // Every pattern ends in \z, not $: in .NET "$" also matches before a final "\n", which would let
    // "ada@example.com\n", "123456\n" or "<id>\n" through as if they were well formed.

    // A pragmatic address check: one @, no spaces or control characters, a dotted domain of
    // letters, digits and hyphens. Stytch's exact rule is not published; this rejects what it rejects
    // in practice (no domain, no dot, spaces, two @) and accepts ordinary and plus-addressed mail.
    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+\z", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[0-9]{6}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[a-z-]+-(test|live)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{44}\z", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    public static string Email(string? email)
    {
        if (email is null || email.Length > 254 || !EmailPattern().IsMatch(email) || email.Contains("..", StringComparison.Ordinal))
        {
            throw new StytchException(StytchError.InvalidEmail);
        }

        return email.ToLowerInvariant();
    }

    public static string Locale(string? locale)
    {
        if (string.IsNullOrEmpty(locale))
        {
            return "en";
        }

        return Array.IndexOf(Locales, locale) >= 0 ? locale : throw new StytchException(StytchError.InvalidLocale);
    }

    public static int Range(int? value, int min, int max, int fallback, StytchError error)
    {
        var v = value ?? fallback;
        return v < min || v > max ? throw new StytchException(error) : v;
    }

    public static void SessionMinutes(int? minutes)
    {
        if (minutes is { } m && (m < MinSessionMinutes || m > MaxSessionMinutes))
        {
            throw new StytchException(StytchError.InvalidSessionDurationMinutes);
        }
    }

    public static void Code(string? code)
    {
        if (code is null || !CodePattern().IsMatch(code))
        {
            throw new StytchException(StytchError.InvalidCode);
        }
    }

    /// <summary>True when <paramref name="id"/> looks like <c>{kind}-test-&lt;uuid&gt;</c> or <c>-live-</c>.</summary>
    public static bool IsId(string? id, string kind) =>
        id is not null && id.StartsWith(kind + "-", StringComparison.Ordinal) && IdPattern().IsMatch(id);

    public static bool IsSessionToken(string? token) => token is not null && TokenPattern().IsMatch(token);

    /// <summary>A 400 <c>bad_request</c> whose message says which field was wrong and what it must be.</summary>
    public static StytchException BadRequest(string message) => new(StytchError.BadRequest with { Message = message });

    /// <summary>A value sent, quoted back in a message: cut at 64 characters so a huge one does not fill the answer.</summary>
    public static string Clip(string value) => value.Length <= 64 ? value : string.Concat(value.AsSpan(0, 64), "…");
}
