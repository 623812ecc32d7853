namespace Stytch.Fake.Tests.Wire.B2B.Discovery;

/// <summary><c>POST /v1/b2b/otps/email/discovery/send</c> and <c>/authenticate</c> over loopback HTTP.</summary>
public sealed class DiscoveryOtpWireTests : DiscoveryWireTest
{
    [Test]
    public async Task Send_AnyAddress_Returns200WithOnlyRequestIdAndStatus()
    {
        var response = await SendDiscoveryCodeAsync("ada@acme.io");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "status_code")));
    }

    [Test]
    public async Task Send_AnyAddress_PutsADiscoveryCodeForNoMemberInTheOutbox()
    {
        await SendDiscoveryCodeAsync("Ada@Acme.io", new() { ["locale"] = "fr", ["login_template_id"] = "discovery-template" });

        var message = Stytch.Outbox.LatestFor("ada@acme.io");
        Assert.Multiple(() =>
        {
            Assert.That(message.Kind, Is.EqualTo(MessageKind.Discovery));
            Assert.That(message.Code, Does.Match("^[0-9]{6}$"));
            Assert.That(message.Locale, Is.EqualTo("fr"));
            Assert.That(message.LoginTemplateId, Is.EqualTo("discovery-template"));
            Assert.That(message.OrganizationId, Is.Null);
            Assert.That(message.MemberId, Is.Null);
            Assert.That(message.ExpiresAt - message.SentAt, Is.EqualTo(TimeSpan.FromMinutes(10)));
        });
    }

    [TestCase(1)]
    [TestCase(16)]
    public async Task Send_ExpirationOutOfRange_Returns400InvalidExpirationOtp(int minutes) =>
        AssertError(await SendDiscoveryCodeAsync("ada@acme.io", new() { ["discovery_expiration_minutes"] = minutes }), 400, "invalid_expiration_otp");

    [Test]
    public async Task Send_MalformedEmail_Returns400InvalidEmail() =>
        AssertError(await SendDiscoveryCodeAsync("not-an-email"), 400, "invalid_email");

    [Test]
    public async Task Send_UnknownLocale_Returns400InvalidLocale() =>
        AssertError(await SendDiscoveryCodeAsync("ada@acme.io", new() { ["locale"] = "de" }), 400, "invalid_locale");

    [Test]
    public async Task Authenticate_Code_Returns200IntermediateSessionTokenAndTheAddress()
    {
        var response = await DiscoverAsync("ada@acme.io");

        Assert.Multiple(() =>
        {
            Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "status_code", "intermediate_session_token", "email_address", "discovered_organizations")));
            Assert.That(response["intermediate_session_token"], Has.Length.EqualTo(44));
            Assert.That(response["email_address"], Is.EqualTo("ada@acme.io"));
            Assert.That(response.Json["discovered_organizations"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task Authenticate_WrongCode_Returns404OtpCodeNotFound()
    {
        await SendDiscoveryCodeAsync("ada@acme.io");
        var code = Stytch.Outbox.LatestFor("ada@acme.io").Code;

        AssertError(await AuthenticateDiscoveryCodeAsync("ada@acme.io", code == "123456" ? "654321" : "123456"), 404, "otp_code_not_found");
    }

    [Test]
    public async Task Authenticate_SameCodeTwice_Returns401UnableToAuthOtpCode()
    {
        await DiscoverAsync("ada@acme.io");

        AssertError(await AuthenticateDiscoveryCodeAsync("ada@acme.io", Stytch.Outbox.LatestFor("ada@acme.io").Code), 401, "unable_to_auth_otp_code");
    }

    [Test]
    public async Task Authenticate_AfterTheCodesLifetime_Returns401UnableToAuthOtpCode()
    {
        await SendDiscoveryCodeAsync("ada@acme.io", new() { ["discovery_expiration_minutes"] = 2 });
        Time.Advance(TimeSpan.FromMinutes(2));

        AssertError(await AuthenticateDiscoveryCodeAsync("ada@acme.io", Stytch.Outbox.LatestFor("ada@acme.io").Code), 401, "unable_to_auth_otp_code");
    }

    [Test]
    public async Task Authenticate_OlderCodeAfterAResend_Returns404OtpCodeNotFound()
    {
        await SendDiscoveryCodeAsync("ada@acme.io");
        var older = Stytch.Outbox.LatestFor("ada@acme.io").Code;
        await SendDiscoveryCodeAsync("ada@acme.io");
        var newer = Stytch.Outbox.LatestFor("ada@acme.io").Code;
        Assert.That(newer, Is.Not.EqualTo(older));

        var response = await AuthenticateDiscoveryCodeAsync("ada@acme.io", older);
        var newest = await AuthenticateDiscoveryCodeAsync("ada@acme.io", newer);

        AssertError(response, 404, "otp_code_not_found");
        Assert.That(newest.Status, Is.EqualTo(200), newest.Text);
    }

    [Test]
    public async Task Authenticate_CodeOfAnOrganizationLogin_Returns404OtpCodeNotFound()
    {
        await CreateJitOrganizationAsync();
        await LoginOrSignupAsync("acme", "ada@acme.io");

        AssertError(await AuthenticateDiscoveryCodeAsync("ada@acme.io", Stytch.Outbox.LatestFor("ada@acme.io").Code), 404, "otp_code_not_found");
    }

    [Test]
    public async Task Authenticate_MissingCode_Returns400InvalidCode() =>
        AssertError(await Client.PostAsync(OtpDiscoveryAuthenticatePath, new { email_address = "ada@acme.io" }), 400, "invalid_code");
}
