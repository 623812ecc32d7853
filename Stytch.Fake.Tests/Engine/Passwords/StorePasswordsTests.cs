using Stytch.Fake.Core;

namespace Stytch.Fake.Tests.Engine.Passwords;

/// <summary>Setting and verifying passwords in a project's store, with Stytch's user locks on the project clock.</summary>
public sealed class StorePasswordsTests
{
    private const string User = "user-test-00000000-0000-4000-8000-000000000001";
    private const string Strong = "violet-Tractor-umbrella-88";
    private static readonly DateTimeOffset Time = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private StytchClock _clock = null!;
    private ProjectStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new StytchClock(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Time));
        _store = new ProjectStore(new ProjectSettings("project-test-00000000-0000-4000-8000-000000000000", Live: false, Seed: 5), _clock);
    }

    [Test]
    public void SetPassword_AStrongPassword_StoresOnlyASaltedHash()
    {
        var stored = _store.SetPassword(User, Strong, "ada@example.com");
        Assert.That(stored.PasswordId, Does.StartWith("password-test-"));
        Assert.That(stored.Hash, Does.Not.Contain(Strong));
        Assert.That(_store.FindPassword(User), Is.EqualTo(stored));
    }

    [Test]
    public void SetPassword_AWeakPassword_ThrowsAndStoresNothing()
    {
        Assert.That(Assert.Throws<StytchException>(() => _store.SetPassword(User, "password", null))!.Error, Is.EqualTo(StytchError.WeakPassword));
        Assert.That(_store.FindPassword(User), Is.Null);
    }

    [Test]
    public void SetPassword_ABreachedPassword_ThrowsWeakPassword() =>
        Assert.That(Assert.Throws<StytchException>(() => _store.SetPassword(User, "correct horse battery staple", null))!.Error, Is.EqualTo(StytchError.WeakPassword));

    [Test]
    public void SetPassword_APasswordAddedToTheBreachedList_ThrowsWeakPassword()
    {
        _store.PasswordSettings().AddBreached(Strong);
        Assert.That(Assert.Throws<StytchException>(() => _store.SetPassword(User, Strong, null))!.Error, Is.EqualTo(StytchError.WeakPassword));
    }

    [Test]
    public void SetPassword_ASecondTime_KeepsThePasswordId()
    {
        var first = _store.SetPassword(User, Strong, null);
        var second = _store.SetPassword(User, "another-Quiet-lantern-71", null);
        Assert.That((second.PasswordId, second.Hash == first.Hash), Is.EqualTo((first.PasswordId, false)));
    }

    [Test]
    public void VerifyPassword_TheRightPassword_Matches()
    {
        _store.SetPassword(User, Strong, null);
        Assert.That(_store.VerifyPassword(User, Strong), Is.EqualTo(PasswordVerdict.Match));
    }

    [Test]
    public void VerifyPassword_AWrongPassword_Mismatches()
    {
        _store.SetPassword(User, Strong, null);
        Assert.That(_store.VerifyPassword(User, "wrong"), Is.EqualTo(PasswordVerdict.Mismatch));
    }

    [Test]
    public void VerifyPassword_NoPasswordSet_SaysSo() =>
        Assert.That(_store.VerifyPassword(User, Strong), Is.EqualTo(PasswordVerdict.NoPassword));

    [Test]
    public void VerifyPassword_APasswordBreachedSinceItWasSet_MustBeResetFromThenOn()
    {
        _store.SetPassword(User, Strong, null);
        _store.PasswordSettings().AddBreached(Strong);
        Assert.That(_store.VerifyPassword(User, Strong), Is.EqualTo(PasswordVerdict.MustReset));
        Assert.That(_store.FindPassword(User)!.RequiresReset, Is.True);
    }

    [Test]
    public void VerifyPassword_TenWrongAttempts_LockEvenTheRightPassword()
    {
        _store.SetPassword(User, Strong, null);
        Fail(10);
        Assert.That(Assert.Throws<StytchException>(() => _store.VerifyPassword(User, Strong))!.Error, Is.EqualTo(StytchError.UserLockLimitReached));
    }

    [Test]
    public void VerifyPassword_NineWrongAttempts_StillLetTheRightPasswordIn()
    {
        _store.SetPassword(User, Strong, null);
        Fail(9);
        Assert.That(_store.VerifyPassword(User, Strong), Is.EqualTo(PasswordVerdict.Match));
    }

    [Test]
    public void VerifyPassword_ASuccess_StartsTheCountAgain()
    {
        _store.SetPassword(User, Strong, null);
        Fail(9);
        _store.VerifyPassword(User, Strong);
        Fail(9);
        Assert.That(_store.VerifyPassword(User, Strong), Is.EqualTo(PasswordVerdict.Match));
    }

    [Test]
    public void VerifyPassword_AfterTheLockExpiresOnTheClock_LetsTheRightPasswordIn()
    {
        _store.SetPassword(User, Strong, null);
        Fail(10);
        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Throws<StytchException>(() => _store.VerifyPassword(User, Strong));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(_store.VerifyPassword(User, Strong), Is.EqualTo(PasswordVerdict.Match));
    }

    [Test]
    public void VerifyPassword_TheProjectsThresholdAndDuration_AreUsed()
    {
        _store.PasswordSettings().SetPolicy(PasswordPolicy.Default with { LockThreshold = 2, LockDuration = TimeSpan.FromMinutes(5) });
        _store.SetPassword(User, Strong, null);
        Fail(2);
        Assert.Throws<StytchException>(() => _store.VerifyPassword(User, Strong));
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.That(_store.VerifyPassword(User, Strong), Is.EqualTo(PasswordVerdict.Match));
    }

    [Test]
    public void Reset_ForgetsPasswordsLocksAndPolicy()
    {
        _store.PasswordSettings().SetPolicy(PasswordPolicy.Default with { Strategy = PasswordStrategy.Luds });
        _store.SetPassword(User, Strong, null);
        Fail(10);
        _store.Reset();
        Assert.That((_store.FindPassword(User), _store.PasswordSettings().Policy, _store.Part<PasswordLockouts>().IsLocked(User, _clock.Now)), Is.EqualTo(((StoredPassword?)null, PasswordPolicy.Default, false)));
    }

    [Test]
    public void ForgetPassword_RemovesThePasswordAndTheLock()
    {
        _store.SetPassword(User, Strong, null);
        Fail(10);
        _store.ForgetPassword(User);
        Assert.That((_store.FindPassword(User), _store.Part<PasswordLockouts>().IsLocked(User, _clock.Now)), Is.EqualTo(((StoredPassword?)null, false)));
    }

    private void Fail(int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.That(_store.VerifyPassword(User, "wrong-" + i), Is.EqualTo(PasswordVerdict.Mismatch));
        }
    }
}
