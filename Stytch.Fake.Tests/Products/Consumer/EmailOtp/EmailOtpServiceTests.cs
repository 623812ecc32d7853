using Stytch.Fake.Products.Consumer;
using Stytch.Fake.Products.Consumer.EmailOtp;

namespace Stytch.Fake.Tests.Products.Consumer.EmailOtp;

/// <summary>Consumer email OTP in the engine: typed commands in, typed results or a <see cref="StytchException"/> out.</summary>
public sealed class EmailOtpServiceTests : ConsumerEngineTest
{
    // ---- login_or_create ------------------------------------------------------------------------

    [Test]
    public void LoginOrCreate_NewEmail_CreatesActiveUnverifiedUser()
    {
        var sent = Consumer.EmailOtp.LoginOrCreate("ada@example.com", Defaults);

        var user = Consumer.Users.Get(sent.UserId);
        Assert.That(sent.UserCreated, Is.True);
        Assert.That(user.Status, Is.EqualTo("active"));
        Assert.That(user.EmailVerified, Is.False);
        Assert.That(user.EmailId, Is.EqualTo(sent.EmailId));
        Assert.That(user.CreatedAt, Is.EqualTo(Start));
    }

    [Test]
    public void LoginOrCreate_MixedCaseEmail_StoresLowerCase()
    {
        var sent = Consumer.EmailOtp.LoginOrCreate("Ada@Example.COM", Defaults);

        Assert.That(Consumer.Users.Get(sent.UserId).Email, Is.EqualTo("ada@example.com"));
        Assert.That(Consumer.EmailOtp.LoginOrCreate("ada@example.com", Defaults).UserId, Is.EqualTo(sent.UserId));
    }

    [Test]
    public void LoginOrCreate_Pending_CreatesPendingUser()
    {
        var sent = Consumer.EmailOtp.LoginOrCreate("ada@example.com", new EmailOtpOptions { CreateUserAsPending = true });

        Assert.That(Consumer.Users.Get(sent.UserId).Status, Is.EqualTo("pending"));
    }

    [Test]
    public void LoginOrCreate_PendingFlagForActiveUser_LeavesUserActive()
    {
        var sent = Consumer.EmailOtp.LoginOrCreate("ada@example.com", Defaults);

        Consumer.EmailOtp.LoginOrCreate("ada@example.com", new EmailOtpOptions { CreateUserAsPending = true });

        Assert.That(Consumer.Users.Get(sent.UserId).Status, Is.EqualTo("active"));
    }

    [TestCase(0)]
    [TestCase(11)]
    public void LoginOrCreate_ExpirationOutOfRange_ThrowsInvalidExpirationOtpAndChangesNothing(int minutes)
    {
        var error = ErrorOf(() => Consumer.EmailOtp.LoginOrCreate("ada@example.com", new EmailOtpOptions { ExpirationMinutes = minutes }));

        Assert.That(error, Is.EqualTo(StytchError.InvalidExpirationOtp));
        Assert.That(Consumer.Users.Count, Is.Zero);
        Assert.That(Consumer.Outbox.All, Is.Empty);
    }

    [Test]
    public void LoginOrCreate_BadLocale_ThrowsInvalidLocaleAndChangesNothing()
    {
        var error = ErrorOf(() => Consumer.EmailOtp.LoginOrCreate("ada@example.com", new EmailOtpOptions { Locale = "de" }));

        Assert.That(error, Is.EqualTo(StytchError.InvalidLocale));
        Assert.That(Consumer.Users.Count, Is.Zero);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("a@b")]
    [TestCase("a..b@example.com")]
    public void LoginOrCreate_BadEmail_ThrowsInvalidEmail(string? email)
    {
        Assert.That(ErrorOf(() => Consumer.EmailOtp.LoginOrCreate(email, Defaults)), Is.EqualTo(StytchError.InvalidEmail));
    }

    [Test]
    public void LoginOrCreate_EmailLongerThan254_ThrowsInvalidEmail()
    {
        var email = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".com";
        Assert.That(email.Length, Is.GreaterThan(254));

        Assert.That(ErrorOf(() => Consumer.EmailOtp.LoginOrCreate(email, Defaults)), Is.EqualTo(StytchError.InvalidEmail));
    }

    [Test]
    public void LoginOrCreate_Message_RecordsOptions()
    {
        Consumer.EmailOtp.LoginOrCreate("ada@example.com", new EmailOtpOptions
        {
            ExpirationMinutes = 10, Locale = "pt-br", LoginTemplateId = "login", SignupTemplateId = "",
        });

        var message = Consumer.Outbox.LatestFor("ada@example.com");
        Assert.That(message.ExpiresAt, Is.EqualTo(Start.AddMinutes(10)));
        Assert.That(message.Locale, Is.EqualTo("pt-br"));
        Assert.That(message.LoginTemplateId, Is.EqualTo("login"));
        Assert.That(message.SignupTemplateId, Is.Null);
    }

    // ---- send -----------------------------------------------------------------------------------

    [Test]
    public void Send_UnknownEmail_ThrowsEmailNotFound()
    {
        Assert.That(ErrorOf(() => Consumer.EmailOtp.Send("nobody@example.com", Defaults)), Is.EqualTo(StytchError.EmailNotFound));
        Assert.That(Consumer.Users.Count, Is.Zero);
    }

    [Test]
    public void Send_UserCreatedDirectly_IssuesLoginCode()
    {
        var user = Consumer.Users.Create("ada@example.com", pending: false);

        var sent = Consumer.EmailOtp.Send("ada@example.com", Defaults);

        Assert.That(sent, Is.EqualTo(new EmailOtpSent(user.UserId, user.EmailId, false)));
        Assert.That(Consumer.Outbox.LatestFor("ada@example.com").Kind, Is.EqualTo(MessageKind.Login));
    }

    [Test]
    public void Send_PendingUser_IssuesSignupCode()
    {
        Consumer.Users.Create("ada@example.com", pending: true);

        Consumer.EmailOtp.Send("ada@example.com", Defaults);

        Assert.That(Consumer.Outbox.LatestFor("ada@example.com").Kind, Is.EqualTo(MessageKind.Signup));
    }

    // ---- authenticate ---------------------------------------------------------------------------

    [Test]
    public void Authenticate_ValidCode_VerifiesEmailAndActivatesUser()
    {
        var sent = Consumer.EmailOtp.LoginOrCreate("ada@example.com", new EmailOtpOptions { CreateUserAsPending = true });

        var result = Authenticate(sent, CodeFor("ada@example.com"));

        Assert.That(result.User.Status, Is.EqualTo("active"));
        Assert.That(result.User.EmailVerified, Is.True);
        Assert.That(result.MethodId, Is.EqualTo(sent.EmailId));
        Assert.That(result.Session, Is.Null);
        Assert.That(Consumer.Users.Get(sent.UserId), Is.EqualTo(result.User));
    }

    [Test]
    public void Authenticate_UsedCode_ThrowsUnableToAuthOtpCode()
    {
        var sent = Consumer.EmailOtp.LoginOrCreate("ada@example.com", Defaults);
        var code = CodeFor("ada@example.com");
        Authenticate(sent, code);

        Assert.That(ErrorOf(() => Authenticate(sent, code)), Is.EqualTo(StytchError.UnableToAuthOtpCode));
    }

    [Test]
    public void Authenticate_ExactlyAtExpiry_ThrowsUnableToAuthOtpCode()
    {
        var sent = Consumer.EmailOtp.LoginOrCreate("ada@example.com", Defaults);
        var code = CodeFor("ada@example.com");

        Time.Advance(TimeSpan.FromMinutes(2));

        Assert.That(ErrorOf(() => Authenticate(sent, code)), Is.EqualTo(StytchError.UnableToAuthOtpCode));
    }

    [Test]
    public void Authenticate_OneTickBeforeExpiry_Succeeds()
    {
        var sent = Consumer.EmailOtp.LoginOrCreate("ada@example.com", Defaults);
        var code = CodeFor("ada@example.com");

        Time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromTicks(1));

        Assert.That(Authenticate(sent, code).User.EmailVerified, Is.True);
    }

    [Test]
    public void Authenticate_ExpiredCode_DoesNotVerifyTheUser()
    {
        var sent = Consumer.EmailOtp.LoginOrCreate("ada@example.com", new EmailOtpOptions { CreateUserAsPending = true });
        var code = CodeFor("ada@example.com");
        Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Throws<StytchException>(() => Authenticate(sent, code));

        Assert.That(Consumer.Users.Get(sent.UserId).Status, Is.EqualTo("pending"));
        Assert.That(Consumer.Users.Get(sent.UserId).EmailVerified, Is.False);
    }

    [Test]
    public void Authenticate_SupersededCode_ThrowsOtpCodeNotFound()
    {
        var sent = Consumer.EmailOtp.LoginOrCreate("ada@example.com", Defaults);
        var old = CodeFor("ada@example.com");
        Consumer.EmailOtp.Send("ada@example.com", Defaults);
        Assert.That(CodeFor("ada@example.com"), Is.Not.EqualTo(old));

        Assert.That(ErrorOf(() => Authenticate(sent, old)), Is.EqualTo(StytchError.OtpCodeNotFound));
    }

    [Test]
    public void Authenticate_NewCodeAfterExpiredOne_Succeeds()
    {
        var sent = Consumer.EmailOtp.LoginOrCreate("ada@example.com", Defaults);
        Time.Advance(TimeSpan.FromMinutes(3));
        Consumer.EmailOtp.Send("ada@example.com", Defaults);

        Assert.That(Authenticate(sent, CodeFor("ada@example.com")).User.UserId, Is.EqualTo(sent.UserId));
    }

    [TestCase(4)]
    [TestCase(527_041)]
    public void Authenticate_SessionMinutesOutOfRange_ThrowsAndLeavesCodeUnused(int minutes)
    {
        var sent = Consumer.EmailOtp.LoginOrCreate("ada@example.com", Defaults);
        var code = CodeFor("ada@example.com");

        Assert.That(ErrorOf(() => Authenticate(sent, code, minutes)), Is.EqualTo(StytchError.InvalidSessionDurationMinutes));
        Assert.That(Authenticate(sent, code).User.EmailVerified, Is.True);
    }

    [Test]
    public void Authenticate_RefusedBecauseSessionIsSomeoneElses_LeavesCodeUnused()
    {
        var bob = Consumer.Users.Create("bob@example.com", pending: false);
        var bobsSession = Consumer.Sessions.Mint(bob.UserId, 60);
        var sent = Consumer.EmailOtp.LoginOrCreate("ada@example.com", Defaults);
        var code = CodeFor("ada@example.com");

        var error = ErrorOf(() => Consumer.EmailOtp.Authenticate(new OtpAuthenticateCommand
        {
            MethodId = sent.EmailId, Code = code, SessionToken = bobsSession.SessionToken,
        }));

        Assert.That(error, Is.EqualTo(StytchError.SessionNotFound));
        Assert.That(Authenticate(sent, code).User.UserId, Is.EqualTo(sent.UserId));
    }

    [Test]
    public void Authenticate_MalformedMethodIdAndCode_MethodIdIsReportedFirst()
    {
        var error = ErrorOf(() => Consumer.EmailOtp.Authenticate(new OtpAuthenticateCommand { MethodId = "nope", Code = "x" }));

        Assert.That(error, Is.EqualTo(StytchError.InvalidMethodId));
    }

    [Test]
    public void Authenticate_WellFormedMethodIdMalformedCode_ThrowsInvalidCode()
    {
        var sent = Consumer.EmailOtp.LoginOrCreate("ada@example.com", Defaults);

        Assert.That(ErrorOf(() => Authenticate(sent, "12345")), Is.EqualTo(StytchError.InvalidCode));
    }

    // ---- sandbox --------------------------------------------------------------------------------

    [Test]
    public void LoginOrCreate_SandboxOnTestProject_ReturnsFixedIdsAndSendsNothing()
    {
        var sent = Consumer.EmailOtp.LoginOrCreate(Sandbox.Email, Defaults);

        Assert.That(sent.UserId, Is.EqualTo("user-test-e3795c81-f849-4167-bfda-e4a6e9c280fd"));
        Assert.That(sent.EmailId, Is.EqualTo("email-test-23873e89-d4ed-4e92-b3b9-e5c7198fa286"));
        Assert.That(Consumer.Outbox.All, Is.Empty);
    }

    [Test]
    public void Authenticate_SandboxCode_ReturnsVerifiedSandboxUser()
    {
        var result = Consumer.EmailOtp.Authenticate(new OtpAuthenticateCommand { MethodId = Sandbox.EmailId, Code = "000000" });

        Assert.That(result.User.UserId, Is.EqualTo(Sandbox.UserId));
        Assert.That(result.User.Email, Is.EqualTo(Sandbox.Email));
        Assert.That(result.User.EmailVerified, Is.True);
    }

    [Test]
    public void LoginOrCreate_SandboxOnLiveProject_IsAnOrdinaryEmail()
    {
        var live = NewState(live: true);

        var sent = live.EmailOtp.LoginOrCreate(Sandbox.Email, Defaults);

        Assert.That(sent.UserCreated, Is.True);
        Assert.That(sent.UserId, Does.StartWith("user-live-").And.Not.EqualTo(Sandbox.UserId));
        Assert.That(live.Outbox.All, Has.Count.EqualTo(1));
    }
}
