using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Stytch.Fake.Core;

/// <summary>
/// Salted PBKDF2-HMAC-SHA256 hashes of passwords, as one string <c>pbkdf2-sha256$iterations$salt$hash</c> (salt and
/// hash base64). Only this string is ever stored or snapshotted, never the password. The iteration count is far below
/// what a real service uses, on purpose: a test suite hashes thousands of passwords, and nothing here guards real data.
/// </summary>
internal static class PasswordHasher
{
    /// <summary>The iterations new hashes use; a stored hash carries its own, so older ones still verify.</summary>
    public const int Iterations = 1_000;

    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>Hashes <paramref name="password"/> with a fresh salt from <paramref name="ids"/> (seeded projects get the same salts on every run).</summary>
    public static string Hash(string password, IdFactory ids)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(ids);
        var salt = SHA256.HashData(Encoding.ASCII.GetBytes(ids.NewToken()))[..SaltBytes];
        return Hash(password, salt, Iterations);
    }

    /// <summary>Whether <paramref name="password"/> is the one <paramref name="encoded"/> was made from; false for a malformed hash.</summary>
    public static bool Verify(string password, string encoded)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!TryParse(encoded, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Whether <paramref name="encoded"/> has the shape <see cref="Hash(string, IdFactory)"/> writes (snapshot import checks it).</summary>
    public static bool IsWellFormed(string? encoded) => TryParse(encoded, out _, out _, out _);

    private static string Hash(string password, byte[] salt, int iterations)
    {
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    private static bool TryParse(string? encoded, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = [];
        hash = [];
        var parts = encoded?.Split('$');
        if (parts is not { Length: 4 } || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations is < 1 or > 1_000_000)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length > 0 && hash.Length is > 0 and <= 64;
    }
}
