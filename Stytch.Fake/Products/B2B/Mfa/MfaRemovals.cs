using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Members;
using Stytch.Fake.Products.B2B.Organizations;
using Stytch.Fake.Products.B2B.Totps;

namespace Stytch.Fake.Products.B2B.Mfa;

/// <summary>
/// Taking a member's MFA factors away (<c>DELETE …/members/mfa_phone_numbers/{member_id}</c> and
/// <c>DELETE …/members/{member_id}/totp</c>), so a new phone number or registration can be set. The spec: "Existing Member
/// Sessions that include a phone number [or TOTP] authentication factor will not be revoked … and MFA will not be enforced
/// until the Member logs in again" — so sessions are left alone, and <c>mfa_enrolled</c> and <c>default_mfa_method</c> are
/// kept (inferred: the spec names only the factor itself).
/// </summary>
internal sealed class MfaRemovals(ProjectStore store, OrganizationService organizations, MemberService members)
{
    /// <summary>
    /// Clears <c>mfa_phone_number</c> and <c>mfa_phone_number_verified</c>, and drops a code sent to the old number; a member
    /// without a number answers <c>member_phone_number_not_found</c> (inferred from error-types.txt).
    /// </summary>
    public (StytchMember Member, StytchOrganization Organization) DeletePhone(string? organizationReference, string? memberReference) => store.Transact(() =>
    {
        var (organization, member) = Find(organizationReference, memberReference);
        if (member.MfaPhoneNumber.Length == 0)
        {
            throw new StytchException(StytchError.MemberPhoneNumberNotFound);
        }

        store.Secrets.Remove(MfaSmsCodes.KeyOf(member.OrganizationId, member.MemberId));
        return (Save(member, member with { MfaPhoneNumber = "", MfaPhoneNumberVerified = false }), organization);
    });

    /// <summary>
    /// Drops the member's TOTP registration, active or pending, with its recovery codes; <c>totp_registration_id</c> becomes
    /// empty. A member without one answers <c>totp_not_found</c> (inferred from error-types.txt).
    /// </summary>
    public (StytchMember Member, StytchOrganization Organization) DeleteTotp(string? organizationReference, string? memberReference) => store.Transact(() =>
    {
        var (organization, member) = Find(organizationReference, memberReference);
        var table = store.Part<TotpTable>();
        if (table.Of(member.MemberId) is null)
        {
            throw new StytchException(StytchError.TotpNotFound);
        }

        table.Remove(member.MemberId);
        return (Save(member, member with { TotpRegistrationId = "" }), organization);
    });

    private (StytchOrganization Organization, StytchMember Member) Find(string? organizationReference, string? memberReference)
    {
        var organization = organizations.Resolve(organizationReference);
        return (organization, members.Resolve(organization, memberReference, includeDeleted: false));
    }

    private StytchMember Save(StytchMember current, StytchMember updated)
    {
        updated = updated with { UpdatedAt = store.Clock.Now };
        members.Table.Replace(current, updated);
        return updated;
    }
}
