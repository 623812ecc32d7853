namespace Stytch.Fake.Core.Passwords.Migration;

/// <summary>The <c>hash_type</c> values of <c>/passwords/migrate</c> the fake verifies (the spec's enum less <c>phpass</c>).</summary>
internal static class LegacyHashType
{
    public const string Bcrypt = "bcrypt";
    public const string Md5 = "md_5";
    public const string Sha1 = "sha_1";
    public const string Sha512 = "sha_512";
    public const string Argon2i = "argon_2i";
    public const string Argon2id = "argon_2id";
    public const string Scrypt = "scrypt";
    public const string Pbkdf2 = "pbkdf_2";

    /// <summary>
    /// In the spec's enum, but no listed .NET library verifies phpass portable hashes, so the fake refuses it with
    /// <c>invalid_hash_type</c> rather than pretending to verify it.
    /// </summary>
    public const string Phpass = "phpass";

    public static readonly IReadOnlyList<string> Verified = [Bcrypt, Md5, Sha1, Sha512, Argon2i, Argon2id, Scrypt, Pbkdf2];
}

/// <summary>
/// A password hash migrated from another system, as sent to <c>/passwords/migrate</c>: kept verbatim (it is already a
/// hash) and checked against a password when its owner first logs in. Only the fields its <see cref="Type"/> uses are set.
/// </summary>
internal sealed record LegacyHash
{
    /// <summary>The <c>hash_type</c> (see <see cref="LegacyHashType"/>).</summary>
    public required string Type { get; init; }
    /// <summary>The hash as sent: modular crypt or PHC text, hexadecimal digits, or base64.</summary>
    public required string Hash { get; init; }
    /// <summary>MD-5, SHA-1, SHA-512: text put before the password.</summary>
    public string PrependSalt { get; init; } = "";
    /// <summary>MD-5, SHA-1, SHA-512: text put after the password.</summary>
    public string AppendSalt { get; init; } = "";
    /// <summary>Argon2 hex form: the salt text; scrypt and PBKDF2: the salt in base64. Empty when the hash carries it.</summary>
    public string Salt { get; init; } = "";
    /// <summary>Argon2 and PBKDF2: the iteration amount.</summary>
    public int Iterations { get; init; }
    /// <summary>Argon2: the memory in KiB.</summary>
    public int MemoryKib { get; init; }
    /// <summary>Argon2 threads, scrypt p.</summary>
    public int Parallelism { get; init; }
    /// <summary>Argon2, scrypt, PBKDF2: the key length in bytes.</summary>
    public int KeyLength { get; init; }
    /// <summary>scrypt N.</summary>
    public int CostN { get; init; }
    /// <summary>scrypt r.</summary>
    public int BlockSize { get; init; }
    /// <summary>PBKDF2: <c>sha256</c> or <c>sha512</c>; empty for the default, sha256.</summary>
    public string Algorithm { get; init; } = "";
}
