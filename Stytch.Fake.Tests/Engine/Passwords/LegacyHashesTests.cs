using Stytch.Fake.Core.Passwords.Migration;

namespace Stytch.Fake.Tests.Engine.Passwords;

/// <summary>
/// Migrated password hashes verified against published test vectors: Openwall's crypt_blowfish vectors for bcrypt, the
/// Argon2 reference implementation's README example (and its CLI) for Argon2, RFC 7914 for scrypt, the PBKDF2-HMAC-SHA256
/// vector of RFC 7914 section 11's companion tables, and digests computed by Python's hashlib.
/// </summary>
public sealed class LegacyHashesTests
{
    // The cases carry the internal LegacyHash as object: a public test method cannot name an internal type.
    private static LegacyHash Hash(string type, string hash) => new() { Type = type, Hash = hash };

    private static IEnumerable<TestCaseData> Vectors()
    {
        yield return new TestCaseData(Hash(LegacyHashType.Bcrypt, "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"), "U*U").SetName("bcrypt 2a");
        yield return new TestCaseData(Hash(LegacyHashType.Bcrypt, "$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK"), "U*U*").SetName("bcrypt 2a, second vector");
        yield return new TestCaseData(Hash(LegacyHashType.Md5, "9c43b62d071380a529c98f5f7acfc986") with { PrependSalt = "pre", AppendSalt = "post" }, "hunter2").SetName("md_5 with salts");
        yield return new TestCaseData(Hash(LegacyHashType.Sha1, "F3BBBD66A63D4BF1747940578EC3D0103530E21D"), "hunter2").SetName("sha_1 upper case");
        yield return new TestCaseData(Hash(LegacyHashType.Sha512, "ec79c8468677389d87d009b1b4539338962a1ad9c029ba251ee05b83066b4e7f34eb4c5966707db65d092d70eed36ec02c4273a91a8f431d779224004480c50b") with { PrependSalt = "salt" }, "hunter2").SetName("sha_512 prepended salt");
        yield return new TestCaseData(Hash(LegacyHashType.Argon2i, "$argon2i$v=19$m=256,t=1,p=1$c2FsdHlzYWx0$ddjdUWzvRoDji4oVBZUFYA"), "hunter2").SetName("argon_2i encoded");
        yield return new TestCaseData(Hash(LegacyHashType.Argon2id, "$argon2id$v=19$m=4096,t=2,p=1$c29tZXNhbHQ$jacJHQ+PoBstB/ZoVNk8re3s1yzVABZujceGiwVNJnk"), "password").SetName("argon_2id encoded");
        yield return new TestCaseData(Hash(LegacyHashType.Argon2id, "dcc8e1c3873d2d843df70e0b4bd4a01a") with { Salt = "somesaltsalt", Iterations = 3, MemoryKib = 1024, Parallelism = 2, KeyLength = 16 }, "password").SetName("argon_2id hex with config");
        yield return new TestCaseData(Hash(LegacyHashType.Scrypt, "$scrypt$ln=4,r=8,p=1$c2FsdHNhbHQ$+5G/xu8hhej0zM71Fdp4uhawAtWRMUFOkLLIKsrC1EY"), "hunter2").SetName("scrypt PHC");
        yield return new TestCaseData(Hash(LegacyHashType.Scrypt, "+5G/xu8hhej0zM71Fdp4uhawAtWRMUFOkLLIKsrC1EY=") with { Salt = "c2FsdHNhbHQ=", CostN = 16, BlockSize = 8, Parallelism = 1, KeyLength = 32 }, "hunter2").SetName("scrypt base64 with config");
        yield return new TestCaseData(Hash(LegacyHashType.Pbkdf2, "xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o=") with { Salt = "c2FsdA==", Iterations = 4096, KeyLength = 32, Algorithm = "sha256" }, "password").SetName("pbkdf_2 sha256");
        yield return new TestCaseData(Hash(LegacyHashType.Pbkdf2, "LclLUUMDHFChvCyIgmn7hLZ63/WvJbhncISwykz24IlJHYQyPEfG6CvxXVkiVP2mJT84xXYO3sIWpXTX0v93dg==") with { Salt = "TmFDbE5hQ2w=", Iterations = 1000, KeyLength = 64, Algorithm = "sha512" }, "hunter2").SetName("pbkdf_2 sha512");
    }

    // The published vectors with costly parameters (64 MiB Argon2i, scrypt with p=16): verified once each.
    private static IEnumerable<TestCaseData> CostlyVectors()
    {
        yield return new TestCaseData(Hash(LegacyHashType.Argon2i, "$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG"), "password").SetName("argon_2i encoded (reference README)");
        yield return new TestCaseData(Hash(LegacyHashType.Scrypt, "$scrypt$ln=10,r=8,p=16$TmFDbA$/bq+HJ00cgB4VucZDQHp/nxq18vII3gw53N2Y0s3MWIurzDZLiKjiG/xCSedmDDaxyevuUqD7m2DYMvfoswGQA"), "password").SetName("scrypt PHC (RFC 7914)");
    }

    [TestCaseSource(nameof(CostlyVectors))]
    public void Verify_ACostlyReferenceVector_IsTrue(object hash, string password) =>
        Assert.That(LegacyHashes.Verify((LegacyHash)hash, password), Is.True);

    [TestCaseSource(nameof(Vectors))]
    public void Verify_TheVectorsPassword_IsTrue(object hash, string password) =>
        Assert.That(LegacyHashes.Verify((LegacyHash)hash, password), Is.True);

    [TestCaseSource(nameof(Vectors))]
    public void Verify_AnotherPassword_IsFalse(object hash, string password) =>
        Assert.That(LegacyHashes.Verify((LegacyHash)hash, password + "x"), Is.False);

    [TestCaseSource(nameof(Vectors))]
    public void Check_TheVector_IsAccepted(object hash, string password) =>
        Assert.That(LegacyHashes.Check((LegacyHash)hash), Is.SameAs(hash), password);

    private static IEnumerable<TestCaseData> Refusals()
    {
        var argonHex = Hash(LegacyHashType.Argon2id, "dcc8e1c3873d2d843df70e0b4bd4a01a") with { Salt = "somesaltsalt", Iterations = 3, MemoryKib = 1024, Parallelism = 2, KeyLength = 16 };
        var scrypt = Hash(LegacyHashType.Scrypt, "+5G/xu8hhej0zM71Fdp4uhawAtWRMUFOkLLIKsrC1EY=") with { Salt = "c2FsdHNhbHQ=", CostN = 16, BlockSize = 8, Parallelism = 1, KeyLength = 32 };
        var pbkdf2 = Hash(LegacyHashType.Pbkdf2, "xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o=") with { Salt = "c2FsdA==", Iterations = 4096, KeyLength = 32, Algorithm = "sha256" };
        yield return new TestCaseData(Hash("rot13", "x"), "invalid_hash_type");
        yield return new TestCaseData(Hash(LegacyHashType.Phpass, "$P$984478476IagS59wHZvyQMArzfx58u."), "invalid_hash_type");
        yield return new TestCaseData(Hash(LegacyHashType.Bcrypt, ""), "invalid_hash");
        yield return new TestCaseData(Hash(LegacyHashType.Bcrypt, "not-a-bcrypt-hash"), "invalid_bcrypt_hash");
        yield return new TestCaseData(Hash(LegacyHashType.Bcrypt, "$2a$03$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"), "invalid_bcrypt_cost");
        yield return new TestCaseData(Hash(LegacyHashType.Md5, "abc"), "invalid_md_5_hash");
        yield return new TestCaseData(Hash(LegacyHashType.Sha1, "9c43b62d071380a529c98f5f7acfc986"), "invalid_sha_1_hash");
        yield return new TestCaseData(Hash(LegacyHashType.Sha512, new string('g', 128)), "invalid_sha_512_hash");
        yield return new TestCaseData(Hash(LegacyHashType.Argon2i, "$argon2id$v=19$m=4096,t=2,p=1$c29tZXNhbHQ$jacJHQ+PoBstB/ZoVNk8re3s1yzVABZujceGiwVNJnk"), "invalid_hash");
        yield return new TestCaseData(Hash(LegacyHashType.Argon2id, "$argon2id$m=4096,t=2,p=1$c29tZXNhbHQ$jacJHQ+PoBstB/ZoVNk8re3s1yzVABZujceGiwVNJnk"), "invalid_hash");
        yield return new TestCaseData(Hash(LegacyHashType.Argon2id, "$argon2id$v=19$m=4096,t=2,p=1$c2FsdA$jacJHQ+PoBstB/ZoVNk8re3s1yzVABZujceGiwVNJnk"), "invalid_argon_2_salt");
        yield return new TestCaseData(Hash(LegacyHashType.Argon2id, "$argon2id$v=19$m=4000000,t=2,p=1$c29tZXNhbHQ$jacJHQ+PoBstB/ZoVNk8re3s1yzVABZujceGiwVNJnk"), "invalid_argon_2_memory");
        yield return new TestCaseData(argonHex with { Iterations = 0 }, "invalid_argon_2_iteration_amount");
        yield return new TestCaseData(argonHex with { Parallelism = 0 }, "invalid_argon_2_threads");
        yield return new TestCaseData(argonHex with { KeyLength = 2 }, "invalid_argon_2_key_length");
        yield return new TestCaseData(argonHex with { KeyLength = 32 }, "argon_2_key_length_mismatch");
        yield return new TestCaseData(argonHex with { Salt = "short" }, "invalid_argon_2_salt");
        yield return new TestCaseData(scrypt with { Hash = "not base64!" }, "invalid_base64_scrypt_hash");
        yield return new TestCaseData(scrypt with { Salt = "***" }, "invalid_base64_scrypt_salt");
        yield return new TestCaseData(scrypt with { CostN = 12 }, "invalid_scrypt_n_parameter");
        yield return new TestCaseData(scrypt with { CostN = 524_288 }, "invalid_scrypt_n_parameter");
        yield return new TestCaseData(scrypt with { BlockSize = 0 }, "invalid_scrypt_parameters");
        yield return new TestCaseData(scrypt with { KeyLength = 64 }, "scrypt_key_length_mismatch");
        yield return new TestCaseData(pbkdf2 with { Hash = "%%%" }, "invalid_pbkdf_2_hash");
        yield return new TestCaseData(pbkdf2 with { Salt = "" }, "invalid_pbkdf_2_salt");
        yield return new TestCaseData(pbkdf2 with { Iterations = 0 }, "invalid_pbkdf_2_iteration_amount");
        yield return new TestCaseData(pbkdf2 with { Algorithm = "md5" }, "invalid_pbkdf_2_algorithm");
        yield return new TestCaseData(pbkdf2 with { KeyLength = 16 }, "pbkdf_2_key_length_mismatch");
    }

    [TestCaseSource(nameof(Refusals))]
    public void Check_ABadHashOrParameter_IsRefusedWithItsType(object hash, string errorType) =>
        Assert.That(Assert.Throws<StytchException>(() => LegacyHashes.Check((LegacyHash)hash))!.Error.ErrorType, Is.EqualTo(errorType));

    [Test]
    public void Verify_Pbkdf2WithoutAlgorithm_DefaultsToSha256() =>
        Assert.That(LegacyHashes.Verify(Hash(LegacyHashType.Pbkdf2, "xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o=") with { Salt = "c2FsdA==", Iterations = 4096, KeyLength = 32 }, "password"), Is.True);
}

/// <summary>A migrated hash written as one stored string and read back.</summary>
public sealed class LegacyHashTextTests
{
    [Test]
    public void Read_WhatWriteWrote_IsTheSameHash()
    {
        var hash = new LegacyHash { Type = LegacyHashType.Sha512, Hash = "ab$cd", PrependSalt = "pre$", AppendSalt = "ü", Salt = "", Iterations = 7, KeyLength = 32, Algorithm = "sha512" };
        Assert.That(LegacyHashText.Read(LegacyHashText.Write(hash)), Is.EqualTo(hash));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("pbkdf2-sha256$1000$c2FsdA==$aGFzaA==")]
    [TestCase("migrated$bcrypt$***$$$$0$0$0$0$0$0$")]
    public void Read_AnotherString_IsNull(string? text) =>
        Assert.That(LegacyHashText.Read(text), Is.Null);

    [Test]
    public void IsWellFormed_AHashMigrateWouldRefuse_IsFalse() =>
        Assert.That(LegacyHashText.IsWellFormed(LegacyHashText.Write(new LegacyHash { Type = LegacyHashType.Md5, Hash = "xyz" })), Is.False);
}
