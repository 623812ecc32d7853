using System.Security.Cryptography;
using System.Text;

namespace Stytch.Fake.Products.M2M;

/// <summary>
/// How client secrets are kept: as <c>sha256:</c> and the base64 SHA-256 of their UTF-8 bytes, never in clear, so no
/// response, back door or snapshot file can show one again (Stytch: "Stytch stores a hash of the client_secret and
/// cannot recover the value if lost", Create M2M Client, stytch.com/docs/api/m2m-create-client).
/// </summary>
/// <remarks>
/// SHA-256 rather than a slow KDF: generated secrets carry 264 random bits, far beyond guessing, and a KDF's cost
/// would be paid by every token request of a test run. An imported secret may be weaker (8 characters at least); the
/// hash still keeps it out of every file, which is what a test fake needs, not resistance to offline cracking.
/// </remarks>
internal static class M2MSecrets
{
    private const string Prefix = "sha256:";

    /// <summary>The stored form of <paramref name="secret"/>.</summary>
    public static string Hash(string secret) => Prefix + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>True when <paramref name="secret"/> hashes to <paramref name="hash"/>; compared in constant time.</summary>
    public static bool Matches(string secret, string? hash) =>
        hash is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(hash));

    /// <summary>True when <paramref name="hash"/> is of the stored form (for snapshot files).</summary>
    public static bool IsHash(string? hash)
    {
        if (hash is null || !hash.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[48];
        return Convert.TryFromBase64String(hash[Prefix.Length..], bytes, out var written) && written == SHA256.HashSizeInBytes;
    }

    /// <summary>The last four characters Stytch shows of a secret.</summary>
    public static string LastFour(string secret) => secret.Length <= 4 ? secret : secret[^4..];
}
