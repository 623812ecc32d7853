using System.Text.Json.Nodes;
using Stytch.Fake.Core;

namespace Stytch.Fake.Tests.Wire;

/// <summary>Consumer email magic links over loopback HTTP: the sends, invites, embeddable links and authenticate.</summary>
public sealed class ConsumerMagicLinkWireTests : FakeWireTest
{
    private const string LoginOrCreatePath = "/v1/magic_links/email/login_or_create";
    private const string SendPath = "/v1/magic_links/email/send";
    private const string InvitePath = "/v1/magic_links/email/invite";
    private const string RevokeInvitePath = "/v1/magic_links/email/revoke_invite";
    private const string CreatePath = "/v1/magic_links";
    private const string AuthenticatePath = "/v1/magic_links/authenticate";
    private const string Verifier = "a-verifier-of-forty-three-characters-or-more-1234";

    private string TokenFor(string email) => Stytch.Outbox.LatestFor(email).Token!;

    private async Task<string> SentTokenAsync(string email, object? body = null)
    {
        var response = await Client.PostAsync(LoginOrCreatePath, body ?? new { email });
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return TokenFor(email);
    }

    private Task<WireResult> AuthenticateLinkAsync(object body) => Client.PostAsync(AuthenticatePath, body);

    // ---- login_or_create and send ------------------------------------------------------------------

    [Test]
    public async Task LoginOrCreate_NewEmail_ReturnsExactlyTheDocumentedKeys()
    {
        var response = await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com" });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "user_id", "email_id", "user_created", "status_code")));
        Assert.That(response.Json["user_created"]!.GetValue<bool>(), Is.True);
        Assert.That(response["user_id"], Does.Match(WireShapes.UserId()));
    }

    [Test]
    public async Task LoginOrCreate_NewEmail_PutsASignupLinkWithItsTokenInTheOutbox()
    {
        var response = await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com" });

        var message = Stytch.Outbox.LatestFor("ada@example.com");
        Assert.Multiple(() =>
        {
            Assert.That(message.Kind, Is.EqualTo(MessageKind.Signup));
            Assert.That(message.Code, Is.Empty);
            Assert.That(message.MethodId, Is.EqualTo(response["email_id"]));
            Assert.That(message.Link, Is.EqualTo("http://localhost:3000/authenticate?stytch_token_type=magic_links&token=" + message.Token));
            Assert.That(message.ExpiresAt, Is.EqualTo(Start.AddDays(7)));
        });
    }

    [Test]
    public async Task LoginOrCreate_ActiveUser_SendsALoginLinkThatLivesAnHour()
    {
        await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com" });

        var response = await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com", login_template_id = "tpl", locale = "es" });

        var message = Stytch.Outbox.LatestFor("ada@example.com");
        Assert.That(response.Json["user_created"]!.GetValue<bool>(), Is.False);
        Assert.That((message.Kind, message.ExpiresAt, message.LoginTemplateId, message.Locale), Is.EqualTo((MessageKind.Login, Start.AddMinutes(60), "tpl", "es")));
    }

    [Test]
    public async Task LoginOrCreate_CreateUserAsPending_CreatesAPendingUser()
    {
        var response = await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com", create_user_as_pending = true });

        var user = await Client.GetAsync("/v1/users/" + response["user_id"]);
        Assert.That(user["status"], Is.EqualTo("pending"));
    }

    [TestCase(4, null)]
    [TestCase(null, 10_081)]
    public async Task LoginOrCreate_ExpirationOutOfRange_Returns400InvalidExpiration(int? login, int? signup)
    {
        var response = await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com", login_expiration_minutes = login, signup_expiration_minutes = signup });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "invalid_expiration")));
        Assert.That(Stytch.DefaultProject.Users.All, Is.Empty);
    }

    [Test]
    public async Task LoginOrCreate_BadLocale_Returns400InvalidLocale()
    {
        var response = await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com", locale = "de" });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "invalid_locale")));
    }

    [Test]
    public async Task LoginOrCreate_ExpirationAsString_Returns400BadRequest()
    {
        var response = await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com", login_expiration_minutes = "60" });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "bad_request")));
    }

    [Test]
    public async Task LoginOrCreate_SignupUrlNotInTheProjectsList_Returns400AndCreatesNoUser()
    {
        var response = await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com", signup_magic_link_url = "https://elsewhere.example/cb" });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, RedirectUrlFields.MagicLinkSignup.NotAllowed.ErrorType)));
        Assert.That(Stytch.DefaultProject.Users.All, Is.Empty);
    }

    [Test]
    public async Task LoginOrCreate_LoginUrlTheProjectAllows_IsWhereTheLinkLeads()
    {
        Stytch.RedirectUrls.Set([new RedirectUrl("https://app.example/login", RedirectUrlType.Login, IsDefault: true)]);
        Stytch.DefaultProject.Users.Create("ada@example.com");

        var response = await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com", login_magic_link_url = "https://app.example/login" });

        var message = Stytch.Outbox.LatestFor("ada@example.com");
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(message.Link, Is.EqualTo("https://app.example/login?stytch_token_type=magic_links&token=" + message.Token));
    }

    [Test]
    public async Task Invite_ProjectWithoutInviteUrls_Returns400NoInviteRedirectUrlsSet()
    {
        Stytch.RedirectUrls.Set([new RedirectUrl("https://app.example/login", RedirectUrlType.Login, IsDefault: true)]);

        var response = await Client.PostAsync(InvitePath, new { email = "ada@example.com" });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "no_invite_redirect_urls_set")));
        Assert.That(Stytch.DefaultProject.Users.All, Is.Empty);
    }

    [Test]
    public async Task LoginOrCreate_FaultScripted_AnswersTheFault()
    {
        Stytch.Faults.Next(StytchEndpoints.Consumer.MagicLinkEmailLoginOrCreate).Fail(StytchError.TooManyRequests);

        var response = await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com" });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((429, "too_many_requests")));
    }

    [Test]
    public async Task Send_UnknownEmail_Returns404EmailNotFound()
    {
        var response = await Client.PostAsync(SendPath, new { email = "nobody@example.com" });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((404, "email_not_found")));
    }

    [Test]
    public async Task Send_ExistingUser_ReturnsTheUsersIdsAndSendsALoginLink()
    {
        var user = Stytch.DefaultProject.Users.Create("ada@example.com");

        var response = await Client.PostAsync(SendPath, new { email = "ada@example.com" });

        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "user_id", "email_id", "status_code")));
        Assert.That((response["user_id"], response["email_id"]), Is.EqualTo((user.UserId, user.EmailId)));
        Assert.That(Stytch.Outbox.LatestFor("ada@example.com").Kind, Is.EqualTo(MessageKind.Login));
    }

    // ---- authenticate --------------------------------------------------------------------------------

    [Test]
    public async Task Authenticate_Token_ReturnsTheConsumerShapeWithoutASession()
    {
        var token = await SentTokenAsync("ada@example.com");

        var response = await AuthenticateLinkAsync(new { token });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted(
            "request_id", "user_id", "method_id", "session_token", "session_jwt", "user", "reset_sessions", "session", "status_code")));
        Assert.That((response["session_token"], response["session_jwt"]), Is.EqualTo(("", "")));
        Assert.That(response.Json["session"], Is.Null);
    }

    [Test]
    public async Task Authenticate_Token_VerifiesTheEmail()
    {
        var token = await SentTokenAsync("ada@example.com");

        var response = await AuthenticateLinkAsync(new { token });

        Assert.That(response.Json["user"]!["emails"]![0]!["verified"]!.GetValue<bool>(), Is.True);
        Assert.That(response["method_id"], Is.EqualTo(response.Json["user"]!["emails"]![0]!["email_id"]!.GetValue<string>()));
    }

    [Test]
    public async Task Authenticate_WithSessionMinutes_ReturnsASessionWithAMagicLinkFactor()
    {
        var token = await SentTokenAsync("ada@example.com");

        var response = await AuthenticateLinkAsync(new { token, session_duration_minutes = 30 });

        var factor = response.Json["session"]!["authentication_factors"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(factor["type"]!.GetValue<string>(), Is.EqualTo("magic_link"));
            Assert.That(factor["delivery_method"]!.GetValue<string>(), Is.EqualTo("email"));
            Assert.That(factor["email_factor"]!["email_address"]!.GetValue<string>(), Is.EqualTo("ada@example.com"));
            Assert.That(factor["email_factor"]!["email_id"]!.GetValue<string>(), Is.EqualTo(response["method_id"]));
            Assert.That(response.Json["session"]!["expires_at"]!.GetValue<string>(), Is.EqualTo("2030-01-02T03:34:05Z"));
        });
    }

    [Test]
    public async Task Authenticate_WithSession_GivesAJwtThatSessionsAuthenticateAccepts()
    {
        var token = await SentTokenAsync("ada@example.com");
        var login = await AuthenticateLinkAsync(new { token, session_duration_minutes = 30 });

        var session = await Client.PostAsync("/v1/sessions/authenticate", new { session_jwt = login["session_jwt"] });

        Assert.That(session.Status, Is.EqualTo(200), session.Text);
        Assert.That(session.Json["session"]!["session_id"]!.GetValue<string>(), Is.EqualTo(login.Json["session"]!["session_id"]!.GetValue<string>()));
    }

    [Test]
    public async Task Authenticate_TokenTwice_Returns401UnableToAuthMagicLink()
    {
        var token = await SentTokenAsync("ada@example.com");
        await AuthenticateLinkAsync(new { token });

        var again = await AuthenticateLinkAsync(new { token });

        Assert.That((again.Status, again.ErrorType), Is.EqualTo((401, "unable_to_auth_magic_link")));
    }

    [Test]
    public async Task Authenticate_ExpiredToken_Returns401UnableToAuthMagicLink()
    {
        var token = await SentTokenAsync("ada@example.com", new { email = "ada@example.com", signup_expiration_minutes = 5 });
        Time.Advance(TimeSpan.FromMinutes(5));

        var response = await AuthenticateLinkAsync(new { token });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((401, "unable_to_auth_magic_link")));
    }

    [Test]
    public async Task Authenticate_UnknownToken_Returns404MagicLinkNotFound()
    {
        var response = await AuthenticateLinkAsync(new { token = "rM_kw42CWBhsHLF62V75jELMbvJ87njMe3tFVj7Qupu7" });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((404, "magic_link_not_found")));
    }

    [Test]
    public async Task Authenticate_NoToken_Returns400BadRequest()
    {
        var response = await AuthenticateLinkAsync(new { session_duration_minutes = 30 });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "bad_request")));
        Assert.That(response["error_message"], Does.Contain("token"));
    }

    [Test]
    public async Task Authenticate_PendingUser_BecomesActive()
    {
        var token = await SentTokenAsync("ada@example.com", new { email = "ada@example.com", create_user_as_pending = true });

        var response = await AuthenticateLinkAsync(new { token });

        Assert.That(response.Json["user"]!["status"]!.GetValue<string>(), Is.EqualTo("active"));
    }

    [Test]
    public async Task Authenticate_SessionToken_ExtendsThatSessionWithTheMagicLinkFactor()
    {
        var first = await AuthenticateLinkAsync(new { token = await SentTokenAsync("ada@example.com"), session_duration_minutes = 10 });
        var token = await SentTokenAsync("ada@example.com");

        var second = await AuthenticateLinkAsync(new { token, session_token = first["session_token"], session_duration_minutes = 60 });

        Assert.That(second.Json["session"]!["session_id"]!.GetValue<string>(), Is.EqualTo(first.Json["session"]!["session_id"]!.GetValue<string>()));
        Assert.That(second["session_token"], Is.EqualTo(first["session_token"]));
        Assert.That(second.Json["session"]!["authentication_factors"]!.AsArray(), Has.Count.EqualTo(1), "the same factor is renewed, not repeated");
        Assert.That(second.Json["session"]!["expires_at"]!.GetValue<string>(), Is.EqualTo("2030-01-02T04:04:05Z"));
    }

    [Test]
    public async Task Authenticate_SessionJwtOfAnOtpSession_AddsTheMagicLinkFactor()
    {
        var otp = await LoginOrCreateAsync("ada@example.com");
        var otpLogin = await Client.PostAsync("/v1/otps/authenticate", new { method_id = otp["email_id"], code = Stytch.Outbox.LatestFor("ada@example.com").Code, session_duration_minutes = 10 });
        await Client.PostAsync(SendPath, new { email = "ada@example.com" });

        var response = await AuthenticateLinkAsync(new { token = TokenFor("ada@example.com"), session_jwt = otpLogin["session_jwt"] });

        var types = response.Json["session"]!["authentication_factors"]!.AsArray().Select(f => f!["type"]!.GetValue<string>());
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(types, Is.EqualTo(new[] { "otp", "magic_link" }));
    }

    [Test]
    public async Task Authenticate_CustomClaims_AreOnTheSession()
    {
        var token = await SentTokenAsync("ada@example.com");

        var response = await AuthenticateLinkAsync(new { token, session_duration_minutes = 5, session_custom_claims = new { plan = "pro" } });

        Assert.That(response.Json["session"]!["custom_claims"]!["plan"]!.GetValue<string>(), Is.EqualTo("pro"));
    }

    [Test]
    public async Task Authenticate_SessionMinutesOutOfRange_Returns400AndTheTokenStillWorks()
    {
        var token = await SentTokenAsync("ada@example.com");

        var refused = await AuthenticateLinkAsync(new { token, session_duration_minutes = 4 });
        var retried = await AuthenticateLinkAsync(new { token });

        Assert.That((refused.Status, refused.ErrorType), Is.EqualTo((400, "invalid_session_duration_minutes")));
        Assert.That(retried.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Authenticate_IpMatchRequiredFromAnotherIp_Returns401AttributeMismatch()
    {
        var token = await SentTokenAsync("ada@example.com", new { email = "ada@example.com", attributes = new { ip_address = "203.0.113.1" } });

        var response = await AuthenticateLinkAsync(new { token, attributes = new { ip_address = "198.51.100.7" }, options = new { ip_match_required = true, user_agent_match_required = false } });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((401, "attribute_mismatch")));
    }

    // ---- PKCE ------------------------------------------------------------------------------------------

    [Test]
    public async Task Authenticate_CodeVerifierAnsweringTheChallenge_Returns200()
    {
        var token = await SentTokenAsync("ada@example.com", new { email = "ada@example.com", code_challenge = Pkce.ChallengeOf(Verifier) });

        var response = await AuthenticateLinkAsync(new { token, code_verifier = Verifier });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task Authenticate_ChallengeButNoVerifier_Returns400PkceExpectedCodeVerifier()
    {
        var token = await SentTokenAsync("ada@example.com", new { email = "ada@example.com", code_challenge = Pkce.ChallengeOf(Verifier) });

        var response = await AuthenticateLinkAsync(new { token });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "pkce_expected_code_verifier")));
    }

    [Test]
    public async Task Authenticate_WrongVerifier_Returns400PkceMismatchAndTheRightOneStillWorks()
    {
        var token = await SentTokenAsync("ada@example.com", new { email = "ada@example.com", code_challenge = Pkce.ChallengeOf(Verifier) });

        var wrong = await AuthenticateLinkAsync(new { token, code_verifier = Verifier + "x" });
        var right = await AuthenticateLinkAsync(new { token, code_verifier = Verifier });

        Assert.That((wrong.Status, wrong.ErrorType), Is.EqualTo((400, "pkce_mismatch")));
        Assert.That(right.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Authenticate_VerifierWithoutChallenge_Returns400PkceDidNotExpectCodeVerifier()
    {
        Stytch.DefaultProject.Users.Create("ada@example.com");
        await Client.PostAsync(SendPath, new { email = "ada@example.com" });

        var response = await AuthenticateLinkAsync(new { token = TokenFor("ada@example.com"), code_verifier = Verifier });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "pkce_did_not_expect_code_verifier")));
    }

    // ---- invites -------------------------------------------------------------------------------------------

    [Test]
    public async Task Invite_NewEmail_CreatesAPendingUserAndSendsAnInviteLink()
    {
        var response = await Client.PostAsync(InvitePath, new { email = "ada@example.com", invite_template_id = "welcome", name = new { first_name = "Ada" } });

        var message = Stytch.Outbox.LatestFor("ada@example.com");
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "user_id", "email_id", "status_code")));
        Assert.That(Stytch.DefaultProject.Users.Get(response["user_id"]!).Status, Is.EqualTo("pending"));
        Assert.That((message.Kind, message.InviteTemplateId, message.ExpiresAt), Is.EqualTo((MessageKind.Invite, "welcome", Start.AddMinutes(60))));
    }

    [Test]
    public async Task Invite_Authenticated_MakesTheUserActiveAndVerified()
    {
        await Client.PostAsync(InvitePath, new { email = "ada@example.com" });

        var response = await AuthenticateLinkAsync(new { token = TokenFor("ada@example.com") });

        Assert.That(response.Json["user"]!["status"]!.GetValue<string>(), Is.EqualTo("active"));
        Assert.That(response.Json["user"]!["emails"]![0]!["verified"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Invite_ActiveUser_Returns400DuplicateEmail()
    {
        Stytch.DefaultProject.Users.Create("ada@example.com");

        var response = await Client.PostAsync(InvitePath, new { email = "ada@example.com" });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "duplicate_email")));
    }

    [Test]
    public async Task Invite_NameNotAnObject_Returns400BadRequest()
    {
        var response = await Client.PostAsync(InvitePath, new { email = "ada@example.com", name = "Ada" });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "bad_request")));
    }

    [Test]
    public async Task RevokeInvite_InvitedUser_Returns200AndTheLinkNoLongerWorks()
    {
        await Client.PostAsync(InvitePath, new { email = "ada@example.com" });
        var token = TokenFor("ada@example.com");

        var revoked = await Client.PostAsync(RevokeInvitePath, new { email = "ada@example.com" });
        var response = await AuthenticateLinkAsync(new { token });

        Assert.That(WireShapes.Keys(revoked.Json), Is.EqualTo(WireShapes.Sorted("request_id", "status_code")));
        Assert.That((response.Status, response.ErrorType), Is.EqualTo((404, "magic_link_not_found")));
        Assert.That(Stytch.DefaultProject.Users.All, Is.Empty);
    }

    [Test]
    public async Task RevokeInvite_NoPendingInvite_Returns404EmailNotFound()
    {
        var response = await Client.PostAsync(RevokeInvitePath, new { email = "nobody@example.com" });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((404, "email_not_found")));
    }

    // ---- embeddable links -------------------------------------------------------------------------------------

    [Test]
    public async Task Create_ForAUser_ReturnsATokenThatAuthenticatesWithoutVerifyingTheEmail()
    {
        var user = Stytch.DefaultProject.Users.Create("ada@example.com");

        var created = await Client.PostAsync(CreatePath, new { user_id = user.UserId });
        var response = await AuthenticateLinkAsync(new { token = created["token"] });

        Assert.That(WireShapes.Keys(created.Json), Is.EqualTo(WireShapes.Sorted("request_id", "user_id", "token", "status_code")));
        Assert.That(response["user_id"], Is.EqualTo(user.UserId));
        Assert.That(response.Json["user"]!["emails"]![0]!["verified"]!.GetValue<bool>(), Is.False);
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task Create_TokenAuthenticatedWithASession_HasAnEmbeddedFactor()
    {
        var user = Stytch.DefaultProject.Users.Create("ada@example.com");
        var created = await Client.PostAsync(CreatePath, new { user_id = user.UserId });

        var response = await AuthenticateLinkAsync(new { token = created["token"], session_duration_minutes = 5 });

        var factor = response.Json["session"]!["authentication_factors"]!.AsArray().Single()!;
        Assert.That((factor["type"]!.GetValue<string>(), factor["delivery_method"]!.GetValue<string>()), Is.EqualTo(("magic_link", "embedded")));
    }

    [TestCase("user-test-00000000-0000-4000-8000-000000000000", 404, "user_not_found")]
    [TestCase(null, 400, "invalid_user_id")]
    public async Task Create_UnknownOrMissingUser_ReturnsItsError(string? userId, int status, string errorType)
    {
        var response = await Client.PostAsync(CreatePath, new { user_id = userId });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((status, errorType)));
    }

    // ---- sandbox ---------------------------------------------------------------------------------------------

    [Test]
    public async Task LoginOrCreate_SandboxEmail_ReturnsTheSandboxUserAndSendsNothing()
    {
        var response = await Client.PostAsync(LoginOrCreatePath, new { email = "sandbox@stytch.com" });

        Assert.That(response["user_id"], Is.EqualTo("user-test-e3795c81-f849-4167-bfda-e4a6e9c280fd"));
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task Authenticate_SandboxSuccessToken_ReturnsTheSandboxUser()
    {
        var response = await AuthenticateLinkAsync(new { token = "DOYoip3rvIMMW5lgItikFK-Ak1CfMsgjuiCyI7uuU94=" });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response["user_id"], Is.EqualTo("user-test-e3795c81-f849-4167-bfda-e4a6e9c280fd"));
    }

    [TestCase("3pzjQpgksDlGKWEwUq2Up--hCHC_0oamfLHyfspKDFU=", 401, "unable_to_auth_magic_link")]
    [TestCase("CprTtwhnRNiMBiUS2jSLcWYrfuO2POeBNdo5HhW6qTM=", 404, "magic_link_not_found")]
    public async Task Authenticate_SandboxErrorToken_ReturnsItsError(string token, int status, string errorType)
    {
        var response = await AuthenticateLinkAsync(new { token });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((status, errorType)));
        Assert.That(response["error_message"], Is.EqualTo(StytchError.Find(errorType)!.Message));
    }
}
