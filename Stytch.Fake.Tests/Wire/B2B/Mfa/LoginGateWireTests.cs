using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire.B2B.Mfa;

/// <summary>The B2B login gate over loopback HTTP: email OTP and magic-link authenticate answering an intermediate session when the organization wants more.</summary>
public sealed class LoginGateWireTests : B2BWireTest
{
    private const string Phone = "+14155550123";
    private const string LinkLoginOrSignupPath = "/v1/b2b/magic_links/email/login_or_signup";
    private const string LinkAuthenticatePath = "/v1/b2b/magic_links/authenticate";

    private Task<JsonObject> MfaOrganizationAsync(string slug = "acme") => CreateOrganizationAsync(new
    {
        organization_name = "Acme Inc",
        organization_slug = slug,
        email_jit_provisioning = "RESTRICTED",
        email_allowed_domains = new[] { "acme.io" },
        mfa_policy = "REQUIRED_FOR_ALL",
    });

    private async Task MemberWithPhoneAsync(string organization, bool enrolled = true)
    {
        var response = await Client.PostAsync($"{OrganizationsPath}/{organization}/members", new { email_address = "ada@acme.io", mfa_phone_number = Phone, mfa_enrolled = enrolled });
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    private async Task<WireResult> OtpLoginAsync(string organization = "acme", string email = "ada@acme.io", object? extra = null)
    {
        var sent = await LoginOrSignupAsync(organization, email);
        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        var body = new Dictionary<string, object?> { ["organization_id"] = organization, ["email_address"] = email, ["code"] = Stytch.Outbox.LatestFor(email).Code };
        foreach (var (key, value) in JsonSerializer.SerializeToNode(extra ?? new { })!.AsObject())
        {
            body[key] = value?.GetValue<string>();
        }

        return await Client.PostAsync(OtpAuthenticatePath, body);
    }

    private Task<WireResult> UpdateOrganizationAsync(string organization, string json) => Client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/{organization}", json);

    [Test]
    public async Task OtpAuthenticate_OrganizationRequiresMfa_AnswersIntermediateSessionAndNoMemberSession()
    {
        await MfaOrganizationAsync();

        var response = await OtpLoginAsync();

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
    public async Task OtpAuthenticate_MemberWithMfaPhone_SendsSmsCodeAndAnswersSmsOtp()
    {
        await MfaOrganizationAsync();
        await MemberWithPhoneAsync("acme");

        var response = await OtpLoginAsync();

        var mfa = response.Json["mfa_required"]!;
        Assert.That(mfa["member_options"]!["mfa_phone_number"]!.GetValue<string>(), Is.EqualTo(Phone));
        Assert.That(mfa["member_options"]!["totp_registration_id"]!.GetValue<string>(), Is.Empty);
        Assert.That(mfa["secondary_auth_initiated"]!.GetValue<string>(), Is.EqualTo("sms_otp"));
        var sms = Stytch.Outbox.All.Single(m => m.Channel == DeliveryChannel.Sms);
        Assert.That((sms.PhoneNumber, sms.Kind, sms.MemberId), Is.EqualTo((Phone, MessageKind.Mfa, response["member_id"])));
        Assert.That(sms.Code, Does.Match("^[0-9]{6}$"));
    }

    [Test]
    public async Task OtpAuthenticate_OptionalPolicyEnrolledMember_AsksForMfa()
    {
        await CreateJitOrganizationAsync();
        await MemberWithPhoneAsync("acme");

        var response = await OtpLoginAsync();

        Assert.That(response.Json["member_authenticated"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task OtpAuthenticate_OptionalPolicyMemberNotEnrolled_AnswersMemberSession()
    {
        await CreateJitOrganizationAsync();
        await MemberWithPhoneAsync("acme", enrolled: false);

        var response = await OtpLoginAsync();

        Assert.That(response.Json["member_authenticated"]!.GetValue<bool>(), Is.True);
        Assert.That(Stytch.Outbox.All.Where(m => m.Channel == DeliveryChannel.Sms), Is.Empty);
    }

    [Test]
    public async Task OtpAuthenticate_ValidSessionToken_SkipsMfa()
    {
        await CreateJitOrganizationAsync();
        var first = await OtpLoginAsync();
        await UpdateOrganizationAsync("acme", """{"mfa_policy":"REQUIRED_FOR_ALL"}""");

        var second = await OtpLoginAsync(extra: new { session_token = first["session_token"] });

        Assert.That(second.Json["member_authenticated"]!.GetValue<bool>(), Is.True, second.Text);
        Assert.That(second.Json["member_session"]!["member_session_id"]!.GetValue<string>(), Is.EqualTo(first.Json["member_session"]!["member_session_id"]!.GetValue<string>()));
    }

    [Test]
    public async Task MagicLinkAuthenticate_OrganizationRequiresMfa_AnswersIntermediateSession()
    {
        await MfaOrganizationAsync();
        await LoginOrSignupAsync("acme", "ada@acme.io");
        await Client.PostAsync(LinkLoginOrSignupPath, new { organization_id = "acme", email_address = "ada@acme.io" });

        var response = await Client.PostAsync(LinkAuthenticatePath, new { magic_links_token = Stytch.Outbox.LatestFor("ada@acme.io").Token });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["member_authenticated"]!.GetValue<bool>(), Is.False);
        Assert.That(response["intermediate_session_token"], Is.Not.Empty);
        Assert.That(response.Json["mfa_required"], Is.Not.Null);
        Assert.That(response.Json["member_session"], Is.Null);
    }

    [Test]
    public async Task OtpAuthenticate_RestrictedAuthMethodsWithoutEmailOtp_Answers400OperationRestricted()
    {
        await CreateJitOrganizationAsync();
        await LoginOrSignupAsync("acme", "ada@acme.io");
        var code = Stytch.Outbox.LatestFor("ada@acme.io").Code;
        await UpdateOrganizationAsync("acme", """{"auth_methods":"RESTRICTED","allowed_auth_methods":["magic_link"]}""");

        var response = await AuthenticateOtpAsync("acme", "ada@acme.io", code);

        AssertError(response, 400, "operation_restricted_by_organization_auth_methods");
    }

    [Test]
    public async Task OtpAuthenticate_IntermediateSessionOfAnotherOrganization_Answers400()
    {
        await MfaOrganizationAsync();
        await CreateJitOrganizationAsync("globex");
        var token = (await OtpLoginAsync())["intermediate_session_token"];

        var response = await OtpLoginAsync("globex", extra: new { intermediate_session_token = token });

        AssertError(response, 400, "invalid_intermediate_session_token_for_organization");
    }

    [Test]
    public async Task OtpAuthenticate_IntermediateSessionAfterTenMinutes_Answers404()
    {
        await MfaOrganizationAsync();
        var token = (await OtpLoginAsync())["intermediate_session_token"];
        Stytch.Clock.Advance(TimeSpan.FromMinutes(10));

        var response = await OtpLoginAsync(extra: new { intermediate_session_token = token });

        AssertError(response, 404, "intermediate_session_not_found");
    }

    [Test]
    public async Task OtpAuthenticate_IntermediateSessionAndSessionToken_Answers400TooManySessionArguments()
    {
        await CreateJitOrganizationAsync();
        var session = (await OtpLoginAsync())["session_token"];
        await UpdateOrganizationAsync("acme", """{"mfa_policy":"REQUIRED_FOR_ALL"}""");
        var token = (await OtpLoginAsync(email: "bob@acme.io"))["intermediate_session_token"];

        var response = await OtpLoginAsync(extra: new { intermediate_session_token = token, session_token = session });

        AssertError(response, 400, "too_many_session_arguments");
    }
}
