using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Stytch.Fake.Core.Passwords.Migration;

/// <summary>
/// Checks migrated hashes when they arrive and verifies passwords against them later. Check reads every parameter
/// before anything is stored, so a hash that migrate accepts can always be verified; Verify recomputes the hash from the
/// password with the same algorithm and compares in constant time.
/// </summary>
internal static partial class LegacyHashes
{
    [GeneratedRegex(@"^\$2[abxy]\$(?<cost>[0-9]{2})\$[./A-Za-z0-9]{53}\z", RegexOptions.CultureInvariant)]
    private static partial Regex BcryptPattern();

    [GeneratedRegex(@"^[0-9A-Fa-f]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex HexPattern();

    /// <summary>The hash, checked; throws the spec's error for the first thing wrong with it.</summary>
    /// <exception cref="StytchException">An unknown type, or a hash or parameter its type cannot use.</exception>
    public static LegacyHash Check(LegacyHash hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        _ = Read(hash);
        return hash;
    }

    /// <summary>True when <paramref name="password"/> hashes to <paramref name="hash"/>.</summary>
    public static bool Verify(LegacyHash hash, string password)
    {
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentNullException.ThrowIfNull(password);
        var key = Read(hash);
        if (key.Type == LegacyHashType.Bcrypt)
        {
            return BCrypt.Net.BCrypt.Verify(password, hash.Hash);
        }

        var computed = key.Derive(password);
        return CryptographicOperations.FixedTimeEquals(computed, key.Expected);
    }

    private static LegacyKey Read(LegacyHash hash)
    {
        if (string.IsNullOrEmpty(hash.Type) || !LegacyHashType.Verified.Contains(hash.Type, StringComparer.Ordinal))
        {
            throw new StytchException(StytchError.InvalidHashType);
        }

        if (string.IsNullOrEmpty(hash.Hash))
        {
            throw new StytchException(StytchError.InvalidHash);
        }

        return hash.Type switch
        {
            LegacyHashType.Bcrypt => Bcrypt(hash.Hash),
            LegacyHashType.Md5 => Digest(hash, 16, StytchError.InvalidMd5Hash),
            LegacyHashType.Sha1 => Digest(hash, 20, StytchError.InvalidSha1Hash),
            LegacyHashType.Sha512 => Digest(hash, 64, StytchError.InvalidSha512Hash),
            LegacyHashType.Argon2i or LegacyHashType.Argon2id => Argon2Hashes.Read(hash),
            LegacyHashType.Scrypt => ScryptHashes.Read(hash),
            _ => Pbkdf2(hash),
        };
    }

    private static LegacyKey Bcrypt(string text)
    {
        var match = BcryptPattern().Match(text);
        if (!match.Success)
        {
            throw new StytchException(StytchError.InvalidBcryptHash);
        }

        var cost = int.Parse(match.Groups["cost"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return cost is < 4 or > 31
            ? throw new StytchException(StytchError.InvalidBcryptCost)
            : new LegacyKey(LegacyHashType.Bcrypt, [], _ => []);
    }

    /// <summary>
    /// MD-5, SHA-1 and SHA-512 of <c>prepend_salt + password + append_salt</c> (UTF-8), sent as hexadecimal digits in
    /// either case (inferred: the spec names the salts but not the encoding; hex is how these digests are usually kept).
    /// </summary>
    private static LegacyKey Digest(LegacyHash hash, int bytes, StytchError invalid)
    {
        var expected = Hex(hash.Hash, bytes) ?? throw new StytchException(invalid);
        var (prepend, append) = (hash.PrependSalt, hash.AppendSalt);
        Func<byte[], byte[]> digest = hash.Type switch
        {
            LegacyHashType.Md5 => MD5.HashData,
            LegacyHashType.Sha1 => SHA1.HashData,
            _ => SHA512.HashData,
        };
        return new LegacyKey(hash.Type, expected, password => digest(Encoding.UTF8.GetBytes(prepend + password + append)));
    }

    /// <summary>PBKDF2-HMAC: the hash and salt in base64, the spec's default algorithm sha256.</summary>
    private static LegacyKey Pbkdf2(LegacyHash hash)
    {
        var expected = Base64(hash.Hash) ?? throw new StytchException(StytchError.InvalidPbkdf2Hash);
        var salt = Base64(hash.Salt);
        if (salt is not { Length: > 0 })
        {
            throw new StytchException(StytchError.InvalidPbkdf2Salt);
        }

        if (hash.Iterations is < 1 or > 1_000_000)
        {
            throw new StytchException(StytchError.InvalidPbkdf2IterationAmount);
        }

        var algorithm = hash.Algorithm switch
        {
            "" or "sha256" => HashAlgorithmName.SHA256,
            "sha512" => HashAlgorithmName.SHA512,
            _ => throw new StytchException(StytchError.InvalidPbkdf2Algorithm),
        };
        if (hash.KeyLength != expected.Length)
        {
            throw new StytchException(StytchError.Pbkdf2KeyLengthMismatch);
        }

        var iterations = hash.Iterations;
        return new LegacyKey(hash.Type, expected, password => Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, algorithm, expected.Length));
    }

    /// <summary>Exactly <paramref name="bytes"/> bytes in hexadecimal digits, or null.</summary>
    public static byte[]? Hex(string text, int bytes) =>
        text.Length == 2 * bytes && HexPattern().IsMatch(text) ? Convert.FromHexString(text) : null;

    /// <summary>Hexadecimal digits of any even length, or null.</summary>
    public static byte[]? Hex(string text) =>
        text.Length % 2 == 0 && text.Length > 0 && HexPattern().IsMatch(text) ? Convert.FromHexString(text) : null;

    /// <summary>Base64 with or without its padding (PHC strings drop it), or null.</summary>
    public static byte[]? Base64(string text)
    {
        if (string.IsNullOrEmpty(text) || text.Length % 4 == 1)
        {
            return null;
        }

        var padded = text.Length % 4 == 0 ? text : text + new string('=', 4 - (text.Length % 4));
        var buffer = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, buffer, out var written) ? buffer[..written] : null;
    }
}

/// <summary>A checked hash: its expected bytes and how to compute them from a password.</summary>
/// <param name="Type">The hash type.</param>
/// <param name="Expected">The bytes the password must hash to.</param>
/// <param name="Derive">Computes the bytes from a password.</param>
internal sealed record LegacyKey(string Type, byte[] Expected, Func<string, byte[]> Derive);
