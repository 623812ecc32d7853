using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.EmailOtp;
using Stytch.Fake.Products.B2B.Mfa;
using Stytch.Fake.Products.B2B.Members;
using Stytch.Fake.Products.B2B.Sessions;

namespace Stytch.Fake.Tests.Products.B2B.Mfa;

/// <summary>The B2B login gate in the engine: when a login ends in a member session, and when in an intermediate session with the step still missing.</summary>
public sealed class LoginGateTests : B2BEngineTest
{
    private const string Phone = "+14155550123";

    private StytchOrganization Org(string mfaPolicy = "OPTIONAL", string slug = "acme") => B2B.Organizations.Create(new OrganizationFields
    {
        OrganizationName = "Acme",
        OrganizationSlug = slug,
        EmailJitProvisioning = "RESTRICTED",
        EmailAllowedDomains = ["acme.io"],
        MfaPolicy = mfaPolicy,
    });

    private StytchMember Member(string org, string email = "ada@acme.io", string phone = "", bool enrolled = false, bool breakglass = false) =>
        B2B.Members.Create(org, new MemberFields { EmailAddress = email, MfaPhoneNumber = phone, MfaEnrolled = enrolled, IsBreakglass = breakglass }).Member;

    private B2BOtpAuthenticated Login(string org = "acme", string email = "ada@acme.io", string? intermediate = null, string? sessionToken = null)
    {
        B2B.EmailOtp.LoginOrSignup(org, email, Defaults);
        return B2B.EmailOtp.Authenticate(new B2BOtpAuthenticateCommand
        {
            OrganizationId = org, EmailAddress = email, Code = CodeFor(email), IntermediateSessionToken = intermediate, SessionToken = sessionToken,
        });
    }

    private IntermediateSession IntermediateOf(string token) =>
        B2B.Store.Transact(() => B2B.Store.Part<IntermediateSessionTable>().Find(token, B2B.Store.Clock.Now));

    private static AuthenticationFactor Sms(DateTimeOffset at) => AuthenticationFactor.Of(FactorKind.SmsOtp, null, new FactorPhone("", Phone), "", at, at)!;

    private B2BLogin Pass(LoginAttempt attempt) => B2B.Store.Transact(() => B2B.Logins.Pass(attempt, B2B.Store.Clock.Now));

    [Test]
    public void Pass_OptionalPolicyMemberNotEnrolled_StartsMemberSession()
    {
        Org();

        var result = Login();

        Assert.That(result.Login.MemberAuthenticated, Is.True);
        Assert.That(result.Login.IntermediateSessionToken, Is.Empty);
        Assert.That(result.Login.MfaRequired, Is.Null);
        Assert.That(result.Login.PrimaryRequired, Is.Null);
    }

    [Test]
    public void Pass_RequiredForAll_IssuesIntermediateSessionBoundToMemberWithTheFactor()
    {
        Org("REQUIRED_FOR_ALL");

        var result = Login();

        Assert.That(result.Login.Session, Is.Null);
        Assert.That(B2B.Sessions.ListLive(), Is.Empty);
        var intermediate = IntermediateOf(result.Login.IntermediateSessionToken);
        Assert.That(intermediate.OrganizationId, Is.EqualTo(result.Organization.OrganizationId));
        Assert.That(intermediate.MemberId, Is.EqualTo(result.Member.MemberId));
        Assert.That(intermediate.Factors.Select(f => f.Kind), Is.EqualTo(new[] { FactorKind.EmailOtp }));
        Assert.That(intermediate.ExpiresAt, Is.EqualTo(Start.AddMinutes(10)));
    }

    [Test]
    public void Pass_RequiredForAllMemberWithoutMfa_HasNoMemberOptionsAndSendsNothing()
    {
        Org("REQUIRED_FOR_ALL");

        var result = Login();

        Assert.That(result.Login.MfaRequired, Is.EqualTo(new MfaRequired(null, null)));
        Assert.That(B2B.Outbox.All.Where(m => m.Channel == DeliveryChannel.Sms), Is.Empty);
    }

    [Test]
    public void Pass_EnrolledMemberWithPhone_SendsSmsCodeAndSaysSmsOtp()
    {
        var org = Org();
        var member = Member(org.OrganizationId, phone: Phone, enrolled: true);

        var result = Login();

        Assert.That(result.Login.MfaRequired, Is.EqualTo(new MfaRequired(new MfaMemberOptions(Phone, ""), "sms_otp")));
        var sms = B2B.Outbox.All.Single(m => m.Channel == DeliveryChannel.Sms);
        Assert.That(sms.PhoneNumber, Is.EqualTo(Phone));
        Assert.That(sms.Kind, Is.EqualTo(MessageKind.Mfa));
        Assert.That(sms.MemberId, Is.EqualTo(member.MemberId));
        Assert.That(sms.ExpiresAt, Is.EqualTo(Start.AddMinutes(2)));
    }

    [Test]
    public void Pass_SmsNotAmongAllowedMfaMethods_SendsNoCode()
    {
        var org = Org("REQUIRED_FOR_ALL");
        B2B.Organizations.Update(org.OrganizationId, new OrganizationFields { MfaMethods = "RESTRICTED", AllowedMfaMethods = ["totp"] });
        Member(org.OrganizationId, phone: Phone);

        var result = Login();

        Assert.That(result.Login.MfaRequired, Is.EqualTo(new MfaRequired(new MfaMemberOptions(Phone, ""), null)));
        Assert.That(B2B.Outbox.All.Where(m => m.Channel == DeliveryChannel.Sms), Is.Empty);
    }

    [Test]
    public void Pass_ValidSessionOfTheMember_SkipsMfaAndExtendsIt()
    {
        var org = Org();
        Member(org.OrganizationId);
        var first = Login();
        B2B.Organizations.Update(org.OrganizationId, new OrganizationFields { MfaPolicy = "REQUIRED_FOR_ALL" });

        var second = Login(sessionToken: first.Session!.SessionToken);

        Assert.That(second.Session!.MemberSessionId, Is.EqualTo(first.Session.MemberSessionId));
    }

    [Test]
    public void Pass_MfaFactorAfterIntermediateSession_StartsSessionWithBothFactorsAndUsesItUp()
    {
        Org("REQUIRED_FOR_ALL");
        var primary = Login();
        var intermediate = IntermediateOf(primary.Login.IntermediateSessionToken);

        var login = Pass(new LoginAttempt { Organization = primary.Organization, Member = primary.Member, Factor = Sms(Start), Intermediate = intermediate });

        Assert.That(login.Session!.AuthenticationFactors.Select(f => f.Kind), Is.EqualTo(new[] { FactorKind.EmailOtp, FactorKind.SmsOtp }));
        Assert.That(login.Session.ExpiresAt, Is.EqualTo(Start.AddMinutes(60)));
        Assert.That(ErrorOf(() => IntermediateOf(intermediate.Token)), Is.EqualTo(StytchError.IntermediateSessionNotFound));
    }

    [Test]
    public void Pass_MfaFactorAlone_ThrowsMissingPrimaryFactor()
    {
        var org = Org();
        var member = Member(org.OrganizationId);

        Assert.That(ErrorOf(() => Pass(new LoginAttempt { Organization = org, Member = member, Factor = Sms(Start) })),
            Is.EqualTo(StytchError.InvalidSessionMissingPrimaryFactor));
    }

    [Test]
    public void Pass_CarriedFactorTheOrganizationDoesNotAllow_AnswersPrimaryRequired()
    {
        var org = Org();
        org = B2B.Organizations.Update(org.OrganizationId, new OrganizationFields { AuthMethods = "RESTRICTED", AllowedAuthMethods = ["sso", "magic_link"] });
        var member = Member(org.OrganizationId);

        var login = Pass(new LoginAttempt
        {
            Organization = org, Member = member, CarriedFactors = [AuthenticationFactor.EmailOtp(member.EmailId, member.EmailAddress, Start)],
        });

        Assert.That(login.Session, Is.Null);
        Assert.That(login.PrimaryRequired!.AllowedAuthMethods, Is.EqualTo(new[] { "sso", "magic_link" }));
        Assert.That(IntermediateOf(login.IntermediateSessionToken).MemberId, Is.EqualTo(member.MemberId));
    }

    [Test]
    public void Authenticate_RestrictedAuthMethodsWithoutEmailOtp_ThrowsAndLeavesTheCodeUsable()
    {
        var org = Org();
        Member(org.OrganizationId);
        B2B.EmailOtp.LoginOrSignup("acme", "ada@acme.io", Defaults);
        var code = CodeFor("ada@acme.io");
        B2B.Organizations.Update(org.OrganizationId, new OrganizationFields { AuthMethods = "RESTRICTED", AllowedAuthMethods = ["magic_link"] });

        Assert.That(ErrorOf(() => Authenticate("acme", "ada@acme.io", code)), Is.EqualTo(StytchError.OperationRestrictedByOrganizationAuthMethods));
        B2B.Organizations.Update(org.OrganizationId, new OrganizationFields { AuthMethods = "ALL_ALLOWED" });
        Assert.That(Authenticate("acme", "ada@acme.io", code).Login.MemberAuthenticated, Is.True);
    }

    [Test]
    public void Authenticate_RestrictedAuthMethodsBreakglassMember_StartsSession()
    {
        var org = Org();
        Member(org.OrganizationId, breakglass: true);
        B2B.Organizations.Update(org.OrganizationId, new OrganizationFields { AuthMethods = "RESTRICTED", AllowedAuthMethods = ["sso"] });

        Assert.That(Login().Login.MemberAuthenticated, Is.True);
    }

    [Test]
    public void Authenticate_RestrictedAuthMethodsAllowingEmailOtp_StartsSession()
    {
        var org = Org();
        Member(org.OrganizationId);
        B2B.Organizations.Update(org.OrganizationId, new OrganizationFields { AuthMethods = "RESTRICTED", AllowedAuthMethods = ["email_otp"] });

        Assert.That(Login().Login.MemberAuthenticated, Is.True);
    }

    [Test]
    public void Authenticate_IntermediateSessionOfAnotherOrganization_Throws()
    {
        Org("REQUIRED_FOR_ALL");
        Org(slug: "globex");
        var token = Login().Login.IntermediateSessionToken;

        Assert.That(ErrorOf(() => Login("globex", intermediate: token)), Is.EqualTo(StytchError.InvalidIntermediateSessionTokenForOrganization));
    }

    [Test]
    public void Authenticate_IntermediateSessionOfAnotherMember_Throws()
    {
        Org("REQUIRED_FOR_ALL");
        var token = Login().Login.IntermediateSessionToken;

        Assert.That(ErrorOf(() => Login(email: "bob@acme.io", intermediate: token)), Is.EqualTo(StytchError.InvalidExchangePrimaryFactorUser));
    }

    [Test]
    public void Authenticate_IntermediateAndSessionToken_ThrowsTooManySessionArguments()
    {
        var org = Org();
        Member(org.OrganizationId);
        var session = Login().Session!.SessionToken;
        B2B.Organizations.Update(org.OrganizationId, new OrganizationFields { MfaPolicy = "REQUIRED_FOR_ALL" });
        Member(org.OrganizationId, "bob@acme.io");
        var token = Login(email: "bob@acme.io").Login.IntermediateSessionToken;

        Assert.That(ErrorOf(() => Login(intermediate: token, sessionToken: session)), Is.EqualTo(StytchError.TooManySessionArguments));
    }

    [Test]
    public void Authenticate_SecondPrimaryWithIntermediateSession_KeepsTheTokenAndAddsTheFactor()
    {
        Org("REQUIRED_FOR_ALL");
        var token = Login().Login.IntermediateSessionToken;
        Time.Advance(TimeSpan.FromMinutes(1));

        var again = Login(intermediate: token);

        Assert.That(again.Login.IntermediateSessionToken, Is.EqualTo(token));
        Assert.That(IntermediateOf(token).Factors.Single().LastAuthenticatedAt, Is.EqualTo(Start.AddMinutes(1)));
    }

    [Test]
    public void Authenticate_ExpiredIntermediateSession_ThrowsNotFound()
    {
        Org("REQUIRED_FOR_ALL");
        var token = Login().Login.IntermediateSessionToken;
        Time.Advance(TimeSpan.FromMinutes(10));

        Assert.That(ErrorOf(() => Login(intermediate: token)), Is.EqualTo(StytchError.IntermediateSessionNotFound));
    }

    [Test]
    public void DeleteMember_DropsItsIntermediateSessions()
    {
        Org("REQUIRED_FOR_ALL");
        var result = Login();

        B2B.Members.Delete("acme", result.Member.MemberId);

        Assert.That(ErrorOf(() => IntermediateOf(result.Login.IntermediateSessionToken)), Is.EqualTo(StytchError.IntermediateSessionNotFound));
    }
}
