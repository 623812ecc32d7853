using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B;
using Stytch.Fake.Products.B2B.MagicLinks;
using Stytch.Fake.Products.B2B.Members;

namespace Stytch.Fake.Tests.Products.B2B.MagicLinks;

/// <summary>B2B email magic links in the engine: login, signup and invite links, and authenticating their tokens.</summary>
public sealed class B2BMagicLinkServiceTests : B2BEngineTest
{
    private const string Verifier = "a-pkce-code-verifier-of-enough-length-0123456789";

    // ---- login_or_signup --------------------------------------------------------------------------

    [Test]
    public void LoginOrSignup_JitAllowed_CreatesPendingMemberAndSendsSignupLink()
    {
        var org = Jit();

        var sent = B2B.MagicLinks.LoginOrSignup(Send("Ada@Acme.io"));

        Assert.That(sent.MemberCreated, Is.True);
        Assert.That(sent.Kind, Is.EqualTo(MessageKind.Signup));
        Assert.That(sent.Member.Status, Is.EqualTo(MemberStatus.Pending));
        var message = B2B.Outbox.LatestFor("ada@acme.io");
        Assert.That(message.Channel, Is.EqualTo(DeliveryChannel.Email));
        Assert.That(message.Kind, Is.EqualTo(MessageKind.Signup));
        Assert.That(message.Code, Is.Empty);
        Assert.That(message.Token, Is.Not.Empty);
        Assert.That(message.Link, Is.EqualTo($"{RedirectUrls.FreshProjectDefault}?stytch_token_type=multi_tenant_magic_links&token={Uri.EscapeDataString(message.Token!)}"));
        Assert.That(message.OrganizationId, Is.EqualTo(org.OrganizationId));
        Assert.That(message.MemberId, Is.EqualTo(sent.Member.MemberId));
        Assert.That(message.MethodId, Is.EqualTo(sent.Member.EmailId));
        Assert.That(message.ExpiresAt, Is.EqualTo(Start.AddMinutes(60)));
    }

    [Test]
    public void LoginOrSignup_JitNotAllowed_ThrowsTheOtpRuleAndCreatesNothing()
    {
        B2B.Organizations.Create(new OrganizationFields { OrganizationName = "Acme", OrganizationSlug = "acme" });

        Assert.That(ErrorOf(() => B2B.MagicLinks.LoginOrSignup(Send("ada@acme.io"))), Is.EqualTo(StytchError.EmailJitProvisioningNotAllowed));
        Assert.That(B2B.Members.List(), Is.Empty);
        Assert.That(B2B.Outbox.All, Is.Empty);
    }

    [Test]
    public void LoginOrSignup_ActiveMember_SendsLoginLinkWithLoginExpirationAndTemplates()
    {
        Jit();
        B2B.Members.Create("acme", new MemberFields { EmailAddress = "ada@acme.io" });

        var sent = B2B.MagicLinks.LoginOrSignup(Send("ada@acme.io") with { LoginExpirationMinutes = 5, SignupExpirationMinutes = 10080, LoginTemplateId = "login-t", Locale = "fr" });

        Assert.That(sent.MemberCreated, Is.False);
        Assert.That(sent.Kind, Is.EqualTo(MessageKind.Login));
        var message = B2B.Outbox.LatestFor("ada@acme.io");
        Assert.That(message.ExpiresAt, Is.EqualTo(Start.AddMinutes(5)));
        Assert.That(message.LoginTemplateId, Is.EqualTo("login-t"));
        Assert.That(message.Locale, Is.EqualTo("fr"));
    }

    [TestCase(4)]
    [TestCase(10081)]
    public void LoginOrSignup_ExpirationOutOfRange_ThrowsInvalidExpiration(int minutes)
    {
        Jit();

        Assert.That(ErrorOf(() => B2B.MagicLinks.LoginOrSignup(Send("ada@acme.io") with { SignupExpirationMinutes = minutes })), Is.EqualTo(StytchError.InvalidExpiration));
        Assert.That(B2B.Members.List(), Is.Empty);
    }

    [Test]
    public void LoginOrSignup_SignupUrlNotAllowed_ThrowsAndCreatesNothing()
    {
        Jit();

        Assert.That(ErrorOf(() => B2B.MagicLinks.LoginOrSignup(Send("ada@acme.io") with { SignupRedirectUrl = "https://elsewhere.example/signup" })),
            Is.EqualTo(StytchError.NoMatchForProvidedMagicLinkUrl));
        Assert.That(B2B.Members.List(), Is.Empty);
        Assert.That(B2B.Outbox.All, Is.Empty);
    }

    [Test]
    public void LoginOrSignup_ProjectSignupUrl_BuildsTheLinkOnIt()
    {
        var b2b = new B2BProducts(new ProjectStore(
            new ProjectSettings(ProjectId, Live: false, null, [new RedirectUrl("https://app.example/signup?from=mail", RedirectUrlType.Signup, IsDefault: true)]),
            new StytchClock(Time)));
        b2b.Organizations.Create(new OrganizationFields { OrganizationName = "Acme", OrganizationSlug = "acme", EmailJitProvisioning = "RESTRICTED", EmailAllowedDomains = ["acme.io"] });

        b2b.MagicLinks.LoginOrSignup(Send("ada@acme.io"));

        var message = b2b.Outbox.LatestFor("ada@acme.io");
        Assert.That(message.Link, Is.EqualTo($"https://app.example/signup?from=mail&stytch_token_type=multi_tenant_magic_links&token={Uri.EscapeDataString(message.Token!)}"));
    }

    // ---- invite -----------------------------------------------------------------------------------

    [Test]
    public void Invite_NewAddress_CreatesInvitedMemberWithFieldsAndAWeekLongInviteLink()
    {
        Inviting();

        var sent = B2B.MagicLinks.Invite(new B2BLinkInviteCommand
        {
            OrganizationId = "acme",
            EmailAddress = "bob@anywhere.io",
            Fields = new MemberFields { Name = "Bob", Roles = ["editor"], TrustedMetadata = """{"a":1}""", UntrustedMetadata = """{"b":2}""" },
            InviteTemplateId = "invite-t",
        });

        Assert.That(sent.MemberCreated, Is.True);
        Assert.That(sent.Member.Status, Is.EqualTo(MemberStatus.Invited));
        Assert.That(sent.Member.Name, Is.EqualTo("Bob"));
        Assert.That(sent.Member.Roles, Is.EqualTo(new[] { "editor" }));
        Assert.That(sent.Member.TrustedMetadata, Is.EqualTo("""{"a":1}"""));
        Assert.That(sent.Member.UntrustedMetadata, Is.EqualTo("""{"b":2}"""));
        var message = B2B.Outbox.LatestFor("bob@anywhere.io");
        Assert.That(message.Kind, Is.EqualTo(MessageKind.Invite));
        Assert.That(message.InviteTemplateId, Is.EqualTo("invite-t"));
        Assert.That(message.ExpiresAt, Is.EqualTo(Start.AddMinutes(10080)));
    }

    [Test]
    public void Invite_PendingMember_BecomesInvited()
    {
        Inviting();
        B2B.MagicLinks.LoginOrSignup(Send("ada@acme.io"));

        var sent = B2B.MagicLinks.Invite(Invite("ada@acme.io"));

        Assert.That(sent.MemberCreated, Is.False);
        Assert.That(sent.Member.Status, Is.EqualTo(MemberStatus.Invited));
    }

    [Test]
    public void Invite_ActiveMember_ThrowsDuplicateMemberEmailAndSendsNothing()
    {
        Inviting();
        B2B.Members.Create("acme", new MemberFields { EmailAddress = "ada@acme.io" });

        Assert.That(ErrorOf(() => B2B.MagicLinks.Invite(Invite("ada@acme.io"))), Is.EqualTo(StytchError.DuplicateMemberEmail));
        Assert.That(B2B.Outbox.All, Is.Empty);
    }

    [TestCase("NOT_ALLOWED", "bob@acme.io")]
    [TestCase("RESTRICTED", "bob@other.io")]
    public void Invite_OrganizationEmailInvitesRefuseTheAddress_ThrowsInvalidEmailForInvites(string invites, string email)
    {
        B2B.Organizations.Create(new OrganizationFields { OrganizationName = "Acme", OrganizationSlug = "acme", EmailInvites = invites, EmailAllowedDomains = ["acme.io"] });

        Assert.That(ErrorOf(() => B2B.MagicLinks.Invite(Invite(email))), Is.EqualTo(StytchError.InvalidEmailForInvites));
        Assert.That(B2B.Members.List(), Is.Empty);
    }

    [Test]
    public void Invite_UnknownInviter_ThrowsMemberNotFound()
    {
        Inviting();

        Assert.That(ErrorOf(() => B2B.MagicLinks.Invite(Invite("bob@acme.io") with { InvitedByMemberId = "member-test-00000000-0000-4000-8000-000000000000" })),
            Is.EqualTo(StytchError.MemberNotFound));
        Assert.That(B2B.Members.List(), Is.Empty);
    }

    [TestCase(4)]
    [TestCase(10081)]
    public void Invite_ExpirationOutOfRange_ThrowsInvalidExpiration(int minutes)
    {
        Inviting();

        Assert.That(ErrorOf(() => B2B.MagicLinks.Invite(Invite("bob@acme.io") with { InviteExpirationMinutes = minutes })), Is.EqualTo(StytchError.InvalidExpiration));
    }

    // ---- authenticate -----------------------------------------------------------------------------

    [Test]
    public void Authenticate_SignupLink_MemberActiveAndVerifiedWithAMagicLinkSession()
    {
        Jit();
        B2B.MagicLinks.LoginOrSignup(Send("ada@acme.io"));

        var result = B2B.MagicLinks.Authenticate(Auth(TokenFor("ada@acme.io")));

        Assert.That(result.Member.Status, Is.EqualTo(MemberStatus.Active));
        Assert.That(result.Member.EmailAddressVerified, Is.True);
        Assert.That(result.MethodId, Is.EqualTo(result.Member.EmailId));
        Assert.That(result.Session!.ExpiresAt, Is.EqualTo(Start.AddMinutes(60)));
        var factor = result.Session.AuthenticationFactors.Single();
        Assert.That((factor.Kind, factor.Type, factor.DeliveryMethod), Is.EqualTo((FactorKind.MagicLink, "magic_link", "email")));
        Assert.That(factor.Email, Is.EqualTo(new FactorEmail(result.Member.EmailId, "ada@acme.io")));
    }

    [Test]
    public void Authenticate_InviteLink_InvitedMemberBecomesActive()
    {
        Inviting();
        B2B.MagicLinks.Invite(Invite("bob@acme.io"));

        var result = B2B.MagicLinks.Authenticate(Auth(TokenFor("bob@acme.io")));

        Assert.That(result.Member.Status, Is.EqualTo(MemberStatus.Active));
    }

    [Test]
    public void Authenticate_TokenUsedTwice_ThrowsUnableToAuthMagicLink()
    {
        Jit();
        B2B.MagicLinks.LoginOrSignup(Send("ada@acme.io"));
        var token = TokenFor("ada@acme.io");
        B2B.MagicLinks.Authenticate(Auth(token));

        Assert.That(ErrorOf(() => B2B.MagicLinks.Authenticate(Auth(token))), Is.EqualTo(StytchError.UnableToAuthMagicLink));
    }

    [Test]
    public void Authenticate_TokenPastItsExpiration_ThrowsUnableToAuthMagicLink()
    {
        Jit();
        B2B.MagicLinks.LoginOrSignup(Send("ada@acme.io") with { SignupExpirationMinutes = 5 });
        Time.Advance(TimeSpan.FromMinutes(5));

        Assert.That(ErrorOf(() => B2B.MagicLinks.Authenticate(Auth(TokenFor("ada@acme.io")))), Is.EqualTo(StytchError.UnableToAuthMagicLink));
    }

    [Test]
    public void Authenticate_UnknownToken_ThrowsMagicLinkNotFound()
    {
        Assert.That(ErrorOf(() => B2B.MagicLinks.Authenticate(Auth("no-such-token"))), Is.EqualTo(StytchError.MagicLinkNotFound));
    }

    [TestCase(B2BMagicLinkSandbox.SpentToken, "unable_to_auth_magic_link")]
    [TestCase(B2BMagicLinkSandbox.UnknownToken, "magic_link_not_found")]
    public void Authenticate_SandboxToken_ThrowsItsError(string token, string errorType)
    {
        Assert.That(ErrorOf(() => B2B.MagicLinks.Authenticate(Auth(token))).ErrorType, Is.EqualTo(errorType));
    }

    [Test]
    public void LoginOrSignupAndInvite_SandboxAddressInTheSandboxOrganization_SendNothingAndAnswerTheActiveSandboxMember()
    {
        var sent = B2B.MagicLinks.LoginOrSignup(new B2BLinkLoginOrSignupCommand { OrganizationId = B2BMagicLinkSandbox.OrganizationId, EmailAddress = "sandbox@stytch.com" });
        var invited = B2B.MagicLinks.Invite(new B2BLinkInviteCommand { OrganizationId = B2BMagicLinkSandbox.OrganizationId, EmailAddress = "sandbox@stytch.com" });

        Assert.That(sent.Organization.OrganizationId, Is.EqualTo(B2BMagicLinkSandbox.OrganizationId));
        Assert.That(sent.Member.Status, Is.EqualTo(MemberStatus.Active));
        Assert.That(invited.Member.MemberId, Is.EqualTo(sent.Member.MemberId));
        Assert.That(B2B.Outbox.All, Is.Empty);
    }

    [Test]
    public void Authenticate_SandboxSuccessToken_StartsASessionOfTheSandboxMemberEveryTime()
    {
        var first = B2B.MagicLinks.Authenticate(Auth(B2BMagicLinkSandbox.SuccessToken));
        var second = B2B.MagicLinks.Authenticate(Auth(B2BMagicLinkSandbox.SuccessToken));

        Assert.That(first.Member.EmailAddress, Is.EqualTo("sandbox@stytch.com"));
        Assert.That(first.Organization.OrganizationId, Is.EqualTo(B2BMagicLinkSandbox.OrganizationId));
        Assert.That(second.Member.MemberId, Is.EqualTo(first.Member.MemberId));
        Assert.That(second.Session!.MemberSessionId, Is.Not.EqualTo(first.Session!.MemberSessionId));
    }

    [Test]
    public void Authenticate_SandboxTokenInALiveProject_ThrowsMagicLinkNotFound()
    {
        var live = new B2BProducts(new ProjectStore(new ProjectSettings("project-live-00000000-0000-4000-8000-000000000002", Live: true, null), new StytchClock(Time)));

        Assert.That(ErrorOf(() => live.MagicLinks.Authenticate(Auth(B2BMagicLinkSandbox.SuccessToken))), Is.EqualTo(StytchError.MagicLinkNotFound));
        Assert.That(ErrorOf(() => live.MagicLinks.Authenticate(Auth(B2BMagicLinkSandbox.SpentToken))), Is.EqualTo(StytchError.MagicLinkNotFound));
    }

    [Test]
    public void Authenticate_SandboxTokenWithAnUnknownSession_ThrowsAndMakesNoSandboxOrganization()
    {
        Assert.That(ErrorOf(() => B2B.MagicLinks.Authenticate(Auth(B2BMagicLinkSandbox.SuccessToken) with { SessionToken = new string('x', 44) })),
            Is.EqualTo(StytchError.SessionNotFound));
        Assert.That(B2B.Organizations.List(), Is.Empty);
    }

    [Test]
    public void Authenticate_MemberDeleted_ThrowsMagicLinkNotFound()
    {
        Jit();
        var sent = B2B.MagicLinks.LoginOrSignup(Send("ada@acme.io"));
        var token = TokenFor("ada@acme.io");
        B2B.Members.Delete("acme", sent.Member.MemberId);

        Assert.That(ErrorOf(() => B2B.MagicLinks.Authenticate(Auth(token))), Is.EqualTo(StytchError.MagicLinkNotFound));
    }

    [Test]
    public void Authenticate_ChallengeWithoutVerifier_ThrowsAndLeavesTheTokenUsable()
    {
        Jit();
        B2B.MagicLinks.LoginOrSignup(Send("ada@acme.io") with { PkceCodeChallenge = Pkce.ChallengeOf(Verifier) });
        var token = TokenFor("ada@acme.io");

        Assert.That(ErrorOf(() => B2B.MagicLinks.Authenticate(Auth(token))), Is.EqualTo(StytchError.PkceExpectedCodeVerifier));
        Assert.That(ErrorOf(() => B2B.MagicLinks.Authenticate(Auth(token) with { PkceCodeVerifier = Verifier + "x" })), Is.EqualTo(StytchError.PkceMismatch));
        Assert.That(B2B.MagicLinks.Authenticate(Auth(token) with { PkceCodeVerifier = Verifier }).Member.Status, Is.EqualTo(MemberStatus.Active));
    }

    [Test]
    public void Authenticate_VerifierWithoutChallenge_ThrowsPkceDidNotExpectCodeVerifier()
    {
        Jit();
        B2B.MagicLinks.LoginOrSignup(Send("ada@acme.io"));

        Assert.That(ErrorOf(() => B2B.MagicLinks.Authenticate(Auth(TokenFor("ada@acme.io")) with { PkceCodeVerifier = Verifier })),
            Is.EqualTo(StytchError.PkceDidNotExpectCodeVerifier));
    }

    [Test]
    public void Authenticate_WithTheMembersSession_ExtendsItWithTheMagicLinkFactor()
    {
        Jit();
        var otp = LoginWithOtp("ada@acme.io");
        B2B.MagicLinks.LoginOrSignup(Send("ada@acme.io"));

        var result = B2B.MagicLinks.Authenticate(Auth(TokenFor("ada@acme.io")) with { SessionToken = otp.Session!.SessionToken, SessionDurationMinutes = 120 });

        Assert.That(result.Session!.MemberSessionId, Is.EqualTo(otp.Session!.MemberSessionId));
        Assert.That(result.Session.ExpiresAt, Is.EqualTo(Start.AddMinutes(120)));
        Assert.That(result.Session.AuthenticationFactors.Select(f => f.Kind), Is.EqualTo(new[] { FactorKind.EmailOtp, FactorKind.MagicLink }));
    }

    [Test]
    public void Authenticate_WithAnotherMembersSession_IgnoresItAndStartsANewOne()
    {
        Jit();
        var other = LoginWithOtp("eve@acme.io");
        B2B.MagicLinks.LoginOrSignup(Send("ada@acme.io"));

        var result = B2B.MagicLinks.Authenticate(Auth(TokenFor("ada@acme.io")) with { SessionToken = other.Session!.SessionToken });

        Assert.That(result.Session!.MemberSessionId, Is.Not.EqualTo(other.Session!.MemberSessionId));
        Assert.That(result.Session.MemberId, Is.EqualTo(result.Member.MemberId));
    }

    [Test]
    public void Authenticate_IntermediateSessionToken_ThrowsIntermediateSessionNotFoundAndLeavesTheTokenUsable()
    {
        Jit();
        B2B.MagicLinks.LoginOrSignup(Send("ada@acme.io"));
        var token = TokenFor("ada@acme.io");

        Assert.That(ErrorOf(() => B2B.MagicLinks.Authenticate(Auth(token) with { IntermediateSessionToken = "ist" })), Is.EqualTo(StytchError.IntermediateSessionNotFound));
        Assert.That(B2B.MagicLinks.Authenticate(Auth(token)).Member.Status, Is.EqualTo(MemberStatus.Active));
    }

    /// <summary>Like <c>Jit()</c>, with email invites open to any address.</summary>
    private void Inviting() => B2B.Organizations.Create(new OrganizationFields
    {
        OrganizationName = "Acme",
        OrganizationSlug = "acme",
        EmailJitProvisioning = "RESTRICTED",
        EmailAllowedDomains = ["acme.io"],
        EmailInvites = "ALL_ALLOWED",
    });

    private static B2BLinkLoginOrSignupCommand Send(string email) => new() { OrganizationId = "acme", EmailAddress = email };

    private static B2BLinkInviteCommand Invite(string email) => new() { OrganizationId = "acme", EmailAddress = email };

    private static B2BLinkAuthenticateCommand Auth(string token) => new() { MagicLinksToken = token };

    private string TokenFor(string email) => B2B.Outbox.LatestFor(email).Token!;

    private Stytch.Fake.Products.B2B.EmailOtp.B2BOtpAuthenticated LoginWithOtp(string email)
    {
        B2B.EmailOtp.LoginOrSignup("acme", email, Defaults);
        return Authenticate("acme", email, CodeFor(email));
    }
}
