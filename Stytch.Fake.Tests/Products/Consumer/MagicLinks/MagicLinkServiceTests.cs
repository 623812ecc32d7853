using Stytch.Fake.Core;
using Stytch.Fake.Products.Consumer;
using Stytch.Fake.Products.Consumer.MagicLinks;

namespace Stytch.Fake.Tests.Products.Consumer.MagicLinks;

/// <summary>Consumer email magic links in the engine: sends, invites and embeddable links, then authenticate.</summary>
public sealed class MagicLinkServiceTests : ConsumerEngineTest
{
    private static readonly MagicLinkSendOptions Send = new();

    private MagicLinkService Links => Consumer.MagicLinks;

    private string TokenFor(string email) => Consumer.Outbox.LatestFor(email).Token!;

    private MagicLinkAuthenticated AuthenticateLink(string token, int? sessionMinutes = null, string? verifier = null) =>
        Links.Authenticate(new MagicLinkAuthenticateCommand { Token = token, SessionDurationMinutes = sessionMinutes, CodeVerifier = verifier });

    // ---- login_or_create and send -----------------------------------------------------------------

    [Test]
    public void LoginOrCreate_NewEmail_CreatesActiveUserAndSendsASignupLinkForAWeek()
    {
        var sent = Links.LoginOrCreate("Ada@Example.com", Send);

        var message = Consumer.Outbox.LatestFor("ada@example.com");
        Assert.Multiple(() =>
        {
            Assert.That(sent.UserCreated, Is.True);
            Assert.That(Consumer.Users.Get(sent.UserId).Status, Is.EqualTo("active"));
            Assert.That(message.Kind, Is.EqualTo(MessageKind.Signup));
            Assert.That(message.ExpiresAt, Is.EqualTo(Start.AddMinutes(10_080)));
            Assert.That(message.MethodId, Is.EqualTo(sent.EmailId));
            Assert.That(message.Link, Is.EqualTo($"http://localhost:3000/authenticate?stytch_token_type=magic_links&token={message.Token}"));
        });
    }

    [Test]
    public void LoginOrCreate_ActiveUser_SendsALoginLinkForAnHour()
    {
        Links.LoginOrCreate("ada@example.com", Send);

        var sent = Links.LoginOrCreate("ada@example.com", Send);

        var message = Consumer.Outbox.LatestFor("ada@example.com");
        Assert.That(sent.UserCreated, Is.False);
        Assert.That(message.Kind, Is.EqualTo(MessageKind.Login));
        Assert.That(message.ExpiresAt, Is.EqualTo(Start.AddMinutes(60)));
    }

    [Test]
    public void LoginOrCreate_CreateUserAsPending_CreatesAPendingUserThatGetsSignupLinks()
    {
        var sent = Links.LoginOrCreate("ada@example.com", Send with { CreateUserAsPending = true });
        Links.LoginOrCreate("ada@example.com", Send);

        Assert.That(Consumer.Users.Get(sent.UserId).Status, Is.EqualTo("pending"));
        Assert.That(Consumer.Outbox.LatestFor("ada@example.com").Kind, Is.EqualTo(MessageKind.Signup));
    }

    [Test]
    public void LoginOrCreate_Options_AreRecordedOnTheMessage()
    {
        Links.LoginOrCreate("ada@example.com", Send with { Locale = "pt-br", LoginTemplateId = "l", SignupTemplateId = "s", SignupExpirationMinutes = 5 });

        var message = Consumer.Outbox.LatestFor("ada@example.com");
        Assert.Multiple(() =>
        {
            Assert.That(message.Locale, Is.EqualTo("pt-br"));
            Assert.That(message.LoginTemplateId, Is.EqualTo("l"));
            Assert.That(message.SignupTemplateId, Is.EqualTo("s"));
            Assert.That(message.ExpiresAt, Is.EqualTo(Start.AddMinutes(5)));
        });
    }

    [TestCase(4, null)]
    [TestCase(10_081, null)]
    [TestCase(null, 4)]
    [TestCase(null, 10_081)]
    public void LoginOrCreate_ExpirationOutOfRange_ThrowsInvalidExpirationAndChangesNothing(int? login, int? signup)
    {
        var error = ErrorOf(() => Links.LoginOrCreate("ada@example.com", Send with { LoginExpirationMinutes = login, SignupExpirationMinutes = signup }));

        Assert.That(error, Is.EqualTo(StytchError.InvalidExpiration));
        Assert.That(Consumer.Users.Count, Is.Zero);
        Assert.That(Consumer.Outbox.All, Is.Empty);
    }

    [Test]
    public void LoginOrCreate_BadLocaleOrEmail_ThrowsTheirErrors()
    {
        Assert.That(ErrorOf(() => Links.LoginOrCreate("ada@example.com", Send with { Locale = "de" })), Is.EqualTo(StytchError.InvalidLocale));
        Assert.That(ErrorOf(() => Links.LoginOrCreate("a@b", Send)), Is.EqualTo(StytchError.InvalidEmail));
    }

    [Test]
    public void LoginOrCreate_SignupUrlNotAllowed_ThrowsAndCreatesNoUser()
    {
        var error = ErrorOf(() => Links.LoginOrCreate("ada@example.com", Send with { SignupMagicLinkUrl = "https://elsewhere.example/" }));

        Assert.That(error, Is.EqualTo(RedirectUrlFields.MagicLinkSignup.NotAllowed));
        Assert.That(Consumer.Users.Count, Is.Zero);
        Assert.That(Consumer.Outbox.All, Is.Empty);
    }

    [Test]
    public void LoginOrCreate_AllowedUrls_BuildTheLinkOnTheOneOfItsKind()
    {
        Consumer.Store.Transact(() => Consumer.Store.RedirectUrls.Set([
            new RedirectUrl("https://app.example/login", RedirectUrlType.Login, IsDefault: true),
            new RedirectUrl("https://app.example/signup", RedirectUrlType.Signup, IsDefault: true)]));

        Links.LoginOrCreate("ada@example.com", Send with { LoginMagicLinkUrl = "https://app.example/login" });
        var signup = Consumer.Outbox.LatestFor("ada@example.com").Link;
        Links.LoginOrCreate("ada@example.com", Send with { SignupMagicLinkUrl = "https://app.example/signup" });
        var login = Consumer.Outbox.LatestFor("ada@example.com").Link;

        Assert.That(signup, Does.StartWith("https://app.example/signup?stytch_token_type=magic_links&token="));
        Assert.That(login, Does.StartWith("https://app.example/login?stytch_token_type=magic_links&token="));
    }

    [Test]
    public void Send_UnknownEmail_ThrowsEmailNotFound()
    {
        Assert.That(ErrorOf(() => Links.Send("nobody@example.com", Send)), Is.EqualTo(StytchError.EmailNotFound));
    }

    [Test]
    public void Send_ExistingUser_SendsALoginLink()
    {
        var user = Consumer.Users.Create("ada@example.com", pending: false);

        var sent = Links.Send("ada@example.com", Send);

        Assert.That(sent.UserId, Is.EqualTo(user.UserId));
        Assert.That(Consumer.Outbox.LatestFor("ada@example.com").Kind, Is.EqualTo(MessageKind.Login));
    }

    // ---- authenticate -------------------------------------------------------------------------------

    [Test]
    public void Authenticate_SentToken_VerifiesTheEmailAndStartsNoSessionUnlessAsked()
    {
        var sent = Links.LoginOrCreate("ada@example.com", Send);

        var result = AuthenticateLink(TokenFor("ada@example.com"));

        Assert.That(result.User.EmailVerified, Is.True);
        Assert.That(result.MethodId, Is.EqualTo(sent.EmailId));
        Assert.That(result.Session, Is.Null);
    }

    [Test]
    public void Authenticate_WithSessionMinutes_StartsASessionWithAMagicLinkFactor()
    {
        var sent = Links.LoginOrCreate("ada@example.com", Send);

        var session = AuthenticateLink(TokenFor("ada@example.com"), sessionMinutes: 30).Session!;

        var factor = session.AuthenticationFactors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(session.ExpiresAt, Is.EqualTo(Start.AddMinutes(30)));
            Assert.That(factor.Kind, Is.EqualTo(FactorKind.MagicLink));
            Assert.That((factor.Type, factor.DeliveryMethod), Is.EqualTo(("magic_link", "email")));
            Assert.That(factor.Email, Is.EqualTo(new FactorEmail(sent.EmailId, "ada@example.com")));
        });
    }

    [Test]
    public void Authenticate_PendingUser_BecomesActive()
    {
        var sent = Links.LoginOrCreate("ada@example.com", Send with { CreateUserAsPending = true });

        AuthenticateLink(TokenFor("ada@example.com"));

        Assert.That(Consumer.Users.Get(sent.UserId).Status, Is.EqualTo("active"));
    }

    [Test]
    public void Authenticate_UsedToken_ThrowsUnableToAuthMagicLink()
    {
        Links.LoginOrCreate("ada@example.com", Send);
        var token = TokenFor("ada@example.com");
        AuthenticateLink(token);

        Assert.That(ErrorOf(() => AuthenticateLink(token)), Is.EqualTo(StytchError.UnableToAuthMagicLink));
    }

    [Test]
    public void Authenticate_ExactlyAtExpiry_ThrowsUnableToAuthMagicLink()
    {
        Links.LoginOrCreate("ada@example.com", Send with { SignupExpirationMinutes = 5 });
        Time.Advance(TimeSpan.FromMinutes(5));

        Assert.That(ErrorOf(() => AuthenticateLink(TokenFor("ada@example.com"))), Is.EqualTo(StytchError.UnableToAuthMagicLink));
    }

    [TestCase("")]
    [TestCase("not-a-token-we-sent")]
    public void Authenticate_UnknownToken_ThrowsMagicLinkNotFound(string token)
    {
        Assert.That(ErrorOf(() => AuthenticateLink(token)), Is.EqualTo(StytchError.MagicLinkNotFound));
    }

    [Test]
    public void Authenticate_EarlierToken_StillWorksAfterANewerOneWasSent()
    {
        Links.LoginOrCreate("ada@example.com", Send);
        var first = TokenFor("ada@example.com");
        Links.LoginOrCreate("ada@example.com", Send);

        Assert.That(AuthenticateLink(first).User.Email, Is.EqualTo("ada@example.com"));
    }

    [Test]
    public void Authenticate_ExistingSessionToken_ExtendsItWithTheMagicLinkFactor()
    {
        var otp = Consumer.EmailOtp.LoginOrCreate("ada@example.com", Defaults);
        var session = Authenticate(otp, CodeFor("ada@example.com"), sessionMinutes: 10).Session!;
        Links.Send("ada@example.com", Send);

        var extended = Links.Authenticate(new MagicLinkAuthenticateCommand { Token = TokenFor("ada@example.com"), SessionToken = session.SessionToken, SessionDurationMinutes = 60 }).Session!;

        Assert.That(extended.SessionId, Is.EqualTo(session.SessionId));
        Assert.That(extended.AuthenticationFactors.Select(f => f.Kind), Is.EqualTo(new[] { FactorKind.EmailOtp, FactorKind.MagicLink }));
        Assert.That(extended.ExpiresAt, Is.EqualTo(Start.AddMinutes(60)));
    }

    [Test]
    public void Authenticate_CustomClaims_AreOnTheSession()
    {
        Links.LoginOrCreate("ada@example.com", Send);

        var session = Links.Authenticate(new MagicLinkAuthenticateCommand
        {
            Token = TokenFor("ada@example.com"),
            SessionDurationMinutes = 5,
            CustomClaims = new Dictionary<string, object?> { ["plan"] = "pro" },
        }).Session!;

        Assert.That(session.CustomClaims["plan"], Is.EqualTo("pro"));
    }

    [Test]
    public void Authenticate_AttributesMismatch_ThrowsAndLeavesTheTokenUsable()
    {
        Links.LoginOrCreate("ada@example.com", Send with { Attributes = new RequestAttributes("203.0.113.1", "ua") });
        var token = TokenFor("ada@example.com");

        var error = ErrorOf(() => Links.Authenticate(new MagicLinkAuthenticateCommand
        {
            Token = token,
            Attributes = new RequestAttributes("198.51.100.7", "ua"),
            Options = new AttributeMatchOptions(IpMatchRequired: true, UserAgentMatchRequired: false),
        }));

        Assert.That(error, Is.EqualTo(StytchError.AttributeMismatch));
        Assert.That(AuthenticateLink(token).User.EmailVerified, Is.True);
    }

    [TestCase(-1)]
    [TestCase(4)]
    [TestCase(527_041)]
    public void Authenticate_SessionMinutesOutOfRange_ThrowsAndLeavesTheTokenUsable(int minutes)
    {
        Links.LoginOrCreate("ada@example.com", Send);
        var token = TokenFor("ada@example.com");

        Assert.That(ErrorOf(() => AuthenticateLink(token, sessionMinutes: minutes)), Is.EqualTo(StytchError.InvalidSessionDurationMinutes));
        Assert.That(AuthenticateLink(token).Session, Is.Null);
    }

    // ---- PKCE -----------------------------------------------------------------------------------------

    private const string Verifier = "a-verifier-of-forty-three-characters-or-more-1234";

    [Test]
    public void Authenticate_PkceVerifierAnsweringTheChallenge_Succeeds()
    {
        Links.LoginOrCreate("ada@example.com", Send with { CodeChallenge = Pkce.ChallengeOf(Verifier) });

        Assert.That(AuthenticateLink(TokenFor("ada@example.com"), verifier: Verifier).User.EmailVerified, Is.True);
    }

    [TestCase(null, "pkce_expected_code_verifier")]
    [TestCase("another-verifier-of-forty-three-characters-or-more", "pkce_mismatch")]
    public void Authenticate_ChallengeWithoutTheRightVerifier_ThrowsAndLeavesTheTokenUsable(string? verifier, string errorType)
    {
        Links.LoginOrCreate("ada@example.com", Send with { CodeChallenge = Pkce.ChallengeOf(Verifier) });
        var token = TokenFor("ada@example.com");

        Assert.That(ErrorOf(() => AuthenticateLink(token, verifier: verifier)).ErrorType, Is.EqualTo(errorType));
        Assert.That(AuthenticateLink(token, verifier: Verifier).User.EmailVerified, Is.True);
    }

    [Test]
    public void Authenticate_VerifierWithoutChallenge_ThrowsPkceDidNotExpectCodeVerifier()
    {
        Links.LoginOrCreate("ada@example.com", Send);

        Assert.That(ErrorOf(() => AuthenticateLink(TokenFor("ada@example.com"), verifier: Verifier)), Is.EqualTo(StytchError.PkceDidNotExpectCodeVerifier));
    }

    // ---- invites ---------------------------------------------------------------------------------------

    [Test]
    public void Invite_NewEmail_CreatesAPendingUserAndSendsAnInviteLinkForAnHour()
    {
        var sent = Links.Invite("ada@example.com", new MagicLinkInviteOptions { InviteTemplateId = "welcome", Locale = "fr" });

        var message = Consumer.Outbox.LatestFor("ada@example.com");
        Assert.Multiple(() =>
        {
            Assert.That(Consumer.Users.Get(sent.UserId).Status, Is.EqualTo("pending"));
            Assert.That(message.Kind, Is.EqualTo(MessageKind.Invite));
            Assert.That(message.InviteTemplateId, Is.EqualTo("welcome"));
            Assert.That(message.Locale, Is.EqualTo("fr"));
            Assert.That(message.ExpiresAt, Is.EqualTo(Start.AddMinutes(60)));
        });
    }

    [Test]
    public void Invite_Authenticated_MakesTheUserActiveAndVerified()
    {
        var sent = Links.Invite("ada@example.com", new MagicLinkInviteOptions());

        AuthenticateLink(TokenFor("ada@example.com"));

        var user = Consumer.Users.Get(sent.UserId);
        Assert.That((user.Status, user.EmailVerified), Is.EqualTo(("active", true)));
    }

    [Test]
    public void Invite_PendingUserAgain_SendsAnotherInviteToTheSameUser()
    {
        var first = Links.Invite("ada@example.com", new MagicLinkInviteOptions());

        var second = Links.Invite("ada@example.com", new MagicLinkInviteOptions());

        Assert.That(second.UserId, Is.EqualTo(first.UserId));
        Assert.That(Consumer.Outbox.For("ada@example.com"), Has.Count.EqualTo(2));
    }

    [Test]
    public void Invite_ActiveUser_ThrowsDuplicateEmailAndSendsNothing()
    {
        Consumer.Users.Create("ada@example.com", pending: false);

        Assert.That(ErrorOf(() => Links.Invite("ada@example.com", new MagicLinkInviteOptions())), Is.EqualTo(StytchError.DuplicateEmail));
        Assert.That(Consumer.Outbox.All, Is.Empty);
    }

    [TestCase(4)]
    [TestCase(10_081)]
    public void Invite_ExpirationOutOfRange_ThrowsInvalidExpiration(int minutes)
    {
        Assert.That(ErrorOf(() => Links.Invite("ada@example.com", new MagicLinkInviteOptions { InviteExpirationMinutes = minutes })), Is.EqualTo(StytchError.InvalidExpiration));
        Assert.That(Consumer.Users.Count, Is.Zero);
    }

    [Test]
    public void RevokeInvite_InvitedUser_DeletesTheUserAndKillsTheLink()
    {
        var sent = Links.Invite("ada@example.com", new MagicLinkInviteOptions());
        var token = TokenFor("ada@example.com");

        Links.RevokeInvite("ada@example.com");

        Assert.That(ErrorOf(() => Consumer.Users.Get(sent.UserId)), Is.EqualTo(StytchError.UserNotFound));
        Assert.That(ErrorOf(() => AuthenticateLink(token)), Is.EqualTo(StytchError.MagicLinkNotFound));
    }

    [Test]
    public void RevokeInvite_NoPendingInvite_ThrowsEmailNotFound()
    {
        Links.LoginOrCreate("ada@example.com", Send);

        Assert.That(ErrorOf(() => Links.RevokeInvite("ada@example.com")), Is.EqualTo(StytchError.EmailNotFound));
        Assert.That(ErrorOf(() => Links.RevokeInvite("nobody@example.com")), Is.EqualTo(StytchError.EmailNotFound));
        Assert.That(Consumer.Users.Count, Is.EqualTo(1));
    }

    // ---- embeddable links --------------------------------------------------------------------------------

    [Test]
    public void Create_ForAUser_GivesATokenThatLogsThemInWithoutVerifyingTheEmail()
    {
        var user = Consumer.Users.Create("ada@example.com", pending: true);

        var (userId, token) = Links.Create(user.UserId, null, RequestAttributes.None);
        var result = AuthenticateLink(token);

        Assert.That(userId, Is.EqualTo(user.UserId));
        Assert.That(Consumer.Outbox.All, Is.Empty);
        Assert.That((result.User.Status, result.User.EmailVerified), Is.EqualTo(("active", false)));
    }

    [Test]
    public void Create_TokenWithSession_GivesAnEmbeddedMagicLinkFactor()
    {
        var user = Consumer.Users.Create("ada@example.com", pending: false);
        var (_, token) = Links.Create(user.UserId, null, RequestAttributes.None);

        var factor = AuthenticateLink(token, sessionMinutes: 5).Session!.AuthenticationFactors.Single();

        Assert.That((factor.Kind, factor.Type, factor.DeliveryMethod), Is.EqualTo((FactorKind.EmbeddedMagicLink, "magic_link", "embedded")));
    }

    [Test]
    public void Create_TokenLivesAnHourByDefault()
    {
        var user = Consumer.Users.Create("ada@example.com", pending: false);
        var (_, token) = Links.Create(user.UserId, null, RequestAttributes.None);

        Time.Advance(TimeSpan.FromMinutes(60));

        Assert.That(ErrorOf(() => AuthenticateLink(token)), Is.EqualTo(StytchError.UnableToAuthMagicLink));
    }

    [Test]
    public void Create_UnknownOrMalformedUserOrBadExpiration_ThrowsItsError()
    {
        var user = Consumer.Users.Create("ada@example.com", pending: false);

        Assert.That(ErrorOf(() => Links.Create("user-test-00000000-0000-4000-8000-000000000000", null, RequestAttributes.None)), Is.EqualTo(StytchError.UserNotFound));
        Assert.That(ErrorOf(() => Links.Create("not a user id", null, RequestAttributes.None)), Is.EqualTo(StytchError.InvalidUserId));
        Assert.That(ErrorOf(() => Links.Create(user.UserId, 10_081, RequestAttributes.None)), Is.EqualTo(StytchError.InvalidExpiration));
    }

    // ---- sandbox ---------------------------------------------------------------------------------------------

    [Test]
    public void LoginOrCreate_SandboxEmail_AnswersTheSandboxIdsAndSendsNothing()
    {
        var sent = Links.LoginOrCreate("sandbox@stytch.com", Send);

        Assert.That((sent.UserId, sent.EmailId, sent.UserCreated), Is.EqualTo((Sandbox.UserId, Sandbox.EmailId, false)));
        Assert.That(Consumer.Outbox.All, Is.Empty);
    }

    [Test]
    public void Authenticate_SandboxSuccessToken_LogsInTheSandboxUserEveryTime()
    {
        AuthenticateLink(MagicLinkSandbox.SuccessToken);

        var result = AuthenticateLink(MagicLinkSandbox.SuccessToken, sessionMinutes: 5);

        Assert.That(result.User.UserId, Is.EqualTo(Sandbox.UserId));
        Assert.That(result.Session!.AuthenticationFactors.Single().Email!.EmailAddress, Is.EqualTo(Sandbox.Email));
    }

    [Test]
    public void Authenticate_SandboxErrorTokens_ThrowTheirErrors()
    {
        Assert.That(ErrorOf(() => AuthenticateLink(MagicLinkSandbox.UnableToAuthToken)), Is.EqualTo(StytchError.UnableToAuthMagicLink));
        Assert.That(ErrorOf(() => AuthenticateLink(MagicLinkSandbox.NotFoundToken)), Is.EqualTo(StytchError.MagicLinkNotFound));
    }

    [Test]
    public void Authenticate_SandboxTokenOnALiveProject_IsNotFound()
    {
        var live = NewState(live: true);

        Assert.That(Assert.Throws<StytchException>(() => live.MagicLinks.Authenticate(new MagicLinkAuthenticateCommand { Token = MagicLinkSandbox.SuccessToken }))!.Error,
            Is.EqualTo(StytchError.MagicLinkNotFound));
    }
}
