using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire;

/// <summary>The consumer email OTP flow over loopback HTTP: login_or_create, send, authenticate.</summary>
public sealed class ConsumerOtpWireTests : FakeWireTest
{
    private const string LoginOrCreatePath = "/v1/otps/email/login_or_create";
    private const string SendPath = "/v1/otps/email/send";
    private const string AuthenticatePath = "/v1/otps/authenticate";

    // ---- login_or_create ------------------------------------------------------------------------

    [Test]
    public async Task LoginOrCreate_NewEmail_ReturnsUserCreatedTrue()
    {
        var response = await LoginOrCreateAsync("ada@example.com");

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.Json["user_created"]!.GetValue<bool>(), Is.True);
        Assert.That(response.Json["status_code"]!.GetValue<int>(), Is.EqualTo(200));
    }

    [Test]
    public async Task LoginOrCreate_NewEmail_ReturnsStytchShapedIds()
    {
        var response = await LoginOrCreateAsync("ada@example.com");

        Assert.That(response["user_id"], Does.Match(WireShapes.UserId()));
        Assert.That(response["email_id"], Does.Match(WireShapes.EmailId()));
        Assert.That(response["request_id"], Does.Match(WireShapes.RequestId()));
    }

    [Test]
    public async Task LoginOrCreate_NewEmail_ReturnsExactlyTheDocumentedKeys()
    {
        var response = await LoginOrCreateAsync("ada@example.com");

        Assert.That(WireShapes.Keys(response.Json),
            Is.EqualTo(WireShapes.Sorted("request_id", "user_id", "email_id", "user_created", "status_code")));
        Assert.That(response.ContentType, Is.EqualTo("application/json"));
    }

    [Test]
    public async Task LoginOrCreate_ExistingEmail_ReturnsUserCreatedFalseAndSameIds()
    {
        var first = await LoginOrCreateAsync("ada@example.com");

        var second = await LoginOrCreateAsync("ada@example.com");

        Assert.That(second.Status, Is.EqualTo(200));
        Assert.That(second.Json["user_created"]!.GetValue<bool>(), Is.False);
        Assert.That(second["user_id"], Is.EqualTo(first["user_id"]));
        Assert.That(second["email_id"], Is.EqualTo(first["email_id"]));
        Assert.That(second["request_id"], Is.Not.EqualTo(first["request_id"]));
    }

    [Test]
    public async Task LoginOrCreate_ExistingEmailInOtherCase_ReturnsSameUser()
    {
        var first = await LoginOrCreateAsync("ada@example.com");

        var second = await LoginOrCreateAsync("Ada@Example.COM");

        Assert.That(second["user_id"], Is.EqualTo(first["user_id"]));
        Assert.That(second.Json["user_created"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task LoginOrCreate_SameNewEmailInParallel_CreatesExactlyOneUser()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => LoginOrCreateAsync("ada@example.com")));

        Assert.That(responses.Select(r => r.Status), Has.All.EqualTo(200));
        Assert.That(responses.Count(r => r.Json["user_created"]!.GetValue<bool>()), Is.EqualTo(1));
        Assert.That(responses.Select(r => r["user_id"]).Distinct().Count(), Is.EqualTo(1));
        Assert.That(Stytch.DefaultProject.Users.All, Has.Count.EqualTo(1));
        Assert.That(Stytch.Outbox.For("ada@example.com"), Has.Count.EqualTo(16));
    }

    [Test]
    public async Task LoginOrCreate_CreateUserAsPending_UserStatusIsPending()
    {
        var created = await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com", create_user_as_pending = true });

        var user = await Client.GetAsync($"/v1/users/{created["user_id"]}");

        Assert.That(created.Status, Is.EqualTo(200));
        Assert.That(user["status"], Is.EqualTo("pending"));
    }

    [Test]
    public async Task LoginOrCreate_WithoutCreateUserAsPending_UserStatusIsActive()
    {
        var created = await LoginOrCreateAsync("ada@example.com");

        var user = await Client.GetAsync($"/v1/users/{created["user_id"]}");

        Assert.That(user["status"], Is.EqualTo("active"));
        Assert.That(user.Json["emails"]![0]!["verified"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Authenticate_PendingUser_MakesUserActive()
    {
        var created = await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com", create_user_as_pending = true });
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;

        var auth = await AuthenticateAsync(created["email_id"], code);
        var user = await Client.GetAsync($"/v1/users/{created["user_id"]}");

        Assert.That(auth.Status, Is.EqualTo(200));
        Assert.That(auth.Json["user"]!["status"]!.GetValue<string>(), Is.EqualTo("active"));
        Assert.That(user["status"], Is.EqualTo("active"));
    }

    [Test]
    public async Task LoginOrCreate_NewEmail_OutboxMessageIsSignupWithDefaults()
    {
        var response = await LoginOrCreateAsync("ada@example.com");

        var message = Stytch.Outbox.LatestFor("ada@example.com");
        Assert.That(message.Kind, Is.EqualTo(MessageKind.Signup));
        Assert.That(message.EmailAddress, Is.EqualTo("ada@example.com"));
        Assert.That(message.MethodId, Is.EqualTo(response["email_id"]));
        Assert.That(message.UserId, Is.EqualTo(response["user_id"]));
        Assert.That(message.Locale, Is.EqualTo("en"));
        Assert.That(message.Code, Does.Match("^[0-9]{6}$"));
        Assert.That(message.LoginTemplateId, Is.Null);
        Assert.That(message.SignupTemplateId, Is.Null);
    }

    [Test]
    public async Task LoginOrCreate_DefaultExpiration_ExpiresTwoMinutesAfterSending()
    {
        await LoginOrCreateAsync("ada@example.com");

        var message = Stytch.Outbox.LatestFor("ada@example.com");
        Assert.That(message.SentAt, Is.EqualTo(Start));
        Assert.That(message.ExpiresAt - message.SentAt, Is.EqualTo(TimeSpan.FromMinutes(2)));
    }

    [Test]
    public async Task LoginOrCreate_ActiveExistingUser_OutboxMessageIsLogin()
    {
        await LoginOrCreateAsync("ada@example.com");

        await LoginOrCreateAsync("ada@example.com");

        Assert.That(Stytch.Outbox.LatestFor("ada@example.com").Kind, Is.EqualTo(MessageKind.Login));
        Assert.That(Stytch.Outbox.For("ada@example.com"), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task LoginOrCreate_PendingExistingUser_OutboxMessageIsSignup()
    {
        await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com", create_user_as_pending = true });

        var again = await LoginOrCreateAsync("ada@example.com");

        Assert.That(again.Json["user_created"]!.GetValue<bool>(), Is.False);
        Assert.That(Stytch.Outbox.LatestFor("ada@example.com").Kind, Is.EqualTo(MessageKind.Signup));
    }

    [Test]
    public async Task LoginOrCreate_Templates_AreRecordedOnTheMessage()
    {
        var response = await Client.PostAsync(LoginOrCreatePath, new
        {
            email = "ada@example.com",
            login_template_id = "tpl-login",
            signup_template_id = "tpl-signup",
        });

        var message = Stytch.Outbox.LatestFor("ada@example.com");
        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(message.LoginTemplateId, Is.EqualTo("tpl-login"));
        Assert.That(message.SignupTemplateId, Is.EqualTo("tpl-signup"));
    }

    [Test]
    public async Task LoginOrCreate_Attributes_AreAccepted()
    {
        var response = await Client.PostAsync(LoginOrCreatePath, new
        {
            email = "ada@example.com",
            attributes = new { ip_address = "203.0.113.7", user_agent = "tests/1.0" },
        });

        Assert.That(response.Status, Is.EqualTo(200));
    }

    [TestCase(1)]
    [TestCase(5)]
    [TestCase(10)]
    public async Task LoginOrCreate_ExpirationMinutesInRange_SetsExpiry(int minutes)
    {
        var response = await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com", expiration_minutes = minutes });

        var message = Stytch.Outbox.LatestFor("ada@example.com");
        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(message.ExpiresAt - message.SentAt, Is.EqualTo(TimeSpan.FromMinutes(minutes)));
    }

    [TestCase(0)]
    [TestCase(11)]
    [TestCase(-1)]
    public async Task LoginOrCreate_ExpirationMinutesOutOfRange_Returns400InvalidExpirationOtp(int minutes)
    {
        var response = await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com", expiration_minutes = minutes });

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.ErrorType, Is.EqualTo("invalid_expiration_otp"));
    }

    [Test]
    public async Task LoginOrCreate_ExpirationMinutesOutOfRange_CreatesNoUserAndSendsNothing()
    {
        await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com", expiration_minutes = 11 });

        Assert.That(Stytch.DefaultProject.Users.All, Is.Empty);
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    [TestCase("en")]
    [TestCase("es")]
    [TestCase("fr")]
    [TestCase("pt-br")]
    public async Task LoginOrCreate_SupportedLocale_IsRecordedOnTheMessage(string locale)
    {
        var response = await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com", locale });

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(Stytch.Outbox.LatestFor("ada@example.com").Locale, Is.EqualTo(locale));
    }

    [TestCase("de")]
    [TestCase("EN")]
    [TestCase("pt")]
    public async Task LoginOrCreate_UnsupportedLocale_Returns400InvalidLocale(string locale)
    {
        var response = await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com", locale });

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.ErrorType, Is.EqualTo("invalid_locale"));
        Assert.That(Stytch.DefaultProject.Users.All, Is.Empty);
    }

    [TestCase("")]
    [TestCase("no-at")]
    [TestCase("a@b")]
    [TestCase("a b@c.com")]
    [TestCase("a@@b.com")]
    [TestCase("@example.com")]
    public async Task LoginOrCreate_InvalidEmail_Returns400InvalidEmail(string email)
    {
        var response = await LoginOrCreateAsync(email);

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.ErrorType, Is.EqualTo("invalid_email"));
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task LoginOrCreate_MissingEmail_Returns400InvalidEmail()
    {
        var response = await Client.PostAsync(LoginOrCreatePath, new { locale = "en" });

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.ErrorType, Is.EqualTo("invalid_email"));
    }

    [Test]
    public async Task LoginOrCreate_NullEmail_Returns400InvalidEmail()
    {
        var response = await Client.PostRawAsync(LoginOrCreatePath, """{"email":null}""");

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.ErrorType, Is.EqualTo("invalid_email"));
    }

    [Test]
    public async Task LoginOrCreate_PlusAddressedEmail_IsAccepted()
    {
        var response = await LoginOrCreateAsync("ada+tests@mail.example.co.uk");

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.Json["user_created"]!.GetValue<bool>(), Is.True);
    }

    // ---- send -----------------------------------------------------------------------------------

    [Test]
    public async Task Send_ExistingEmail_ReturnsUserIdAndEmailId()
    {
        var created = await LoginOrCreateAsync("ada@example.com");

        var sent = await Client.PostAsync(SendPath, new { email = "ada@example.com" });

        Assert.That(sent.Status, Is.EqualTo(200));
        Assert.That(sent["user_id"], Is.EqualTo(created["user_id"]));
        Assert.That(sent["email_id"], Is.EqualTo(created["email_id"]));
        Assert.That(WireShapes.Keys(sent.Json), Is.EqualTo(WireShapes.Sorted("request_id", "user_id", "email_id", "status_code")));
    }

    [Test]
    public async Task Send_ExistingEmail_PutsANewCodeInTheOutbox()
    {
        await LoginOrCreateAsync("ada@example.com");

        await Client.PostAsync(SendPath, new { email = "ada@example.com", expiration_minutes = 7, locale = "fr" });

        var messages = Stytch.Outbox.For("ada@example.com");
        Assert.That(messages, Has.Count.EqualTo(2));
        Assert.That(messages[0].Kind, Is.EqualTo(MessageKind.Login));
        Assert.That(messages[0].Locale, Is.EqualTo("fr"));
        Assert.That(messages[0].ExpiresAt - messages[0].SentAt, Is.EqualTo(TimeSpan.FromMinutes(7)));
    }

    [Test]
    public async Task Send_UnknownEmail_Returns404EmailNotFound()
    {
        var sent = await Client.PostAsync(SendPath, new { email = "nobody@example.com" });

        Assert.That(sent.Status, Is.EqualTo(404));
        Assert.That(sent.ErrorType, Is.EqualTo("email_not_found"));
        Assert.That(sent["error_message"], Is.EqualTo("Email could not be found."));
    }

    [Test]
    public async Task Send_UnknownEmail_CreatesNoUser()
    {
        await Client.PostAsync(SendPath, new { email = "nobody@example.com" });

        Assert.That(Stytch.DefaultProject.Users.All, Is.Empty);
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task Send_CreateUserAsPending_IsIgnoredAndRecorded()
    {
        await LoginOrCreateAsync("ada@example.com");

        var sent = await Client.PostAsync(SendPath, new { email = "ada@example.com", create_user_as_pending = true });

        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        Assert.That(Stytch.DefaultProject.Users.All.Single().Status, Is.EqualTo("active"));
        Assert.That(Stytch.DefaultProject.Requests.All[^1].IgnoredFields, Is.EqualTo(new[] { "create_user_as_pending" }));
    }

    [Test]
    public async Task Send_InvalidEmail_Returns400InvalidEmail()
    {
        var sent = await Client.PostAsync(SendPath, new { email = "no-at" });

        Assert.That(sent.Status, Is.EqualTo(400));
        Assert.That(sent.ErrorType, Is.EqualTo("invalid_email"));
    }

    // ---- authenticate ---------------------------------------------------------------------------

    [Test]
    public async Task Authenticate_ValidCode_Returns200WithTheDocumentedKeys()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;

        var auth = await AuthenticateAsync(created["email_id"], code);

        Assert.That(auth.Status, Is.EqualTo(200));
        Assert.That(WireShapes.Keys(auth.Json), Is.EqualTo(WireShapes.Sorted(
            "request_id", "user_id", "method_id", "session_token", "session_jwt", "user", "reset_sessions", "session", "status_code")));
        Assert.That(auth["user_id"], Is.EqualTo(created["user_id"]));
        Assert.That(auth["method_id"], Is.EqualTo(created["email_id"]));
        Assert.That(auth.Json["reset_sessions"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Authenticate_ValidCode_ReturnsEveryRequiredUserField()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;

        var auth = await AuthenticateAsync(created["email_id"], code);

        var user = auth.Json["user"]!.AsObject();
        Assert.That(WireShapes.Keys(user), Is.SupersetOf(new[]
        {
            "user_id", "emails", "status", "phone_numbers", "webauthn_registrations", "providers", "totps",
            "crypto_wallets", "biometric_registrations", "is_locked", "roles",
        }));
        Assert.That(user["user_id"]!.GetValue<string>(), Is.EqualTo(created["user_id"]));
        Assert.That(user["status"]!.GetValue<string>(), Is.EqualTo("active"));
        Assert.That(user["is_locked"]!.GetValue<bool>(), Is.False);
        Assert.That(user["created_at"]!.GetValue<string>(), Is.EqualTo("2030-01-02T03:04:05Z"));
        foreach (var list in new[] { "phone_numbers", "webauthn_registrations", "providers", "totps", "crypto_wallets", "biometric_registrations", "roles" })
        {
            Assert.That(user[list], Is.InstanceOf<JsonArray>(), list);
        }
    }

    [Test]
    public async Task Authenticate_ValidCode_MarksTheEmailVerified()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;

        var auth = await AuthenticateAsync(created["email_id"], code);

        var emails = auth.Json["user"]!["emails"]!.AsArray();
        Assert.That(emails, Has.Count.EqualTo(1));
        Assert.That(emails[0]!["email_id"]!.GetValue<string>(), Is.EqualTo(created["email_id"]));
        Assert.That(emails[0]!["email"]!.GetValue<string>(), Is.EqualTo("ada@example.com"));
        Assert.That(emails[0]!["verified"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Authenticate_WithoutSessionDuration_ReturnsNoSession()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;

        var auth = await AuthenticateAsync(created["email_id"], code);

        Assert.That(auth.Json.ContainsKey("session"), Is.True);
        Assert.That(auth.Json["session"], Is.Null);
        Assert.That(auth["session_token"], Is.EqualTo(""));
        Assert.That(auth["session_jwt"], Is.EqualTo(""));
    }

    [Test]
    public async Task Authenticate_WrongCode_Returns404OtpCodeNotFound()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;
        var wrong = code == "123456" ? "654321" : "123456";

        var auth = await AuthenticateAsync(created["email_id"], wrong);

        Assert.That(auth.Status, Is.EqualTo(404));
        Assert.That(auth.ErrorType, Is.EqualTo("otp_code_not_found"));
    }

    [Test]
    public async Task Authenticate_WrongCodeThenRightCode_RightCodeStillWorks()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;
        await AuthenticateAsync(created["email_id"], code == "123456" ? "654321" : "123456");

        var auth = await AuthenticateAsync(created["email_id"], code);

        Assert.That(auth.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Authenticate_ReusedCode_Returns401UnableToAuthOtpCode()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;
        var first = await AuthenticateAsync(created["email_id"], code);

        var second = await AuthenticateAsync(created["email_id"], code);

        Assert.That(first.Status, Is.EqualTo(200));
        Assert.That(second.Status, Is.EqualTo(401));
        Assert.That(second.ErrorType, Is.EqualTo("unable_to_auth_otp_code"));
    }

    [Test]
    public async Task Authenticate_SupersededCode_Returns404OtpCodeNotFound()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        var old = Stytch.Outbox.LatestFor("ada@example.com").Code;
        await LoginOrCreateAsync("ada@example.com");
        var newest = Stytch.Outbox.LatestFor("ada@example.com").Code;
        Assert.That(newest, Is.Not.EqualTo(old));

        var auth = await AuthenticateAsync(created["email_id"], old);

        Assert.That(auth.Status, Is.EqualTo(404));
        Assert.That(auth.ErrorType, Is.EqualTo("otp_code_not_found"));
    }

    [Test]
    public async Task Authenticate_NewestCodeAfterResend_Succeeds()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        await Client.PostAsync(SendPath, new { email = "ada@example.com" });
        var newest = Stytch.Outbox.LatestFor("ada@example.com").Code;

        var auth = await AuthenticateAsync(created["email_id"], newest);

        Assert.That(auth.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Authenticate_AfterClockAdvancedPastExpiry_Returns401UnableToAuthOtpCode()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;

        Stytch.Clock.Advance(TimeSpan.FromMinutes(3));
        var auth = await AuthenticateAsync(created["email_id"], code);

        Assert.That(auth.Status, Is.EqualTo(401));
        Assert.That(auth.ErrorType, Is.EqualTo("unable_to_auth_otp_code"));
    }

    [Test]
    public async Task Authenticate_ExactlyAtExpiry_Returns401UnableToAuthOtpCode()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        var message = Stytch.Outbox.LatestFor("ada@example.com");

        Stytch.Clock.Advance(message.ExpiresAt - Stytch.Clock.Now);
        var auth = await AuthenticateAsync(created["email_id"], message.Code);

        Assert.That(Stytch.Clock.Now, Is.EqualTo(message.ExpiresAt));
        Assert.That(auth.Status, Is.EqualTo(401));
        Assert.That(auth.ErrorType, Is.EqualTo("unable_to_auth_otp_code"));
    }

    [Test]
    public async Task Authenticate_OneSecondBeforeExpiry_Succeeds()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        var message = Stytch.Outbox.LatestFor("ada@example.com");

        Stytch.Clock.Advance(message.ExpiresAt - Stytch.Clock.Now - TimeSpan.FromSeconds(1));
        var auth = await AuthenticateAsync(created["email_id"], message.Code);

        Assert.That(auth.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Authenticate_UnderlyingTimeProviderAdvancedPastExpiry_Returns401()
    {
        var created = await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com", expiration_minutes = 10 });
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;

        Time.Advance(TimeSpan.FromMinutes(10));
        var auth = await AuthenticateAsync(created["email_id"], code);

        Assert.That(auth.Status, Is.EqualTo(401));
        Assert.That(auth.ErrorType, Is.EqualTo("unable_to_auth_otp_code"));
    }

    [TestCase("12345")]
    [TestCase("1234567")]
    [TestCase("abcdef")]
    [TestCase("")]
    [TestCase("12 456")]
    public async Task Authenticate_MalformedCode_Returns400InvalidCode(string code)
    {
        var created = await LoginOrCreateAsync("ada@example.com");

        var auth = await AuthenticateAsync(created["email_id"], code);

        Assert.That(auth.Status, Is.EqualTo(400));
        Assert.That(auth.ErrorType, Is.EqualTo("invalid_code"));
    }

    [Test]
    public async Task Authenticate_MissingCode_Returns400InvalidCode()
    {
        var created = await LoginOrCreateAsync("ada@example.com");

        var auth = await Client.PostAsync(AuthenticatePath, new { method_id = created["email_id"] });

        Assert.That(auth.Status, Is.EqualTo(400));
        Assert.That(auth.ErrorType, Is.EqualTo("invalid_code"));
    }

    [TestCase("nope")]
    [TestCase("user-test-00000000-0000-4000-8000-000000000000")]
    [TestCase("email-test-not-a-uuid")]
    public async Task Authenticate_MalformedMethodId_Returns400InvalidMethodId(string methodId)
    {
        var auth = await AuthenticateAsync(methodId, "123456");

        Assert.That(auth.Status, Is.EqualTo(400));
        Assert.That(auth.ErrorType, Is.EqualTo("invalid_method_id"));
    }

    [Test]
    public async Task Authenticate_MissingMethodId_Returns400InvalidMethodId()
    {
        var auth = await Client.PostAsync(AuthenticatePath, new { code = "123456" });

        Assert.That(auth.Status, Is.EqualTo(400));
        Assert.That(auth.ErrorType, Is.EqualTo("invalid_method_id"));
    }

    [Test]
    public async Task Authenticate_UnknownWellFormedMethodId_Returns404OtpCodeNotFound()
    {
        var auth = await AuthenticateAsync("email-test-00000000-0000-4000-8000-000000000000", "123456");

        Assert.That(auth.Status, Is.EqualTo(404));
        Assert.That(auth.ErrorType, Is.EqualTo("otp_code_not_found"));
    }

    [Test]
    public async Task Authenticate_CodeOfAnotherUser_Returns404OtpCodeNotFound()
    {
        var ada = await LoginOrCreateAsync("ada@example.com");
        await LoginOrCreateAsync("bob@example.com");
        var bobsCode = Stytch.Outbox.LatestFor("bob@example.com").Code;
        Assert.That(bobsCode, Is.Not.EqualTo(Stytch.Outbox.LatestFor("ada@example.com").Code));

        var auth = await AuthenticateAsync(ada["email_id"], bobsCode);

        Assert.That(auth.Status, Is.EqualTo(404));
        Assert.That(auth.ErrorType, Is.EqualTo("otp_code_not_found"));
    }

    [TestCase(4)]
    [TestCase(527041)]
    [TestCase(0)]
    public async Task Authenticate_SessionDurationOutOfRange_Returns400InvalidSessionDurationMinutes(int minutes)
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;

        var auth = await Client.PostAsync(AuthenticatePath, new { method_id = created["email_id"], code, session_duration_minutes = minutes });

        Assert.That(auth.Status, Is.EqualTo(400));
        Assert.That(auth.ErrorType, Is.EqualTo("invalid_session_duration_minutes"));
    }

    [TestCase(4)]
    [TestCase(527041)]
    public async Task Authenticate_SessionDurationOutOfRange_LeavesCodeUsable(int minutes)
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;
        await Client.PostAsync(AuthenticatePath, new { method_id = created["email_id"], code, session_duration_minutes = minutes });

        var retry = await AuthenticateAsync(created["email_id"], code);

        Assert.That(retry.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Authenticate_SessionDurationOutOfRange_LeavesPendingUserUnchanged()
    {
        var created = await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com", create_user_as_pending = true });
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;
        await Client.PostAsync(AuthenticatePath, new { method_id = created["email_id"], code, session_duration_minutes = 4 });

        var user = await Client.GetAsync($"/v1/users/{created["user_id"]}");

        Assert.That(user["status"], Is.EqualTo("pending"));
        Assert.That(user.Json["emails"]![0]!["verified"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Authenticate_CodeAsNumber_Returns400BadRequest()
    {
        var created = await LoginOrCreateAsync("ada@example.com");

        var auth = await Client.PostRawAsync(AuthenticatePath, $$"""{"method_id":"{{created["email_id"]}}","code":123456}""");

        Assert.That(auth.Status, Is.EqualTo(400));
        Assert.That(auth.ErrorType, Is.EqualTo("bad_request"));
    }

    // ---- codes never leave the outbox ------------------------------------------------------------

    [Test]
    public async Task AnyResponse_FullFlow_NeverContainsTheCode()
    {
        var responses = new List<WireResult>();
        var created = await LoginOrCreateAsync("ada@example.com");
        responses.Add(created);
        responses.Add(await Client.PostAsync(SendPath, new { email = "ada@example.com" }));
        var codes = Stytch.Outbox.For("ada@example.com").Select(m => m.Code).ToList();
        var code = codes[0];
        Assert.That(codes[1], Is.Not.EqualTo(code));
        var wrong = Enumerable.Range(0, 1000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !codes.Contains(c));
        responses.Add(await AuthenticateAsync(created["email_id"], wrong));
        responses.Add(await AuthenticateAsync(created["email_id"], codes[1]));
        responses.Add(await Client.PostAsync(AuthenticatePath, new { method_id = created["email_id"], code, session_duration_minutes = 4 }));
        responses.Add(await AuthenticateAsync(created["email_id"], code));
        responses.Add(await AuthenticateAsync(created["email_id"], code));
        responses.Add(await Client.GetAsync($"/v1/users/{created["user_id"]}"));
        responses.Add(await Client.DeleteAsync($"/v1/users/{created["user_id"]}"));

        Assert.That(responses.Select(r => r.Status), Is.EqualTo(new[] { 200, 200, 404, 404, 400, 200, 401, 200, 200 }));
        foreach (var response in responses)
        {
            var strings = WireShapes.AllStrings(response.Json).ToList();
            Assert.That(strings, Has.None.EqualTo(code).And.None.EqualTo(codes[1]), response.Text);
            Assert.That(strings, Has.None.EqualTo("code"), response.Text);
        }
    }

    // ---- sandbox ----------------------------------------------------------------------------------

    [Test]
    public async Task LoginOrCreate_SandboxEmail_ReturnsTheFixedSandboxIds()
    {
        var response = await LoginOrCreateAsync("sandbox@stytch.com");

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response["user_id"], Is.EqualTo("user-test-e3795c81-f849-4167-bfda-e4a6e9c280fd"));
        Assert.That(response["email_id"], Is.EqualTo("email-test-23873e89-d4ed-4e92-b3b9-e5c7198fa286"));
    }

    [Test]
    public async Task LoginOrCreate_SandboxEmail_SendsNothing()
    {
        await LoginOrCreateAsync("sandbox@stytch.com");

        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task Send_SandboxEmail_ReturnsTheFixedSandboxIdsAndSendsNothing()
    {
        var response = await Client.PostAsync(SendPath, new { email = "sandbox@stytch.com" });

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response["user_id"], Is.EqualTo("user-test-e3795c81-f849-4167-bfda-e4a6e9c280fd"));
        Assert.That(response["email_id"], Is.EqualTo("email-test-23873e89-d4ed-4e92-b3b9-e5c7198fa286"));
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task Authenticate_SandboxCode000000_Succeeds()
    {
        var sandbox = await LoginOrCreateAsync("sandbox@stytch.com");

        var auth = await AuthenticateAsync(sandbox["email_id"], "000000");

        Assert.That(auth.Status, Is.EqualTo(200));
        Assert.That(auth["user_id"], Is.EqualTo("user-test-e3795c81-f849-4167-bfda-e4a6e9c280fd"));
        Assert.That(auth.Json["user"]!["emails"]![0]!["email"]!.GetValue<string>(), Is.EqualTo("sandbox@stytch.com"));
    }

    [Test]
    public async Task Authenticate_SandboxCode000000Twice_SucceedsBothTimes()
    {
        var first = await AuthenticateAsync("email-test-23873e89-d4ed-4e92-b3b9-e5c7198fa286", "000000");

        var second = await AuthenticateAsync("email-test-23873e89-d4ed-4e92-b3b9-e5c7198fa286", "000000");

        Assert.That(first.Status, Is.EqualTo(200));
        Assert.That(second.Status, Is.EqualTo(200));
    }

    [TestCase("123456")]
    [TestCase("000001")]
    public async Task Authenticate_SandboxOtherCode_Returns404OtpCodeNotFound(string code)
    {
        var sandbox = await LoginOrCreateAsync("sandbox@stytch.com");

        var auth = await AuthenticateAsync(sandbox["email_id"], code);

        Assert.That(auth.Status, Is.EqualTo(404));
        Assert.That(auth.ErrorType, Is.EqualTo("otp_code_not_found"));
    }
}
