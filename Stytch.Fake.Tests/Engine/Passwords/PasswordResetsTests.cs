using Stytch.Fake.Core;

namespace Stytch.Fake.Tests.Engine.Passwords;

/// <summary>Password reset tokens: sent once through the outbox, used once, expiring on the project clock.</summary>
public sealed class PasswordResetsTests
{
    private const string Purpose = "test.password_reset";
    private const string User = "user-test-00000000-0000-4000-8000-000000000001";
    private const string EmailId = "email-test-00000000-0000-4000-8000-000000000001";
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
    public void SendReset_PutsAPasswordResetLinkInTheOutbox()
    {
        var secret = Send();
        var message = _store.Outbox.All.Single();
        Assert.That((message.Kind, message.Token), Is.EqualTo((MessageKind.PasswordReset, secret.Value)));
        Assert.That(message.Link, Does.Contain("stytch_token_type=reset_password").And.Contain("token=" + secret.Value));
    }

    [Test]
    public void SendReset_LivesThirtyMinutesByDefault() =>
        Assert.That(Send().ExpiresAt, Is.EqualTo(Time.AddMinutes(30)));

    [TestCase(4)]
    [TestCase(10_081)]
    public void Minutes_OutOfRange_IsInvalidExpiration(int minutes) =>
        Assert.That(Assert.Throws<StytchException>(() => PasswordResets.Minutes(minutes))!.Error, Is.EqualTo(StytchError.InvalidExpiration));

    [Test]
    public void ConsumeReset_TheToken_AnswersItsPayloadOnce()
    {
        var token = Send().Value;
        Assert.That(_store.ConsumeReset(Purpose, token, _clock.Now).SubjectId, Is.EqualTo(User));
        Assert.That(Assert.Throws<StytchException>(() => _store.ConsumeReset(Purpose, token, _clock.Now))!.Error, Is.EqualTo(StytchError.UnableToAuthPasswordResetToken));
    }

    [Test]
    public void ConsumeReset_AfterItExpiresOnTheClock_IsRefused()
    {
        var token = Send().Value;
        _clock.Advance(TimeSpan.FromMinutes(30));
        Assert.That(Assert.Throws<StytchException>(() => _store.ConsumeReset(Purpose, token, _clock.Now))!.Error, Is.EqualTo(StytchError.UnableToAuthPasswordResetToken));
    }

    [Test]
    public void ConsumeReset_AnUnknownToken_IsRefused() =>
        Assert.That(Assert.Throws<StytchException>(() => _store.ConsumeReset(Purpose, "no-such-token", _clock.Now))!.Error, Is.EqualTo(StytchError.UnableToAuthPasswordResetToken));

    [Test]
    public void ConsumeReset_RefusedByItsCheck_StaysUsable()
    {
        var token = Send().Value;
        Assert.Throws<StytchException>(() => _store.ConsumeReset(Purpose, token, _clock.Now, (_, _) => throw new StytchException(StytchError.WeakPassword)));
        Assert.That(_store.ConsumeReset(Purpose, token, _clock.Now).SubjectId, Is.EqualTo(User));
    }

    [Test]
    public void ForgetResets_RemovesTheSubjectsTokens()
    {
        var token = Send().Value;
        _store.ForgetResets(Purpose, User);
        Assert.That(_store.FindReset(Purpose, token), Is.Null);
    }

    [Test]
    public void CheckRecentFactor_AnEmailOtpOfFiveMinutesAgo_Passes() =>
        Assert.DoesNotThrow(() => PasswordResets.CheckRecentFactor([Factor(FactorKind.EmailOtp, Time)], Time.AddMinutes(5)));

    [Test]
    public void CheckRecentFactor_AFactorOfSixMinutesAgo_IsTooOld() =>
        Assert.That(Assert.Throws<StytchException>(() => PasswordResets.CheckRecentFactor([Factor(FactorKind.Password, Time)], Time.AddMinutes(6)))!.Error,
            Is.EqualTo(StytchError.SessionTooOldToResetPassword));

    [Test]
    public void CheckRecentFactor_ARecentSmsCode_DoesNotCount() =>
        Assert.Throws<StytchException>(() => PasswordResets.CheckRecentFactor([AuthenticationFactor.Of(FactorKind.SmsOtp, null, new FactorPhone("phone-number-test-1", "+14155550123"), "", Time, Time)!], Time));

    private static AuthenticationFactor Factor(FactorKind kind, DateTimeOffset at) =>
        AuthenticationFactor.Of(kind, new FactorEmail(EmailId, "ada@example.com"), null, "", at, at)!;

    private OneTimeSecret Send() =>
        _store.Transact(() => _store.SendReset(
            Purpose, null, PasswordResets.Minutes(null),
            url => new LinkEmail("ada@example.com", EmailId, MessageKind.PasswordReset, "en", url, PasswordResets.TokenType) { UserId = User },
            new PasswordResetPayload(User, EmailId, null), RequestAttributes.None, _clock.Now));
}
