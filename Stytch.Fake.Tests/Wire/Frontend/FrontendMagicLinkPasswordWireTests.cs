using System.Security.Cryptography;
using System.Text;
using Stytch.Fake.Tests.Conformance;

namespace Stytch.Fake.Tests.Wire.Frontend;

/// <summary>Email magic links (with and without PKCE) and passwords through <c>/sdk/v1</c>.</summary>
public sealed class FrontendMagicLinkPasswordWireTests : FrontendWireTest
{
    private const string Email = "ada@example.com";
    private const string Strong = "violet-Tractor-umbrella-88";

    private static string Challenge(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Test]
    public async Task MagicLinksAuthenticate_TokenFromTheOutbox_LogsIn()
    {
        var sent = await SdkPostAsync("/sdk/v1/magic_links/email/login_or_create", new { email = Email });
        var token = Stytch.Outbox.LatestFor(Email).Token;

        var response = await SdkPostAsync("/sdk/v1/magic_links/authenticate", new { token, session_duration_minutes = 60 });

        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Data["session_token"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(response.Data["user"]!["emails"]![0]!["email"]!.GetValue<string>(), Is.EqualTo(Email));
    }

    [Test]
    public async Task MagicLinksAuthenticate_Data_MatchesTheBackendSchema()
    {
        await SdkPostAsync("/sdk/v1/magic_links/email/login_or_create", new { email = Email });

        var response = await SdkPostAsync("/sdk/v1/magic_links/authenticate", new { token = Stytch.Outbox.LatestFor(Email).Token, session_duration_minutes = 60 });

        var errors = await OpenApiSchemas.ValidateAsync(OpenApiSchemas.Operation("POST", "/v1/magic_links/authenticate").ResponseSchema, response.Data.ToJsonString());
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task MagicLinksAuthenticate_PkceVerifierOfTheChallenge_LogsIn()
    {
        const string verifier = "a-verifier-of-enough-length-for-pkce-0123456789";
        await SdkPostAsync("/sdk/v1/magic_links/email/login_or_create", new { email = Email, code_challenge = Challenge(verifier) });

        var response = await SdkPostAsync("/sdk/v1/magic_links/authenticate",
            new { token = Stytch.Outbox.LatestFor(Email).Token, code_verifier = verifier, session_duration_minutes = 60 });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task MagicLinksAuthenticate_PkceWithoutVerifier_IsTheBackendsPkceError()
    {
        await SdkPostAsync("/sdk/v1/magic_links/email/login_or_create", new { email = Email, code_challenge = Challenge("a-verifier-of-enough-length-for-pkce-0123456789") });

        var response = await SdkPostAsync("/sdk/v1/magic_links/authenticate", new { token = Stytch.Outbox.LatestFor(Email).Token, session_duration_minutes = 60 });

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(response.ErrorType, Does.Contain("pkce"));
    }

    [Test]
    public async Task MagicLinksSendSecondary_NotLoggedIn_IsSessionNotFound()
    {
        var response = await SdkPostAsync("/sdk/v1/magic_links/email/send/secondary", new { email = Email });

        Assert.That(response.ErrorType, Is.EqualTo("session_not_found"));
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task OtpsEmailSendPrimary_ExistingUser_SendsACode()
    {
        await LogInAsync(Email);

        var response = await SdkPostAsync("/sdk/v1/otps/email/send/primary", new { email = Email });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Stytch.Outbox.All, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Passwords_CreateThenAuthenticate_LogsIn()
    {
        var created = await SdkPostAsync("/sdk/v1/passwords", new { email = Email, password = Strong, session_duration_minutes = 60 });

        var response = await SdkPostAsync("/sdk/v1/passwords/authenticate", new { email = Email, password = Strong, session_duration_minutes = 60 });

        Assert.That(created.Status, Is.EqualTo(200), created.Text);
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Data["session"]!["authentication_factors"]![0]!["type"]!.GetValue<string>(), Is.EqualTo("password"));
        var errors = await OpenApiSchemas.ValidateAsync(OpenApiSchemas.Operation("POST", "/v1/passwords/authenticate").ResponseSchema, response.Data.ToJsonString());
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task PasswordsStrengthCheck_WeakPassword_AnswersInData()
    {
        var response = await SdkPostAsync("/sdk/v1/passwords/strength_check", new { password = "password" });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Data["valid_password"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task PasswordsSessionReset_SessionTokenAsPassword_SetsThePasswordOfThatSessionsUser()
    {
        var login = await LogInAsync(Email);

        var reset = await SdkPostAsync("/sdk/v1/passwords/session/reset", new { password = Strong, session_duration_minutes = 60 }, sessionToken: login["session_token"]!.GetValue<string>());
        var authenticated = await SdkPostAsync("/sdk/v1/passwords/authenticate", new { email = Email, password = Strong });

        Assert.That(reset.Status, Is.EqualTo(200), reset.Text);
        Assert.That(authenticated.Status, Is.EqualTo(200), authenticated.Text);
    }

    [Test]
    public async Task PasswordsEmailReset_TokenFromTheOutbox_SetsTheNewPassword()
    {
        await SdkPostAsync("/sdk/v1/passwords", new { email = Email, password = Strong });
        var started = await SdkPostAsync("/sdk/v1/passwords/email/reset/start", new { email = Email });

        var reset = await SdkPostAsync("/sdk/v1/passwords/email/reset", new { token = Stytch.Outbox.LatestFor(Email).Token, password = "another-Quiet-harbour-42", session_duration_minutes = 60 });

        Assert.That(started.Status, Is.EqualTo(200), started.Text);
        Assert.That(reset.Status, Is.EqualTo(200), reset.Text);
        Assert.That(reset.Data["session_token"]!.GetValue<string>(), Is.Not.Empty);
    }

    [Test]
    public async Task PasswordsExistingPasswordReset_RightPassword_SetsTheNewOne()
    {
        await SdkPostAsync("/sdk/v1/passwords", new { email = Email, password = Strong });

        var reset = await SdkPostAsync("/sdk/v1/passwords/existing_password/reset", new { email = Email, existing_password = Strong, new_password = "another-Quiet-harbour-42" });

        Assert.That(reset.Status, Is.EqualTo(200), reset.Text);
    }
}
