using Stytch.Fake.Core;

namespace Stytch.Fake.Tests.Engine.Passwords;

/// <summary>Salted PBKDF2 hashes: what is stored instead of a password.</summary>
public sealed class PasswordHasherTests
{
    private const string Password = "a-Sturdy-horse-42!";

    [Test]
    public void Verify_TheRightPassword_IsTrue() =>
        Assert.That(PasswordHasher.Verify(Password, PasswordHasher.Hash(Password, new IdFactory(false, 1))), Is.True);

    [Test]
    public void Verify_AWrongPassword_IsFalse() =>
        Assert.That(PasswordHasher.Verify(Password + "x", PasswordHasher.Hash(Password, new IdFactory(false, 1))), Is.False);

    [Test]
    public void Hash_NeverContainsThePassword() =>
        Assert.That(PasswordHasher.Hash(Password, new IdFactory(false, null)), Does.Not.Contain(Password).And.StartWith("pbkdf2-sha256$1000$"));

    [Test]
    public void Hash_TheSamePasswordTwice_IsSaltedDifferently()
    {
        var ids = new IdFactory(false, 7);
        var first = PasswordHasher.Hash(Password, ids);
        Assert.That(PasswordHasher.Hash(Password, ids), Is.Not.EqualTo(first));
    }

    [Test]
    public void Hash_OnTheSameSeed_IsTheSameOnEveryRun()
    {
        var first = PasswordHasher.Hash(Password, new IdFactory(false, 3));
        Assert.That(PasswordHasher.Hash(Password, new IdFactory(false, 3)), Is.EqualTo(first));
    }

    [TestCase("")]
    [TestCase("plain")]
    [TestCase("pbkdf2-sha256$abc$AAAA$AAAA")]
    [TestCase("pbkdf2-sha256$1000$not base64$AAAA")]
    [TestCase("md5$1000$AAAA$AAAA")]
    public void Verify_AMalformedHash_IsFalseAndNotWellFormed(string encoded)
    {
        Assert.That(PasswordHasher.Verify(Password, encoded), Is.False);
        Assert.That(PasswordHasher.IsWellFormed(encoded), Is.False);
    }
}
