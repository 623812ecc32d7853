namespace Stytch.Fake.Tests.NodeSdk;

/// <summary>The B2B MFA calls of the Node SDK (mfa.mjs): a login finished by SMS, one by TOTP, and one by a recovery code.</summary>
public sealed partial class NodeSdkTests
{
    private ScriptRun _mfa = ScriptRun.NotRun;

    [OneTimeSetUp]
    public async Task RunMfaSdkAsync() => _mfa = await RunScriptAsync("mfa.mjs");

    [Test]
    public void B2BMfaPrimary_OrganizationRequiresMfa_ReturnsIntermediateSessionAndSendsTheSms()
    {
        var value = Ok(_mfa, "sms_primary");
        var sms = Ok(_mfa, "sms_outbox");

        Assert.Multiple(() =>
        {
            Assert.That(value["member_authenticated"]!.GetValue<bool>(), Is.False);
            Assert.That(value["intermediate_session_token_length"]!.GetValue<int>(), Is.EqualTo(44));
            Assert.That(value["session_token"]!.GetValue<string>(), Is.Empty);
            Assert.That(value["member_session"], Is.Null);
            Assert.That(value["mfa_phone_number"]!.GetValue<string>(), Is.EqualTo("+14155550123"));
            Assert.That(value["secondary_auth_initiated"]!.GetValue<string>(), Is.EqualTo("sms_otp"));
            Assert.That(sms["channel"]!.GetValue<string>(), Is.EqualTo("sms"));
            Assert.That(sms["kind"]!.GetValue<string>(), Is.EqualTo("mfa"));
            Assert.That(sms["member_id"]!.GetValue<string>(), Is.EqualTo(Ok(_mfa, "members_create_with_phone")["member_id"]!.GetValue<string>()));
        });
    }

    [Test]
    public void B2BOtpsSmsAuthenticate_CodeFromTheOutbox_ReturnsAMemberSessionWithEmailAndSmsFactors()
    {
        var value = Ok(_mfa, "sms_authenticate");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["session_token_length"]!.GetValue<int>(), Is.EqualTo(44));
            Assert.That(value["factors"]!.AsArray().Select(f => f!["delivery_method"]!.GetValue<string>()), Is.EqualTo(new[] { "email", "sms" }));
            Assert.That(value["mfa_phone_number_verified"]!.GetValue<bool>(), Is.True);
            Assert.That(value["mfa_enrolled"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public void B2BOtpsSmsAuthenticate_WrongCode_ThrowsStytchErrorOtpCodeNotFound() =>
        AssertStytchError(_mfa, "error_sms_authenticate_wrong_code", 404, "otp_code_not_found");

    [Test]
    public void B2BTotpsCreate_MemberAfterPrimary_ReturnsSecretQrCodeAndTenRecoveryCodes()
    {
        var value = Ok(_mfa, "totps_create");

        Assert.Multiple(() =>
        {
            Assert.That(Ok(_mfa, "totp_primary")["member_options"], Is.Null);
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["secret_length"]!.GetValue<int>(), Is.EqualTo(32));
            Assert.That(value["qr_code_prefix"]!.GetValue<string>(), Is.EqualTo("data:image/png;base64,"));
            Assert.That(value["recovery_codes"]!.GetValue<int>(), Is.EqualTo(10));
        });
    }

    [Test]
    public void B2BTotpsAuthenticate_CodeComputedFromTheSecret_ReturnsAMemberSessionWithATotpFactor()
    {
        var value = Ok(_mfa, "totps_authenticate");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["session_token_length"]!.GetValue<int>(), Is.EqualTo(44));
            Assert.That(value["factors"]!.AsArray().Select(f => f!["type"]!.GetValue<string>()), Is.EqualTo(new[] { "otp", "totp" }));
            Assert.That(value["totp_registration_id"]!.GetValue<string>(), Is.EqualTo(Ok(_mfa, "totps_create")["totp_registration_id"]!.GetValue<string>()));
        });
    }

    [Test]
    public void B2BRecoveryCodesRecover_FirstCode_ReturnsAMemberSessionAndNineLeft()
    {
        var value = Ok(_mfa, "recovery_codes_recover");

        Assert.Multiple(() =>
        {
            Assert.That(Ok(_mfa, "recovery_codes_get")["recovery_codes"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(value["recovery_codes_remaining"]!.GetValue<int>(), Is.EqualTo(9));
            Assert.That(value["factors"]!.AsArray().Select(f => f!["type"]!.GetValue<string>()), Is.EqualTo(new[] { "otp", "recovery_codes" }));
        });
    }
}
