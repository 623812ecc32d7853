using System.Numerics;
using System.Text;

namespace Stytch.Fake.Core.Passwords.Migration;

/// <summary>
/// scrypt (RFC 7914) by BouncyCastle, in the PHC form (<c>$scrypt$ln=…,r=…,p=…$salt$hash</c>) or as a base64 hash with
/// <c>scrypt_config</c> (salt in base64, N, r, p, key length).
/// </summary>
internal static class ScryptHashes
{
    // The spec bounds N (a power of two, 2..262144); the fake also bounds r and p and scrypt's memory, 128·N·r bytes, to
    // 256 MiB, so that a hostile request cannot exhaust the machine (inferred).
    private const int MaxN = 262_144;
    private const int MaxR = 32;
    private const int MaxP = 16;
    private const long MaxMemoryBytes = 256L * 1024 * 1024;
    private const int MaxSaltBytes = 1024;
    private const int MaxKeyLength = 1024;

    public static LegacyKey Read(LegacyHash hash)
    {
        byte[] salt;
        byte[] expected;
        int n, r, p;
        if (hash.Hash.StartsWith('$'))
        {
            var phc = PhcString.Parse(hash.Hash);
            if (phc is null || phc.Id != "scrypt" || phc.Version is not null || phc.Parameters.Keys.Except(["ln", "r", "p"]).Any())
            {
                throw new StytchException(StytchError.InvalidHash);
            }

            salt = LegacyHashes.Base64(phc.Salt) ?? throw new StytchException(StytchError.InvalidBase64ScryptSalt);
            expected = LegacyHashes.Base64(phc.Hash) ?? throw new StytchException(StytchError.InvalidBase64ScryptHash);
            var ln = phc.Get("ln");
            n = ln is >= 1 and <= 18 ? 1 << ln : 0;
            (r, p) = (phc.Get("r"), phc.Get("p"));
        }
        else
        {
            expected = LegacyHashes.Base64(hash.Hash) ?? throw new StytchException(StytchError.InvalidBase64ScryptHash);
            salt = LegacyHashes.Base64(hash.Salt) ?? throw new StytchException(StytchError.InvalidBase64ScryptSalt);
            (n, r, p) = (hash.CostN, hash.BlockSize, hash.Parallelism);
            if (hash.KeyLength != expected.Length)
            {
                throw new StytchException(StytchError.ScryptKeyLengthMismatch);
            }
        }

        if (salt.Length is < 1 or > MaxSaltBytes)
        {
            throw new StytchException(StytchError.InvalidScryptSaltLength);
        }

        if (n is < 2 or > MaxN || !BitOperations.IsPow2(n))
        {
            throw new StytchException(StytchError.InvalidScryptNParameter);
        }

        if (r is < 1 or > MaxR || p is < 1 or > MaxP || 128L * n * r > MaxMemoryBytes)
        {
            throw new StytchException(StytchError.InvalidScryptParameters);
        }

        if (expected.Length is < 1 or > MaxKeyLength)
        {
            throw new StytchException(StytchError.ScryptKeyLengthMismatch);
        }

        return new LegacyKey(hash.Type, expected, password =>
            Org.BouncyCastle.Crypto.Generators.SCrypt.Generate(Encoding.UTF8.GetBytes(password), salt, n, r, p, expected.Length));
    }
}
