using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.EmailOtp;
using Stytch.Fake.Products.B2B.Members;
using Stytch.Fake.Products.B2B.Mfa;
using Stytch.Fake.Products.B2B.SmsOtp;
using Stytch.Fake.Products.B2B.Totps;

namespace Stytch.Fake.Tests.Products.B2B.Mfa;

/// <summary>SMS OTP, TOTP and recovery codes in the engine: the second factor that turns an intermediate session into a member session.</summary>
public sealed class MfaFactorTests : B2BEngineTest
{
    private const string Phone = "+14155550123";

    private StytchOrganization _org = null!;

    [SetUp]
    public void CreateOrganization() => _org = B2B.Organizations.Create(new OrganizationFields
    {
        OrganizationName = "Acme", OrganizationSlug = "acme", EmailJitProvisioning = "RESTRICTED", EmailAllowedDomains = ["acme.io"], MfaPolicy = "REQUIRED_FOR_ALL",
    });

    private B2BOtpAuthenticated Primary(string email = "ada@acme.io")
    {
        B2B.EmailOtp.LoginOrSignup("acme", email, Defaults);
        return Authenticate("acme", email, CodeFor(email));
    }

    private static MfaStepCommand Step(string memberId, string? intermediate = null, string? session = null) =>
        new() { OrganizationId = "acme", MemberId = memberId, IntermediateSessionToken = intermediate, SessionToken = session };

    private string SmsCode => B2B.Outbox.All.Last(m => m.Channel == DeliveryChannel.Sms).Code;

    // ---- SMS OTP ------------------------------------------------------------------------------------

    [Test]
    public void SmsSend_MemberWithoutPhone_LinksTheNumberUnverifiedAndSendsAnMfaCode()
    {
        var primary = Primary();

        var (member, _) = B2B.SmsOtp.Send(new B2BSmsSendCommand { Step = Step(primary.Member.MemberId, primary.Login.IntermediateSessionToken), MfaPhoneNumber = Phone });

        Assert.That((member.MfaPhoneNumber, member.MfaPhoneNumberVerified), Is.EqualTo((Phone, false)));
        var sms = B2B.Outbox.All.Single(m => m.Channel == DeliveryChannel.Sms);
        Assert.That((sms.PhoneNumber, sms.Kind, sms.ExpiresAt), Is.EqualTo((Phone, MessageKind.Mfa, Start.AddMinutes(2))));
    }

    [Test]
    public void SmsSend_NoPhoneAndNoneGiven_ThrowsMemberPhoneNumberNotFound()
    {
        var primary = Primary();

        Assert.That(ErrorOf(() => B2B.SmsOtp.Send(new B2BSmsSendCommand { Step = Step(primary.Member.MemberId, primary.Login.IntermediateSessionToken) })),
            Is.EqualTo(StytchError.MemberPhoneNumberNotFound));
    }

    [Test]
    public void SmsSend_AnotherNumberThanTheMembers_Throws()
    {
        var primary = Primary();
        B2B.SmsOtp.Send(new B2BSmsSendCommand { Step = Step(primary.Member.MemberId, primary.Login.IntermediateSessionToken), MfaPhoneNumber = Phone });

        Assert.That(ErrorOf(() => B2B.SmsOtp.Send(new B2BSmsSendCommand { Step = Step(primary.Member.MemberId, primary.Login.IntermediateSessionToken), MfaPhoneNumber = "+14155550124" })),
            Is.EqualTo(StytchError.DuplicateMemberPhoneNumberForMember));
    }

    [Test]
    public void SmsSend_InvalidNumber_ThrowsInvalidPhoneNumber()
    {
        var primary = Primary();

        Assert.That(ErrorOf(() => B2B.SmsOtp.Send(new B2BSmsSendCommand { Step = Step(primary.Member.MemberId), MfaPhoneNumber = "+15555550100" })),
            Is.EqualTo(StytchError.InvalidPhoneNumber));
    }

    [Test]
    public void SmsSend_OrganizationAllowsOnlyTotp_ThrowsRestrictedByMfaMethods()
    {
        var primary = Primary();
        B2B.Organizations.Update("acme", new OrganizationFields { MfaMethods = "RESTRICTED", AllowedMfaMethods = ["totp"] });

        Assert.That(ErrorOf(() => B2B.SmsOtp.Send(new B2BSmsSendCommand { Step = Step(primary.Member.MemberId, primary.Login.IntermediateSessionToken), MfaPhoneNumber = Phone })),
            Is.EqualTo(StytchError.OperationRestrictedByOrganizationMfaMethods));
    }

    [Test]
    public void SmsAuthenticate_AfterPrimary_StartsSessionWithBothFactorsAndVerifiesAndEnrolls()
    {
        var primary = Primary();
        var step = Step(primary.Member.MemberId, primary.Login.IntermediateSessionToken);
        B2B.SmsOtp.Send(new B2BSmsSendCommand { Step = step, MfaPhoneNumber = Phone });

        var (member, login) = B2B.SmsOtp.Authenticate(new B2BSmsAuthenticateCommand(step with { SessionDurationMinutes = 30 }, SmsCode));

        Assert.That(login.Session!.AuthenticationFactors.Select(f => f.Kind), Is.EqualTo(new[] { FactorKind.EmailOtp, FactorKind.SmsOtp }));
        Assert.That(login.Session.AuthenticationFactors[1].Phone!.PhoneNumber, Is.EqualTo(Phone));
        Assert.That(login.Session.ExpiresAt, Is.EqualTo(Start.AddMinutes(30)));
        Assert.That((member.MfaPhoneNumberVerified, member.MfaEnrolled, member.DefaultMfaMethod), Is.EqualTo((true, true, "sms_otp")));
    }

    [Test]
    public void SmsAuthenticate_NoSessionArguments_Throws()
    {
        var primary = Primary();

        Assert.That(ErrorOf(() => B2B.SmsOtp.Authenticate(new B2BSmsAuthenticateCommand(Step(primary.Member.MemberId), "123456"))),
            Is.EqualTo(StytchError.NoSessionArguments));
    }

    [Test]
    public void SmsAuthenticate_WrongCode_ThrowsAndTheRightCodeStillWorks()
    {
        var primary = Primary();
        var step = Step(primary.Member.MemberId, primary.Login.IntermediateSessionToken);
        B2B.SmsOtp.Send(new B2BSmsSendCommand { Step = step, MfaPhoneNumber = Phone });
        var wrong = SmsCode == "000000" ? "000001" : "000000";

        Assert.That(ErrorOf(() => B2B.SmsOtp.Authenticate(new B2BSmsAuthenticateCommand(step, wrong))), Is.EqualTo(StytchError.OtpCodeNotFound));
        Assert.That(B2B.SmsOtp.Authenticate(new B2BSmsAuthenticateCommand(step, SmsCode)).Login.MemberAuthenticated, Is.True);
    }

    [Test]
    public void SmsAuthenticate_AfterTwoMinutes_ThrowsUnableToAuth()
    {
        var primary = Primary();
        var step = Step(primary.Member.MemberId, primary.Login.IntermediateSessionToken);
        B2B.SmsOtp.Send(new B2BSmsSendCommand { Step = step, MfaPhoneNumber = Phone });
        Time.Advance(TimeSpan.FromMinutes(2));

        Assert.That(ErrorOf(() => B2B.SmsOtp.Authenticate(new B2BSmsAuthenticateCommand(step, SmsCode))), Is.EqualTo(StytchError.UnableToAuthOtpCode));
    }

    [Test]
    public void SmsAuthenticate_SessionOfAnotherMember_ThrowsMismatch()
    {
        B2B.Organizations.Update("acme", new OrganizationFields { MfaPolicy = "OPTIONAL" });
        var bob = Primary("bob@acme.io");
        var ada = Primary();

        Assert.That(ErrorOf(() => B2B.SmsOtp.Authenticate(new B2BSmsAuthenticateCommand(Step(ada.Member.MemberId, session: bob.Session!.SessionToken), "123456"))),
            Is.EqualTo(StytchError.MemberSessionMemberIdMismatch));
    }

    // ---- TOTP ---------------------------------------------------------------------------------------

    [Test]
    public void TotpCreate_AnswersABase32SecretAndTenRecoveryCodesAndStaysPending()
    {
        var primary = Primary();

        var created = B2B.Totps.Create(Step(primary.Member.MemberId, primary.Login.IntermediateSessionToken), null);

        Assert.That(created.Registration.Secret, Does.Match("^[A-Z2-7]{32}$"));
        Assert.That(created.Registration.RecoveryCodes, Has.Count.EqualTo(10).And.All.Match("^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$"));
        Assert.That(created.Registration.RegistrationId, Does.StartWith("member-totp-test-"));
        Assert.That(created.Uri, Does.StartWith("otpauth://totp/Acme:ada%40acme.io?secret=" + created.Registration.Secret));
        Assert.That(B2B.Members.Get("acme", primary.Member.MemberId, null).Member.TotpRegistrationId, Is.Empty);
    }

    [Test]
    public void TotpAuthenticate_CurrentCode_ActivatesTheRegistrationAndStartsSession()
    {
        var primary = Primary();
        var step = Step(primary.Member.MemberId, primary.Login.IntermediateSessionToken);
        var created = B2B.Totps.Create(step, null);

        var (member, login) = B2B.Totps.Authenticate(step, B2B.Totps.CurrentCode("acme", primary.Member.MemberId));

        Assert.That(login.Session!.AuthenticationFactors.Select(f => f.Kind), Is.EqualTo(new[] { FactorKind.EmailOtp, FactorKind.Totp }));
        Assert.That((member.TotpRegistrationId, member.MfaEnrolled, member.DefaultMfaMethod), Is.EqualTo((created.Registration.RegistrationId, true, "totp")));
    }

    [Test]
    public void TotpAuthenticate_SameCodeTwice_ThrowsAlreadyAuthenticated()
    {
        var primary = Primary();
        B2B.Totps.Create(Step(primary.Member.MemberId, primary.Login.IntermediateSessionToken), null);
        var code = B2B.Totps.CurrentCode("acme", primary.Member.MemberId);
        B2B.Totps.Authenticate(Step(primary.Member.MemberId, primary.Login.IntermediateSessionToken), code);
        var again = Primary();

        Assert.That(ErrorOf(() => B2B.Totps.Authenticate(Step(primary.Member.MemberId, again.Login.IntermediateSessionToken), code)),
            Is.EqualTo(StytchError.TotpCodeAlreadyAuthenticated));
    }

    [Test]
    public void TotpAuthenticate_CodeOfNoNearbyStep_ThrowsUnableToAuthenticate()
    {
        var primary = Primary();
        var secret = B2B.Totps.Create(Step(primary.Member.MemberId, primary.Login.IntermediateSessionToken), null).Registration.Secret;
        var near = new[] { -30, 0, 30 }.Select(s => TotpCodes.CodeAt(secret, Start.AddSeconds(s))).ToHashSet();
        var wrong = Enumerable.Range(0, 4).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));

        Assert.That(ErrorOf(() => B2B.Totps.Authenticate(Step(primary.Member.MemberId, primary.Login.IntermediateSessionToken), wrong)),
            Is.EqualTo(StytchError.UnableToAuthenticateTotp));
    }

    [Test]
    public void TotpCodes_CodeOfThreeStepsAgo_DoesNotMatch()
    {
        var secret = OtpNet.Base32Encoding.ToString("12345678901234567890"u8.ToArray());

        Assert.That(TotpCodes.MatchingStep(secret, "287082", DateTimeOffset.FromUnixTimeSeconds(59)), Is.EqualTo(1));
        Assert.That(TotpCodes.MatchingStep(secret, "287082", DateTimeOffset.FromUnixTimeSeconds(59 + 90)), Is.Null);
    }

    [Test]
    public void TotpAuthenticate_PendingRegistrationPastItsExpiration_ThrowsExpiredTotp()
    {
        var primary = Primary();
        B2B.Totps.Create(Step(primary.Member.MemberId), 5);
        Time.Advance(TimeSpan.FromMinutes(5));
        var again = Primary();

        Assert.That(ErrorOf(() => B2B.Totps.Authenticate(Step(primary.Member.MemberId, again.Login.IntermediateSessionToken), B2B.Totps.CurrentCode("acme", primary.Member.MemberId))),
            Is.EqualTo(StytchError.ExpiredTotp));
    }

    [Test]
    public void TotpCreate_ActiveRegistration_ThrowsActiveTotpExists()
    {
        var member = B2B.Members.Create("acme", new MemberFields { EmailAddress = "ada@acme.io" }).Member;
        B2B.Totps.Enroll(_org.OrganizationId, member.MemberId);

        Assert.That(ErrorOf(() => B2B.Totps.Create(Step(member.MemberId), null)), Is.EqualTo(StytchError.ActiveTotpExists));
    }

    [Test]
    public void TotpCodes_Rfc6238Sha1Vector_MatchesAtFiftyNineSeconds()
    {
        // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s, SHA-1 -> 94287082 (the last six digits here).
        var secret = OtpNet.Base32Encoding.ToString("12345678901234567890"u8.ToArray());

        Assert.That(TotpCodes.CodeAt(secret, DateTimeOffset.FromUnixTimeSeconds(59)), Is.EqualTo("287082"));
    }

    // ---- recovery codes -----------------------------------------------------------------------------

    [Test]
    public void Recover_UnusedCode_FinishesTheLoginAndCountsWhatIsLeft()
    {
        var member = B2B.Members.Create("acme", new MemberFields { EmailAddress = "ada@acme.io" }).Member;
        var codes = B2B.Totps.Enroll(_org.OrganizationId, member.MemberId).Registration.RecoveryCodes;
        var primary = Primary();

        var (_, login, remaining) = B2B.RecoveryCodes.Recover(Step(member.MemberId, primary.Login.IntermediateSessionToken), codes[0]);

        Assert.That(login.Session!.AuthenticationFactors.Select(f => f.Kind), Is.EqualTo(new[] { FactorKind.EmailOtp, FactorKind.RecoveryCode }));
        Assert.That(remaining, Is.EqualTo(9));
        Assert.That(B2B.RecoveryCodes.Get("acme", member.MemberId).Codes, Is.EqualTo(codes.Skip(1)));
    }

    [Test]
    public void Recover_UsedCode_ThrowsUnableToAuthenticate()
    {
        var member = B2B.Members.Create("acme", new MemberFields { EmailAddress = "ada@acme.io" }).Member;
        var code = B2B.Totps.Enroll(_org.OrganizationId, member.MemberId).Registration.RecoveryCodes[0];
        B2B.RecoveryCodes.Recover(Step(member.MemberId, Primary().Login.IntermediateSessionToken), code);

        Assert.That(ErrorOf(() => B2B.RecoveryCodes.Recover(Step(member.MemberId, Primary().Login.IntermediateSessionToken), code)),
            Is.EqualTo(StytchError.UnableToAuthenticateRecoveryCode));
    }

    [Test]
    public void Rotate_ReplacesEveryCode()
    {
        var member = B2B.Members.Create("acme", new MemberFields { EmailAddress = "ada@acme.io" }).Member;
        var old = B2B.Totps.Enroll(_org.OrganizationId, member.MemberId).Registration.RecoveryCodes;

        var rotated = B2B.RecoveryCodes.Rotate("acme", member.MemberId).Codes;

        Assert.That(rotated, Has.Count.EqualTo(10));
        Assert.That(rotated.Intersect(old), Is.Empty);
    }

    [Test]
    public void Get_MemberWithoutActiveTotp_ThrowsNoActiveRecoveryCodeBackedFactor()
    {
        var primary = Primary();

        Assert.That(ErrorOf(() => B2B.RecoveryCodes.Get("acme", primary.Member.MemberId)), Is.EqualTo(StytchError.NoActiveRecoveryCodeBackedFactor));
    }
}
