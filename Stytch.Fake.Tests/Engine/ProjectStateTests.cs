using Microsoft.Extensions.Time.Testing;
using Stytch.Fake.Core;
using Stytch.Fake.Products.Consumer;

namespace Stytch.Fake.Tests.Engine;

/// <summary>The engine alone: typed commands in, typed results or a <see cref="StytchException"/> out.</summary>
public sealed class ProjectStateTests
{
    private const string ProjectId = "project-test-00000000-0000-4000-8000-000000000001";
    private static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly EmailOtpOptions Defaults = new();

    private FakeTimeProvider _time = null!;
    private ProjectState _state = null!;

    [SetUp]
    public void CreateState()
    {
        _time = new FakeTimeProvider(Start);
        _state = NewState();
    }

    private ProjectState NewState(bool live = false, int? seed = null) =>
        new(new ProjectStore(new ProjectSettings(ProjectId, live, seed), new StytchClock(_time)));

    private static StytchError ErrorOf(TestDelegate action) =>
        Assert.Throws<StytchException>(action)!.Error;

    private string CodeFor(string email) => _state.Outbox.LatestFor(email).Code;

    private OtpAuthenticated Authenticate(EmailOtpSent sent, string code, int? sessionMinutes = null) =>
        _state.Authenticate(new OtpAuthenticateCommand { MethodId = sent.EmailId, Code = code, SessionDurationMinutes = sessionMinutes });

    // ---- login_or_create ------------------------------------------------------------------------

    [Test]
    public void LoginOrCreate_NewEmail_CreatesActiveUnverifiedUser()
    {
        var sent = _state.LoginOrCreate("ada@example.com", Defaults);

        var user = _state.GetUser(sent.UserId);
        Assert.That(sent.UserCreated, Is.True);
        Assert.That(user.Status, Is.EqualTo("active"));
        Assert.That(user.EmailVerified, Is.False);
        Assert.That(user.EmailId, Is.EqualTo(sent.EmailId));
        Assert.That(user.CreatedAt, Is.EqualTo(Start));
    }

    [Test]
    public void LoginOrCreate_MixedCaseEmail_StoresLowerCase()
    {
        var sent = _state.LoginOrCreate("Ada@Example.COM", Defaults);

        Assert.That(_state.GetUser(sent.UserId).Email, Is.EqualTo("ada@example.com"));
        Assert.That(_state.LoginOrCreate("ada@example.com", Defaults).UserId, Is.EqualTo(sent.UserId));
    }

    [Test]
    public void LoginOrCreate_Pending_CreatesPendingUser()
    {
        var sent = _state.LoginOrCreate("ada@example.com", new EmailOtpOptions { CreateUserAsPending = true });

        Assert.That(_state.GetUser(sent.UserId).Status, Is.EqualTo("pending"));
    }

    [Test]
    public void LoginOrCreate_PendingFlagForActiveUser_LeavesUserActive()
    {
        var sent = _state.LoginOrCreate("ada@example.com", Defaults);

        _state.LoginOrCreate("ada@example.com", new EmailOtpOptions { CreateUserAsPending = true });

        Assert.That(_state.GetUser(sent.UserId).Status, Is.EqualTo("active"));
    }

    [TestCase(0)]
    [TestCase(11)]
    public void LoginOrCreate_ExpirationOutOfRange_ThrowsInvalidExpirationOtpAndChangesNothing(int minutes)
    {
        var error = ErrorOf(() => _state.LoginOrCreate("ada@example.com", new EmailOtpOptions { ExpirationMinutes = minutes }));

        Assert.That(error, Is.EqualTo(StytchError.InvalidExpirationOtp));
        Assert.That(_state.UserCount, Is.Zero);
        Assert.That(_state.Outbox.All, Is.Empty);
    }

    [Test]
    public void LoginOrCreate_BadLocale_ThrowsInvalidLocaleAndChangesNothing()
    {
        var error = ErrorOf(() => _state.LoginOrCreate("ada@example.com", new EmailOtpOptions { Locale = "de" }));

        Assert.That(error, Is.EqualTo(StytchError.InvalidLocale));
        Assert.That(_state.UserCount, Is.Zero);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("a@b")]
    [TestCase("a..b@example.com")]
    public void LoginOrCreate_BadEmail_ThrowsInvalidEmail(string? email)
    {
        Assert.That(ErrorOf(() => _state.LoginOrCreate(email, Defaults)), Is.EqualTo(StytchError.InvalidEmail));
    }

    [Test]
    public void LoginOrCreate_EmailLongerThan254_ThrowsInvalidEmail()
    {
        var email = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".com";
        Assert.That(email.Length, Is.GreaterThan(254));

        Assert.That(ErrorOf(() => _state.LoginOrCreate(email, Defaults)), Is.EqualTo(StytchError.InvalidEmail));
    }

    [Test]
    public void LoginOrCreate_Message_RecordsOptions()
    {
        _state.LoginOrCreate("ada@example.com", new EmailOtpOptions
        {
            ExpirationMinutes = 10, Locale = "pt-br", LoginTemplateId = "login", SignupTemplateId = "",
        });

        var message = _state.Outbox.LatestFor("ada@example.com");
        Assert.That(message.ExpiresAt, Is.EqualTo(Start.AddMinutes(10)));
        Assert.That(message.Locale, Is.EqualTo("pt-br"));
        Assert.That(message.LoginTemplateId, Is.EqualTo("login"));
        Assert.That(message.SignupTemplateId, Is.Null);
    }

    // ---- send -----------------------------------------------------------------------------------

    [Test]
    public void Send_UnknownEmail_ThrowsEmailNotFound()
    {
        Assert.That(ErrorOf(() => _state.Send("nobody@example.com", Defaults)), Is.EqualTo(StytchError.EmailNotFound));
        Assert.That(_state.UserCount, Is.Zero);
    }

    [Test]
    public void Send_UserCreatedDirectly_IssuesLoginCode()
    {
        var user = _state.CreateUser("ada@example.com", pending: false);

        var sent = _state.Send("ada@example.com", Defaults);

        Assert.That(sent, Is.EqualTo(new EmailOtpSent(user.UserId, user.EmailId, false)));
        Assert.That(_state.Outbox.LatestFor("ada@example.com").Kind, Is.EqualTo(OtpKind.Login));
    }

    [Test]
    public void Send_PendingUser_IssuesSignupCode()
    {
        _state.CreateUser("ada@example.com", pending: true);

        _state.Send("ada@example.com", Defaults);

        Assert.That(_state.Outbox.LatestFor("ada@example.com").Kind, Is.EqualTo(OtpKind.Signup));
    }

    // ---- authenticate ---------------------------------------------------------------------------

    [Test]
    public void Authenticate_ValidCode_VerifiesEmailAndActivatesUser()
    {
        var sent = _state.LoginOrCreate("ada@example.com", new EmailOtpOptions { CreateUserAsPending = true });

        var result = Authenticate(sent, CodeFor("ada@example.com"));

        Assert.That(result.User.Status, Is.EqualTo("active"));
        Assert.That(result.User.EmailVerified, Is.True);
        Assert.That(result.MethodId, Is.EqualTo(sent.EmailId));
        Assert.That(result.Session, Is.Null);
        Assert.That(_state.GetUser(sent.UserId), Is.EqualTo(result.User));
    }

    [Test]
    public void Authenticate_UsedCode_ThrowsUnableToAuthOtpCode()
    {
        var sent = _state.LoginOrCreate("ada@example.com", Defaults);
        var code = CodeFor("ada@example.com");
        Authenticate(sent, code);

        Assert.That(ErrorOf(() => Authenticate(sent, code)), Is.EqualTo(StytchError.UnableToAuthOtpCode));
    }

    [Test]
    public void Authenticate_ExactlyAtExpiry_ThrowsUnableToAuthOtpCode()
    {
        var sent = _state.LoginOrCreate("ada@example.com", Defaults);
        var code = CodeFor("ada@example.com");

        _time.Advance(TimeSpan.FromMinutes(2));

        Assert.That(ErrorOf(() => Authenticate(sent, code)), Is.EqualTo(StytchError.UnableToAuthOtpCode));
    }

    [Test]
    public void Authenticate_OneTickBeforeExpiry_Succeeds()
    {
        var sent = _state.LoginOrCreate("ada@example.com", Defaults);
        var code = CodeFor("ada@example.com");

        _time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromTicks(1));

        Assert.That(Authenticate(sent, code).User.EmailVerified, Is.True);
    }

    [Test]
    public void Authenticate_ExpiredCode_DoesNotVerifyTheUser()
    {
        var sent = _state.LoginOrCreate("ada@example.com", new EmailOtpOptions { CreateUserAsPending = true });
        var code = CodeFor("ada@example.com");
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Throws<StytchException>(() => Authenticate(sent, code));

        Assert.That(_state.GetUser(sent.UserId).Status, Is.EqualTo("pending"));
        Assert.That(_state.GetUser(sent.UserId).EmailVerified, Is.False);
    }

    [Test]
    public void Authenticate_SupersededCode_ThrowsOtpCodeNotFound()
    {
        var sent = _state.LoginOrCreate("ada@example.com", Defaults);
        var old = CodeFor("ada@example.com");
        _state.Send("ada@example.com", Defaults);
        Assert.That(CodeFor("ada@example.com"), Is.Not.EqualTo(old));

        Assert.That(ErrorOf(() => Authenticate(sent, old)), Is.EqualTo(StytchError.OtpCodeNotFound));
    }

    [Test]
    public void Authenticate_NewCodeAfterExpiredOne_Succeeds()
    {
        var sent = _state.LoginOrCreate("ada@example.com", Defaults);
        _time.Advance(TimeSpan.FromMinutes(3));
        _state.Send("ada@example.com", Defaults);

        Assert.That(Authenticate(sent, CodeFor("ada@example.com")).User.UserId, Is.EqualTo(sent.UserId));
    }

    [TestCase(4)]
    [TestCase(527_041)]
    public void Authenticate_SessionMinutesOutOfRange_ThrowsAndLeavesCodeUnused(int minutes)
    {
        var sent = _state.LoginOrCreate("ada@example.com", Defaults);
        var code = CodeFor("ada@example.com");

        Assert.That(ErrorOf(() => Authenticate(sent, code, minutes)), Is.EqualTo(StytchError.InvalidSessionDurationMinutes));
        Assert.That(Authenticate(sent, code).User.EmailVerified, Is.True);
    }

    [Test]
    public void Authenticate_RefusedBecauseSessionIsSomeoneElses_LeavesCodeUnused()
    {
        var bob = _state.CreateUser("bob@example.com", pending: false);
        var bobsSession = _state.MintSession(bob.UserId, 60);
        var sent = _state.LoginOrCreate("ada@example.com", Defaults);
        var code = CodeFor("ada@example.com");

        var error = ErrorOf(() => _state.Authenticate(new OtpAuthenticateCommand
        {
            MethodId = sent.EmailId, Code = code, SessionToken = bobsSession.SessionToken,
        }));

        Assert.That(error, Is.EqualTo(StytchError.SessionNotFound));
        Assert.That(Authenticate(sent, code).User.UserId, Is.EqualTo(sent.UserId));
    }

    [Test]
    public void Authenticate_MalformedMethodIdAndCode_MethodIdIsReportedFirst()
    {
        var error = ErrorOf(() => _state.Authenticate(new OtpAuthenticateCommand { MethodId = "nope", Code = "x" }));

        Assert.That(error, Is.EqualTo(StytchError.InvalidMethodId));
    }

    [Test]
    public void Authenticate_WellFormedMethodIdMalformedCode_ThrowsInvalidCode()
    {
        var sent = _state.LoginOrCreate("ada@example.com", Defaults);

        Assert.That(ErrorOf(() => Authenticate(sent, "12345")), Is.EqualTo(StytchError.InvalidCode));
    }

    // ---- sandbox --------------------------------------------------------------------------------

    [Test]
    public void LoginOrCreate_SandboxOnTestProject_ReturnsFixedIdsAndSendsNothing()
    {
        var sent = _state.LoginOrCreate(ProjectState.SandboxEmail, Defaults);

        Assert.That(sent.UserId, Is.EqualTo("user-test-e3795c81-f849-4167-bfda-e4a6e9c280fd"));
        Assert.That(sent.EmailId, Is.EqualTo("email-test-23873e89-d4ed-4e92-b3b9-e5c7198fa286"));
        Assert.That(_state.Outbox.All, Is.Empty);
    }

    [Test]
    public void Authenticate_SandboxCode_ReturnsVerifiedSandboxUser()
    {
        var result = _state.Authenticate(new OtpAuthenticateCommand { MethodId = ProjectState.SandboxEmailId, Code = "000000" });

        Assert.That(result.User.UserId, Is.EqualTo(ProjectState.SandboxUserId));
        Assert.That(result.User.Email, Is.EqualTo(ProjectState.SandboxEmail));
        Assert.That(result.User.EmailVerified, Is.True);
    }

    [Test]
    public void LoginOrCreate_SandboxOnLiveProject_IsAnOrdinaryEmail()
    {
        var live = NewState(live: true);

        var sent = live.LoginOrCreate(ProjectState.SandboxEmail, Defaults);

        Assert.That(sent.UserCreated, Is.True);
        Assert.That(sent.UserId, Does.StartWith("user-live-").And.Not.EqualTo(ProjectState.SandboxUserId));
        Assert.That(live.Outbox.All, Has.Count.EqualTo(1));
    }

    // ---- users, ids, reset ----------------------------------------------------------------------

    [Test]
    public void DeleteUser_WithCode_RemovesUserAndCode()
    {
        var sent = _state.LoginOrCreate("ada@example.com", Defaults);
        var code = CodeFor("ada@example.com");

        _state.DeleteUser(sent.UserId);

        Assert.That(ErrorOf(() => _state.GetUser(sent.UserId)), Is.EqualTo(StytchError.UserNotFound));
        Assert.That(ErrorOf(() => Authenticate(sent, code)), Is.EqualTo(StytchError.OtpCodeNotFound));
    }

    [TestCase("a b")]
    [TestCase("")]
    [TestCase("   ")]
    public void GetUser_MalformedId_ThrowsInvalidUserId(string id)
    {
        Assert.That(ErrorOf(() => _state.GetUser(id)), Is.EqualTo(StytchError.InvalidUserId));
    }

    [Test]
    public void CreateUser_ExistingEmail_ThrowsDuplicateEmail()
    {
        _state.LoginOrCreate("ada@example.com", Defaults);

        Assert.That(ErrorOf(() => _state.CreateUser("ADA@example.com", pending: false)), Is.EqualTo(StytchError.DuplicateEmail));
    }

    [Test]
    public void ListUsers_SeveralUsers_OldestFirst()
    {
        var ada = _state.LoginOrCreate("ada@example.com", Defaults);
        _time.Advance(TimeSpan.FromSeconds(1));
        var bob = _state.LoginOrCreate("bob@example.com", Defaults);

        Assert.That(_state.ListUsers().Select(u => u.UserId), Is.EqualTo(new[] { ada.UserId, bob.UserId }));
    }

    [Test]
    public void Reset_AfterLogins_ForgetsUsersCodesAndMessages()
    {
        var sent = _state.LoginOrCreate("ada@example.com", Defaults);
        var code = CodeFor("ada@example.com");

        _state.Reset();

        Assert.That(_state.UserCount, Is.Zero);
        Assert.That(_state.Outbox.All, Is.Empty);
        Assert.That(ErrorOf(() => Authenticate(sent, code)), Is.EqualTo(StytchError.OtpCodeNotFound));
    }

    [Test]
    public void Ids_SameSeed_SameIdsAndCodes()
    {
        var a = NewState(seed: 42);
        var b = NewState(seed: 42);

        var sentA = a.LoginOrCreate("ada@example.com", Defaults);
        var sentB = b.LoginOrCreate("ada@example.com", Defaults);

        Assert.That(sentB, Is.EqualTo(sentA));
        Assert.That(b.Outbox.LatestFor("ada@example.com").Code, Is.EqualTo(a.Outbox.LatestFor("ada@example.com").Code));
    }

    [Test]
    public void Ids_LiveProject_SayLive()
    {
        var sent = NewState(live: true).LoginOrCreate("ada@example.com", Defaults);

        Assert.That(sent.UserId, Does.Match("^user-live-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        Assert.That(sent.EmailId, Does.StartWith("email-live-"));
    }

    [Test]
    public void Codes_ManyIssued_AreAlwaysSixDigits()
    {
        var ids = new IdFactory(live: false, seed: 7);

        var codes = Enumerable.Range(0, 2000).Select(_ => ids.NewCode()).ToList();

        Assert.That(codes, Has.All.Match("^[0-9]{6}$"));
        Assert.That(codes.Distinct().Count(), Is.GreaterThan(1900));
    }

    [Test]
    public void Tokens_New_Are44UrlSafeCharacters()
    {
        var token = new IdFactory(live: false, seed: null).NewToken();

        Assert.That(token, Does.Match("^[A-Za-z0-9_-]{44}$"));
    }
}
