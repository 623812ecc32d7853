using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Mfa;

namespace Stytch.Fake.Products.B2B.SmsOtp;

/// <summary>What <c>b2b/otps/sms/send</c> is asked to do.</summary>
internal sealed record B2BSmsSendCommand
{
    /// <summary>The member and the session it continues (no session duration, claims or enrolment).</summary>
    public required MfaStepCommand Step { get; init; }
    /// <summary>The number to send to; needed only when the member has none, and then linked to it.</summary>
    public string? MfaPhoneNumber { get; init; }
    /// <summary>The locale of the SMS.</summary>
    public string? Locale { get; init; }
}

/// <summary>What <c>b2b/otps/sms/authenticate</c> is asked to do.</summary>
/// <param name="Step">The member, the session it continues, and the session and enrolment options.</param>
/// <param name="Code">The six-digit code.</param>
internal sealed record B2BSmsAuthenticateCommand(MfaStepCommand Step, string? Code);

/// <summary>
/// B2B SMS OTP, an MFA factor only (<c>/v1/b2b/otps/sms/*</c>): the member's one live code is sent to its MFA phone
/// (see <see cref="MfaSmsCodes"/>), and authenticating it finishes the login the intermediate session started, or steps
/// up a member session. "SMS OTPs may not be used as a primary authentication mechanism" (the spec).
/// </summary>
internal sealed class B2BSmsOtpService(ProjectStore store, MfaStep step)
{
    /// <summary><c>POST /v1/b2b/otps/sms/send</c>: the member, after the code was sent.</summary>
    public (StytchMember Member, StytchOrganization Organization) Send(B2BSmsSendCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        MfaStep.Check(command.Step);
        var locale = Validate.Locale(command.Locale);
        var phone = string.IsNullOrEmpty(command.MfaPhoneNumber) ? null : E164.Check(command.MfaPhoneNumber);
        return store.Transact(() =>
        {
            var now = store.Clock.Now;
            var context = step.Open(command.Step, now, sessionRequired: false);
            var (organization, member) = (context.Organization, context.Member);
            if (!AuthMethods.AllowsMfa(organization, AuthMethods.SmsOtp))
            {
                throw new StytchException(StytchError.OperationRestrictedByOrganizationMfaMethods);
            }

            // The send docs (stytch.com/docs/api-reference/b2b/api/mfa/otp/send-sms-otp): a member's own number needs no
            // mfa_phone_number; a member without one gets the given number linked; another number is an error.
            if (member.MfaPhoneNumber.Length > 0 && phone is not null && phone != member.MfaPhoneNumber)
            {
                throw new StytchException(StytchError.DuplicateMemberPhoneNumberForMember);
            }

            var to = member.MfaPhoneNumber.Length > 0 ? member.MfaPhoneNumber : phone ?? throw new StytchException(StytchError.MemberPhoneNumberNotFound);

            // "If the Member already has an active MFA factor, then passing an intermediate session token, session token,
            // or session JWT … is required to prevent bypassing MFA" (same page).
            if (context.Intermediate is null && context.Existing is null && (member.MfaPhoneNumberVerified || member.TotpRegistrationId.Length > 0))
            {
                throw new StytchException(StytchError.NoSessionArguments);
            }

            if (member.MfaPhoneNumber.Length == 0)
            {
                var linked = member with { MfaPhoneNumber = to, MfaPhoneNumberVerified = false, UpdatedAt = now };
                step.Replace(member, linked);
                member = linked;
            }

            MfaSmsCodes.Send(store, member, to, locale, now);
            return (member, organization);
        });
    }

    /// <summary><c>POST /v1/b2b/otps/sms/authenticate</c>: the member's phone becomes verified, and the login ends through the gate.</summary>
    public (StytchMember Member, B2BLogin Login) Authenticate(B2BSmsAuthenticateCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        MfaStep.Check(command.Step);
        Validate.Code(command.Code);
        return store.Transact(() =>
        {
            var now = store.Clock.Now;
            var context = step.Open(command.Step, now, sessionRequired: true);
            var member = context.Member;
            if (member.MfaPhoneNumber.Length == 0)
            {
                throw new StytchException(StytchError.MemberPhoneNumberNotFound);
            }

            // Stytch's B2B members have no phone ids; the factor names the number only (inferred).
            var factor = AuthenticationFactor.Of(FactorKind.SmsOtp, null, new FactorPhone("", member.MfaPhoneNumber), "", now, now)!;
            var attempt = MfaStep.Attempt(context, command.Step, factor);
            step.Gate.Check(attempt);
            store.Secrets.Consume(MfaSmsCodes.KeyOf(member.OrganizationId, member.MemberId), command.Code!, now)
                .ThrowUnlessConsumed(StytchError.OtpCodeNotFound, StytchError.UnableToAuthOtpCode);
            member = step.Enroll(context.Organization, member, AuthMethods.SmsOtp, command.Step, m => m with { MfaPhoneNumberVerified = true }, now);
            return (member, step.Gate.Pass(attempt with { Member = member }, now));
        });
    }

    /// <summary>
    /// Seeding: gives the member a verified MFA phone, enrolled in MFA with SMS as its default method (as if it had
    /// authenticated a code sent there).
    /// </summary>
    public StytchMember Enroll(string organizationId, string memberId, string phoneNumber)
    {
        var phone = E164.Check(phoneNumber);
        return store.Transact(() =>
        {
            var context = step.Open(new MfaStepCommand { OrganizationId = organizationId, MemberId = memberId }, store.Clock.Now, sessionRequired: false);
            var member = context.Member with
            {
                MfaPhoneNumber = phone,
                MfaPhoneNumberVerified = true,
                MfaEnrolled = true,
                DefaultMfaMethod = AuthMethods.SmsOtp,
                UpdatedAt = store.Clock.Now,
            };
            step.Replace(context.Member, member);
            return member;
        });
    }
}
