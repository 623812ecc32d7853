using Stytch.Fake.Core;

namespace Stytch.Fake.Tests.Wire.B2B.Passwords;

/// <summary>
/// B2B password logins through the login gate over loopback HTTP: intermediate sessions in and out of authenticate and
/// the resets, MFA-required organizations, and the gate's refusals.
/// </summary>
public sealed class B2BPasswordLoginGateWireTests : B2BPasswordWireTest
{
    private const string Phone = "+14155550123";
    private const string SmsAuthenticatePath = "/v1/b2b/otps/sms/authenticate";

    /// <summary>An organization <c>acme</c> (acme.io JIT provisioned) that requires MFA of everyone; its id.</summary>
    private async Task<string> MfaOrganizationAsync(string slug = "acme") => Str((await CreateOrganizationAsync(new
    {
        organization_name = "Acme Inc",
        organization_slug = slug,
        email_jit_provisioning = "RESTRICTED",
        email_allowed_domains = new[] { "acme.io" },
        mfa_policy = "REQUIRED_FOR_ALL",
    }))["organization_id"]);

    private Task<WireResult> UpdateOrganizationAsync(string organization, string json) => Client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/{organization}", json);

    private async Task<string> ResetTokenAsync(string org, string email = "ada@acme.io")
    {
        var started = await Client.PostAsync(ResetStartPath, new { organization_id = org, email_address = email });
        Assert.That(started.Status, Is.EqualTo(200), started.Text);
        return Stytch.Outbox.LatestFor(email, MessageKind.PasswordReset).Token!;
    }

    [Test]
    public async Task Authenticate_OrganizationRequiresMfa_AnswersIntermediateSessionAndNoMemberSession()
    {
        var org = await MfaOrganizationAsync();
        await MemberWithPasswordAsync(org);

        var response = await PasswordLoginAsync(org, "ada@acme.io", Password);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        var json = response.Json;
        Assert.Multiple(() =>
        {
            Assert.That(json["member_authenticated"]!.GetValue<bool>(), Is.False);
            Assert.That(response["intermediate_session_token"], Has.Length.EqualTo(44));
            Assert.That(response["session_token"], Is.Empty);
            Assert.That(response["session_jwt"], Is.Empty);
            Assert.That(json["member_session"], Is.Null);
            Assert.That(json["primary_required"], Is.Null);
            Assert.That(json["mfa_required"]!.ToJsonString(), Is.EqualTo("""{"member_options":null,"secondary_auth_initiated":null}"""));
        });
    }

    [Test]
    public async Task Authenticate_MemberWithMfaPhone_SendsSmsCodeInTheRequestedLocale()
    {
        var org = await MfaOrganizationAsync();
        await MigrateAsync(org, "ada@acme.io", new { mfa_phone_number = Phone });

        var response = await PasswordLoginAsync(org, "ada@acme.io", Password, new { locale = "es" });

        Assert.That(response.Json["mfa_required"]!["secondary_auth_initiated"]!.GetValue<string>(), Is.EqualTo("sms_otp"), response.Text);
        var sms = Stytch.Outbox.All.Single(m => m.Channel == DeliveryChannel.Sms);
        Assert.That((sms.PhoneNumber, sms.Kind, sms.Locale), Is.EqualTo((Phone, MessageKind.Mfa, "es")));
    }

    [Test]
    public async Task Authenticate_ThenSmsCode_EndsInAMemberSessionWithPasswordAndSmsFactors()
    {
        var org = await MfaOrganizationAsync();
        await MigrateAsync(org, "ada@acme.io", new { mfa_phone_number = Phone });
        var primary = await PasswordLoginAsync(org, "ada@acme.io", Password);
        var code = Stytch.Outbox.All.Last(m => m.Channel == DeliveryChannel.Sms).Code;

        var response = await Client.PostAsync(SmsAuthenticatePath, new { organization_id = org, member_id = primary["member_id"], code, intermediate_session_token = primary["intermediate_session_token"] });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        var factors = response.Json["member_session"]!["authentication_factors"]!.AsArray();
        Assert.That(factors.Select(f => Str(f!["delivery_method"])), Is.EqualTo(new[] { "knowledge", "sms" }));
    }

    [Test]
    public async Task Authenticate_IntermediateSessionStillShortOfMfa_AnswersTheSameToken()
    {
        var org = await MfaOrganizationAsync();
        await MemberWithPasswordAsync(org);
        var otp = await LoginMemberAsync(org, "ada@acme.io");

        var response = await PasswordLoginAsync(org, "ada@acme.io", Password, new { intermediate_session_token = otp["intermediate_session_token"] });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response["intermediate_session_token"], Is.EqualTo(otp["intermediate_session_token"]));
        Assert.That(response.Json["member_authenticated"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Authenticate_IntermediateSessionNeedingAPrimaryFactor_IsConsumedIntoAMemberSession()
    {
        var org = await MfaOrganizationAsync();
        await MemberWithPasswordAsync(org);
        // An email OTP login stopped at MFA, then the organization allows only passwords and drops MFA: the OTP factor
        // no longer counts, so the password is the primary factor that finishes the login.
        var intermediate = await LoginMemberAsync(org, "ada@acme.io");
        await UpdateOrganizationAsync(org, """{"mfa_policy":"OPTIONAL","auth_methods":"RESTRICTED","allowed_auth_methods":["password"]}""");

        var response = await PasswordLoginAsync(org, "ada@acme.io", Password, new { intermediate_session_token = intermediate["intermediate_session_token"] });

        Assert.That(response.Json["member_authenticated"]!.GetValue<bool>(), Is.True, response.Text);
        Assert.That(response["intermediate_session_token"], Is.Empty);
        var again = await PasswordLoginAsync(org, "ada@acme.io", Password, new { intermediate_session_token = intermediate["intermediate_session_token"] });
        AssertError(again, 404, "intermediate_session_not_found");
    }

    [Test]
    public async Task Authenticate_DiscoveryIntermediateSession_AddsThePasswordToTheDiscoveryFactor()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);
        await Client.PostAsync("/v1/b2b/otps/email/discovery/send", new { email_address = "ada@acme.io" });
        var discovered = await Client.PostAsync("/v1/b2b/otps/email/discovery/authenticate", new { email_address = "ada@acme.io", code = Stytch.Outbox.LatestFor("ada@acme.io").Code });

        var response = await PasswordLoginAsync(org, "ada@acme.io", Password, new { intermediate_session_token = discovered["intermediate_session_token"] });

        Assert.That(response.Json["member_authenticated"]!.GetValue<bool>(), Is.True, response.Text);
        var factors = response.Json["member_session"]!["authentication_factors"]!.AsArray();
        Assert.That(factors.Select(f => Str(f!["type"])), Is.EqualTo(new[] { "otp", "password" }));
        Assert.That(factors.Select(f => Str(f!["email_factor"]!["email_id"])).Distinct().Single(), Is.Not.Empty);
    }

    [Test]
    public async Task Authenticate_UnknownIntermediateSession_Answers404IntermediateSessionNotFound()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);

        var response = await PasswordLoginAsync(org, "ada@acme.io", Password, new { intermediate_session_token = "no-such-intermediate-session" });

        AssertError(response, 404, "intermediate_session_not_found");
    }

    [Test]
    public async Task Authenticate_IntermediateSessionOfAnotherOrganization_Answers400()
    {
        var first = await MfaOrganizationAsync();
        await MemberWithPasswordAsync(first);
        var token = (await PasswordLoginAsync(first, "ada@acme.io", Password))["intermediate_session_token"];
        var other = Str((await CreateJitOrganizationAsync("globex"))["organization_id"]);
        await MemberWithPasswordAsync(other);

        var response = await PasswordLoginAsync(other, "ada@acme.io", Password, new { intermediate_session_token = token });

        AssertError(response, 400, "invalid_intermediate_session_token_for_organization");
    }

    [Test]
    public async Task Authenticate_IntermediateSessionAndSessionToken_Answers400TooManySessionArguments()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);
        var session = await PasswordLoginAsync(org, "ada@acme.io", Password);
        await UpdateOrganizationAsync(org, """{"mfa_policy":"REQUIRED_FOR_ALL"}""");
        var intermediate = await PasswordLoginAsync(org, "ada@acme.io", Password);

        var response = await PasswordLoginAsync(org, "ada@acme.io", Password, new { intermediate_session_token = intermediate["intermediate_session_token"], session_token = session["session_token"] });

        AssertError(response, 400, "too_many_session_arguments");
    }

    [Test]
    public async Task Authenticate_ValidSessionToken_SkipsMfa()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);
        var first = await PasswordLoginAsync(org, "ada@acme.io", Password);
        await UpdateOrganizationAsync(org, """{"mfa_policy":"REQUIRED_FOR_ALL"}""");

        var second = await PasswordLoginAsync(org, "ada@acme.io", Password, new { session_token = first["session_token"] });

        Assert.That(second.Json["member_authenticated"]!.GetValue<bool>(), Is.True, second.Text);
        Assert.That(second.Json["member_session"]!["member_session_id"]!.GetValue<string>(), Is.EqualTo(first.Json["member_session"]!["member_session_id"]!.GetValue<string>()));
    }

    [Test]
    public async Task Authenticate_OrganizationNotAllowingPasswords_Answers400AndCountsNoFailure()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);
        await UpdateOrganizationAsync(org, """{"auth_methods":"RESTRICTED","allowed_auth_methods":["magic_link"]}""");

        var response = await PasswordLoginAsync(org, "ada@acme.io", "wrong-password");

        AssertError(response, 400, "operation_restricted_by_organization_auth_methods");
        var store = Stytch.DefaultProject.Store;
        Assert.That(store.Transact(() => store.Part<PasswordLockouts>().All()), Is.Empty);
    }

    [Test]
    public async Task EmailReset_OrganizationRequiresMfa_SetsThePasswordAndAnswersIntermediateSession()
    {
        var org = await MfaOrganizationAsync();
        await MemberWithPasswordAsync(org);
        var token = await ResetTokenAsync(org);

        var response = await Client.PostAsync(EmailResetPath, new { password_reset_token = token, password = NewPassword });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["member_authenticated"]!.GetValue<bool>(), Is.False);
        Assert.That(response["intermediate_session_token"], Has.Length.EqualTo(44));
        Assert.That(response["member_email_id"], Is.Not.Empty);
        Assert.That(response.Json["member_session"], Is.Null);
        Assert.That((await PasswordLoginAsync(org, "ada@acme.io", NewPassword))["intermediate_session_token"], Is.Not.Empty);
    }

    [Test]
    public async Task EmailReset_IntermediateSessionOfAnotherOrganization_Answers400AndLeavesTheTokenUsable()
    {
        var first = await MfaOrganizationAsync();
        await MemberWithPasswordAsync(first);
        var intermediate = (await PasswordLoginAsync(first, "ada@acme.io", Password))["intermediate_session_token"];
        var other = Str((await CreateJitOrganizationAsync("globex"))["organization_id"]);
        await MemberWithPasswordAsync(other);
        var token = await ResetTokenAsync(other);

        var refused = await Client.PostAsync(EmailResetPath, new { password_reset_token = token, password = NewPassword, intermediate_session_token = intermediate });

        AssertError(refused, 400, "invalid_intermediate_session_token_for_organization");
        Assert.That((await Client.PostAsync(EmailResetPath, new { password_reset_token = token, password = NewPassword })).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task ExistingReset_OrganizationRequiresMfa_AnswersIntermediateSession()
    {
        var org = await MfaOrganizationAsync();
        await MemberWithPasswordAsync(org);

        var response = await Client.PostAsync(ExistingResetPath, new { organization_id = org, email_address = "ada@acme.io", existing_password = Password, new_password = NewPassword });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["member_authenticated"]!.GetValue<bool>(), Is.False);
        Assert.That(response["intermediate_session_token"], Has.Length.EqualTo(44));
        Assert.That(response.Json["member_session"], Is.Null);
    }

    [Test]
    public async Task ExistingReset_ValidSessionToken_SkipsMfaAndKeepsThatSession()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);
        var first = await PasswordLoginAsync(org, "ada@acme.io", Password);
        await UpdateOrganizationAsync(org, """{"mfa_policy":"REQUIRED_FOR_ALL"}""");

        var response = await Client.PostAsync(ExistingResetPath, new { organization_id = org, email_address = "ada@acme.io", existing_password = Password, new_password = NewPassword, session_token = first["session_token"] });

        Assert.That(response.Json["member_authenticated"]!.GetValue<bool>(), Is.True, response.Text);
        Assert.That(response["session_token"], Is.EqualTo(first["session_token"]));
    }
}
