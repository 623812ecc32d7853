using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Members;
using Stytch.Fake.Products.B2B.Organizations;

namespace Stytch.Fake.Products.B2B.Passwords;

/// <summary>The member whose password <c>b2b/passwords/email/require_reset</c> marked, when there was exactly one.</summary>
/// <param name="Member">That member, or null when the address's members of several organizations were marked.</param>
/// <param name="Organization">Its organization, or null.</param>
internal sealed record B2BPasswordResetRequired(StytchMember? Member, StytchOrganization? Organization);

internal sealed partial class B2BPasswordService
{
    /// <summary>
    /// <c>POST /v1/b2b/passwords/email/require_reset</c>: the password of the address's member (in the named organization,
    /// or, as cross-organization passwords are one per address, of every live member with the address) must be reset
    /// before it logs in again: authenticate then answers <c>member_reset_password</c>, as for a breached password, until
    /// a reset sets a new one. As the spec says, "If there is only one active Member using the associated email address
    /// in the Project, the password will be deleted" instead (its password logins then answer
    /// <c>unauthorized_credentials</c>, and a reset by email sets a new one). Inferred: an address with no member is
    /// <c>member_not_found</c>, members without a password <c>member_password_not_found</c>; <c>member_id</c> needs
    /// <c>organization_id</c> and must be the address's member.
    /// </summary>
    public B2BPasswordResetRequired RequireReset(string? emailAddress, string? organizationReference, string? memberReference)
    {
        var email = Validate.Email(emailAddress);
        var inOrganization = !string.IsNullOrEmpty(organizationReference);
        if (inOrganization)
        {
            OrganizationRules.CheckReference(organizationReference);
        }
        else if (!string.IsNullOrEmpty(memberReference))
        {
            throw Validate.BadRequest("organization_id is required with member_id.");
        }

        return _store.Transact(() =>
        {
            var organization = inOrganization ? _organizations.Resolve(organizationReference) : null;
            var members = organization is null ? MembersWithEmail(email).ToArray() : [MemberOf(organization, email, memberReference)];
            if (members.Length == 0)
            {
                throw new StytchException(StytchError.MemberNotFound);
            }

            var table = _store.Part<PasswordTable>();
            var marked = members.Where(m => table.Find(m.MemberId) is not null).ToArray();
            if (marked.Length == 0)
            {
                throw new StytchException(StytchError.MemberPasswordNotFound);
            }

            if (MembersWithEmail(email).Count(m => m.Status == MemberStatus.Active) == 1 && marked.Length == 1 && marked[0].Status == MemberStatus.Active)
            {
                _store.ForgetPassword(marked[0].MemberId);
                members = [WithPasswordId(marked[0], "", _store.Clock.Now)];
            }
            else
            {
                foreach (var member in marked)
                {
                    table.Put(member.MemberId, table.Find(member.MemberId)! with { RequiresReset = true });
                }
            }

            var single = members.Length == 1 ? members[0] : null;
            return new B2BPasswordResetRequired(single, single is null ? null : organization ?? _organizations.Resolve(single.OrganizationId));
        });
    }

    private StytchMember MemberOf(StytchOrganization organization, string email, string? memberReference)
    {
        var member = string.IsNullOrEmpty(memberReference)
            ? _members.WithEmail(organization, email)
            : _members.Resolve(organization, memberReference, includeDeleted: false);
        return member is not null && member.EmailAddress == email ? member : throw new StytchException(StytchError.MemberNotFound);
    }
}
