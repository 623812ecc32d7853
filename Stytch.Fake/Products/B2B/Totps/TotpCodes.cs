using System.Globalization;
using OtpNet;
using Stytch.Fake.Core;

namespace Stytch.Fake.Products.B2B.Totps;

/// <summary>
/// TOTP secrets, codes and recovery codes: RFC 6238 (30-second steps, six digits, HMAC-SHA1, as authenticator apps
/// expect) on the project clock, by Otp.NET.
/// </summary>
internal static class TotpCodes
{
    /// <summary>How many recovery codes a registration has: 10 (Stytch's TOTP create answers ten).</summary>
    public const int RecoveryCodeCount = 10;

    private const string RecoveryAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A new shared secret: 20 bytes from the project's id stream, base32 (32 characters).</summary>
    public static string NewSecret(IdFactory ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return Base32Encoding.ToString(ids.NewBytes(20)).TrimEnd('=');
    }

    /// <summary>The code of <paramref name="secret"/> at <paramref name="at"/>.</summary>
    public static string CodeAt(string secret, DateTimeOffset at) => Of(secret).ComputeTotp(at.UtcDateTime);

    /// <summary>The time step of <paramref name="at"/>.</summary>
    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / 30;

    /// <summary>
    /// The time step <paramref name="code"/> belongs to, if it is the code of the current step or of one step either
    /// side (the clock drift RFC 6238 section 5.2 recommends allowing); else null.
    /// </summary>
    public static long? MatchingStep(string secret, string code, DateTimeOffset at) =>
        Of(secret).VerifyTotp(at.UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)) ? step : null;

    /// <summary>Ten new recovery codes, <c>xxxx-xxxx-xxxx</c> in lower-case letters and digits (the shape of Stytch's).</summary>
    public static IReadOnlyList<string> NewRecoveryCodes(IdFactory ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var codes = new string[RecoveryCodeCount];
        for (var i = 0; i < codes.Length; i++)
        {
            var bytes = ids.NewBytes(12);
            var chars = bytes.Select(b => RecoveryAlphabet[b % RecoveryAlphabet.Length]).ToArray();
            codes[i] = string.Create(CultureInfo.InvariantCulture, $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}");
        }

        return codes;
    }

    /// <summary>True for what looks like a recovery code rather than a six-digit TOTP code.</summary>
    public static bool LooksLikeRecoveryCode(string value) => value.Length == 14 && value[4] == '-' && value[9] == '-';

    /// <summary>The <c>otpauth://</c> URI an authenticator app reads from the QR code.</summary>
    public static string Uri(string issuer, string account, string secret)
    {
        var label = System.Uri.EscapeDataString(issuer) + ":" + System.Uri.EscapeDataString(account);
        return $"otpauth://totp/{label}?secret={secret}&issuer={System.Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits=6&period=30";
    }

    private static Totp Of(string secret) => new(Base32Encoding.ToBytes(secret));
}
