namespace Stytch.Fake.Tests.Engine.Passwords;

/// <summary>The ranges of a project's password policy.</summary>
public sealed class PasswordPolicyTests
{
    [Test]
    public void Default_IsStytchsDefaults()
    {
        var policy = PasswordPolicy.Default;
        Assert.That((policy.Strategy, policy.BreachDetectionOnCreate, policy.LockThreshold, policy.LockDuration), Is.EqualTo((PasswordStrategy.Zxcvbn, true, 10, TimeSpan.FromHours(1))));
        Assert.DoesNotThrow(policy.Check);
    }

    [TestCase(7, 3, 10, 60, "invalid_password_strength_luds_length")]
    [TestCase(33, 3, 10, 60, "invalid_password_strength_luds_length")]
    [TestCase(8, 0, 10, 60, "invalid_password_strength_luds_complexity")]
    [TestCase(8, 5, 10, 60, "invalid_password_strength_luds_complexity")]
    [TestCase(8, 3, 0, 60, "invalid_user_lock_threshold")]
    [TestCase(8, 3, 101, 60, "invalid_user_lock_threshold")]
    [TestCase(8, 3, 10, 4, "invalid_user_lock_ttl")]
    [TestCase(8, 3, 10, 10081, "invalid_user_lock_ttl")]
    public void Check_ASettingOutOfRange_IsRefused(int length, int complexity, int threshold, int lockMinutes, string errorType)
    {
        var policy = new PasswordPolicy { LudsMinLength = length, LudsMinComplexity = complexity, LockThreshold = threshold, LockDuration = TimeSpan.FromMinutes(lockMinutes) };
        Assert.That(Assert.Throws<StytchException>(policy.Check)!.Error.ErrorType, Is.EqualTo(errorType));
    }
}
