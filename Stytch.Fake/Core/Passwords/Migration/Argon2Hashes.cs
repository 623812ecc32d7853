using System.Text;
using Konscious.Security.Cryptography;

namespace Stytch.Fake.Core.Passwords.Migration;

/// <summary>
/// Argon2i and Argon2id (RFC 9106, version 0x13), in the encoded PHC form
/// (<c>$argon2id$v=19$m=…,t=…,p=…$salt$hash</c>) or as a hexadecimal hash with <c>argon_2_config</c>.
/// </summary>
internal static class Argon2Hashes
{
    // Limits the fake sets so that a hostile request cannot make it allocate or spin without bound (inferred: Stytch
    // documents none). 262144 KiB is 256 MiB, four times the common 64 MiB default.
    private const int MaxMemoryKib = 262_144;
    private const int MaxIterations = 100;
    private const int MaxThreads = 16;
    private const int MinSaltBytes = 8;
    private const int MinKeyLength = 4;
    private const int MaxKeyLength = 1024;

    public static LegacyKey Read(LegacyHash hash)
    {
        var id = hash.Type == LegacyHashType.Argon2i ? "argon2i" : "argon2id";
        byte[] salt;
        byte[] expected;
        int memory, iterations, threads;
        if (hash.Hash.StartsWith('$'))
        {
            var phc = PhcString.Parse(hash.Hash);
            // Only version 19 (0x13), the one Argon2 libraries write today; an absent version means 0x10 (inferred refusal).
            if (phc is null || phc.Id != id || phc.Version != 19 || phc.Parameters.Keys.Except(["m", "t", "p"]).Any())
            {
                throw new StytchException(StytchError.InvalidHash);
            }

            salt = LegacyHashes.Base64(phc.Salt) ?? throw new StytchException(StytchError.InvalidArgon2Salt);
            expected = LegacyHashes.Base64(phc.Hash) ?? throw new StytchException(StytchError.InvalidHash);
            (memory, iterations, threads) = (phc.Get("m"), phc.Get("t"), phc.Get("p"));
            CheckKeyLength(expected.Length);
        }
        else
        {
            // The hex form: the parameters come from argon_2_config; its salt is taken as text (inferred: the spec says only "The salt value").
            salt = Encoding.UTF8.GetBytes(hash.Salt);
            (memory, iterations, threads) = (hash.MemoryKib, hash.Iterations, hash.Parallelism);
            CheckKeyLength(hash.KeyLength);
            expected = LegacyHashes.Hex(hash.Hash) ?? throw new StytchException(StytchError.InvalidHash);
            if (expected.Length != hash.KeyLength)
            {
                throw new StytchException(StytchError.Argon2KeyLengthMismatch);
            }
        }

        Check(salt, memory, iterations, threads);
        var type = hash.Type;
        return new LegacyKey(type, expected, password =>
        {
            var bytes = Encoding.UTF8.GetBytes(password);
            using Argon2 argon = type == LegacyHashType.Argon2i ? new Argon2i(bytes) : new Argon2id(bytes);
            argon.Salt = salt;
            argon.MemorySize = memory;
            argon.Iterations = iterations;
            argon.DegreeOfParallelism = threads;
            return argon.GetBytes(expected.Length);
        });
    }

    private static void CheckKeyLength(int length)
    {
        if (length is < MinKeyLength or > MaxKeyLength)
        {
            throw new StytchException(StytchError.InvalidArgon2KeyLength);
        }
    }

    private static void Check(byte[] salt, int memory, int iterations, int threads)
    {
        if (salt.Length < MinSaltBytes)
        {
            throw new StytchException(StytchError.InvalidArgon2Salt);
        }

        if (iterations is < 1 or > MaxIterations)
        {
            throw new StytchException(StytchError.InvalidArgon2IterationAmount);
        }

        if (threads is < 1 or > MaxThreads)
        {
            throw new StytchException(StytchError.InvalidArgon2Threads);
        }

        // RFC 9106 3.1: at least 8 KiB of memory per lane.
        if (memory < 8 * threads || memory > MaxMemoryKib)
        {
            throw new StytchException(StytchError.InvalidArgon2Memory);
        }
    }
}
