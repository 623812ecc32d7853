using Stytch.Fake.Products.Consumer.EmailOtp;
using Stytch.Fake.Products.Consumer.PhoneOtp;

namespace Stytch.Fake.Tests.Products.Consumer.PhoneOtp;

/// <summary>Consumer SMS and WhatsApp OTP in the engine: validation before any change, the channel a code remembers, the rules of send.</summary>
public sealed class PhoneOtpServiceTests : ConsumerEngineTest
{
    private const string Phone = "+14155550123";
    private static readonly PhoneOtpOptions None = new();

    [TestCase(null)]
    [TestCase("4155550123")]
    [TestCase("+15555550100")]
    public void LoginOrCreate_InvalidNumber_ThrowsInvalidPhoneNumberAndChangesNothing(string? phone)
    {
        var error = ErrorOf(() => Consumer.PhoneOtp.LoginOrCreate(DeliveryChannel.Sms, phone, None));

        Assert.That(error, Is.EqualTo(StytchError.InvalidPhoneNumber));
        Assert.That((Consumer.Users.Count, Consumer.Outbox.All.Count), Is.EqualTo((0, 0)));
    }

    [Test]
    public void LoginOrCreate_ExpirationOutOfRange_ThrowsBeforeTheUserIsMade()
    {
        var error = ErrorOf(() => Consumer.PhoneOtp.LoginOrCreate(DeliveryChannel.WhatsApp, Phone, new PhoneOtpOptions { ExpirationMinutes = 11 }));

        Assert.That(error, Is.EqualTo(StytchError.InvalidExpirationOtp));
        Assert.That(Consumer.Users.Count, Is.Zero);
    }

    [Test]
    public void LoginOrCreate_NewNumber_UserHasOnlyThatNumberUnverified()
    {
        var sent = Consumer.PhoneOtp.LoginOrCreate(DeliveryChannel.Sms, Phone, None);

        var user = Consumer.Users.Get(sent.UserId);
        Assert.That(user.PhoneNumbers, Is.EqualTo(new[] { new StytchUserPhone(sent.PhoneId, Phone, false) }));
        Assert.That(user.Emails, Is.Empty);
    }

    [Test]
    public void Send_AnotherUsersNumberForAUser_ThrowsDuplicatePhoneNumberAndSendsNothing()
    {
        Consumer.PhoneOtp.LoginOrCreate(DeliveryChannel.Sms, Phone, None);
        var ada = Consumer.Users.Create("ada@example.com", pending: false);

        var error = ErrorOf(() => Consumer.PhoneOtp.Send(DeliveryChannel.Sms, Phone, new PhoneOtpOptions { UserId = ada.UserId }));

        Assert.That(error, Is.EqualTo(StytchError.DuplicatePhoneNumber));
        Assert.That(Consumer.Users.Get(ada.UserId).PhoneNumbers, Is.Empty);
        Assert.That(Consumer.Outbox.All, Has.Count.EqualTo(1));
    }

    [Test]
    public void Send_NumberTheUserHasAlready_KeepsOnePhone()
    {
        var sent = Consumer.PhoneOtp.LoginOrCreate(DeliveryChannel.Sms, Phone, None);

        var again = Consumer.PhoneOtp.Send(DeliveryChannel.WhatsApp, Phone, new PhoneOtpOptions { UserId = sent.UserId });

        Assert.That(again.PhoneId, Is.EqualTo(sent.PhoneId));
        Assert.That(Consumer.Users.Get(sent.UserId).PhoneNumbers, Has.Count.EqualTo(1));
    }

    [Test]
    public void Authenticate_WhatsAppCode_FactorIsWhatsAppOtpForThePhone()
    {
        var sent = Consumer.PhoneOtp.LoginOrCreate(DeliveryChannel.WhatsApp, Phone, None);

        var auth = Consumer.PhoneOtp.Authenticate(new OtpAuthenticateCommand { MethodId = sent.PhoneId, Code = CodeFor(Phone), SessionDurationMinutes = 30 });

        var factor = auth.Session!.AuthenticationFactors.Single();
        Assert.That((factor.Kind, factor.Phone), Is.EqualTo((FactorKind.WhatsAppOtp, new FactorPhone(sent.PhoneId, Phone))));
        Assert.That(factor.Email, Is.Null);
    }

    [Test]
    public void Authenticate_WrongCode_LeavesTheNumberUnverified()
    {
        var sent = Consumer.PhoneOtp.LoginOrCreate(DeliveryChannel.Sms, Phone, new PhoneOtpOptions { CreateUserAsPending = true });
        var wrong = CodeFor(Phone) == "000001" ? "000002" : "000001";

        var error = ErrorOf(() => Consumer.PhoneOtp.Authenticate(new OtpAuthenticateCommand { MethodId = sent.PhoneId, Code = wrong }));

        var user = Consumer.Users.Get(sent.UserId);
        Assert.That(error, Is.EqualTo(StytchError.OtpCodeNotFound));
        Assert.That((user.Status, user.PhoneNumbers.Single().Verified), Is.EqualTo(("pending", false)));
    }

    [Test]
    public void Authenticate_EmailId_IsNotAPhoneId()
    {
        var sent = Consumer.EmailOtp.LoginOrCreate("ada@example.com", Defaults);

        var error = ErrorOf(() => Consumer.PhoneOtp.Authenticate(new OtpAuthenticateCommand { MethodId = sent.EmailId, Code = CodeFor("ada@example.com") }));

        Assert.That(error, Is.EqualTo(StytchError.InvalidMethodId));
        Assert.That(PhoneOtpService.IsPhoneId(sent.EmailId), Is.False);
    }

    [Test]
    public void Export_SentCodes_CarryTheirChannel()
    {
        var sms = Consumer.PhoneOtp.LoginOrCreate(DeliveryChannel.Sms, Phone, None);
        var whatsApp = Consumer.PhoneOtp.LoginOrCreate(DeliveryChannel.WhatsApp, "+16505550199", None);

        var codes = Consumer.Store.Transact(Consumer.PhoneOtp.Export);

        Assert.That(codes.Select(c => (c.PhoneId, c.Channel)), Is.EquivalentTo(new[] { (sms.PhoneId, DeliveryChannel.Sms), (whatsApp.PhoneId, DeliveryChannel.WhatsApp) }));
    }

    [Test]
    public void Send_SandboxNumberInALiveProject_ThrowsInvalidPhoneNumber()
    {
        var live = NewState(live: true);

        var error = ErrorOf(() => live.PhoneOtp.Send(DeliveryChannel.Sms, "+10000000000", None));

        Assert.That(error, Is.EqualTo(StytchError.InvalidPhoneNumber));
    }
}
