namespace Stytch.Fake;

public sealed partial record StytchError
{
    // The types are in error-types.txt and listed by Stytch's migrate reference (stytch.com/docs/api/password-migrate,
    // "Common Error Types"); their status (400, as every input check) and wording are inferred (I).

    /// <summary>400 (I): <c>hash</c> is missing or empty, or its encoded form cannot be read for its <c>hash_type</c>.</summary>
    public static readonly StytchError InvalidHash = new("invalid_hash", 400, "hash is invalid for the given hash_type.");
    /// <summary>400 (I): <c>hash_type</c> is missing or not one the fake verifies.</summary>
    public static readonly StytchError InvalidHashType = new("invalid_hash_type", 400, "hash_type must be one of bcrypt, md_5, sha_1, sha_512, argon_2i, argon_2id, scrypt or pbkdf_2.");
    /// <summary>400 (I): a <c>bcrypt</c> hash that is not in the <c>$2a$</c>/<c>$2b$</c>/<c>$2y$</c> modular crypt form.</summary>
    public static readonly StytchError InvalidBcryptHash = new("invalid_bcrypt_hash", 400, "The bcrypt hash is invalid: it must look like $2b$<cost>$<22 character salt><31 character hash>.");
    /// <summary>400 (I): a <c>bcrypt</c> cost outside 4..31.</summary>
    public static readonly StytchError InvalidBcryptCost = new("invalid_bcrypt_cost", 400, "The bcrypt cost must be between 4 and 31.");
    /// <summary>400 (I): an <c>md_5</c> hash that is not 32 hexadecimal digits.</summary>
    public static readonly StytchError InvalidMd5Hash = new("invalid_md_5_hash", 400, "The MD-5 hash must be 32 hexadecimal digits.");
    /// <summary>400 (I): a <c>sha_1</c> hash that is not 40 hexadecimal digits.</summary>
    public static readonly StytchError InvalidSha1Hash = new("invalid_sha_1_hash", 400, "The SHA-1 hash must be 40 hexadecimal digits.");
    /// <summary>400 (I): a <c>sha_512</c> hash that is not 128 hexadecimal digits.</summary>
    public static readonly StytchError InvalidSha512Hash = new("invalid_sha_512_hash", 400, "The SHA-512 hash must be 128 hexadecimal digits.");
    /// <summary>400 (I): the Argon2 salt is missing or shorter than 8 bytes.</summary>
    public static readonly StytchError InvalidArgon2Salt = new("invalid_argon_2_salt", 400, "The argon2 salt must be at least 8 bytes.");
    /// <summary>400 (I): the Argon2 iteration amount is outside 1..100.</summary>
    public static readonly StytchError InvalidArgon2IterationAmount = new("invalid_argon_2_iteration_amount", 400, "The argon2 iteration_amount must be between 1 and 100.");
    /// <summary>400 (I): the Argon2 memory is below 8 KiB per thread or above 262144 KiB.</summary>
    public static readonly StytchError InvalidArgon2Memory = new("invalid_argon_2_memory", 400, "The argon2 memory must be at least 8 KiB per thread and at most 262144 KiB.");
    /// <summary>400 (I): the Argon2 thread count is outside 1..16.</summary>
    public static readonly StytchError InvalidArgon2Threads = new("invalid_argon_2_threads", 400, "The argon2 threads must be between 1 and 16.");
    /// <summary>400 (I): the Argon2 key length is outside 4..1024.</summary>
    public static readonly StytchError InvalidArgon2KeyLength = new("invalid_argon_2_key_length", 400, "The argon2 key_length must be between 4 and 1024.");
    /// <summary>400 (I): the Argon2 hash is not <c>key_length</c> bytes long.</summary>
    public static readonly StytchError Argon2KeyLengthMismatch = new("argon_2_key_length_mismatch", 400, "The argon2 hash length does not match key_length.");
    /// <summary>400 (I): the scrypt hash is not base64.</summary>
    public static readonly StytchError InvalidBase64ScryptHash = new("invalid_base64_scrypt_hash", 400, "The scrypt hash must be base64 encoded.");
    /// <summary>400 (I): the scrypt salt is not base64.</summary>
    public static readonly StytchError InvalidBase64ScryptSalt = new("invalid_base64_scrypt_salt", 400, "The scrypt salt must be base64 encoded.");
    /// <summary>400 (I): the scrypt salt is empty or longer than 1024 bytes.</summary>
    public static readonly StytchError InvalidScryptSaltLength = new("invalid_scrypt_salt_length", 400, "The scrypt salt must be between 1 and 1024 bytes.");
    /// <summary>400 (I): the scrypt N is not a power of two between 2 and 262144 (the spec's bound).</summary>
    public static readonly StytchError InvalidScryptNParameter = new("invalid_scrypt_n_parameter", 400, "The scrypt n_parameter must be a power of two greater than 1 and less than 262,145.");
    /// <summary>400 (I): the scrypt r or p is below 1, above 32 or 16, or the parameters are missing.</summary>
    public static readonly StytchError InvalidScryptParameters = new("invalid_scrypt_parameters", 400, "The scrypt parameters are invalid: r_parameter must be between 1 and 32 and p_parameter between 1 and 16.");
    /// <summary>400 (I): the scrypt hash is not <c>key_length</c> bytes long.</summary>
    public static readonly StytchError ScryptKeyLengthMismatch = new("scrypt_key_length_mismatch", 400, "The scrypt hash length does not match key_length.");
    /// <summary>400 (I): the PBKDF2 hash is not base64.</summary>
    public static readonly StytchError InvalidPbkdf2Hash = new("invalid_pbkdf_2_hash", 400, "The PBKDF2 hash must be base64 encoded.");
    /// <summary>400 (I): the PBKDF2 salt is missing or not base64.</summary>
    public static readonly StytchError InvalidPbkdf2Salt = new("invalid_pbkdf_2_salt", 400, "The PBKDF2 salt must be base64 encoded.");
    /// <summary>400 (I): the PBKDF2 iteration amount is outside 1..1000000.</summary>
    public static readonly StytchError InvalidPbkdf2IterationAmount = new("invalid_pbkdf_2_iteration_amount", 400, "The PBKDF2 iteration_amount must be between 1 and 1000000.");
    /// <summary>400 (I): the PBKDF2 algorithm is neither <c>sha256</c> nor <c>sha512</c>.</summary>
    public static readonly StytchError InvalidPbkdf2Algorithm = new("invalid_pbkdf_2_algorithm", 400, "The PBKDF2 algorithm must be sha256 or sha512.");
    /// <summary>400 (I): the PBKDF2 hash is not <c>key_length</c> bytes long.</summary>
    public static readonly StytchError Pbkdf2KeyLengthMismatch = new("pbkdf_2_key_length_mismatch", 400, "The PBKDF2 hash length does not match key_length.");
    /// <summary>400 (I): migrate for a user or member who already has a password (the spec: migrate is for an email "that doesn't have a password yet").</summary>
    public static readonly StytchError PasswordAlreadyExists = new("password_already_exists", 400, "A password already exists for this email; reset it instead of migrating one.");
}
