using Stytch.Fake.Core;

namespace Stytch.Fake.Tests.Engine;

/// <summary>Phone numbers as Stytch takes them: E.164, and a number that can exist.</summary>
public sealed class E164Tests
{
    [TestCase("+14155550123")]
    [TestCase("+447911123456")]
    [TestCase("+33612345678")]
    public void IsValid_ARealNumberInE164_IsTrue(string phone) => Assert.That(E164.IsValid(phone), Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("14155550123")]
    [TestCase("+1 415 555 0123")]
    [TestCase("+1-415-555-0123")]
    [TestCase("+1415555012a")]
    [TestCase("+15555550100")]
    [TestCase("+1415")]
    [TestCase("+14155550123\n")]
    [TestCase("+1415555012345678")]
    public void IsValid_AnythingElse_IsFalse(string? phone) => Assert.That(E164.IsValid(phone), Is.False);

    [Test]
    public void Check_AnInvalidNumber_IsInvalidPhoneNumber() =>
        Assert.That(Assert.Throws<StytchException>(() => E164.Check("+1 415"))!.Error.ErrorType, Is.EqualTo("invalid_phone_number"));

    [Test]
    public void SendCode_ATextMessage_LandsWithItsPhoneNumberAndNoEmail()
    {
        var store = new ProjectStore(new ProjectSettings("project-test-00000000-0000-0000-0000-000000000000", false, null), new StytchClock(TimeProvider.System));
        var now = store.Clock.Now;
        store.Transact(() => store.SendCode(new SecretKey("test.sms", "+14155550123"), TimeSpan.FromMinutes(2),
            new CodeText(DeliveryChannel.Sms, "+14155550123", "phone-number-test-1", MessageKind.Mfa, "en"), now));

        var message = store.Outbox.All.Single();
        Assert.Multiple(() =>
        {
            Assert.That(message.Channel, Is.EqualTo(DeliveryChannel.Sms));
            Assert.That(message.PhoneNumber, Is.EqualTo("+14155550123"));
            Assert.That(message.EmailAddress, Is.Empty);
            Assert.That(message.Code, Has.Length.EqualTo(6));
            Assert.That(message.Kind, Is.EqualTo(MessageKind.Mfa));
        });
    }
}
