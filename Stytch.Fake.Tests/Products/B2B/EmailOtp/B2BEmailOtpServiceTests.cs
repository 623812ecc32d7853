using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.EmailOtp;
using Stytch.Fake.Products.B2B.Members;

namespace Stytch.Fake.Tests.Products.B2B.EmailOtp;

/// <summary>B2B email OTP in the engine: JIT provisioning, login and signup codes, and authenticating them.</summary>
public sealed class B2BEmailOtpServiceTests : B2BEngineTest
{
    // ---- login_or_signup --------------------------------------------------------------------------

    [Test]
    public void LoginOrSignup_JitAllowed_CreatesPendingMemberAndSignupMessage()
    {
        var org = Jit();

        var sent = B2B.EmailOtp.LoginOrSignup("acme", "Ada@Acme.io", Defaults);

        Assert.That(sent.MemberCreated, Is.True);
        Assert.That(sent.Kind, Is.EqualTo(MessageKind.Signup));
        Assert.That(sent.Member.Status, Is.EqualTo("pending"));
        Assert.That(sent.Member.EmailAddress, Is.EqualTo("ada@acme.io"));
        var message = B2B.Outbox.LatestFor("ada@acme.io");
        Assert.That(message.OrganizationId, Is.EqualTo(org.OrganizationId));
        Assert.That(message.MemberId, Is.EqualTo(sent.Member.MemberId));
        Assert.That(message.MethodId, Is.EqualTo(sent.Member.EmailId));
        Assert.That(message.ExpiresAt, Is.EqualTo(Start.AddMinutes(10)));
    }

    [Test]
    public void LoginOrSignup_JitNotAllowed_ThrowsAndCreatesNothing()
    {
        B2B.Organizations.Create(new OrganizationFields { OrganizationName = "Acme", OrganizationSlug = "acme" });

        Assert.That(ErrorOf(() => B2B.EmailOtp.LoginOrSignup("acme", "ada@acme.io", Defaults)), Is.EqualTo(StytchError.EmailJitProvisioningNotAllowed));
        Assert.That(B2B.Members.List(), Is.Empty);
        Assert.That(B2B.Outbox.All, Is.Empty);
    }

    [Test]
    public void LoginOrSignup_DomainNotAllowed_ThrowsInvalidEmailForJitProvisioning()
    {
        Jit();

        Assert.That(ErrorOf(() => B2B.EmailOtp.LoginOrSignup("acme", "ada@other.io", Defaults)), Is.EqualTo(StytchError.InvalidEmailForJitProvisioning));
    }

    [TestCase(1)]
    [TestCase(16)]
    public void LoginOrSignup_ExpirationOutOfRange_ThrowsInvalidExpirationOtp(int minutes)
    {
        Jit();

        Assert.That(ErrorOf(() => B2B.EmailOtp.LoginOrSignup("acme", "ada@acme.io", new LoginOrSignupOptions { SignupExpirationMinutes = minutes })),
            Is.EqualTo(StytchError.InvalidExpirationOtp));
        Assert.That(B2B.Members.List(), Is.Empty);
    }

    [Test]
    public void LoginOrSignup_ActiveMember_LoginCodeWithLoginExpiration()
    {
        Jit();
        B2B.Members.Create("acme", new MemberFields { EmailAddress = "ada@acme.io" });

        var sent = B2B.EmailOtp.LoginOrSignup("acme", "ada@acme.io", new LoginOrSignupOptions { LoginExpirationMinutes = 3, SignupExpirationMinutes = 12 });

        Assert.That(sent.Kind, Is.EqualTo(MessageKind.Login));
        Assert.That(B2B.Outbox.LatestFor("ada@acme.io").ExpiresAt, Is.EqualTo(Start.AddMinutes(3)));
    }

    // ---- authenticate -----------------------------------------------------------------------------

    [Test]
    public void Authenticate_RightCode_ActivatesVerifiesAndStartsASixtyMinuteSession()
    {
        Jit();
        B2B.EmailOtp.LoginOrSignup("acme", "ada@acme.io", Defaults);

        var result = Authenticate("acme", "ada@acme.io", CodeFor("ada@acme.io"));

        Assert.That(result.Member.Status, Is.EqualTo("active"));
        Assert.That(result.Member.EmailAddressVerified, Is.True);
        Assert.That(result.Session!.ExpiresAt, Is.EqualTo(Start.AddMinutes(60)));
        Assert.That(result.Session.OrganizationSlug, Is.EqualTo("acme"));
        Assert.That(result.Session.Roles, Is.EqualTo(new[] { "stytch_member" }));
        Assert.That(result.MethodId, Is.EqualTo(result.Member.EmailId));
    }

    [Test]
    public void Authenticate_OnlyTheNewestCodeWorks_AndOnlyOnce()
    {
        Jit();
        B2B.EmailOtp.LoginOrSignup("acme", "ada@acme.io", Defaults);
        var older = CodeFor("ada@acme.io");
        B2B.EmailOtp.LoginOrSignup("acme", "ada@acme.io", Defaults);
        var newer = CodeFor("ada@acme.io");
        Assert.That(newer, Is.Not.EqualTo(older));

        Assert.That(ErrorOf(() => Authenticate("acme", "ada@acme.io", older)), Is.EqualTo(StytchError.OtpCodeNotFound));
        Assert.That(Authenticate("acme", "ada@acme.io", newer).Member.Status, Is.EqualTo("active"));
        Assert.That(ErrorOf(() => Authenticate("acme", "ada@acme.io", newer)), Is.EqualTo(StytchError.UnableToAuthOtpCode));
    }

    [Test]
    public void Authenticate_AfterExpiry_ThrowsUnableToAuthOtpCodeAndMemberStaysPending()
    {
        Jit();
        B2B.EmailOtp.LoginOrSignup("acme", "ada@acme.io", Defaults);
        Time.Advance(TimeSpan.FromMinutes(10));

        Assert.That(ErrorOf(() => Authenticate("acme", "ada@acme.io", CodeFor("ada@acme.io"))), Is.EqualTo(StytchError.UnableToAuthOtpCode));
        Assert.That(B2B.Members.List().Single().Status, Is.EqualTo("pending"));
    }

    [Test]
    public void Authenticate_InvalidSessionDuration_LeavesTheCodeUsable()
    {
        Jit();
        B2B.EmailOtp.LoginOrSignup("acme", "ada@acme.io", Defaults);
        var code = CodeFor("ada@acme.io");

        Assert.That(ErrorOf(() => Authenticate("acme", "ada@acme.io", code, 4)), Is.EqualTo(StytchError.InvalidSessionDurationMinutes));
        Assert.That(Authenticate("acme", "ada@acme.io", code).Member.Status, Is.EqualTo("active"));
    }
}
