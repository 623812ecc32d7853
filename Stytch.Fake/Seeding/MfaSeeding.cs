namespace Stytch.Fake;

// Seeding members enrolled in MFA, each in one line: by SMS to a verified phone, or by an authenticator app whose
// current code ProjectTotps.CodeFor gives.

public sealed partial class StytchSeeder
{
    internal StytchMember EnrollSms(StytchMember member, string phoneNumber)
    {
        lock (_gate)
        {
            return _project.B2BProducts.SmsOtp.Enroll(member.OrganizationId, member.MemberId, phoneNumber);
        }
    }

    internal StytchMember EnrollTotp(StytchMember member)
    {
        lock (_gate)
        {
            return _project.B2BProducts.Totps.Enroll(member.OrganizationId, member.MemberId).Member;
        }
    }
}

public sealed partial class SeededOrganization
{
    /// <summary>
    /// Adds an active member enrolled in MFA by SMS: <paramref name="phoneNumber"/> (E.164) is its verified
    /// <c>mfa_phone_number</c> and <c>sms_otp</c> its default method, so each login sends it an SMS code.
    /// </summary>
    /// <exception cref="StytchException"><c>invalid_phone_number</c> for a number that is not valid E.164.</exception>
    public SeededOrganization WithSmsMfaMember(string emailAddress, string phoneNumber, string? name = null)
    {
        var member = AddMember(emailAddress, name, "active");
        Replace(member, _seeder.EnrollSms(member, phoneNumber));
        return this;
    }

    /// <summary>
    /// Adds an active member enrolled in MFA by an authenticator app: an active TOTP registration with ten recovery
    /// codes and <c>totp</c> its default method. <c>project.B2B.Totps.CodeFor(organization, memberId)</c> gives its
    /// current code.
    /// </summary>
    public SeededOrganization WithTotpMember(string emailAddress, string? name = null)
    {
        var member = AddMember(emailAddress, name, "active");
        Replace(member, _seeder.EnrollTotp(member));
        return this;
    }

    private void Replace(StytchMember seeded, StytchMember enrolled) => _members[_members.IndexOf(seeded)] = enrolled;
}
