using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire;

/// <summary><c>POST /v1/otps/authenticate</c> with a phone id over loopback HTTP: codes, factors, sessions and the sandbox.</summary>
public sealed class PhoneOtpAuthenticateWireTests : FakeWireTest
{
    private const string Phone = "+14155550123";
    private const string SmsLoginOrCreate = "/v1/otps/sms/login_or_create";
    private const string WhatsAppLoginOrCreate = "/v1/otps/whatsapp/login_or_create";
    private const string SandboxPhoneId = "phone-number-test-d5a3b680-e8a3-40c0-b815-ab79986666d0";

    [Test]
    public async Task Authenticate_SmsCodeWithoutSession_ReturnsTheUserAndNoSession()
    {
        var (phoneId, code) = await SendAsync(SmsLoginOrCreate);

        var auth = await AuthenticateAsync(phoneId, code);

        Assert.That(auth.Status, Is.EqualTo(200), auth.Text);
        Assert.That(auth["method_id"], Is.EqualTo(phoneId));
        Assert.That(auth["user_id"], Is.EqualTo(Stytch.Outbox.LatestFor(Phone).UserId));
        Assert.That((auth["session_token"], auth["session_jwt"]), Is.EqualTo(("", "")));
        Assert.That(auth.Json["session"], Is.Null);
    }

    [Test]
    public async Task Authenticate_SmsCode_MarksTheNumberVerified()
    {
        var (phoneId, code) = await SendAsync(SmsLoginOrCreate);

        var auth = await AuthenticateAsync(phoneId, code);

        var phone = auth.Json["user"]!["phone_numbers"]!.AsArray().Single()!;
        Assert.That((phone["phone_id"]!.GetValue<string>(), phone["verified"]!.GetValue<bool>()), Is.EqualTo((phoneId, true)));
    }

    [Test]
    public async Task Authenticate_PendingUser_MakesTheUserActive()
    {
        var created = await Client.PostAsync(SmsLoginOrCreate, new { phone_number = Phone, create_user_as_pending = true });

        var auth = await AuthenticateAsync(created["phone_id"], Stytch.Outbox.LatestFor(Phone).Code);

        Assert.That(auth.Json["user"]!["status"]!.GetValue<string>(), Is.EqualTo("active"));
    }

    [TestCase(SmsLoginOrCreate, "sms")]
    [TestCase(WhatsAppLoginOrCreate, "whatsapp")]
    public async Task Authenticate_WithSessionDuration_SessionHasTheOtpFactorOfTheChannel(string path, string deliveryMethod)
    {
        var (phoneId, code) = await SendAsync(path);

        var auth = await Client.PostAsync("/v1/otps/authenticate", new { method_id = phoneId, code, session_duration_minutes = 60 });

        var factor = Factors(auth).Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(factor["type"]!.GetValue<string>(), Is.EqualTo("otp"));
            Assert.That(factor["delivery_method"]!.GetValue<string>(), Is.EqualTo(deliveryMethod));
            Assert.That(factor["phone_number_factor"]!["phone_id"]!.GetValue<string>(), Is.EqualTo(phoneId));
            Assert.That(factor["phone_number_factor"]!["phone_number"]!.GetValue<string>(), Is.EqualTo(Phone));
            Assert.That(factor.AsObject().ContainsKey("email_factor"), Is.False);
            Assert.That(auth["session_token"], Has.Length.EqualTo(44));
        });
    }

    [Test]
    public async Task Authenticate_WhatsAppAfterSms_OnlyTheNewestCodeWorks()
    {
        var (phoneId, smsCode) = await SendAsync(SmsLoginOrCreate);
        var (_, whatsAppCode) = await SendAsync(WhatsAppLoginOrCreate);
        Assert.That(whatsAppCode, Is.Not.EqualTo(smsCode));

        var old = await AuthenticateAsync(phoneId, smsCode);
        var auth = await Client.PostAsync("/v1/otps/authenticate", new { method_id = phoneId, code = whatsAppCode, session_duration_minutes = 5 });

        Assert.That((old.Status, old["error_type"]), Is.EqualTo((404, "otp_code_not_found")));
        Assert.That(Factors(auth).Single()!["delivery_method"]!.GetValue<string>(), Is.EqualTo("whatsapp"));
    }

    [Test]
    public async Task Authenticate_WrongCode_Returns404OtpCodeNotFoundAndTheCodeStillWorks()
    {
        var (phoneId, code) = await SendAsync(SmsLoginOrCreate);

        var wrong = await AuthenticateAsync(phoneId, code == "123456" ? "654321" : "123456");
        var right = await AuthenticateAsync(phoneId, code);

        Assert.That((wrong.Status, wrong["error_type"]), Is.EqualTo((404, "otp_code_not_found")));
        Assert.That(right.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Authenticate_CodeTwice_Returns401UnableToAuthOtpCode()
    {
        var (phoneId, code) = await SendAsync(SmsLoginOrCreate);
        await AuthenticateAsync(phoneId, code);

        var again = await AuthenticateAsync(phoneId, code);

        Assert.That((again.Status, again["error_type"]), Is.EqualTo((401, "unable_to_auth_otp_code")));
    }

    [Test]
    public async Task Authenticate_AtTheDefaultExpiry_Returns401UnableToAuthOtpCode()
    {
        var (phoneId, code) = await SendAsync(SmsLoginOrCreate);
        Time.Advance(TimeSpan.FromMinutes(2));

        var late = await AuthenticateAsync(phoneId, code);

        Assert.That((late.Status, late["error_type"]), Is.EqualTo((401, "unable_to_auth_otp_code")));
    }

    [Test]
    public async Task Authenticate_JustBeforeTheDefaultExpiry_Succeeds()
    {
        var (phoneId, code) = await SendAsync(SmsLoginOrCreate);
        Time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(1));

        var auth = await AuthenticateAsync(phoneId, code);

        Assert.That(auth.Status, Is.EqualTo(200), auth.Text);
    }

    [Test]
    public async Task Authenticate_UnknownPhoneId_Returns404OtpCodeNotFound()
    {
        var auth = await AuthenticateAsync("phone-number-test-00000000-0000-4000-8000-000000000000", "123456");

        Assert.That((auth.Status, auth["error_type"]), Is.EqualTo((404, "otp_code_not_found")));
    }

    [TestCase("phone-number-test-nope")]
    [TestCase("phone-number-")]
    public async Task Authenticate_MalformedPhoneId_Returns400InvalidMethodId(string methodId)
    {
        var auth = await AuthenticateAsync(methodId, "123456");

        Assert.That((auth.Status, auth["error_type"]), Is.EqualTo((400, "invalid_method_id")));
    }

    [Test]
    public async Task Authenticate_SessionOfTheSameUser_AddsTheSmsFactorToIt()
    {
        var user = Stytch.DefaultProject.Users.Create("ada@example.com");
        var minted = Stytch.DefaultProject.Sessions.Mint(user.UserId);
        var sent = await Client.PostAsync("/v1/otps/sms/send", new { phone_number = Phone, user_id = user.UserId });

        var auth = await Client.PostAsync("/v1/otps/authenticate", new { method_id = sent["phone_id"], code = Stytch.Outbox.LatestFor(Phone).Code, session_token = minted.SessionToken });

        Assert.That(auth.Json["session"]!["session_id"]!.GetValue<string>(), Is.EqualTo(minted.Session.SessionId));
        Assert.That(Factors(auth).Select(f => f!["delivery_method"]!.GetValue<string>()), Is.EqualTo(new[] { "email", "sms" }));
    }

    [Test]
    public async Task Authenticate_AnotherUsersSession_Returns404SessionNotFoundAndTheCodeStillWorks()
    {
        var (phoneId, code) = await SendAsync(SmsLoginOrCreate);
        var other = Stytch.DefaultProject.Users.Create("bob@example.com");
        var minted = Stytch.DefaultProject.Sessions.Mint(other.UserId);

        var refused = await Client.PostAsync("/v1/otps/authenticate", new { method_id = phoneId, code, session_token = minted.SessionToken });
        var auth = await AuthenticateAsync(phoneId, code);

        Assert.That((refused.Status, refused["error_type"]), Is.EqualTo((404, "session_not_found")));
        Assert.That(auth.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Authenticate_IpMatchRequiredFromAnotherAddress_Returns401AttributeMismatch()
    {
        await Client.PostAsync(SmsLoginOrCreate, new { phone_number = Phone, attributes = new { ip_address = "203.0.113.7" } });
        var message = Stytch.Outbox.LatestFor(Phone);

        var auth = await Client.PostAsync("/v1/otps/authenticate", new
        {
            method_id = message.MethodId, code = message.Code, attributes = new { ip_address = "198.51.100.1" }, options = new { ip_match_required = true },
        });

        Assert.That((auth.Status, auth["error_type"]), Is.EqualTo((401, "attribute_mismatch")));
    }

    [Test]
    public async Task Authenticate_SandboxPhoneIdWithSandboxCode_ReturnsTheSandboxUser()
    {
        var auth = await Client.PostAsync("/v1/otps/authenticate", new { method_id = SandboxPhoneId, code = "000000", session_duration_minutes = 30 });

        Assert.That(auth.Status, Is.EqualTo(200), auth.Text);
        Assert.That(auth["user_id"], Is.EqualTo("user-test-e3795c81-f849-4167-bfda-e4a6e9c280fd"));
        Assert.That(Factors(auth).Single()!["phone_number_factor"]!["phone_number"]!.GetValue<string>(), Is.EqualTo("+10000000000"));
    }

    [Test]
    public async Task Authenticate_SandboxPhoneIdWithAnotherCode_Returns404OtpCodeNotFound()
    {
        var auth = await AuthenticateAsync(SandboxPhoneId, "123456");

        Assert.That((auth.Status, auth["error_type"]), Is.EqualTo((404, "otp_code_not_found")));
    }

    [Test]
    public async Task Authenticate_DeletedUsersPhoneId_Returns404OtpCodeNotFound()
    {
        var (phoneId, code) = await SendAsync(SmsLoginOrCreate);
        await Client.DeleteAsync($"/v1/users/{Stytch.Outbox.LatestFor(Phone).UserId}");

        var auth = await AuthenticateAsync(phoneId, code);

        Assert.That((auth.Status, auth["error_type"]), Is.EqualTo((404, "otp_code_not_found")));
    }

    private async Task<(string PhoneId, string Code)> SendAsync(string path)
    {
        var sent = await Client.PostAsync(path, new { phone_number = Phone });
        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        return (sent["phone_id"]!, Stytch.Outbox.LatestFor(Phone).Code);
    }

    private static JsonArray Factors(WireResult auth)
    {
        Assert.That(auth.Status, Is.EqualTo(200), auth.Text);
        return auth.Json["session"]!["authentication_factors"]!.AsArray();
    }
}
