using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire.B2B.Mfa;

/// <summary>B2B SMS OTP, TOTP and recovery codes over loopback HTTP: an MFA login from primary factor to member session.</summary>
public sealed class MfaFactorWireTests : B2BWireTest
{
    private const string Phone = "+14155550123";
    private const string SmsSendPath = "/v1/b2b/otps/sms/send";
    private const string SmsAuthenticatePath = "/v1/b2b/otps/sms/authenticate";
    private const string TotpPath = "/v1/b2b/totp";
    private const string TotpAuthenticatePath = "/v1/b2b/totp/authenticate";
    private const string RecoverPath = "/v1/b2b/recovery_codes/recover";
    private const string RotatePath = "/v1/b2b/recovery_codes/rotate";

    private SeededOrganization _acme = null!;

    [SetUp]
    public void SeedOrganization() => _acme = Stytch.Seed.Organization(o => o.Slug("acme").JitDomains("acme.io").With(f => f with { MfaPolicy = "REQUIRED_FOR_ALL" }));

    /// <summary>An email OTP login that stops at MFA; the intermediate session token and the member id.</summary>
    private async Task<(string Token, string MemberId)> PrimaryAsync(string email = "ada@acme.io")
    {
        var sent = await LoginOrSignupAsync("acme", email);
        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        var auth = await AuthenticateOtpAsync("acme", email, Stytch.Outbox.LatestFor(email).Code);
        Assert.That(auth.Status, Is.EqualTo(200), auth.Text);
        return (auth["intermediate_session_token"]!, auth["member_id"]!);
    }

    private string LatestSmsCode => Stytch.Outbox.All.Last(m => m.Channel == DeliveryChannel.Sms).Code;

    [Test]
    public async Task SmsSend_NewNumber_AnswersTheMemberWithItsUnverifiedNumber()
    {
        var (token, memberId) = await PrimaryAsync();

        var response = await Client.PostAsync(SmsSendPath, new { organization_id = "acme", member_id = memberId, mfa_phone_number = Phone, intermediate_session_token = token });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "status_code", "member_id", "member", "organization")));
        Assert.That(Str(response.Json["member"]!["mfa_phone_number"]), Is.EqualTo(Phone));
        Assert.That(response.Json["member"]!["mfa_phone_number_verified"]!.GetValue<bool>(), Is.False);
        Assert.That(Stytch.Outbox.All.Single(m => m.Channel == DeliveryChannel.Sms).PhoneNumber, Is.EqualTo(Phone));
    }

    [Test]
    public async Task SmsAuthenticate_CodeFromTheOutbox_AnswersMemberSessionWithAnSmsFactor()
    {
        var (token, memberId) = await PrimaryAsync();
        await Client.PostAsync(SmsSendPath, new { organization_id = "acme", member_id = memberId, mfa_phone_number = Phone, intermediate_session_token = token });

        var response = await Client.PostAsync(SmsAuthenticatePath, new { organization_id = "acme", member_id = memberId, code = LatestSmsCode, intermediate_session_token = token });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "status_code", "member_id", "member", "organization", "session_token", "session_jwt", "member_session")));
        var factors = response.Json["member_session"]!["authentication_factors"]!.AsArray();
        Assert.That(factors.Select(f => Str(f!["delivery_method"])), Is.EqualTo(new[] { "email", "sms" }));
        Assert.That(Str(factors[1]!["phone_number_factor"]!["phone_number"]), Is.EqualTo(Phone));
        Assert.That(response.Json["member"]!["mfa_phone_number_verified"]!.GetValue<bool>(), Is.True);
        var session = await Client.PostAsync(SessionsAuthenticatePath, new { session_token = response["session_token"] });
        Assert.That(session.Status, Is.EqualTo(200), session.Text);
    }

    [Test]
    public async Task SmsAuthenticate_IntermediateSessionIsUsedUp_SecondUseAnswers404()
    {
        var (token, memberId) = await PrimaryAsync();
        await Client.PostAsync(SmsSendPath, new { organization_id = "acme", member_id = memberId, mfa_phone_number = Phone, intermediate_session_token = token });
        var code = LatestSmsCode;
        await Client.PostAsync(SmsAuthenticatePath, new { organization_id = "acme", member_id = memberId, code, intermediate_session_token = token });

        var again = await Client.PostAsync(SmsAuthenticatePath, new { organization_id = "acme", member_id = memberId, code, intermediate_session_token = token });

        AssertError(again, 404, "intermediate_session_not_found");
    }

    [Test]
    public async Task SmsAuthenticate_NoSessionArguments_Answers400()
    {
        var (_, memberId) = await PrimaryAsync();

        var response = await Client.PostAsync(SmsAuthenticatePath, new { organization_id = "acme", member_id = memberId, code = "123456" });

        AssertError(response, 400, "no_session_arguments");
    }

    [Test]
    public async Task SmsSend_InvalidPhoneNumber_Answers400()
    {
        var (token, memberId) = await PrimaryAsync();

        var response = await Client.PostAsync(SmsSendPath, new { organization_id = "acme", member_id = memberId, mfa_phone_number = "555-0100", intermediate_session_token = token });

        AssertError(response, 400, "invalid_phone_number");
    }

    [Test]
    public async Task SeededSmsMember_Login_SendsTheCodeAtOnceAndItFinishesTheLogin()
    {
        _acme.WithSmsMfaMember("ada@acme.io", Phone);
        var (token, memberId) = await PrimaryAsync();

        var response = await Client.PostAsync(SmsAuthenticatePath, new { organization_id = "acme", member_id = memberId, code = LatestSmsCode, intermediate_session_token = token });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response["session_token"], Is.Not.Empty);
    }

    [Test]
    public async Task TotpCreate_Response_HasSecretQrCodeAndTenRecoveryCodes()
    {
        var (token, memberId) = await PrimaryAsync();

        var response = await Client.PostAsync(TotpPath, new { organization_id = "acme", member_id = memberId, intermediate_session_token = token });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted(
            "request_id", "status_code", "member_id", "totp_registration_id", "secret", "qr_code", "recovery_codes", "member", "organization")));
        Assert.That(response["secret"], Does.Match("^[A-Z2-7]{32}$"));
        var png = Convert.FromBase64String(response["qr_code"]!["data:image/png;base64,".Length..]);
        Assert.That(png.Take(4), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47 }));
        Assert.That(response.Json["recovery_codes"]!.AsArray(), Has.Count.EqualTo(10));
    }

    [Test]
    public async Task TotpAuthenticate_CodeFromTheInProcessHelper_AnswersMemberSession()
    {
        var (token, memberId) = await PrimaryAsync();
        var created = await Client.PostAsync(TotpPath, new { organization_id = "acme", member_id = memberId, intermediate_session_token = token });

        var response = await Client.PostAsync(TotpAuthenticatePath, new
        {
            organization_id = "acme", member_id = memberId, code = Stytch.B2B.Totps.CodeFor("acme", memberId), intermediate_session_token = token,
        });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Str(response.Json["member"]!["totp_registration_id"]), Is.EqualTo(created["totp_registration_id"]));
        Assert.That(Str(response.Json["member_session"]!["authentication_factors"]![1]!["type"]), Is.EqualTo("totp"));
    }

    [Test]
    public async Task TotpAuthenticate_MemberWithoutRegistration_Answers404()
    {
        var (token, memberId) = await PrimaryAsync();

        var response = await Client.PostAsync(TotpAuthenticatePath, new { organization_id = "acme", member_id = memberId, code = "123456", intermediate_session_token = token });

        AssertError(response, 404, "totp_not_found");
    }

    [Test]
    public async Task SeededTotpMember_Login_AsksForTotpWithItsRegistrationAndSendsNoSms()
    {
        _acme.WithTotpMember("ada@acme.io");

        var sent = await LoginOrSignupAsync("acme", "ada@acme.io");
        var auth = await AuthenticateOtpAsync("acme", "ada@acme.io", Stytch.Outbox.LatestFor("ada@acme.io").Code);

        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        var options = auth.Json["mfa_required"]!["member_options"]!;
        Assert.That(Str(options["totp_registration_id"]), Is.EqualTo(_acme.MemberFor("ada@acme.io").TotpRegistrationId).And.Not.Empty);
        Assert.That(auth.Json["mfa_required"]!["secondary_auth_initiated"], Is.Null);
    }

    [Test]
    public async Task RecoveryCodes_GetRotateRecover_EndToEnd()
    {
        _acme.WithTotpMember("ada@acme.io");
        var memberId = _acme.MemberFor("ada@acme.io").MemberId;

        var listed = await Client.GetAsync($"/v1/b2b/recovery_codes/acme/{memberId}");
        var rotated = await Client.PostAsync(RotatePath, new { organization_id = "acme", member_id = memberId });
        var (token, _) = await PrimaryAsync();
        var code = Str(rotated.Json["recovery_codes"]![0]);
        var recovered = await Client.PostAsync(RecoverPath, new { organization_id = "acme", member_id = memberId, recovery_code = code, intermediate_session_token = token });

        Assert.That(listed.Status, Is.EqualTo(200), listed.Text);
        Assert.That(listed.Json["recovery_codes"]!.AsArray(), Has.Count.EqualTo(10));
        Assert.That(rotated.Json["recovery_codes"]!.AsArray().Select(c => Str(c)), Is.Not.EquivalentTo(listed.Json["recovery_codes"]!.AsArray().Select(c => Str(c))));
        Assert.That(recovered.Status, Is.EqualTo(200), recovered.Text);
        Assert.That(recovered.Json["recovery_codes_remaining"]!.GetValue<int>(), Is.EqualTo(9));
        Assert.That(recovered["session_token"], Is.Not.Empty);
    }

    [Test]
    public async Task RecoveryCodesGet_MemberWithoutTotp_Answers404()
    {
        var (_, memberId) = await PrimaryAsync();

        var response = await Client.GetAsync($"/v1/b2b/recovery_codes/acme/{memberId}");

        AssertError(response, 404, "no_active_recovery_code_backed_factor");
    }
}
