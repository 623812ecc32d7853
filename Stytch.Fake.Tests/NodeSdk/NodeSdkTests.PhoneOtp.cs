using Stytch.Fake.Tests.Wire;

namespace Stytch.Fake.Tests.NodeSdk;

/// <summary>Consumer SMS and WhatsApp OTP through the Node SDK (phone.mjs): login_or_create, the outbox's code, authenticate.</summary>
public sealed partial class NodeSdkTests
{
    private ScriptRun _phone = ScriptRun.NotRun;

    [OneTimeSetUp]
    public async Task RunPhoneSdkAsync() => _phone = await RunScriptAsync("phone.mjs");

    [Test]
    public void OtpsSmsLoginOrCreate_NewNumber_CreatesTheUserWithAPhoneId()
    {
        var value = Ok(_phone, "sms_login_or_create");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["user_created"]!.GetValue<bool>(), Is.True);
            Assert.That(value["user_id"]!.GetValue<string>(), Does.Match(WireShapes.UserId()));
            Assert.That(value["phone_id"]!.GetValue<string>(), Does.StartWith("phone-number-test-"));
        });
    }

    [Test]
    public void OtpsSmsOutbox_AfterLoginOrCreate_HoldsASixDigitSmsCode()
    {
        var value = Ok(_phone, "sms_outbox");

        Assert.Multiple(() =>
        {
            Assert.That(value["channel"]!.GetValue<string>(), Is.EqualTo("sms"));
            Assert.That(value["kind"]!.GetValue<string>(), Is.EqualTo("signup"));
            Assert.That(value["code"]!.GetValue<string>(), Does.Match("^[0-9]{6}$"));
            Assert.That(value["method_id"]!.GetValue<string>(), Is.EqualTo(Ok(_phone, "sms_login_or_create")["phone_id"]!.GetValue<string>()));
        });
    }

    [Test]
    public void OtpsAuthenticate_SmsCode_ReturnsASessionWithAnSmsFactor()
    {
        var value = Ok(_phone, "sms_authenticate");
        var sent = Ok(_phone, "sms_login_or_create");
        var factor = value["factor"]!;

        Assert.Multiple(() =>
        {
            Assert.That(value["user_id"]!.GetValue<string>(), Is.EqualTo(sent["user_id"]!.GetValue<string>()));
            Assert.That(value["method_id"]!.GetValue<string>(), Is.EqualTo(sent["phone_id"]!.GetValue<string>()));
            Assert.That(value["session_token_length"]!.GetValue<int>(), Is.EqualTo(44));
            Assert.That((factor["type"]!.GetValue<string>(), factor["delivery_method"]!.GetValue<string>()), Is.EqualTo(("otp", "sms")));
            Assert.That(factor["phone_number_factor"]!["phone_id"]!.GetValue<string>(), Is.EqualTo(sent["phone_id"]!.GetValue<string>()));
            Assert.That(factor["email_factor"], Is.Null);
            Assert.That(value["phone_numbers"]![0]!["verified"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public void OtpsAuthenticate_WrongSmsCode_ThrowsStytchErrorOtpCodeNotFound() =>
        AssertStytchError(_phone, "sms_authenticate_wrong_code", 404, "otp_code_not_found");

    [Test]
    public void OtpsAuthenticate_ReusedSmsCode_ThrowsStytchErrorUnableToAuthOtpCode() =>
        AssertStytchError(_phone, "sms_authenticate_reused", 401, "unable_to_auth_otp_code");

    [Test]
    public void SessionsAuthenticate_SmsSession_HasTheSmsFactor()
    {
        var value = Ok(_phone, "sessions_authenticate");

        Assert.That(value["delivery_methods"]!.AsArray().Select(m => m!.GetValue<string>()), Is.EqualTo(new[] { "sms" }));
    }

    [Test]
    public void OtpsSmsSend_VerifiedNumber_SendsALoginCode()
    {
        var value = Ok(_phone, "sms_send_existing");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["phone_id"]!.GetValue<string>(), Is.EqualTo(Ok(_phone, "sms_login_or_create")["phone_id"]!.GetValue<string>()));
            Assert.That(value["kind"]!.GetValue<string>(), Is.EqualTo("login"));
            Assert.That(value["count"]!.GetValue<int>(), Is.EqualTo(2));
        });
    }

    [Test]
    public void OtpsSmsSend_UnknownNumber_ThrowsStytchErrorPhoneNumberNotFound() =>
        AssertStytchError(_phone, "sms_send_unknown", 404, "phone_number_not_found");

    [Test]
    public void OtpsWhatsappLoginOrCreate_Code_AuthenticatesWithAWhatsAppFactor()
    {
        var value = Ok(_phone, "whatsapp_login_or_create");

        Assert.That((value["user_created"]!.GetValue<bool>(), value["channel"]!.GetValue<string>(), value["delivery_method"]!.GetValue<string>()),
            Is.EqualTo((true, "whatsapp", "whatsapp")));
    }

    [Test]
    public void OtpsSmsSend_SandboxNumber_AuthenticatesWithTheSandboxCode()
    {
        var value = Ok(_phone, "sandbox_send_and_authenticate");

        Assert.That((value["status_code"]!.GetValue<int>(), value["user_id"]!.GetValue<string>()),
            Is.EqualTo((200, "user-test-e3795c81-f849-4167-bfda-e4a6e9c280fd")));
    }

    [Test]
    public void Phone_EveryCall_SendsOnlyFieldsTheFakeKnows()
    {
        var value = Ok(_phone, "request_log");

        Assert.That(value["ignored"]!.AsArray(), Is.Empty, "the fake ignored fields the Node SDK sent: " + value["ignored"]!.ToJsonString());
    }
}
